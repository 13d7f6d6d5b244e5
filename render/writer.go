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
	// Nothing before the first special byte sets goldmark's state (a
	// backslash), so from there it goes on as it would have.
	writeFast(w, source, &writeSpecial, html.DefaultWriter.Write)
}

// RawWrite writes source with HTML special characters escaped.
func (textWriter) RawWrite(w util.BufWriter, source []byte) {
	writeFast(w, source, &rawSpecial, html.DefaultWriter.RawWrite)
}

// SecureWrite writes source with NUL bytes replaced.
func (textWriter) SecureWrite(w util.BufWriter, source []byte) {
	writeFast(w, source, &secureSpecial, html.DefaultWriter.SecureWrite)
}

// writeFast writes the prefix of source without a special byte as it is,
// and the rest with slow.
func writeFast(w util.BufWriter, source []byte, special *[256]bool, slow func(util.BufWriter, []byte)) {
	k := plainPrefix(source, special)
	if k > 0 {
		_, _ = w.Write(source[:k])
	}
	if k < len(source) {
		slow(w, source[k:])
	}
}
