package render

import (
	"bytes"
	"crypto/rand"
	"errors"
	"html"
	"strconv"
	"strings"

	"github.com/folio-md/folio/render/internal/htmlsafe"
)

// This file puts the output of {{< >}} shortcode calls into the rendered
// HTML, by context.
//
// Before goldmark parses the document, each {{< >}} call is replaced by a
// placeholder: a per-render random prefix of letters, the call's number in
// decimal, and 'z'. The prefix is drawn from crypto/rand and checked to be
// absent from the source, so no input can produce a placeholder: not a
// heading ID, not a character reference, not a change of case. Once the
// HTML is rendered, one pass reads it as a browser's tokenizer would and
// replaces each placeholder according to where it stands:
//
//   - in element content, by the call's HTML output (a placeholder alone
//     in a paragraph takes the <p> with it, as Hugo does);
//   - in an attribute value, by the plain text of the output, escaped; in
//     a URL attribute (href, src, ...) the whole value is then checked by
//     the URL policy and emptied, with a Diagnostic, if it is refused;
//   - in a comment or in the text of script, style, textarea and title
//     (only raw HTML under WithUnsafeHTML can put one there), by the
//     escaped plain text;
//   - anywhere else inside a tag (a tag or attribute name), by nothing,
//     with a Diagnostic.
//
// A placeholder with the prefix that no call made is an error. The
// output of a call may hold the placeholders of the calls nested in it,
// which always have smaller numbers; each output is finished once.

// placeholderLen is the number of random letters of a placeholder prefix.
const placeholderLen = 12

// newPlaceholderPrefix returns random lower-case letters that do not occur
// in src.
func newPlaceholderPrefix(src []byte) []byte {
	for {
		var b [placeholderLen]byte
		_, _ = rand.Read(b[:]) // never fails (crypto/rand)
		for i := range b {
			b[i] = 'a' + b[i]%26
		}
		if !bytes.Contains(src, b[:]) {
			return b[:]
		}
	}
}

// errForeignPlaceholder: the output holds a placeholder no call made.
var errForeignPlaceholder = errors.New("render: the HTML holds a shortcode placeholder that no call made")

// finisher replaces the placeholders of one render.
type finisher struct {
	x      *expansion
	d      *docState
	unsafe bool // WithUnsafeHTML: URL attributes are not checked
	urls   htmlsafe.Policy
	toc    []byte // the TOC's HTML, for toc calls

	outs []finished // by output number
}

// finished is what the finisher knows of one output.
type finished struct {
	html     []byte // the output with its placeholders replaced, once done
	text     string // html as escaped plain text, once textDone
	done     bool
	textDone bool
	placed   bool // the output was written somewhere
}

func newFinisher(x *expansion, d *docState, unsafe bool, urls htmlsafe.Policy) *finisher {
	return &finisher{x: x, d: d, unsafe: unsafe, urls: urls, outs: make([]finished, len(x.outs))}
}

// finish returns h with every placeholder replaced by context.
func (f *finisher) finish(h []byte) ([]byte, error) {
	return f.run(h, len(f.x.outs))
}

// reportUnplaced adds a Diagnostic for each call whose output was never
// written: it stood where nothing is written (omitted raw HTML, an unused
// link reference definition, ...).
func (f *finisher) reportUnplaced() {
	for i, o := range f.x.outs {
		if !f.outs[i].placed && !o.quiet {
			f.d.noteSource(o.off, "output of shortcode "+strconv.Quote(o.name)+" is not in the HTML (it stood where nothing is written, such as omitted raw HTML)")
		}
	}
}

// outHTML returns output i finished.
func (f *finisher) outHTML(i int) ([]byte, error) {
	s := &f.outs[i]
	s.placed = true
	o := f.x.outs[i]
	if o.toc {
		return f.toc, nil
	}
	if !s.done {
		b, err := f.run(f.checkURLs(o.html, o), i)
		if err != nil {
			return nil, err
		}
		s.html, s.done = b, true
	}
	return s.html, nil
}

