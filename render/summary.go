package render

import (
	"bytes"
	stdhtml "html"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"

	"github.com/folio-md/folio/render/internal/textstats"
)

// This file finds Hugo's summary divider. The divider is exactly
// <!--more-->, its first occurrence outside code. goldmark sees it as an
// HTML block or as inline raw HTML; the raw HTML policy replaces it
// with a moreNode, splitting its paragraph when it stands inside one (as
// Hugo's "\n\nHUGOMORE42\n\n" does). The node renders as a sentinel the
// Renderer cuts the HTML at; in an Extender it renders as nothing.

var moreDivider = []byte("<!--more-->")

// moreSentinel marks the divider in the rendered HTML. goldmark turns
// every NUL of the input into U+FFFD, so the sentinel cannot come from
// the Markdown.
var moreSentinel = []byte("\x00folio-more\x00")

var kindMore = ast.NewNodeKind("FolioMore")

type moreNode struct{ ast.BaseBlock }

func (n *moreNode) Kind() ast.NodeKind { return kindMore }

func (n *moreNode) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

func (r *coreRenderer) renderMore(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && stateAt(w, node).summary {
		_, _ = w.Write(moreSentinel)
	}
	return ast.WalkSkipChildren, nil
}

// splitAtDivider puts a moreNode where the divider n is. An HTML block
// that is only the divider is replaced. Inline, the divider's paragraph
// (or heading) is split in two around it, white space next to it
// dropped: what follows becomes a new paragraph, which splitAtDivider
// returns (nil when nothing follows). A paragraph left empty is removed;
// a heading left empty is kept, as Hugo keeps "## <!--more-->" as an
// empty <h2></h2>. A divider nested deeper (in emphasis, say) ends its
// paragraph.
func splitAtDivider(n ast.Node, src []byte) ast.Node {
	more := &moreNode{}
	more.SetPos(nodePos(n))
	if h, ok := n.(*ast.HTMLBlock); ok {
		parent := h.Parent()
		parent.InsertBefore(parent, h, more)
		if bytes.Equal(bytes.TrimSpace(blockText(h, src)), moreDivider) {
			parent.RemoveChild(parent, h)
		}
		return nil
	}
	// Find the paragraph (or tight list text block) holding the divider.
	var para ast.Node
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock {
			para = p
			break
		}
	}
	if para == nil || para.Parent() == nil {
		return nil
	}
	container := para.Parent()
	if n.Parent() != para {
		n.Parent().RemoveChild(n.Parent(), n)
		container.InsertAfter(container, para, more)
		return nil
	}
	// Move everything after the divider into a new block of the same kind.
	var after ast.Node
	switch para.(type) {
	case *ast.TextBlock:
		after = ast.NewTextBlock()
	default:
		after = ast.NewParagraph()
	}
	for c := n.NextSibling(); c != nil; {
		next := c.NextSibling()
		para.RemoveChild(para, c)
		after.AppendChild(after, c)
		c = next
	}
	para.RemoveChild(para, n)
	trimEdge(para, src, false)
	trimEdge(after, src, true)
	container.InsertAfter(container, para, more)
	if _, heading := para.(*ast.Heading); !para.HasChildren() && !heading {
		container.RemoveChild(container, para)
	}
	if !after.HasChildren() {
		return nil
	}
	container.InsertAfter(container, more, after)
	return after
}

// trimEdge trims the white space at the start (leading) or end of a
// block's inline content, dropping texts that become empty.
func trimEdge(b ast.Node, src []byte, leading bool) {
	for {
		var c ast.Node
		if leading {
			c = b.FirstChild()
		} else {
			c = b.LastChild()
		}
		t, ok := c.(*ast.Text)
		if !ok {
			return
		}
		if leading {
			t.Segment = t.Segment.TrimLeftSpace(src)
		} else {
			t.Segment = t.Segment.TrimRightSpace(src)
			t.SetSoftLineBreak(false)
			t.SetHardLineBreak(false)
		}
		if t.Segment.Len() > 0 || t.SoftLineBreak() || t.HardLineBreak() {
			return
		}
		b.RemoveChild(b, t)
	}
}

// closeOpenTags returns a copy of b with an end tag appended for every
// element b opens and does not close, innermost first, so that a summary
// cut at the divider never leaves a tag open.
func closeOpenTags(b []byte) []byte {
	var open []string
	// How many of each name open holds: an end tag that closes nothing
	// is skipped without searching the whole stack, so that the work is
	// linear in the elements popped, however many stray end tags there are.
	count := make(map[string]int)
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			if !textstats.IsVoid(name) {
				open = append(open, string(name))
				count[open[len(open)-1]]++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if count[string(name)] == 0 {
				continue // closes nothing open
			}
			for i := len(open) - 1; i >= 0; i-- {
				count[open[i]]--
				if open[i] == string(name) {
					open = open[:i]
					break
				}
			}
		}
	}
	out := bytes.TrimRight(bytes.Clone(b), " \t\n")
	if len(out) == 0 {
		return nil
	}
	if len(open) == 0 {
		return append(out, '\n')
	}
	var sb strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		sb.WriteString("</")
		sb.WriteString(open[i])
		sb.WriteString(">")
		if i == 0 || open[i] == "ul" || open[i] == "ol" || open[i] == "li" || open[i] == "blockquote" {
			sb.WriteByte('\n')
		}
	}
	return append(out, sb.String()...)
}

// trimShortHTML removes the <p>...</p> that wraps html when it is the only
// paragraph (Hugo's TrimShortHTML, used for a front-matter summary), with
// the white space around it.
func trimShortHTML(html []byte) []byte {
	if bytes.Count(html, []byte("<p>")) != 1 {
		return html
	}
	t := bytes.TrimSpace(html)
	if bytes.HasPrefix(t, []byte("<p>")) && bytes.HasSuffix(t, []byte("</p>")) {
		return bytes.TrimSpace(t[3 : len(t)-4])
	}
	return html
}

// decodedText returns plain text (Result.Plain, or the plain text of the
// summary) with its character references decoded: Result.Text and
// Result.SummaryText. It is one linear pass (html.UnescapeString), and
// returns plain itself, with no copy, when it holds no '&'.
func decodedText(plain string) string { return stdhtml.UnescapeString(plain) }
