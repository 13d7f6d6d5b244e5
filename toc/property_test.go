package toc

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/folio-md/folio/internal/astattr"
	"github.com/folio-md/folio/internal/txtar"
)

var propMD = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Typographer, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
)

// optionSets are the configurations every property runs under: build
// options, then output options.
var optionSets = []struct {
	build, out []Option
}{
	{nil, nil},
	{[]Option{Hugo()}, nil},
	{[]Option{StartLevel(1), EndLevel(-1)}, nil},
	{[]Option{StartLevel(1), EndLevel(-1)}, []Option{StartLevel(3), EndLevel(5)}},
	{[]Option{Hugo(), EndLevel(-1)}, []Option{StartLevel(1), Ordered(true)}},
	{[]Option{CollapseSkipped(false), EndLevel(5)}, nil},
	{[]Option{SingleList(false), StartLevel(2), EndLevel(4)}, nil},
	{[]Option{StartLevel(3), EndLevel(3)}, []Option{Hugo()}},
}

type heading struct {
	id    string
	level int
}

// checkProperties builds src's TOC under every option set and checks:
// entries keep document order, each selected heading appears exactly once,
// no heading outside the level range appears, every child is deeper than its
// parent, and the HTML is well formed with balanced elements.
func checkProperties(t *testing.T, src []byte) {
	t.Helper()
	doc := propMD.Parser().Parse(text.NewReader(src))
	var all []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			all = append(all, h)
		}
		return ast.WalkContinue, nil
	})
	for _, set := range optionSets {
		name := fmt.Sprint(set.build, set.out)
		built := Build(doc, src, set.build...)
		bc := newConfig(config{}, set.build)
		oc := newConfig(bc, set.out)

		// The headings the output must show, in document order.
		var want []heading
		for _, h := range all {
			if Excluded(h) || !bc.inRange(h.Level) && bc.single || !oc.inRange(h.Level) {
				continue
			}
			title, txt := inlineContent(h, src, nil)
			if title == "" && txt == "" && !bc.keepEmpty {
				continue
			}
			if id := astattr.Of(h, "id"); id != "" {
				want = append(want, heading{id, h.Level})
			}
		}

		// Tree shape of the built TOC and of the view the output writes.
		checkTree(t, name, built.Items, 0)
		view, _ := built.view(set.out)
		checkTree(t, name+" view", view, 0)

		// The links in the HTML are exactly the wanted headings, in order.
		out := built.HTML(set.out...)
		got := links(t, name, out)
		var wantIDs []string
		for _, h := range want {
			wantIDs = append(wantIDs, h.id)
		}
		if !slices.Equal(wantIDs, got) {
			t.Errorf("%s: links %q, want %q\nsource:\n%s\nhtml:\n%s", name, got, wantIDs, src, out)
		}
		// The Markdown has one line per entry.
		md := built.Markdown(set.out...)
		if n, lines := countEntries(view, set.out, bc), strings.Count(string(md), "\n"); n != lines {
			t.Errorf("%s: %d Markdown lines for %d entries:\n%s", name, lines, n, md)
		}
	}
}

// checkTree checks that every child is deeper than its parent.
func checkTree(t *testing.T, name string, items []*Item, parent int) {
	t.Helper()
	for _, it := range items {
		if it.Level <= parent {
			t.Errorf("%s: entry %q at level %d under a level-%d parent", name, it.ID, it.Level, parent)
		}
		checkTree(t, name, it.Items, it.Level)
	}
}

// countEntries counts the entries Markdown writes for items.
func countEntries(items []*Item, out []Option, bc config) int {
	c := newConfig(bc, out)
	n := 0
	for _, g := range groups(items, c, nil) {
		for _, it := range g {
			n += 1 + countEntries(it.Items, out, bc)
		}
	}
	return n
}