// outText returns output i as plain text, HTML-escaped.
func (f *finisher) outText(i int) (string, error) {
	s := &f.outs[i]
	if !s.textDone {
		b, err := f.outHTML(i)
		if err != nil {
			return "", err
		}
		s.text, s.textDone = html.EscapeString(htmlText(b)), true
	}
	s.placed = true
	return s.text, nil
}

// checkURLs returns a handler's output h with every URL attribute the
// URL policy refuses emptied, with a Diagnostic at the call: the same
// check as Markdown's URLs, on what a handler or a template wrote from
// its arguments (a template's {{ .Get "url" }} in an href). Unsafe HTML
// turns it off.
func (f *finisher) checkURLs(h []byte, o scOut) []byte {
	if f.unsafe {
		return h
	}
	var out []byte
	last := 0
	for i := 0; i < len(h); {
		k := bytes.IndexByte(h[i:], '<')
		if k < 0 {
			break
		}
		end, rawEnd, t := markupAt(h, i+k)
		for _, a := range t.attrs {
			name := h[a.nameStart:a.nameEnd]
			if !htmlsafe.URLAttr(name) {
				continue
			}
			u := []byte(html.UnescapeString(string(h[a.valStart:a.valEnd])))
			if f.urlAllowed(u, name, t.name) {
				continue
			}
			f.d.noteSource(o.off, "unsafe URL "+strconv.Quote(clip(string(u), 40))+" in the output of shortcode "+strconv.Quote(o.name)+" removed (scheme not allowed)")
			out = append(out, h[last:a.valStart]...)
			if a.quote == 0 {
				out = append(out, `""`...)
			}
			last = a.valEnd
		}
		i = max(end, rawEnd)
	}
	if out == nil {
		return h
	}
	return append(out, h[last:]...)
}

// urlAllowed reports whether u may stand in the URL attribute name (any
// case) of the element tag ("img" for images; other names are not kept).
func (f *finisher) urlAllowed(u, name []byte, tag string) bool {
	switch {
	case bytes.EqualFold(name, []byte("srcset")):
		return f.urls.SrcsetAllowed(u)
	case tag == "img" && bytes.EqualFold(name, []byte("src")):
		return f.urls.Allowed(u, htmlsafe.Image)
	}
	return f.urls.Allowed(u, htmlsafe.Link)
}

// placeholderAt reads the placeholder at h[i:], which starts with the
// prefix: its end and output number, which must be below limit. Anything
// else is a placeholder no call made: an error.
func (f *finisher) placeholderAt(h []byte, i, limit int) (end, idx int, err error) {
	end, idx, ok := f.x.placeholderEnd(h, i, limit)
	if !ok {
		return 0, 0, f.d.errorAtSource(0, errForeignPlaceholder)
	}
	return end, idx, nil
}

// find returns the offset of the next placeholder prefix in h at or
// after i, or -1.
func (f *finisher) find(h []byte, i int) int {
	if i >= len(h) {
		return -1
	}
	k := bytes.Index(h[i:], f.x.prefix)
	if k < 0 {
		return -1
	}
	return i + k
}

// run finishes h, whose placeholders must have numbers below limit.
func (f *finisher) run(h []byte, limit int) ([]byte, error) {
	next := f.find(h, 0)
	if next < 0 {
		return h, nil
	}
	out := make([]byte, 0, len(h)+256)
	last := 0 // h[:last] is in out
	i := 0    // the scan is in element content at i
	var err error
	for next >= 0 {
		lt := -1
		if k := bytes.IndexByte(h[i:next], '<'); k >= 0 {
			lt = i + k
		}
		if lt < 0 {
			// The placeholder stands in element content.
			end, idx, err := f.placeholderAt(h, next, limit)
			if err != nil {
				return nil, err
			}
			start := next
			// Hugo removes the <p> around a placeholder alone in its paragraph.
			if start-3 >= last && string(h[start-3:start]) == "<p>" &&
				end+4 <= len(h) && string(h[end:end+4]) == "</p>" {
				start -= 3
				end += 4
			}
			out = append(out, h[last:start]...)
			b, err := f.outHTML(idx)
			if err != nil {
				return nil, err
			}
			out = append(out, b...)
			last, i = end, end
			next = f.find(h, i)
			continue
		}
		// Markup starts at lt, before the placeholder.
		end, rawEnd, tag := markupAt(h, lt)
		if next < end {
			out = append(out, h[last:lt]...)
			if tag.ok {
				out, err = f.rewriteTag(out, h, lt, end, &tag, limit)
			} else {
				out, err = f.asText(out, h[lt:end], limit) // a comment
			}
			if err != nil {
				return nil, err
			}
			last = end
		}
		i = end
		if rawEnd > end {
			// The text of script, style, textarea, title, ...
			if next < rawEnd {
				out = append(out, h[last:end]...)
				if out, err = f.asText(out, h[end:rawEnd], limit); err != nil {
					return nil, err
				}
				last = rawEnd
			}
			i = rawEnd
		}
		if next < i {
			next = f.find(h, i)
		}
	}
	return append(out, h[last:]...), nil
}

