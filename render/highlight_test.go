package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// highlightCase is the JSON comment of a testdata/highlight case.
type highlightCase struct {
	Highlighting *bool  `json:"highlighting"`
	Style        string `json:"style"`
	Inline       bool   `json:"inline"`
	LineNumbers  string `json:"lineNumbers"` // "table" or "inline"
	TabWidth     int    `json:"tabWidth"`
	Guess        bool   `json:"guess"`
}

func (hc highlightCase) options() []Option {
	var opts []Option
	if hc.Highlighting != nil {
		opts = append(opts, WithHighlighting(*hc.Highlighting))
	}
	if hc.Style != "" {
		opts = append(opts, WithStyle(hc.Style))
	}
	if hc.Inline {
		opts = append(opts, WithInlineStyles())
	}
	if hc.LineNumbers != "" {
		opts = append(opts, WithLineNumbers(hc.LineNumbers == "table"))
	}
	if hc.TabWidth != 0 {
		opts = append(opts, WithTabWidth(hc.TabWidth))
	}
	if hc.Guess {
		opts = append(opts, WithGuessSyntax(true))
	}
	return opts
}

// hlConfig applies opts to the default highlighting config.
func hlConfig(opts ...Option) highlightConfig {
	c := config{hl: defaultHighlightConfig()}
	for _, o := range opts {
		o.apply(&c)
	}
	return c.hl
}

// goldmarkWith returns a plain goldmark whose code blocks go through h.
// It does not depend on Renderer, so it tests the highlighter alone.
func goldmarkWith(h *highlighter) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(fencesOnly{h}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(h, 100))),
	)
}

// fencesOnly is the part of the block pass that feeds the highlighter.
type fencesOnly struct{ h *highlighter }

func (f fencesOnly) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := stateOf(pc)
	doc.SetAttribute(stateAttrName, d)
	var fences []*ast.FencedCodeBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if fc, ok := n.(*ast.FencedCodeBlock); ok && entering {
			fences = append(fences, fc)
		}
		return ast.WalkContinue, nil
	})
	f.h.prepare(d, reader.Source(), doc, fences)
}

func TestHighlightGolden(t *testing.T) {
	for _, c := range golden.Load(t, "testdata/highlight/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			var hc highlightCase
			if len(bytes.TrimSpace(c.Comment)) > 0 {
				require.NoError(t, json.Unmarshal(c.Comment, &hc), "comment of %s", c.Path)
			}
			h := newHighlighter(hlConfig(hc.options()...))
			var out bytes.Buffer
			d := &docState{src: c.Input.Data}
			pc := parser.NewContext()
			pc.Set(stateKey, d)
			require.NoError(t, goldmarkWith(h).Convert(c.Input.Data, &out, parser.WithContext(pc)))
			c.Check(t, *update,
				golden.Output{Name: "html", Data: out.Bytes()},
				golden.Output{Name: "diagnostics", Data: diagText(d.diagnostics())})
		})
	}
}

// diagText lists diagnostics one a line, in source order.
func diagText(ds []Diagnostic) []byte {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	var b bytes.Buffer
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		b.WriteString("(none)\n")
	}
	return b.Bytes()
}