// links parses out as HTML, checks that it is one nav element whose
// elements are balanced and all expected, and returns the fragments of its
// links in order.
func links(t *testing.T, name string, out []byte) []string {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(string(out)))
	var stack []atom.Atom
	var ids []string
	navs := 0
	allowed := map[atom.Atom]bool{
		atom.Nav: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.A: true,
		atom.Code: true, atom.Em: true, atom.Strong: true, atom.Del: true,
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if len(stack) != 0 {
				t.Errorf("%s: unclosed %v in\n%s", name, stack, out)
			}
			if navs != 1 {
				t.Errorf("%s: %d nav elements in\n%s", name, navs, out)
			}
			return ids
		case html.StartTagToken:
			tok := z.Token()
			if !allowed[tok.DataAtom] {
				t.Errorf("%s: unexpected <%s> in\n%s", name, tok.Data, out)
			}
			if tok.DataAtom == atom.Nav {
				navs++
				if len(stack) != 0 {
					t.Errorf("%s: nested nav", name)
				}
			}
			if tok.DataAtom == atom.Li && (len(stack) == 0 || stack[len(stack)-1] != atom.Ul && stack[len(stack)-1] != atom.Ol) {
				t.Errorf("%s: <li> outside a list in\n%s", name, out)
			}
			if tok.DataAtom == atom.A {
				for _, a := range tok.Attr {
					if a.Key == "href" {
						if !strings.HasPrefix(a.Val, "#") {
							t.Errorf("%s: href %q", name, a.Val)
						}
						ids = append(ids, strings.TrimPrefix(a.Val, "#"))
					} else {
						t.Errorf("%s: attribute %s on <a>", name, a.Key)
					}
				}
			}
			stack = append(stack, tok.DataAtom)
		case html.EndTagToken:
			tok := z.Token()
			if len(stack) == 0 || stack[len(stack)-1] != tok.DataAtom {
				t.Errorf("%s: </%s> does not close %v in\n%s", name, tok.Data, stack, out)
				return ids
			}
			stack = stack[:len(stack)-1]
		case html.SelfClosingTagToken, html.CommentToken, html.DoctypeToken:
			t.Errorf("%s: unexpected token %q in\n%s", name, z.Token().String(), out)
		}
	}
}

// randomDoc writes a document of headings of random levels and forms, with
// some exclusions, inline markup and container blocks.
func randomDoc(r *rand.Rand) []byte {
	var b strings.Builder
	words := []string{"alpha", "`code`", "*em*", "**strong**", "[link](u)", "it's", "<b>x</b>", "&amp;", "![img](i.png)", "~~del~~", "a\\*b", "日本"}
	n := r.IntN(25)
	for i := range n {
		level := 1 + r.IntN(6)
		var title strings.Builder
		for range 1 + r.IntN(3) {
			title.WriteString(words[r.IntN(len(words))])
			title.WriteByte(' ')
		}
		fmt.Fprintf(&title, "%d", i)
		attr := ""
		switch r.IntN(10) {
		case 0:
			attr = " {.no-toc}"
		case 1:
			attr = fmt.Sprintf(" {#dup%d}", r.IntN(3))
		}
		prefix := ""
		switch r.IntN(8) {
		case 0:
			prefix = "> "
		case 1:
			prefix = "- "
		}
		if r.IntN(10) == 0 {
			title.Reset() // an empty heading
			attr = ""
		}
		if level <= 2 && r.IntN(4) == 0 && title.Len() > 0 && prefix == "" {
			mark := "="
			if level == 2 {
				mark = "-"
			}
			fmt.Fprintf(&b, "%s%s\n%s\n\n", title.String(), attr, strings.Repeat(mark, 3))
			continue
		}
		fmt.Fprintf(&b, "%s%s %s%s\n\n", prefix, strings.Repeat("#", level), title.String(), attr)
	}
	return []byte(b.String())
}

func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 1500 {
		checkProperties(t, randomDoc(r))
		if t.Failed() {
			return
		}
	}
}

func seeds(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.txt")
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err == nil && len(a.Files) > 0 {
			f.Add(a.Files[0].Data)
		}
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		f.Add(randomDoc(r))
	}
}

func FuzzBuild(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkProperties(t, src)
	})
}
