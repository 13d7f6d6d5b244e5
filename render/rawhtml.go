package render

import (
	"bytes"
	"github.com/folio-md/folio/render/internal/htmlsafe"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/embed"
)

// This file holds the raw HTML policy. Without unsafe HTML, as in Hugo:
//   - an HTML block becomes "<!-- raw HTML omitted -->\n", written once
//     more for its closing line when it has one (<pre>, <script>, <style>
//     and <textarea> blocks whose end tag is on a later line), as goldmark
//     does; an inline tag becomes "<!-- raw HTML omitted -->"; each is
//     reported as a Diagnostic that names the tag, "raw HTML <iframe>
//     omitted" (for a block, its first tag after any comments; a closing
//     tag is not reported again);
//   - an HTML comment (inline, or a block that starts with one) is dropped,
//     silently when it is only a comment;
//   - a hand-written YouTube or Vimeo iframe block (embed.FromHTML) becomes
//     folio's own embed, with a Diagnostic saying so.
// With unsafe HTML everything is written as it is.

var omitted = []byte("<!-- raw HTML omitted -->")

// kindEmbed is a recognised hand-written video embed.
var kindEmbed = ast.NewNodeKind("FolioEmbed")

type embedNode struct {
	ast.BaseBlock
	video embed.Video
}

func (n *embedNode) Kind() ast.NodeKind { return kindEmbed }

func (n *embedNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Provider": n.video.Provider, "ID": n.video.ID}, nil)
}

// blockText returns the text of a block's lines.
func blockText(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	var b bytes.Buffer
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b.Write(s.Value(src))
	}
	if h, ok := n.(*ast.HTMLBlock); ok && h.HasClosure() {
		cl := h.ClosureLine
		b.Write(cl.Value(src))
	}
	return b.Bytes()
}

// blockRewriter is the block pass's rewriting of the document: it splits
// it at the summary divider, applies the raw HTML policy to HTML blocks,
// turns hand-written iframes into embeds and standalone images (titled,
// or any with an image hook) into block images. Inline raw HTML and link
// URLs are checked where they are rendered.
type blockRewriter struct{ ext *Extender }

// wantsParagraphs reports whether apply needs the document's paragraphs,
// to find the images that stand alone in one.
func (t *blockRewriter) wantsParagraphs() bool {
	return t.ext.ImageHook != nil || t.ext.FigureForTitledImages
}

// divide finds the summary divider of doc, when the document wants one,
// and splits the document there (splitAtDivider). It returns the divider
// node, nil when there is none, and the block made of what followed the
// divider inside its block, if any.
func (t *blockRewriter) divide(d *docState, src []byte, doc *ast.Document) (divider, after ast.Node) {
	if !d.summary || !bytes.Contains(src, moreDivider) {
		return nil, nil
	}
	divider = findDivider(doc, src)
	if divider == nil {
		return nil, nil
	}
	return divider, splitAtDivider(divider, src)
}

// apply runs the rewrites over the HTML blocks and paragraphs of a
// document, in document order, as the block pass collected them; divider
// is the summary divider divide found, or nil.
func (t *blockRewriter) apply(d *docState, src []byte, blocks []*ast.HTMLBlock, paras []*ast.Paragraph, divider ast.Node) {
	unsafe := t.ext.unsafeHTML()
	for _, n := range blocks {
		if n == divider {
			b := blockText(n, src)
			if rest := bytes.TrimSpace(b[len(moreDivider):]); len(rest) > 0 && !unsafe {
				d.diagParsed(nodePos(n)+len(moreDivider), "%s (after <!--more-->)", htmlsafe.OmittedMessage(rest))
			}
			continue
		}
		if unsafe {
			continue
		}
		b := blockText(n, src)
		if htmlsafe.StartsComment(b) {
			if !htmlsafe.OnlyComment(b) {
				d.diagParsed(nodePos(n), "%s (an HTML block that starts with a comment is dropped whole)", htmlsafe.OmittedMessage(b))
			}
			continue
		}
		if !t.ext.NoIframeEmbeds {
			if v, ok := embed.FromHTML(b); ok {
				d.diagParsed(nodePos(n), "hand-written %s iframe rendered as a folio embed (id %s)", v.Provider, v.ID)
				e := &embedNode{video: v}
				e.SetPos(nodePos(n))
				n.Parent().ReplaceChild(n.Parent(), n, e)
				continue
			}
		}
		d.diagParsed(nodePos(n), "%s", htmlsafe.OmittedMessage(b))
	}
	for _, p := range paras {
		img, ok := soleImage(p, src)
		if !ok || t.ext.ImageHook == nil && img.Title == nil {
			continue
		}
		bi := &blockImage{}
		bi.SetPos(nodePos(p))
		p.Parent().ReplaceChild(p.Parent(), p, bi)
		bi.AppendChild(bi, img)
	}
}

// findDivider returns the first summary divider of doc outside code: an
// HTML block that starts with <!--more--> or inline raw HTML that is
// exactly it; nil if there is none.
func findDivider(doc *ast.Document, src []byte) ast.Node {
	var divider ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if bytes.HasPrefix(blockText(n, src), moreDivider) {
				divider = n
				return ast.WalkStop, nil
			}
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if bytes.Equal(rawValue(n, src), moreDivider) {
				divider = n
				return ast.WalkStop, nil
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return divider
}

// reportURL records that the URL u of n, in the document of d, was
// refused by the URL policy.
func reportURL(d *docState, n ast.Node, u []byte) {
	d.diagParsed(nodePos(n), "unsafe URL %q removed (scheme not allowed)", htmlsafe.Clip(string(u), 40))
}

// rawValue returns the source of an inline raw HTML node.
func rawValue(n *ast.RawHTML, src []byte) []byte {
	if n.Segments.Len() == 1 {
		s := n.Segments.At(0)
		return s.Value(src)
	}
	var b []byte
	for i := 0; i < n.Segments.Len(); i++ {
		s := n.Segments.At(i)
		b = append(b, s.Value(src)...)
	}
	return b
}

func (r *coreRenderer) renderHTMLBlock(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.HTMLBlock)
	if r.unsafe {
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			s := lines.At(i)
			_, _ = w.Write(s.Value(source))
		}
		if n.HasClosure() {
			cl := n.ClosureLine
			_, _ = w.Write(cl.Value(source))
		}
		return ast.WalkSkipChildren, nil
	}
	if htmlsafe.StartsComment(blockText(n, source)) {
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.Write(omitted)
	_ = w.WriteByte('\n')
	if n.HasClosure() {
		_, _ = w.Write(omitted)
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

func (r *coreRenderer) renderRawHTML(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	if r.unsafe {
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			_, _ = w.Write(s.Value(source))
		}
		return ast.WalkSkipChildren, nil
	}
	if v := rawValue(n, source); !htmlsafe.StartsComment(v) {
		_, _ = w.Write(omitted)
		if !bytes.HasPrefix(v, []byte("</")) {
			stateAt(w, n).diagParsed(nodePos(n), "%s", htmlsafe.OmittedMessage(v))
		}
	}
	return ast.WalkSkipChildren, nil
}

func (r *coreRenderer) renderEmbed(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.Write(node.(*embedNode).video.HTML(r.ext.EmbedOptions))
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}
