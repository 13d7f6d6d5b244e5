package escape

import (
	"bytes"
	"html"
	"html/template"
	"strings"
	"testing"
)

// The sets agree with the code whose output Hugo's is: html.EscapeString
// for Go, html/template for Template, goldmark's replacements for
// Goldmark.
// templateAttr is what html/template writes for in as a quoted attribute
// value.
func templateAttr(t *testing.T, in string) string {
	var b strings.Builder
	if err := attrTemplate.Execute(&b, in); err != nil {
		t.Fatal(err)
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<p title="`), `">`)
}

var attrTemplate = template.Must(template.New("").Parse(`<p title="{{.}}">`))

func TestSetsMatchTheirSources(t *testing.T) {
	inputs := []string{"", "plain", `<a href="x">&'+</a>`, "a\x00b", "é<ü>", strings.Repeat(`&"`, 50), "+++", "\r\n"}
	goldmark := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	for _, in := range inputs {
		check := func(name string, s *Set, want string) {
			t.Helper()
			if got := string(Append(s, nil, in)); got != want {
				t.Errorf("%s Append(%q) = %q, want %q", name, in, got, want)
			}
			if got := string(Append(s, []byte("x"), []byte(in))); got != "x"+want {
				t.Errorf("%s Append([]byte %q) = %q, want %q", name, in, got, "x"+want)
			}
			var b bytes.Buffer
			Write(s, &b, []byte(in))
			WriteString(s, &b, in)
			if got := b.String(); got != want+want {
				t.Errorf("%s Write+WriteString(%q) = %q, want %q", name, in, got, want+want)
			}
			if got := String(s, in); got != want {
				t.Errorf("%s String(%q) = %q, want %q", name, in, got, want)
			}
		}
		check("Go", Go, html.EscapeString(in))
		check("Goldmark", Goldmark, goldmark.Replace(in))
		check("Template", Template, templateAttr(t, in))
	}
}

func TestNew(t *testing.T) {
	s := New("\r", "&#13;", "a", "A")
	if got := String(s, "a\rb"); got != "A&#13;b" {
		t.Errorf("got %q", got)
	}
	if String(s, "xyz") != "xyz" {
		t.Error("String changed a string with nothing to replace")
	}
}

func FuzzSets(f *testing.F) {
	f.Add(`<a href="x">&'+</a>`)
	f.Fuzz(func(t *testing.T, in string) {
		if got, want := String(Go, in), html.EscapeString(in); got != want {
			t.Errorf("Go: %q, want %q", got, want)
		}
		if got, want := String(Template, in), templateAttr(t, in); got != want {
			t.Errorf("Template: %q, want %q", got, want)
		}
	})
}
