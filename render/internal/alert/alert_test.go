package alert

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, in string
		want     Alert
		ok       bool
	}{
		{"note", "<p>[!NOTE]\nText</p>\n", Alert{Type: "note", Text: "<p>Text</p>"}, true},
		{"title and sign", "<p>[!Tip]- My <em>title</em>\nText</p>\n", Alert{Type: "tip", Sign: "-", Title: "My <em>title</em>", Text: "<p>Text</p>"}, true},
		{"plus", "<p>[!x]+\nA</p>", Alert{Type: "x", Sign: "+", Text: "<p>A</p>"}, true},
		{"own paragraph", "<p>[!NOTE]</p>\n<p>Body</p>\n", Alert{Type: "note", Text: "<p>Body</p>"}, true},
		{"title only", "<p>[!NOTE] Title</p>\n", Alert{Type: "note", Title: "Title"}, true},
		{"no space before title", "<p>[!TIP]title\nx</p>", Alert{Type: "tip", Title: "title", Text: "<p>x</p>"}, true},
		{"one blank eaten", "<p>[!TIP]\t  two\nx</p>", Alert{Type: "tip", Title: "two", Text: "<p>x</p>"}, true},
		{"hard break", "<p>[!NOTE]<br>\nx</p>", Alert{Type: "note", Title: "<br>", Text: "<p>x</p>"}, true},
		{"newline in a tag", "<p>[!NOTE] <a title=\"a\nb\">x</a>\ny</p>", Alert{Type: "note", Title: "<a title=\"a\nb\">x</a>", Text: "<p>y</p>"}, true},
		{"white space around", "\n  <p>[!NOTE]\nx</p>\n", Alert{Type: "note", Text: "<p>x</p>"}, true},
		{"no letters", "<p>[!]\nx</p>", Alert{}, false},
		{"digit", "<p>[!NOTE1]\nx</p>", Alert{}, false},
		{"space in marker", "<p>[ !NOTE]\nx</p>", Alert{}, false},
		{"not first", "<p>a [!NOTE]</p>", Alert{}, false},
		{"no paragraph", "<ul>\n<li>[!NOTE]</li>\n</ul>", Alert{}, false},
		{"unclosed", "<p>[!NOTE", Alert{}, false},
		{"empty", "", Alert{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Parse(tt.in)
			if ok != tt.ok || got != tt.want {
				t.Errorf("Parse(%q) = %+v, %t, want %+v, %t", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestDefaultTitle(t *testing.T) {
	for in, want := range map[string]string{"note": "Note", "caution": "Caution", "": "", "x": "X"} {
		if got := DefaultTitle(in); got != want {
			t.Errorf("DefaultTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAppendGitHub(t *testing.T) {
	tests := []struct {
		typ, sign, title, text, want string
	}{
		{"note", "", "", "<p>x</p>", "<div class=\"markdown-alert markdown-alert-note\" role=\"note\">\n<p class=\"markdown-alert-title\">Note</p>\n<p>x</p>\n</div>\n"},
		{"tip", "+", "T", "", "<details class=\"markdown-alert markdown-alert-tip\" open>\n<summary class=\"markdown-alert-title\">T</summary>\n</details>\n"},
		{"tip", "-", "", "<p>x</p>\n", "<details class=\"markdown-alert markdown-alert-tip\">\n<summary class=\"markdown-alert-title\">Tip</summary>\n<p>x</p>\n</details>\n"},
	}
	for _, tt := range tests {
		if got := string(AppendGitHub(nil, tt.typ, tt.sign, tt.title, tt.text)); got != tt.want {
			t.Errorf("AppendGitHub(%q, %q, %q, %q) =\n%s\nwant\n%s", tt.typ, tt.sign, tt.title, tt.text, got, tt.want)
		}
	}
}

// FuzzParse checks Parse's properties on any HTML: no panic; an alert's
// type is lower-case letters, its sign "+", "-" or "", its title on one
// line outside tags, and title and text come from the input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"<p>[!NOTE]\nx</p>", "<p>[!TIP]- t <a title=\"a\nb\">c</a>\nd</p>", "<p>[!a]+</p>\n<ul></ul>", "<p>[!"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := Parse(s)
		if !ok {
			if a != (Alert{}) {
				t.Fatalf("Parse(%q) = %+v without an alert", s, a)
			}
			return
		}
		if a.Type == "" || strings.Trim(a.Type, "abcdefghijklmnopqrstuvwxyz") != "" {
			t.Fatalf("Parse(%q): type %q", s, a.Type)
		}
		if a.Sign != "" && a.Sign != "+" && a.Sign != "-" {
			t.Fatalf("Parse(%q): sign %q", s, a.Sign)
		}
		if lineEnd(a.Title) >= 0 || !strings.Contains(s, a.Title) {
			t.Fatalf("Parse(%q): title %q", s, a.Title)
		}
		if !strings.Contains(s, strings.TrimPrefix(a.Text, "<p>")) {
			t.Fatalf("Parse(%q): text %q", s, a.Text)
		}
	})
}
