package txtar

import (
	"reflect"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want *Archive
	}{
		{"empty", "", &Archive{}},
		{"comment only", "a comment", &Archive{Comment: []byte("a comment\n")}},
		{"files", "{\"x\": 1}\n-- in.md --\n# Hi\n-- html --\n<h1>Hi</h1>", &Archive{
			Comment: []byte("{\"x\": 1}\n"),
			Files:   []File{{"in.md", []byte("# Hi\n")}, {"html", []byte("<h1>Hi</h1>\n")}},
		}},
		{"no comment, empty file, last marker", "-- a --\n-- b --\nx\n-- c --", &Archive{
			Comment: []byte{},
			Files:   []File{{"a", []byte{}}, {"b", []byte("x\n")}, {"c", nil}},
		}},
		{"crlf marker", "-- a --\r\nx\r\n", &Archive{Comment: []byte{}, Files: []File{{"a", []byte("x\r\n")}}}},
		{"not markers", "--  --\n-- a--\n--a --\n x -- b --\n", &Archive{Comment: []byte("--  --\n-- a--\n--a --\n x -- b --\n")}},
		{"spaces in name", "--   a b   --\n", &Archive{Comment: []byte{}, Files: []File{{"a b", []byte{}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := Parse([]byte(tt.in))
			if len(got.Comment) != len(tt.want.Comment) || string(got.Comment) != string(tt.want.Comment) || !sameFiles(got.Files, tt.want.Files) {
				t.Errorf("Parse(%q) = %q %q, want %q %q", tt.in, got.Comment, got.Files, tt.want.Comment, tt.want.Files)
			}
		})
	}
}

func sameFiles(a, b []File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || string(a[i].Data) != string(b[i].Data) {
			return false
		}
	}
	return true
}

func TestFormat(t *testing.T) {
	t.Parallel()
	a := &Archive{Comment: []byte("c"), Files: []File{{"in", []byte("x")}, {"out", nil}}}
	want := "c\n-- in --\nx\n-- out --\n"
	if got := string(Format(a)); got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	if got := Parse(Format(a)); !reflect.DeepEqual(got.Files[0], File{"in", []byte("x\n")}) {
		t.Errorf("Parse(Format) = %q", got.Files)
	}
}
