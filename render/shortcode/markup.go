package shortcode

import (
	"bytes"
	"strings"
)

// tagInfo is a start or end tag read by markupAt.
type tagInfo struct {
	ok    bool
	name  string // lower case; only set for the raw text elements
	attrs []attrSpan
}

// attrSpan locates an attribute with a value: its name, and its value
// without the quotes (quote is 0 for an unquoted value).
type attrSpan struct {
	nameStart, nameEnd int
	valStart, valEnd   int
	quote              byte
}

// rawTextElements hold text up to their end tag, not markup.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
}

// markupAt reads the markup that starts with the '<' at h[lt]: a tag, a
// comment or a bogus comment, as an HTML tokenizer does. It returns where
// the markup ends; for the start tag of a raw text element, also where its
// text ends (at its end tag); and, for a tag, its attributes. A '<' that
// starts no markup is text: end is lt+1.
func markupAt(h []byte, lt int) (end, rawEnd int, t tagInfo) {
	rest := h[lt:]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		k := bytes.Index(rest[4:], []byte("-->"))
		if k < 0 {
			return len(h), 0, t
		}
		return lt + 4 + k + 3, 0, t
	case len(rest) > 1 && (rest[1] == '!' || rest[1] == '?'),
		len(rest) > 2 && rest[1] == '/' && !isASCIILetter(rest[2]) && rest[2] != '>':
		k := bytes.IndexByte(rest, '>')
		if k < 0 {
			return len(h), 0, t
		}
		return lt + k + 1, 0, t
	case len(rest) > 1 && isASCIILetter(rest[1]),
		len(rest) > 2 && rest[1] == '/' && isASCIILetter(rest[2]):
	default:
		return lt + 1, 0, t
	}
	t.ok = true
	endTag := rest[1] == '/'
	i := lt + 1
	if endTag {
		i++
	}
	nameStart := i
	for i < len(h) && !isTagSpace(h[i]) && h[i] != '/' && h[i] != '>' {
		i++
	}
	name := h[nameStart:i]
	for i < len(h) {
		for i < len(h) && (isTagSpace(h[i]) || h[i] == '/') {
			i++
		}
		if i >= len(h) {
			break
		}
		if h[i] == '>' {
			i++
			end = i
			if !endTag && len(name) <= 9 {
				if n := strings.ToLower(string(name)); rawTextElements[n] {
					t.name = n
					return end, rawTextEnd(h, end, n), t
				}
			}
			if len(name) == 3 && strings.EqualFold(string(name), "img") {
				t.name = "img"
			}
			return end, 0, t
		}
		// An attribute name: at least one byte, up to space, '/', '>' or '='.
		a := attrSpan{nameStart: i}
		i++
		for i < len(h) && !isTagSpace(h[i]) && h[i] != '/' && h[i] != '>' && h[i] != '=' {
			i++
		}
		a.nameEnd = i
		j := i
		for j < len(h) && isTagSpace(h[j]) {
			j++
		}
		if j >= len(h) || h[j] != '=' {
			continue // no value
		}
		j++
		for j < len(h) && isTagSpace(h[j]) {
			j++
		}
		if j < len(h) && (h[j] == '"' || h[j] == '\'') {
			a.quote = h[j]
			a.valStart = j + 1
			k := bytes.IndexByte(h[j+1:], a.quote)
			if k < 0 {
				a.valEnd = len(h)
				i = len(h)
			} else {
				a.valEnd = j + 1 + k
				i = a.valEnd + 1
			}
		} else {
			a.valStart = j
			for j < len(h) && !isTagSpace(h[j]) && h[j] != '>' {
				j++
			}
			a.valEnd = j
			i = j
		}
		t.attrs = append(t.attrs, a)
	}
	// A tag cut off by the end of the input.
	return len(h), 0, t
}

// rawTextEnd returns the offset of the end tag </name that closes a raw
// text element whose text starts at i, or len(h).
func rawTextEnd(h []byte, i int, name string) int {
	if name == "plaintext" {
		return len(h)
	}
	for i < len(h) {
		k := bytes.Index(h[i:], []byte("</"))
		if k < 0 {
			return len(h)
		}
		j := i + k
		if e := j + 2 + len(name); e <= len(h) && strings.EqualFold(string(h[j+2:e]), name) &&
			(e == len(h) || isTagSpace(h[e]) || h[e] == '/' || h[e] == '>') {
			return j
		}
		i = j + 2
	}
	return len(h)
}

// isTagSpace reports the white space an HTML tokenizer skips in a tag.
func isTagSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
