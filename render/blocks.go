package render

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockPass is the AST transformer that does folio's work on a parsed
// document. It walks the blocks once, never the inline content, and hands
// what it found to each concern in turn: the heading IDs first (the TOC,
// the heading hook and footnotes all read them), then the raw HTML policy,
// then the code blocks' fence attributes.
type blockPass struct {
	ids    *headingIDs
	policy *policy
	hl     *highlighter // nil without highlighting
}

func (b *blockPass) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := stateOf(pc)
	src := reader.Source()
	paragraphs := b.policy.wantsParagraphs()
	var (
		heads  []*ast.Heading
		blocks []*ast.HTMLBlock
		paras  []*ast.Paragraph
		fences []*ast.FencedCodeBlock
	)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heads = append(heads, n)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			if paragraphs {
				paras = append(paras, n)
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			blocks = append(blocks, n)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			fences = append(fences, n)
			return ast.WalkSkipChildren, nil
		}
		return skipInline(n), nil
	})
	d.heads = heads
	b.ids.assign(d, src, heads)
	b.policy.apply(d, src, doc, blocks, paras)
	if b.hl != nil {
		b.hl.prepare(d, src, doc, fences)
	}
}