// asText appends seg with each placeholder replaced by the escaped plain
// text of its output.
func (f *finisher) asText(out, seg []byte, limit int) ([]byte, error) {
	return f.replace(out, seg, limit, f.outText)
}

// dropPlaceholders appends seg, a part of a tag outside attribute values,
// without its placeholders, reporting each dropped output.
func (f *finisher) dropPlaceholders(out, seg []byte, limit int) ([]byte, error) {
	return f.replace(out, seg, limit, func(idx int) (string, error) {
		o := f.x.outs[idx]
		f.outs[idx].placed = true
		f.d.noteSource(o.off, "output of shortcode "+strconv.Quote(o.name)+" dropped: it stands inside an HTML tag, outside an attribute value")
		return "", nil
	})
}

// replace appends seg with each placeholder replaced by what with gives
// for its output.
func (f *finisher) replace(out, seg []byte, limit int, with func(idx int) (string, error)) ([]byte, error) {
	last := 0
	for p := f.find(seg, 0); p >= 0; p = f.find(seg, last) {
		end, idx, err := f.placeholderAt(seg, p, limit)
		if err != nil {
			return nil, err
		}
		t, err := with(idx)
		if err != nil {
			return nil, err
		}
		out = append(out, seg[last:p]...)
		out = append(out, t...)
		last = end
	}
	return append(out, seg[last:]...), nil
}

// rewriteTag appends the tag h[start:end] with its placeholders replaced:
// inside attribute values by escaped text (URL values then checked),
// elsewhere by nothing.
func (f *finisher) rewriteTag(out, h []byte, start, end int, t *tagInfo, limit int) ([]byte, error) {
	pos := start
	var err error
	for _, a := range t.attrs {
		if f.find(h[a.valStart:a.valEnd], 0) < 0 {
			continue
		}
		if out, err = f.dropPlaceholders(out, h[pos:a.valStart], limit); err != nil {
			return nil, err
		}
		var val []byte
		if val, err = f.asText(nil, h[a.valStart:a.valEnd], limit); err != nil {
			return nil, err
		}
		name := h[a.nameStart:a.nameEnd]
		if !f.unsafe && htmlsafe.URLAttr(name) {
			u := []byte(html.UnescapeString(string(val)))
			if !f.urlAllowed(u, name, t.name) {
				f.d.noteSource(f.callOffset(h[a.valStart:a.valEnd], limit),
					"unsafe URL "+strconv.Quote(clip(string(u), 40))+" from shortcode output removed (scheme not allowed)")
				val = nil
			}
		}
		if a.quote == 0 {
			out = append(out, '"')
			out = append(out, val...)
			out = append(out, '"')
		} else {
			out = append(out, val...)
		}
		pos = a.valEnd
	}
	return f.dropPlaceholders(out, h[pos:end], limit)
}

// callOffset returns the source offset of the first call whose
// placeholder is in seg.
func (f *finisher) callOffset(seg []byte, limit int) int {
	if p := f.find(seg, 0); p >= 0 {
		if _, idx, err := f.placeholderAt(seg, p, limit); err == nil {
			return f.x.outs[idx].off
		}
	}
	return 0
}

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
