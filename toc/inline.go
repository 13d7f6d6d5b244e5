package toc

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// textEscaper escapes text content as goldmark does; attrEscaper also
// escapes the single quote, for attribute values.
var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	// A carriage return is written as a reference: an HTML parser turns a
	// raw one into a line feed, and the link would miss its heading.
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;", "\r", "&#13;")
)

// inlineWriter renders a heading's inline content as HTML and as plain text.
type inlineWriter struct {
	src        []byte
	html, text strings.Builder
	inline     InlineFunc // the caller's rendering of raw HTML and images; may be nil
}

// inlineContent returns the heading's content as HTML and as plain text, each
// with whitespace collapsed.
func inlineContent(h *ast.Heading, src []byte, inline InlineFunc) (title, text string) {
	w := &inlineWriter{src: src, inline: inline}
	w.children(h)
	return collapseSpace(w.html.String()), collapseSpace(w.text.String())
}

func (w *inlineWriter) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.node(c)
	}
}

// both writes s as escaped HTML and as plain text.
func (w *inlineWriter) both(s string) {
	w.html.WriteString(textEscaper.Replace(s))
	w.text.WriteString(s)
}

func (w *inlineWriter) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(w.src)
		if n.IsRaw() {
			w.both(string(v))
		} else {
			w.both(unescapeMarkdown(v))
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.both(" ")
		}
	case *ast.String:
		w.str(n)
	case *ast.CodeSpan:
		w.html.WriteString("<code>")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			var v []byte
			switch c := c.(type) {
			case *ast.Text:
				v = c.Value(w.src)
			case *ast.String:
				v = c.Value
			}
			if bytes.HasSuffix(v, []byte("\n")) {
				v = append(v[:len(v)-1:len(v)-1], ' ')
			}
			w.both(string(v))
		}
		w.html.WriteString("</code>")
	case *ast.Emphasis:
		tag := "em"
		if n.Level >= 2 {
			tag = "strong"
		}
		w.wrap(tag, n)
	case *extast.Strikethrough:
		w.wrap("del", n)
	case *ast.Link:
		w.children(n)
	case *ast.AutoLink:
		w.both(string(n.Label(w.src)))
	case *ast.Image:
		if w.inline != nil && w.inline(&w.html, n, w.src) {
			alt := &inlineWriter{src: w.src}
			alt.children(n)
			w.text.WriteString(alt.text.String())
			return
		}
		// The alt text, as goldmark computes it: the plain text of the children.
		alt := &inlineWriter{src: w.src}
		alt.children(n)
		w.both(alt.text.String())
	case *ast.RawHTML:
		if w.inline != nil {
			w.inline(&w.html, n, w.src)
		}
		// Else dropped: raw HTML is unsafe.
	case *extast.FootnoteLink, *extast.FootnoteBacklink:
		// Dropped: raw HTML is unsafe, a footnote number is not a title.
	default:
		if w.inline != nil && w.inline(&w.html, n, w.src) {
			sub := &inlineWriter{src: w.src}
			sub.children(n)
			w.text.WriteString(sub.text.String())
			return
		}
		w.children(n)
	}
}

func (w *inlineWriter) wrap(tag string, n ast.Node) {
	w.html.WriteString("<" + tag + ">")
	w.children(n)
	w.html.WriteString("</" + tag + ">")
}

// str writes an ast.String. goldmark's typographer makes "code" strings
// that hold entities such as &rsquo;; they are kept as entities in the HTML,
// as goldmark writes them, unless they could open markup.
func (w *inlineWriter) str(n *ast.String) {
	v := string(n.Value)
	switch {
	case n.IsCode():
		plain := html.UnescapeString(v)
		if strings.ContainsAny(v, `<>"'`) {
			w.html.WriteString(textEscaper.Replace(plain))
		} else {
			w.html.WriteString(v)
		}
		w.text.WriteString(plain)
	case n.IsRaw():
		w.both(v)
	default:
		w.both(unescapeMarkdown(n.Value))
	}
}

// unescapeMarkdown resolves backslash escapes of ASCII punctuation and
// entity and numeric character references, as CommonMark does in text.
func unescapeMarkdown(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && isASCIIPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i++
		case c == '&':
			if n := entityLen(v[i:]); n > 0 {
				b.WriteString(html.UnescapeString(string(v[i : i+n])))
				i += n - 1
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// entityLen returns the length of the entity or numeric character reference
// at the start of v ("&amp;", "&#123;", "&#x1F;"), or 0.
func entityLen(v []byte) int {
	if len(v) < 3 || v[0] != '&' {
		return 0
	}
	i := 1
	if v[1] == '#' {
		i = 2
		hex := i < len(v) && (v[i] == 'x' || v[i] == 'X')
		if hex {
			i++
		}
		start, maxDigits := i, 7
		if hex {
			maxDigits = 6
		}
		for i < len(v) && i-start < maxDigits && (isDigit(v[i]) || hex && isHex(v[i])) {
			i++
		}
		if i == start || i >= len(v) || v[i] != ';' {
			return 0
		}
		return i + 1
	}
	start := i
	for i < len(v) && i-start < 32 && (isAlpha(v[i]) || i > start && isDigit(v[i])) {
		i++
	}
	if i == start || i >= len(v) || v[i] != ';' {
		return 0
	}
	return i + 1
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool   { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// collapseSpace replaces each run of ASCII whitespace with one space and
// trims both ends.
func collapseSpace(s string) string {
	if !needsCollapse(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\r', '\f':
			space = b.Len() > 0
		default:
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// needsCollapse reports whether collapseSpace would change s.
func needsCollapse(s string) bool {
	prevSpace := true // a leading space needs trimming
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if prevSpace {
				return true
			}
			prevSpace = true
		case '\t', '\n', '\r', '\f':
			return true
		default:
			prevSpace = false
		}
	}
	return prevSpace && len(s) > 0
}
