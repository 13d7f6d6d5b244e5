package render

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"

	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/astattr"
	"github.com/folio-md/folio/render/internal/anchor"
	"github.com/folio-md/folio/render/internal/htmlsafe"
)

// This file gives headings their IDs the way Hugo does (markup/goldmark
// autoid.go): the heading's plain text is turned into an anchor by one of
// three styles, duplicates get -1, -2, ... and {#custom} IDs are kept.

// Anchorize returns the ID Hugo's style s makes from text, without
// deduplication. It returns "" when text has nothing the style keeps; the
// heading then gets the ID "heading". It is the function behind heading
// IDs, exported for templates that link to headings by their text.
func Anchorize(text string, s IDStyle) string {
	var b strings.Builder
	b.Grow(len(text))
	anchor.Write(&b, strings.TrimFunc(text, unicode.IsSpace), string(s))
	return b.String()
}

// headingText returns the plain text of a heading's inline content, the
// text its ID is made from. With hugo set it follows Hugo exactly: only
// the first child of an inline container counts and only the last line of
// a multi-line heading, and autolinks add nothing; otherwise it is
// inlinePlain, the text hooks and the TOC see.
func headingText(h ast.Node, src []byte, hugo bool) []byte {
	if !hugo {
		return plainText(h, src, true)
	}
	var b bytes.Buffer
	inlineText(&b, h, src, true, true, true)
	t := b.Bytes()
	if i := bytes.LastIndexByte(t, '\n'); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// inlinePlain returns the plain text of n's inline content, render's one
// rule for the text of a heading, link or image: entities and backslash
// escapes resolved, raw HTML dropped, a link's and an autolink's text
// kept (never a URL), line breaks made spaces. Heading IDs (outside
// Hugo's rule), the PlainText of every render hook and the alt text of an
// image in a TOC title use it.
func inlinePlain(n ast.Node, src []byte) []byte { return plainText(n, src, false) }

// plainText is inlinePlain; with emojiNames an emoji adds its short name
// (heading and term IDs, as Hugo's), else nothing (alt text, as goldmark's).
func plainText(n ast.Node, src []byte, emojiNames bool) []byte {
	var b bytes.Buffer
	inlineText(&b, n, src, false, true, emojiNames)
	return bytes.ReplaceAll(b.Bytes(), []byte{'\n'}, []byte{' '})
}

// inlineText writes the plain text of n's children to b. Entities and
// backslash escapes are resolved; raw HTML adds nothing; a link adds its
// text, never its URL.
func inlineText(b *bytes.Buffer, n ast.Node, src []byte, firstOnly, top, emojiNames bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(resolveText(c.Segment.Value(src)))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte('\n')
			}
		case *ast.String:
			b.Write(resolveText(c.Value))
		case *ast.RawHTML:
			// A tag holds no text.
		case *emojiast.Emoji:
			if emojiNames { // as Hugo's IDs: "## A :snake:" gives "a-snake"
				b.Write(c.ShortName)
			}
		case *ast.AutoLink:
			if !firstOnly { // Hugo's IDs leave autolinks out: "## a <https://x.org> b" gives "a--b"
				b.Write(c.Label(src))
			}
		default:
			inlineText(b, c, src, firstOnly, false, emojiNames)
		}
		if firstOnly && !top {
			return
		}
	}
}

