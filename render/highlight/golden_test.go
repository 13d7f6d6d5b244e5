package highlight_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/render/highlight"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenCase is the JSON comment of a testdata/highlight case.
type goldenCase struct {
	Highlighting *bool  `json:"highlighting"`
	Style        string `json:"style"`
	Inline       bool   `json:"inline"`
	LineNumbers  string `json:"lineNumbers"` // "table" or "inline"
	TabWidth     int    `json:"tabWidth"`
	Guess        bool   `json:"guess"`
	WrapperClass string `json:"wrapperClass"`
}

func (gc goldenCase) config() highlight.Config {
	c := highlight.Config{
		Style:        gc.Style,
		InlineStyles: gc.Inline,
		TabWidth:     gc.TabWidth,
		GuessSyntax:  gc.Guess,
		Plain:        gc.Highlighting != nil && !*gc.Highlighting,
		WrapperClass: gc.WrapperClass,
	}
	switch gc.LineNumbers {
	case "table":
		c.LineNumbers = highlight.LineNumbersTable
	case "inline":
		c.LineNumbers = highlight.LineNumbersInline
	}
	return c
}

// TestGolden renders each case's Markdown with goldmark, its fenced code
// blocks written by a Highlighter, and lists the problems of each fence
// (Block.Problems, then Check) at the line and column of the source.
func TestGolden(t *testing.T) {
	for _, c := range golden.Load(t, "testdata/highlight/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			var gc goldenCase
			if len(bytes.TrimSpace(c.Comment)) > 0 {
				require.NoError(t, json.Unmarshal(c.Comment, &gc), "comment of %s", c.Path)
			}
			fr := &fenceRenderer{h: highlight.New(gc.config())}
			md := goldmark.New(goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(fr, 100))))
			var out bytes.Buffer
			require.NoError(t, md.Convert(c.Input.Data, &out))
			c.Check(t, *update,
				golden.Output{Name: "html", Data: out.Bytes()},
				golden.Output{Name: "diagnostics", Data: problemText(c.Input.Data, fr.problems)})
		})
	}
}

// fenceRenderer writes goldmark's fenced code blocks with a Highlighter,
// as the render package does, and records the problems of their fences
// at offsets of the source.
type fenceRenderer struct {
	h        *highlight.Highlighter
	ordinal  int
	problems []highlight.Problem
}

func (f *fenceRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, f.render)
}

func (f *fenceRenderer) render(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var b highlight.Block
	if n.Info != nil {
		at := n.Info.Segment.Start
		b = highlight.ParseFence(string(n.Info.Segment.Value(src)))
		for _, p := range append(b.Problems, f.h.Check(&b)...) {
			f.problems = append(f.problems, highlight.Problem{Offset: at + p.Offset, Message: p.Message})
		}
	}
	b.Ordinal = f.ordinal
	f.ordinal++
	var code []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		code = append(code, seg.Value(src)...)
	}
	return ast.WalkSkipChildren, f.h.WriteBlock(w, code, &b)
}

// problemText lists problems one a line as "line:col: message", in
// source order.
func problemText(src []byte, ps []highlight.Problem) []byte {
	slices.SortStableFunc(ps, func(a, b highlight.Problem) int { return cmp.Compare(a.Offset, b.Offset) })
	var b bytes.Buffer
	for _, p := range ps {
		line := 1 + bytes.Count(src[:p.Offset], []byte("\n"))
		col := p.Offset - bytes.LastIndexByte(src[:p.Offset], '\n')
		fmt.Fprintf(&b, "%d:%d: %s\n", line, col, p.Message)
	}
	if b.Len() == 0 {
		b.WriteString("(none)\n")
	}
	return b.Bytes()
}
