package render

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// textWriter is goldmark's html.Writer with a fast path: the bytes before
// the first one that needs work (an escape, an entity, a character to
// escape in HTML, a NUL) are written at once, and only the rest goes
// through goldmark's writer, byte by byte. The output is the same as
// goldmark's; most text segments have no such byte at all.
type textWriter struct{}

var _ html.Writer = textWriter{}

// Bytes that goldmark's Write, RawWrite and SecureWrite change or read:
// RawWrite those util.EscapeHTMLByte escapes; Write those and the starts
// of escapes and entity references; SecureWrite NUL.
var rawSpecial, writeSpecial, secureSpecial = func() (raw, write, secure [256]bool) {
	for c := range 256 {
		raw[c] = util.EscapeHTMLByte(byte(c)) != nil
		write[c] = raw[c] || c == 0 || c == '&' || c == '\\'
	}
	secure[0] = true
	return raw, write, secure
}()

// plainPrefix returns the length of the prefix of b without a byte of
// special.
func plainPrefix(b []byte, special *[256]bool) int {
	for i, c := range b {
		if special[c] {
			return i
		}
	}
	return len(b)
}

// Write writes source with backslash escapes and entity references
// resolved and HTML special characters escaped.
func (textWriter) Write(w util.BufWriter, source []byte) {
	k := plainPrefix(source, &writeSpecial)
	if k > 0 {
		_, _ = w.Write(source[:k])
	}
	if k < len(source) {
		// Nothing before k sets goldmark's state (a backslash), so it
		// goes on from k as it would have.
		html.DefaultWriter.Write(w, source[k:])
	}
}

// RawWrite writes source with HTML special characters escaped.
func (textWriter) RawWrite(w util.BufWriter, source []byte) {
	k := plainPrefix(source, &rawSpecial)
	if k > 0 {
		_, _ = w.Write(source[:k])
	}
	if k < len(source) {
		html.DefaultWriter.RawWrite(w, source[k:])
	}
}

// SecureWrite writes source with NUL bytes replaced.
func (textWriter) SecureWrite(w util.BufWriter, source []byte) {
	k := plainPrefix(source, &secureSpecial)
	if k > 0 {
		_, _ = w.Write(source[:k])
	}
	if k < len(source) {
		html.DefaultWriter.SecureWrite(w, source[k:])
	}
}
