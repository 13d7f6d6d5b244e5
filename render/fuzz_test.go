package render

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/net/html"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/internal/textstats"
)

// FuzzRender renders any input three times. With shortcodes off (with
// folio's defaults and with HugoCompat), every input must render without
// error. With them on (the default), a document may be refused
// (an unknown or unclosed shortcode, say), but only with a *post.ParseError
// positioned inside the input, and a render through a result cache
// (twice: a miss, then a hit) must give the same result. Neither may panic; every HTML and summary,
// with raw HTML off, must close each non-void element it opens (a
// HugoCompat summary, which may end inside a list or blockquote as Hugo's
// does, once those are closed), and every diagnostic must carry a position.
func FuzzRender(f *testing.F) {
	for _, dir := range []string{"ids", "extensions", "rawhtml", "summary", "images", "hooks", "embeds", "post", "shortcodes"} {
		for _, c := range golden.Load(f, filepath.Join("testdata", dir, "*.txt")) {
			f.Add(c.Input.Data)
		}
	}
	f.Add([]byte("*a <!--more--> b*\n\n- x <!--more-->\n"))
	f.Add([]byte("![a](b?\"c\")![a](?\"\")"))
	f.Add([]byte("# {#}\n\n## x {id=\"\"}\n\n##\n"))
	f.Add([]byte("{{< x >}}\n\n{{% details %}}\n# h\n"))
	plain := New(WithFigureForTitledImages(), WithShortcodeSyntax(false))
	shortcodes := New(WithFigureForTitledImages())
	// The same settings through a result cache: a render from the cache
	// must equal the render, so it is as safe.
	cached := New(WithFigureForTitledImages(), WithResultCache(highlight.NewMemoryCache(64<<20)))
	// Hugo's automatic summary, cut early so that it cuts often.
	hugo := New(HugoCompat(), WithShortcodeSyntax(false), WithSummaryLength(3))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := plain.Render(src)
		if err != nil {
			t.Fatalf("Render with shortcodes off: %v", err)
		}
		checkResult(t, res)
		res, err = hugo.Render(src)
		if err != nil {
			t.Fatalf("Render with HugoCompat: %v", err)
		}
		res.Summary = closeOpenTags(res.Summary)
		checkResult(t, res)
		res, err = shortcodes.Render(src)
		for range 2 {
			c, cerr := cached.Render(src)
			if (err == nil) != (cerr == nil) {
				t.Fatalf("Render: %v; through the result cache: %v", err, cerr)
			}
			if err == nil && (!bytes.Equal(c.HTML, res.HTML) || !bytes.Equal(c.Summary, res.Summary) || c.Plain != res.Plain ||
				!reflect.DeepEqual(c.Diagnostics, res.Diagnostics) || !bytes.Equal(c.TOC.HTML(), res.TOC.HTML())) {
				t.Fatalf("a render through the result cache differs:\n%s\n%s", res.HTML, c.HTML)
			}
		}
		if err != nil {
			checkPositioned(t, src, err)
			return
		}
		checkResult(t, res)
	})
}

func checkResult(t *testing.T, res *Result) {
	t.Helper()
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
}

// checkPositioned fails t unless err is a *post.ParseError whose line and
// column fall inside src.
func checkPositioned(t *testing.T, src []byte, err error) {
	t.Helper()
	var pe *post.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Render error %T without a position: %v", err, err)
	}
	lines := bytes.Count(src, []byte("\n")) + 1
	if pe.Line < 1 || pe.Line > lines || pe.Column < 1 {
		t.Fatalf("Render error at %d:%d, outside the input's %d lines: %v", pe.Line, pe.Column, lines, err)
	}
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
			if !textstats.IsVoid(name) {
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
