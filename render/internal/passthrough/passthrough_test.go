package passthrough

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	hgp "github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/render/internal/gmtest"
)

var (
	testInline = []Delimiters{{Open: `\(`, Close: `\)`}, {Open: "$", Close: "$"}}
	testBlock  = []Delimiters{{Open: `\[`, Close: `\]`}, {Open: "$$", Close: "$$"}}
)

// rawRenderer writes passthroughs as upstream's own renderers do.
type rawRenderer struct{}

func (rawRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInline, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			raw, _, _, _, _ := Content(n, src)
			_, _ = w.Write(raw)
		}
		return ast.WalkContinue, nil
	})
	reg.Register(KindBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			raw, _, _, _, _ := Content(n, src)
			_, _ = w.Write(raw)
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}

type ours struct{}

func (ours) Extend(m goldmark.Markdown) {
	Extend(m, testInline, testBlock)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(rawRenderer{}, 99)))
}

var (
	upstreamMD = goldmark.New(goldmark.WithExtensions(hgp.New(hgp.Config{InlineDelimiters: testInline, BlockDelimiters: testBlock})))
	oursMD     = goldmark.New(goldmark.WithExtensions(ours{}))
)

// sameAsUpstream checks that the memo changes nothing: Extend parses src
// as upstream's extension does.
func sameAsUpstream(t *testing.T, src string) { gmtest.SameOutput(t, upstreamMD, oursMD, src) }

func TestSameAsUpstream(t *testing.T) {
	for _, src := range []string{
		`a $x$ b \(y\) c`,
		"\\( \\( \\( and $$ and \\(closed\\) $ end",
		"$$\nx\n$$\n",
		"a \\[b\\] c\n\n> q $$\n> x\n> $$\n",
		"\\\\$ not$ \\\\(x\\\\)",
		"$a\n+ b$",
		"$$ empty $$ $$$$ $$",
		"| a |\n|---|\n| $x$ |\n",
	} {
		sameAsUpstream(t, src)
	}
	// Random documents over the delimiters' bytes.
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"$", "$$", `\(`, `\)`, `\[`, `\]`, `\`, "a", " ", "\n", "\n\n", "> ", "- ", "*", "`"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		sameAsUpstream(t, b.String())
	}
}

func FuzzSameAsUpstream(f *testing.F) {
	f.Add(`a $x$ b \(y\) c \( \[ $$`)
	f.Add("$$\nx\n$$\n")
	f.Fuzz(func(t *testing.T, src string) { sameAsUpstream(t, src) })
}

func TestWriteSafe(t *testing.T) {
	for in, want := range map[string]string{
		"a<b":               "a&lt;b",
		"a < b":             "a < b",
		"x<1":               "x<1",
		"<script>":          "&lt;script>",
		"</p><!-- x --><?x": "&lt;/p>&lt;!-- x -->&lt;?x",
		"end<":              "end&lt;",
		"a & b &lt; c":      "a & b &lt; c",
		"nul\x00":           "nul\uFFFD",
	} {
		var b bytes.Buffer
		WriteSafe(&b, []byte(in))
		if b.String() != want {
			t.Errorf("WriteSafe(%q) = %q, want %q", in, b.String(), want)
		}
	}
}
