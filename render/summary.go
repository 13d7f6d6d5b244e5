package render

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
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
			if !isVoid(name) {
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

// hugoSummaryEnd returns where Hugo 0.165's automatic summary ends
// (page.ExtractSummaryFromHTML): the offset after the "</p>" that closes
// the paragraph in which the running word count reaches limit, or -1 when
// it never does (then the summary is the whole content). Like Hugo, it
// counts the words of everything between one "</p>" and the next, tags
// included, quirks and all:
//
//   - words are split at Unicode white space; a word that looks like a
//     tag ("<h2", "</em>", ">") or starts like an attribute (id="...">Text)
//     is not counted, so the first word of a heading or of a link is not;
//   - the last rune before each "</p>" is never read, so a paragraph
//     ending in a one-letter word ("a b c") does not count that word;
//   - text after the last "</p>" is never counted;
//   - with cjk, a word counts its runes (after its tags are stripped)
//     unless it is pure ASCII.
//
// The cut may fall inside a list or blockquote whose items are
// paragraphs; the caller closes what it leaves open. One pass over
// html[:end].
func hugoSummaryEnd(html []byte, limit int, cjk bool) int {
	if limit < 1 {
		return -1
	}
	closing := []byte("</p>")
	count := 0
	for j := 0; j < len(html); {
		k := bytes.Index(html[j:], closing)
		if k < 0 {
			return -1
		}
		s := html[j : j+k]
		wi := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRune(s[i:])
			// Hugo ranges over a string: an invalid byte is U+FFFD, whose
			// length it takes as 3 when it looks for the last rune.
			if unicode.IsSpace(r) || i+utf8.RuneLen(r) == len(s) {
				count += hugoWordWeight(s[wi:i], cjk)
				wi = i
				if count >= limit {
					break
				}
			}
			i += size
		}
		if count >= limit {
			return j + k + len(closing)
		}
		j += k + len(closing) - 1 // Hugo resumes at the '>' of "</p>"
	}
	return -1
}

// hugoWordWeight is what one white-space-separated token adds to Hugo's
// summary word count (see hugoSummaryEnd).
func hugoWordWeight(word []byte, cjk bool) int {
	word = bytes.TrimSpace(word)
	if len(word) == 0 || probablyHTMLToken(word) {
		return 0
	}
	if !cjk {
		return 1
	}
	ascii := true
	for _, c := range word {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return 1 // stripping tags from ASCII leaves ASCII
	}
	w := word
	if bytes.ContainsAny(word, "<>") {
		w = []byte(plainText(word))
	}
	if n := utf8.RuneCount(w); n != len(w) {
		return n
	}
	return 1
}

// probablyHTMLToken reports whether a token is one Hugo's summary does not
// count: ">", a tag such as "<p", "<em>" or "</em>" (^</?[A-Za-z]+>?$), or
// the start of an attribute (^[A-Za-z]+=["']).
func probablyHTMLToken(w []byte) bool {
	if len(w) == 1 && w[0] == '>' {
		return true
	}
	if w[0] == '<' {
		i := 1
		if i < len(w) && w[i] == '/' {
			i++
		}
		start := i
		for i < len(w) && isASCIILetter(w[i]) {
			i++
		}
		if i == start {
			return false
		}
		return i == len(w) || i == len(w)-1 && w[i] == '>'
	}
	i := 0
	for i < len(w) && isASCIILetter(w[i]) {
		i++
	}
	return i > 0 && i+1 < len(w) && w[i] == '=' && (w[i+1] == '"' || w[i+1] == '\'')
}

// hugoAutoSummary is the automatic summary under HugoCompat: the content
// up to hugoSummaryEnd, trimmed of white space, byte for byte Hugo's: a
// cut inside a list or blockquote leaves them open, as in Hugo. truncated
// is Hugo's: the summary is not the whole content.
func hugoAutoSummary(html []byte, limit int, cjk bool) (summary []byte, truncated bool) {
	content := bytes.TrimSpace(html)
	end := hugoSummaryEnd(html, limit, cjk)
	if end < 0 {
		return content, false
	}
	summary = bytes.TrimSpace(html[:end])
	return summary, !bytes.Equal(summary, content)
}
