package toc

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// TransformerPriority is the goldmark priority of the Extender's AST
// transformer. goldmark runs transformers with lower values first; this high
// value makes the table of contents be built after transformers that set or
// change heading IDs.
const TransformerPriority = 10000

// Extender builds the table of contents inside a caller's own
// goldmark.Markdown: after parsing, it calls [Build] on the document and
// stores the result in the parser.Context, where [Get] reads it once Convert
// or Parse has returned. Headings need IDs before it runs, for example from
// goldmark's parser.WithAutoHeadingID. The zero value is ready to use; it
// only builds and stores.
//
//	md := goldmark.New(
//		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
//		goldmark.WithExtensions(&toc.Extender{Marker: "[TOC]"}),
//	)
//	pc := parser.NewContext()
//	err := md.Convert(src, &buf, parser.WithContext(pc))
//	t := toc.Get(pc)
//
// An Extender is safe for concurrent use once passed to goldmark.New:
// per-document state lives in the parser.Context.
type Extender struct {
	// Options are passed to Build for every document. Defaults to none:
	// levels 2 to 3, unordered, skipped levels collapsed, one list.
	Options []Option

	// Marker, when not empty, is the text of a paragraph that is replaced by
	// the table of contents' HTML (TOC.HTML with Options), for example
	// "[TOC]" or "[[toc]]". The paragraph must hold exactly the marker, with
	// no other text on its lines (surrounding spaces are ignored); the match
	// is case-sensitive, and every matching paragraph is replaced. The HTML is
	// written even when goldmark's raw HTML output is off: folio generates and
	// escapes it. Defaults to "", which inserts nothing.
	Marker string
}

var _ goldmark.Extender = (*Extender)(nil)

// Extend adds the transformer and, when Marker is set, the renderer of the
// inserted table of contents to m.
func (e *Extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&transformer{opts: e.Options, marker: []byte(e.Marker)}, TransformerPriority),
	))
	if e.Marker != "" {
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 500)))
	}
}

var contextKey = parser.NewContextKey()

// Get returns the table of contents the Extender stored in pc, or nil when
// there is none (the Extender was not used with pc, or pc is nil).
func Get(pc parser.Context) *TOC {
	if pc == nil {
		return nil
	}
	t, _ := pc.Get(contextKey).(*TOC)
	return t
}

type transformer struct {
	opts   []Option
	marker []byte
}

func (tr *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	t := Build(doc, src, tr.opts...)
	pc.Set(contextKey, t)
	marker := bytes.TrimSpace(tr.marker)
	if len(marker) == 0 {
		return
	}
	var found []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		p, ok := n.(*ast.Paragraph)
		if !ok {
			return ast.WalkContinue, nil
		}
		if isMarker(p, src, marker) {
			found = append(found, p)
		}
		return ast.WalkSkipChildren, nil
	})
	for _, p := range found {
		if parent := p.Parent(); parent != nil {
			parent.ReplaceChild(parent, p, &tocNode{toc: t})
		}
	}
}

// isMarker reports whether the paragraph's source is exactly marker.
func isMarker(p *ast.Paragraph, src, marker []byte) bool {
	lines := p.Lines()
	if lines.Len() != 1 {
		return false
	}
	seg := lines.At(0)
	return bytes.Equal(bytes.TrimSpace(seg.Value(src)), marker)
}

// kindTOC is the kind of the node that stands for an inserted table of contents.
var kindTOC = ast.NewNodeKind("TableOfContents")

type tocNode struct {
	ast.BaseBlock
	toc *TOC
}

func (n *tocNode) Kind() ast.NodeKind { return kindTOC }

func (n *tocNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTOC, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.Write(n.(*tocNode).toc.HTML())
			_ = w.WriteByte('\n')
		}
		return ast.WalkSkipChildren, nil
	})
}
