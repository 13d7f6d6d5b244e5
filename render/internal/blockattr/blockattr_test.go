package blockattr

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

func TestList(t *testing.T) {
	for in, want := range map[string]int{
		"{.a #b c=d}":       11,
		"{.a} text":         4,
		"  {.a}":            6,
		"{.a":               -1,
		"text":              -1,
		`{title="a } b"} x`: 15,
	} {
		end, ok := List([]byte(in))
		if !ok {
			end = -1
		}
		if end != want {
			t.Errorf("List(%q) = %d, want %d", in, end, want)
		}
	}
}

// TestTransformer checks where attributes go and what is reported.
func TestTransformer(t *testing.T) {
	var reports []string
	tr := &Transformer{
		Allowed: func(_ ast.NodeKind, name []byte) bool { return !bytes.HasPrefix(name, []byte("on")) },
		Report:  func(_ parser.Context, off int, msg string) { reports = append(reports, msg) },
	}
	md := goldmark.New(goldmark.WithExtensions(Extension{T: tr, Prio: 100}))
	var out bytes.Buffer
	src := "para\n{.a onclick=\"x\"}\n\n{.orphan}\n\n{.b} text\n\n- item\n{#l}\n"
	if err := md.Convert([]byte(src), &out); err != nil {
		t.Fatal(err)
	}
	want := "<p class=\"a\">para</p>\n<p>{.b} text</p>\n<ul id=\"l\">\n<li>item</li>\n</ul>\n"
	if out.String() != want {
		t.Errorf("got %q\nwant %q", out.String(), want)
	}
	got := strings.Join(reports, "\n")
	for _, w := range []string{`attribute "onclick" is not written`, "after a blank line", "{.b} is followed by text"} {
		if !strings.Contains(got, w) {
			t.Errorf("reports lack %q:\n%s", w, got)
		}
	}
}
