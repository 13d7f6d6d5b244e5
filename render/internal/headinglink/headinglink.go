// Package headinglink writes the anchor link of a heading: a link to the
// heading's own ID, with an accessible name, placed before, after or
// around the heading's text (what rehype-autolink-headings and
// markdown-it-anchor add to headings).
package headinglink

import "github.com/folio-md/folio/internal/escape"

import "strings"

// Config is how the link looks. Every field is set (render fills in the
// defaults).
type Config struct {
	Symbol string // the link's visible text, before or after the heading text
	Class  string // the link's class
	// Label is the link's accessible name; every "%s" in it stands for
	// the heading's plain text.
	Label string
	// HiddenClass, when set, writes Label as a <span> of that class
	// inside the link (visually hidden text) instead of aria-label.
	HiddenClass string
}

// AppendLink appends the link to the heading with ID id and plain text
// plain, that holds c.Symbol: <a class="anchor" href="#id"
// aria-label="Link to this section: Title">#</a>. Every value is
// HTML-escaped; the URL is a fragment, which no URL policy refuses.
func AppendLink(b []byte, c Config, id, plain string) []byte {
	b = appendOpen(b, c, id)
	if c.HiddenClass == "" {
		b = append(b, ` aria-label="`...)
		b = appendLabel(b, c.Label, plain)
		b = append(b, `">`...)
		b = escape.Append(escape.Goldmark, b, c.Symbol)
		return append(b, "</a>"...)
	}
	b = append(b, `><span aria-hidden="true">`...)
	b = escape.Append(escape.Goldmark, b, c.Symbol)
	b = append(b, `</span><span class="`...)
	b = escape.Append(escape.Goldmark, b, c.HiddenClass)
	b = append(b, `">`...)
	b = appendLabel(b, c.Label, plain)
	return append(b, "</span></a>"...)
}

// AppendWrapOpen appends the start tag of a link that wraps the heading
// text, <a class="anchor" href="#id">; the text is then its accessible
// name, so it has no label and no symbol.
func AppendWrapOpen(b []byte, c Config, id string) []byte {
	return append(appendOpen(b, c, id), '>')
}

func appendOpen(b []byte, c Config, id string) []byte {
	b = append(b, `<a class="`...)
	b = escape.Append(escape.Goldmark, b, c.Class)
	b = append(b, `" href="#`...)
	b = escape.Append(escape.Goldmark, b, id)
	return append(b, '"')
}

// appendLabel appends label, escaped, with every "%s" replaced by plain,
// escaped.
func appendLabel(b []byte, label, plain string) []byte {
	for {
		before, after, found := strings.Cut(label, "%s")
		b = escape.Append(escape.Goldmark, b, before)
		if !found {
			return b
		}
		b = escape.Append(escape.Goldmark, b, plain)
		label = after
	}
}
