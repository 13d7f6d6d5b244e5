package render

import (
	"bytes"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/folio-md/folio/internal/golden"
)

// FuzzRender renders any input: it must not panic or fail, and the HTML,
// with raw HTML off, must close every non-void element it opens.
func FuzzRender(f *testing.F) {
	for _, dir := range []string{"ids", "extensions", "rawhtml", "summary", "images", "hooks", "embeds", "post"} {
		for _, c := range golden.Load(f, filepath.Join("testdata", dir, "*.txt")) {
			f.Add(c.Input.Data)
		}
	}
	f.Add([]byte("*a <!--more--> b*\n\n- x <!--more-->\n"))
	f.Add([]byte("![a](b?\"c\")![a](?\"\")"))
	f.Add([]byte("# {#}\n\n## x {id=\"\"}\n\n##\n"))
	r := New(WithFigureForTitledImages())
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := r.Render(src)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if err := checkBalanced(res.HTML); err != nil {
			t.Fatalf("HTML: %v\n%s", err, res.HTML)
		}
		if err := checkBalanced(res.Summary); err != nil {
			t.Fatalf("summary: %v\n%s", err, res.Summary)
		}
		for _, d := range res.Diagnostics {
			if d.Line < 1 || d.Column < 1 {
				t.Fatalf("diagnostic without position: %v", d)
			}
		}
	})
}

// checkBalanced tokenizes b and reports an element left open or closed
// without being open. Void elements need no end tag.
func checkBalanced(b []byte) error {
	var open []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if len(open) > 0 {
				return &unbalanced{"unclosed <" + open[len(open)-1] + ">"}
			}
			return nil
		case html.StartTagToken:
			name, _ := z.TagName()
			if !isVoid(name) {
				open = append(open, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(open) == 0 || open[len(open)-1] != string(name) {
				return &unbalanced{"unexpected </" + string(name) + ">"}
			}
			open = open[:len(open)-1]
		}
	}
}

type unbalanced struct{ msg string }

func (u *unbalanced) Error() string { return u.msg }