// resolveText resolves backslash escapes and character references.
func resolveText(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

var attrID = []byte("id")

// writtenAttributes reports whether the heading's source line ends with an
// attribute list that sets an id: "## Title {#x}". It tells a custom ID
// from one goldmark's own auto heading IDs put there.
func writtenID(h *ast.Heading, src []byte) bool {
	lines := h.Lines()
	if lines.Len() == 0 {
		return false
	}
	last := lines.At(lines.Len() - 1)
	rest := src[last.Stop:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	i := bytes.IndexByte(rest, '{')
	if i < 0 {
		return false
	}
	attrs, ok := parser.ParseAttributes(text.NewReader(rest[i:]))
	if !ok {
		return false
	}
	_, has := attrs.Find(attrID)
	return has
}

// headingIDs assigns every heading of doc its ID. It is an AST transformer
// so that the TOC, the heading hook and footnotes all see the same IDs.
type headingIDs struct {
	style  IDStyle
	hugo   bool
	styles bool // style attributes are written (Extender.StyleAttributes)
	terms  bool // definition terms get IDs too (Extender.DefinitionTermIDs)
}

// assign gives the headings of a document, and with terms set its
// definition terms, in document order, their IDs, and reports bad or
// duplicate custom IDs. Only headings have custom IDs.
func (t *headingIDs) assign(st *docState, src []byte, hs []ast.Node) {
	if len(hs) == 0 {
		return
	}
	type entry struct {
		h      ast.Node
		id     string
		custom bool
	}
	heads := make([]entry, len(hs))
	for i, h := range hs {
		e := entry{h: h}
		for _, a := range h.Attributes() {
			if !htmlsafe.Attr(a.Name, t.styles) {
				st.diagParsed(h.Pos(), "heading attribute %q is not written (allowed: id, class, lang, dir, title, translate, role, aria-*, data-*)", a.Name)
			}
		}
		if v, ok := h.AttributeString("id"); ok && isHeading(h) && writtenID(h.(*ast.Heading), src) {
			id := astattr.Text(v)
			switch {
			case id == "":
				st.diagParsed(h.Pos(), "empty heading ID ignored; an automatic ID is used")
			case strings.IndexFunc(id, unicode.IsSpace) >= 0:
				fixed := strings.Join(strings.Fields(id), "-")
				st.diagParsed(h.Pos(), "heading ID %q contains white space; using %q", id, fixed)
				id = fixed
				e.custom = true
			default:
				e.custom = true
			}
			e.id = id
		}
		heads[i] = e
	}

	used := make(map[string]int, len(heads)) // id -> index of the first heading that has it
	var next map[string]int                  // base -> the k its next duplicate tries first
	if !t.hugo {
		for i, e := range heads {
			if !e.custom {
				continue
			}
			if j, dup := used[e.id]; dup {
				st.diagParsed(e.h.Pos(), "duplicate heading ID %q (also on line %d)", e.id, st.lineOfParsed(heads[j].h.Pos()))
				continue
			}
			used[e.id] = i
		}
	}
	for i := range heads {
		e := &heads[i]
		if e.custom {
			if t.hugo {
				if j, dup := used[e.id]; dup {
					st.diagParsed(e.h.Pos(), "duplicate heading ID %q (also on line %d)", e.id, st.lineOfParsed(heads[j].h.Pos()))
				} else {
					used[e.id] = i
				}
			}
			e.h.SetAttribute(attrID, []byte(e.id))
			st.ids = append(st.ids, e.id)
			continue
		}
		txt := st.plainOf(headingText(e.h, src, t.hugo))
		if len(bytes.TrimFunc(txt, unicode.IsSpace)) == 0 {
			// No text at all: no id, as Hugo v0.165 does.
			removeAttr(e.h, attrID)
			continue
		}
		base := Anchorize(string(txt), t.style)
		if base == "" {
			base = "heading"
		}
		// Duplicates probe base-k from the k after the last one this base
		// reached rather than from 1: IDs are only ever added, so every
		// smaller k is still taken and the ID is the same, but n headings
		// with one text cost n probes instead of n²/2.
		id := base
		k := next[base]
		if k > 0 {
			id = base + "-" + strconv.Itoa(k)
		}
		for {
			if _, taken := used[id]; !taken {
				break
			}
			k++
			id = base + "-" + strconv.Itoa(k)
		}
		if k > 0 { // only duplicated bases get an entry: most have none
			if next == nil {
				next = make(map[string]int)
			}
			next[base] = k + 1
		}
		used[id] = i
		e.id = id
		e.h.SetAttribute(attrID, []byte(id))
		st.ids = append(st.ids, id)
	}
}

func isHeading(n ast.Node) bool {
	_, ok := n.(*ast.Heading)
	return ok
}

// identifiers returns the IDs blockPass assigned, sorted.
func (d *docState) identifiers() []string {
	if len(d.ids) == 0 {
		return nil
	}
	ids := slices.Clone(d.ids)
	slices.Sort(ids)
	return ids
}

// removeAttr removes the attribute name from n, keeping the others in order.
func removeAttr(n ast.Node, name []byte) {
	attrs := n.Attributes()
	if attrs == nil {
		return
	}
	keep := make([]ast.Attribute, 0, len(attrs))
	for _, a := range attrs {
		if !bytes.Equal(a.Name, name) {
			keep = append(keep, a)
		}
	}
	n.RemoveAttributes()
	for _, a := range keep {
		n.SetAttribute(a.Name, a.Value)
	}
}
