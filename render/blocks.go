package render

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockPass is the AST transformer that does folio's work on a parsed
// document. It walks the blocks once, never the inline content, and hands
// what it found to each concern in turn: the heading IDs first (the TOC,
// the heading hook and footnotes all read them; after the <!--more-->
// divider has split its block), then the block rewrites (raw HTML policy,
// embeds, block images), then the code blocks' fence attributes.
type blockPass struct {
	ids     *headingIDs
	rewrite *blockRewriter
	code    *codeBlocks // nil when goldmark renders code blocks
}

func (b *blockPass) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := stateOf(pc)
	src := reader.Source()
	f := blockFinds{terms: b.ids.terms}
	f.collect(doc, b.rewrite.wantsParagraphs())
	// The summary divider splits its block first, so that a heading
	// holding it gets its ID from the text before it.
	divider, after := b.rewrite.divide(d, src, doc)
	if p, ok := after.(*ast.Paragraph); ok && b.rewrite.wantsParagraphs() {
		f.paras = append(f.paras, p)
	}
	d.heads = f.heads
	if b.ids.terms {
		b.ids.assign(d, src, f.ided)
	} else {
		b.ids.assign(d, src, headingNodes(f.heads))
	}
	b.rewrite.apply(d, src, f.blocks, f.paras, divider)
	if b.code != nil {
		b.code.prepare(d, src, f.fences)
	}
}

// blockFinds are the blocks blockPass hands on, in document order.
type blockFinds struct {
	terms  bool       // collect definition terms into ided
	ided   []ast.Node // with terms: headings and definition terms
	heads  []*ast.Heading
	blocks []*ast.HTMLBlock
	paras  []*ast.Paragraph
	fences []*ast.FencedCodeBlock
}

// collect walks the blocks under n, never inline content, without
// ast.Walk's callback per node.
func (f *blockFinds) collect(n ast.Node, paragraphs bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			f.heads = append(f.heads, c)
			if f.terms {
				f.ided = append(f.ided, c)
			}
		case *extast.DefinitionTerm:
			if f.terms {
				f.ided = append(f.ided, c)
			}
		case *ast.Paragraph:
			if paragraphs {
				f.paras = append(f.paras, c)
			}
		case *ast.HTMLBlock:
			f.blocks = append(f.blocks, c)
		case *ast.FencedCodeBlock:
			f.fences = append(f.fences, c)
		default:
			if c.Type() == ast.TypeBlock {
				if first := c.FirstChild(); first != nil && first.Type() != ast.TypeInline {
					f.collect(c, paragraphs)
				}
			}
		}
	}
}

// headingNodes returns hs as nodes.
func headingNodes(hs []*ast.Heading) []ast.Node {
	ns := make([]ast.Node, len(hs))
	for i, h := range hs {
		ns[i] = h
	}
	return ns
}
