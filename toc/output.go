package toc

import (
	"unicode"
	"unicode/utf8"
)

// HTML writes the table of contents as a <nav id="TableOfContents"> element
// in Hugo's layout: two spaces of indentation per step, each list on its own
// lines, and <nav id="TableOfContents"></nav> when there is no entry.
//
// An entry is <li><a href="#ID">Title</a>...</li>; the ID is escaped as an
// attribute value, so no ID can break out of the href. An entry without an ID
// is written as its Title without a link, and a placeholder as <li></li>.
//
// opts override the options the TOC was built with, for this call only.
// Ordered applies directly. A different level range, CollapseSkipped or
// SingleList rebuilds the tree from the entries the TOC holds, in document
// order, as Build would have built it from those headings; since Build keeps
// only the selected levels, output options can narrow the range but not
// widen it. Build with StartLevel(1) and EndLevel(-1) (or with SingleList(false),
// which keeps every level) to choose the levels at output time, as Hugo's
// .Fragments.ToHTML does.
func (t *TOC) HTML(opts ...Option) []byte {
	items, c := t.view(opts)
	w := &htmlWriter{c: c}
	w.b = append(w.b, `<nav id="TableOfContents">`...)
	for _, g := range groups(items, c, nil) {
		w.list(g, 0)
	}
	w.b = append(w.b, "</nav>"...)
	return w.b
}

type htmlWriter struct {
	b []byte
	c config
}

func (w *htmlWriter) indent(n int) {
	for range n {
		w.b = append(w.b, "  "...)
	}
}

// list writes one list of entries; indent is the depth of the element the
// list sits in.
func (w *htmlWriter) list(items []*Item, indent int) {
	tag := "ul"
	if w.c.ordered {
		tag = "ol"
	}
	w.b = append(w.b, '\n')
	w.indent(indent + 1)
	w.b = append(w.b, "<"+tag+">\n"...)
	for _, it := range items {
		w.item(it, indent+2)
	}
	w.indent(indent + 1)
	w.b = append(w.b, "</"+tag+">\n"...)
	w.indent(indent)
}

func (w *htmlWriter) item(it *Item, indent int) {
	w.indent(indent)
	w.b = append(w.b, "<li>"...)
	switch {
	case it.ID != "":
		w.b = append(w.b, `<a href="#`...)
		w.b = append(w.b, attrEscaper.Replace(it.ID)...)
		w.b = append(w.b, `">`...)
		w.b = append(w.b, it.Title...)
		w.b = append(w.b, "</a>"...)
	default:
		w.b = append(w.b, it.Title...)
	}
	for _, g := range groups(it.Items, w.c, nil) {
		w.list(g, indent)
	}
	w.b = append(w.b, "</li>\n"...)
}

// Markdown writes the table of contents as a nested Markdown list of links,
// "- [Text](#ID)", for a README or any Markdown file. Nested lists are
// indented by two spaces per level ("-" items) or three (Ordered, "1."
// items, as CommonMark needs). Markdown-significant characters in the text
// are escaped with a backslash, and characters other than letters, digits
// and "-_.~" in the fragment are percent-encoded. An entry without an ID is
// its text without a link; a placeholder is a bare "-" item. Several lists
// (SingleList(false)) are written as one, since consecutive Markdown lists
// would merge anyway. An empty TOC gives no bytes.
//
// opts work as for [TOC.HTML].
func (t *TOC) Markdown(opts ...Option) []byte {
	items, c := t.view(opts)
	var all []*Item
	for _, g := range groups(items, c, nil) {
		all = append(all, g...)
	}
	w := &mdWriter{c: c}
	w.list(all, 0)
	return w.b
}

type mdWriter struct {
	b []byte
	c config
}

func (w *mdWriter) list(items []*Item, depth int) {
	marker, step := "-", "  "
	if w.c.ordered {
		marker, step = "1.", "   "
	}
	for _, it := range items {
		for range depth {
			w.b = append(w.b, step...)
		}
		w.b = append(w.b, marker...)
		switch {
		case it.ID != "":
			w.b = append(w.b, " ["...)
			w.b = appendMarkdownText(w.b, it.Text)
			w.b = append(w.b, "](#"...)
			w.b = appendFragment(w.b, it.ID)
			w.b = append(w.b, ')')
		case it.Text != "":
			w.b = append(w.b, ' ')
			w.b = appendMarkdownText(w.b, it.Text)
		}
		w.b = append(w.b, '\n')
		var kids []*Item
		for _, g := range groups(it.Items, w.c, nil) {
			kids = append(kids, g...)
		}
		w.list(kids, depth+1)
	}
}

// appendMarkdownText appends s with the characters that could start Markdown
// markup escaped.
func appendMarkdownText(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '&', '~', '!', '|', '$':
			b = append(b, '\\', c)
		case '\n', '\r':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendFragment appends id percent-encoded for a Markdown link destination:
// letters, digits and "-_.~" are kept, everything else is encoded as UTF-8
// bytes.
func appendFragment(b []byte, id string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(id); {
		r, size := utf8.DecodeRuneInString(id[i:])
		keep := r == '-' || r == '_' || r == '.' || r == '~' ||
			r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
		if keep {
			b = append(b, id[i:i+size]...)
		} else {
			for j := i; j < i+size; j++ {
				b = append(b, '%', hex[id[j]>>4], hex[id[j]&15])
			}
		}
		i += size
	}
	return b
}
