// Package escape writes text with the bytes of one HTML escaping
// convention replaced by their character references.
//
// Hugo's output mixes conventions: html/template's in template values,
// Go's html.EscapeString in highlighted code, goldmark's in Markdown text.
// Matching it byte for byte takes the right one in each place, and a
// [Set] names each of them once.
package escape

import "io"

// A Set is one escaping convention: the replacement of each byte it
// escapes. Bytes it does not name are written as they are.
type Set struct{ rep [256]string }

// New returns the set that replaces each byte pairs[2i] (a one-byte
// string) with pairs[2i+1].
func New(pairs ...string) *Set {
	s := new(Set)
	for i := 0; i+1 < len(pairs); i += 2 {
		s.rep[pairs[i][0]] = pairs[i+1]
	}
	return s
}

var (
	// Goldmark is goldmark's set, for Markdown text and attributes:
	// & < > " as &amp; &lt; &gt; &quot;.
	Goldmark = New("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")
	// Go is html.EscapeString's set: & < > " ' as &amp; &lt; &gt; &#34;
	// &#39;.
	Go = New("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")
	// Template is html/template's set for a quoted attribute value or
	// text: Go's, + as &#43; and NUL as U+FFFD.
	Template = New("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;", "\x00", "\uFFFD")
)

// Append appends src to dst with s's bytes replaced.
func Append[T string | []byte](s *Set, dst []byte, src T) []byte {
	last := 0
	for i := 0; i < len(src); i++ {
		if r := s.rep[src[i]]; r != "" {
			dst = append(dst, src[last:i]...)
			dst = append(dst, r...)
			last = i + 1
		}
	}
	return append(dst, src[last:]...)
}

// Writer is what Write and WriteString write to: bytes.Buffer,
// bufio.Writer and goldmark's util.BufWriter are such writers.
type Writer interface {
	io.Writer
	io.StringWriter
}

// Write writes src to w with s's bytes replaced. Errors are left to the
// writer (a buffer's Write does not fail; a bufio.Writer keeps its first
// error for Flush).
func Write(s *Set, w Writer, src []byte) {
	for last := 0; ; {
		i := next(s, src, last)
		_, _ = w.Write(src[last:i])
		if i == len(src) {
			return
		}
		_, _ = w.WriteString(s.rep[src[i]])
		last = i + 1
	}
}

// WriteString is Write for a string.
func WriteString(s *Set, w Writer, src string) {
	for last := 0; ; {
		i := next(s, src, last)
		_, _ = w.WriteString(src[last:i])
		if i == len(src) {
			return
		}
		_, _ = w.WriteString(s.rep[src[i]])
		last = i + 1
	}
}

// String returns src with s's bytes replaced, or src itself when it has
// none of them.
func String(s *Set, src string) string {
	if next(s, src, 0) == len(src) {
		return src
	}
	return string(Append(s, make([]byte, 0, len(src)+16), src))
}

// next returns the index of the first byte at or after i that s
// replaces, or len(src).
func next[T string | []byte](s *Set, src T, i int) int {
	for ; i < len(src); i++ {
		if s.rep[src[i]] != "" {
			return i
		}
	}
	return i
}
