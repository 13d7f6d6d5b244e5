package post

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/folio-md/folio/internal/position"
)

// TestYAMLTabErrors checks that every YAML error caused by a tab points at
// the tab: yaml.v3 names the line where the scalar before the tab starts,
// which was one line (or more) too early, and no column at all.
func TestYAMLTabErrors(t *testing.T) {
	t.Parallel()
	const (
		noToken  = "found character that cannot start any token"
		violates = "found a tab character that violates indentation"
		block    = "found a tab character where an indentation space is expected"
	)
	for _, tc := range []struct {
		name string
		in   string
		line int
		col  int
		msg  string
	}{
		{name: "list item indented with a tab", in: "---\ntitle: x\ntags:\n\t- a\n---\n", line: 4, col: 1, msg: noToken},
		{name: "second list item indented with a tab", in: "---\ntitle: x\ntags:\n  - a\n\t- b\n---\n", line: 5, col: 1, msg: violates},
		{name: "nested map key indented with a tab", in: "---\ntitle: x\nparams:\n  a: 1\n\tb: 2\n---\n", line: 5, col: 1, msg: violates},
		{name: "first nested key indented with a tab", in: "---\ntitle: x\nparams:\n\ta: 1\n---\n", line: 4, col: 1, msg: noToken},
		{name: "tab after spaces in a nested map", in: "---\ntitle: x\nparams:\n  a: 1\n  \tb: 2\n---\n", line: 5, col: 3, msg: violates},
		{name: "tab after spaces under an empty key", in: "---\ntitle: x\nparams:\n  a:\n  \tb: 2\n---\n", line: 5, col: 3, msg: noToken},
		{name: "tab in a deeper map", in: "---\ntitle: x\na:\n  b:\n    c: 1\n  \t  d: 2\n---\n", line: 6, col: 3, msg: violates},
		{name: "two tabs", in: "---\ntitle: x\na:\n  b: 1\n\t\tc: 2\n---\n", line: 5, col: 1, msg: violates},
		{name: "first line", in: "---\n\ttitle: x\n---\n", line: 2, col: 1, msg: noToken},
		{name: "second line", in: "---\ntitle: x\n\tdate: 2020\n---\n", line: 3, col: 1, msg: violates},
		{name: "line of only a tab", in: "---\ntitle: x\n\t\n---\n", line: 3, col: 1, msg: violates},
		{name: "comment indented with a tab", in: "---\ntitle: x\nk: v\n\t# comment\n---\n", line: 4, col: 1, msg: violates},
		{name: "tab after a key", in: "---\ntitle: x\nk:\t\n\t- a\n---\n", line: 4, col: 1, msg: noToken},
		{name: "tab after a nested key", in: "---\ntitle: x\na:\n  b:\t\n\tc: 1\n---\n", line: 5, col: 1, msg: noToken},
		{name: "tab after a dash", in: "---\ntitle: x\nk:\n  - a\n  -\tb\n---\n", line: 5, col: 4, msg: noToken},
		{name: "scalar over three lines", in: "---\ntitle: x\nx: 1\nt: a\n  b\n\tc\n---\n", line: 6, col: 1, msg: violates},
		{name: "literal block scalar", in: "---\ntitle: x\nk: |\n\tblock\n---\n", line: 4, col: 1, msg: block},
		{name: "folded block scalar", in: "---\ntitle: x\nk: >\n  a\n\tb\n---\n", line: 5, col: 1, msg: block},
		{name: "CRLF", in: "---\r\ntitle: x\r\nparams:\r\n  a: 1\r\n\tb: 2\r\n---\r\n", line: 5, col: 1, msg: violates},
		{name: "BOM", in: "\ufeff---\ntitle: x\nparams:\n  a: 1\n\tb: 2\n---\n", line: 5, col: 1, msg: violates},
		{name: "BOM on the first line", in: "\ufeff---\n\ttitle: x\n---\n", line: 2, col: 1, msg: noToken},
		{name: "blank lines before the front matter", in: "\n\n---\ntitle: x\nparams:\n  a: 1\n\tb: 2\n---\n", line: 7, col: 1, msg: violates},
		{name: "multi-byte text before", in: "---\ntitle: héllo wörld\nparams:\n  a: é\n\tb: 2\n---\n", line: 5, col: 1, msg: violates},
		{name: "flow list then tab", in: "---\na: [1,\n\t2]\nb: x\n\tc\n---\n", line: 5, col: 1, msg: violates},
		// Not tabs, but the same message: the character itself.
		{name: "at sign", in: "---\ntitle: x\nk: @v\n---\n", line: 3, col: 4, msg: noToken},
		{name: "backquote", in: "---\ntitle: x\nk: `v`\n---\n", line: 3, col: 4, msg: noToken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tc.in)
			p, err := Parse(src, WithPath("x.md"))
			if err == nil {
				t.Fatalf("Parse(%q): no error", tc.in)
			}
			if p != nil {
				t.Errorf("Parse(%q) returned a Post with its error", tc.in)
			}

			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse: %v is not a %T", err, pe)
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("Parse: got %v, want %v", err, ErrSyntax)
			}
			want := fmt.Sprintf("x.md:%d:%d: front matter: yaml: %s", tc.line, tc.col, tc.msg)
			equal(t, err.Error(), want, "Parse(%q)", tc.in)
			line, col := position.NewIndex(src, 1).LineCol(pe.Offset)
			equal(t, [2]int{line, col}, [2]int{tc.line, tc.col}, "Offset %d", pe.Offset)
			if strings.Contains(tc.msg, "tab") {
				equal(t, src[pe.Offset], byte('\t'), "the error points at a tab")
			}
		})
	}
}

// TestYAMLErrorCharLarge checks that a tab at the end of a large front
// matter is still found exactly.
func TestYAMLErrorCharLarge(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("---\n")
	n := 20000
	for i := range n {
		fmt.Fprintf(&b, "k%d: v\n", i)
	}
	b.WriteString("\tz: 1\n---\n")
	_, err := Parse([]byte(b.String()))
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse: %v is not a %T", err, pe)
	}
	equal(t, [2]int{pe.Line, pe.Column}, [2]int{n + 2, 1}, "%s", err.Error())
}
