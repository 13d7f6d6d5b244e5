package render

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// This file reads Blackfriday's image title quirk and renders standalone
// images (figures, block image hooks).
//
// Posts written for Hugo before v0.60 often smuggle a title after the URL:
//
//	![alt](/images/x.png?"A caption")
//
// Blackfriday ended the destination at the quote, giving src="/images/x.png?"
// and title="A caption". Under CommonMark the construct is text (or, with a
// title without spaces, an image whose URL holds the quotes). folio reads
// it as the image the author meant: src="/images/x.png" (the '?' is
// dropped: it was never part of the file name, and a clean URL is what
// caches and image pipelines expect) and title "A caption".

// blackfridayImage is an inline parser for ![alt](url?"title"). It runs
// before goldmark's link parser and declines everything else.
type blackfridayImage struct{}

func (blackfridayImage) Trigger() []byte { return []byte{'!'} }

func (blackfridayImage) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 || line[1] != '[' {
		return nil
	}
	// Alt text: up to the first ']', which must be followed by '('.
	i := 2
	for i < len(line) && line[i] != ']' && line[i] != '[' && line[i] != '\n' {
		if line[i] == '\\' && i+1 < len(line) {
			i++
		}
		i++
	}
	if i+1 >= len(line) || line[i] != ']' || line[i+1] != '(' {
		return nil
	}
	altStart, altStop := 2, i
	// Destination: no space, no parentheses, no quotes, up to ?".
	j := i + 2
	destStart := j
	for j < len(line) {
		c := line[j]
		if c == '"' || c == ' ' || c == '\t' || c == '\n' || c == '(' || c == ')' || c == '<' || c == '>' {
			break
		}
		j++
	}
	if j >= len(line) || line[j] != '"' || j == destStart || line[j-1] != '?' {
		return nil
	}
	dest := line[destStart : j-1]
	if len(dest) == 0 {
		return nil
	}
	// Title: up to the first `")`.
	k := titleEnd(pc, line, seg, j+1)
	if k < 0 {
		return nil
	}
	title := line[j+1 : j+1+k]
	if bytes.IndexByte(title, '\n') >= 0 {
		return nil
	}
	end := j + 1 + k + 2

	link := ast.NewLink()
	link.Destination = util.UnescapePunctuations(bytes.Clone(dest))
	link.Title = bytes.Clone(title)
	img := ast.NewImage(link)
	img.SetPos(seg.Start)
	if altStop > altStart {
		img.AppendChild(img, ast.NewTextSegment(text.NewSegment(seg.Start+altStart, seg.Start+altStop)))
	}
	block.Advance(end)
	return img
}

// titleSearch is the last search for the end of a title in a document:
// the first `")` of the source in [from, stop) is at at, or nowhere when
// at is -1. A line with many openers (![a](b?"x ![a](b?"x ...) and no
// `")` is then searched once, not once per opener.
type titleSearch struct{ from, stop, at int }

var titleSearchKey = parser.NewContextKey()

// titleEnd returns the offset from i of the first `")` in line[i:], or -1;
// line and seg are what the block reader's PeekLine returned.
func titleEnd(pc parser.Context, line []byte, seg text.Segment, i int) int {
	if seg.Padding > 0 || pc == nil { // line is not a slice of the source
		return bytes.Index(line[i:], []byte(`")`))
	}
	from := seg.Start + i
	m, _ := pc.Get(titleSearchKey).(*titleSearch)
	if m != nil && m.stop == seg.Stop && m.from <= from && (m.at < 0 || from <= m.at) {
		if m.at < 0 {
			return -1
		}
		return m.at - from
	}
	if m == nil {
		m = new(titleSearch)
		pc.Set(titleSearchKey, m)
	}
	k := bytes.Index(line[i:], []byte(`")`))
	m.from, m.stop, m.at = from, seg.Stop, -1
	if k >= 0 {
		m.at = from + k
	}
	return k
}

// kindBlockImage is an image alone in its paragraph, rendered without the
// paragraph when a hook or the figure option wants the whole block.
var kindBlockImage = ast.NewNodeKind("FolioBlockImage")

type blockImage struct{ ast.BaseBlock }

func (n *blockImage) Kind() ast.NodeKind { return kindBlockImage }

func (n *blockImage) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// soleImage returns the image a paragraph holds alone (white space around
// it allowed).
func soleImage(p *ast.Paragraph, src []byte) (*ast.Image, bool) {
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil, false
			}
			img = c
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(src))) != 0 {
				return nil, false
			}
		default:
			return nil, false
		}
	}
	return img, img != nil
}

func (r *coreRenderer) renderBlockImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	img, ok := node.FirstChild().(*ast.Image)
	if !ok {
		return ast.WalkContinue, nil
	}
	if r.ext.ImageHook != nil {
		done, err := r.imageHook(w, source, img, true)
		if err != nil {
			return ast.WalkStop, err
		}
		if done {
			_ = w.WriteByte('\n')
			return ast.WalkSkipChildren, nil
		}
	}
	if r.ext.FigureForTitledImages && img.Title != nil {
		_, _ = w.WriteString("<figure>")
		title := img.Title
		img.Title = nil
		r.writeImg(w, source, img)
		img.Title = title
		_, _ = w.WriteString("<figcaption>")
		html.DefaultWriter.Write(w, title)
		_, _ = w.WriteString("</figcaption></figure>\n")
		return ast.WalkSkipChildren, nil
	}
	_, _ = w.WriteString("<p>")
	r.writeImg(w, source, img)
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}
