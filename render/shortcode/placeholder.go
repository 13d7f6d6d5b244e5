package shortcode

import (
	"bytes"
	"crypto/rand"
	"sort"
	"strconv"

	"github.com/folio-md/folio/render/internal/htmltext"
)

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

// placeholder appends the placeholder of a new output to out.
func (x *Expansion) placeholder(out []byte, o scOut) []byte {
	if x.prefix == nil {
		x.prefix = newPlaceholderPrefix(x.orig)
	}
	out = append(out, x.prefix...)
	out = strconv.AppendInt(out, int64(len(x.outs)), 10)
	x.outs = append(x.outs, o)
	return append(out, 'z')
}

// Markdown returns the source with every call run, to be parsed as
// Markdown: the source itself when no call changed it.
func (x *Expansion) Markdown() []byte { return x.src }

// SourceOffset maps an offset of Markdown() to an offset of the source
// given to Expand: an offset inside the output of a call maps to the
// call's start.
func (x *Expansion) SourceOffset(off int) int {
	i := sort.Search(len(x.edits), func(i int) bool { return x.edits[i].start > off }) - 1
	if i < 0 {
		return off
	}
	e := x.edits[i]
	if off < e.end {
		return e.orig
	}
	return e.origEnd + off - e.end
}

// nextPlaceholder finds the next well-formed placeholder in b from i,
// with a number below limit: its start, end and number; start is -1 when
// there is none.
func (x *Expansion) nextPlaceholder(b []byte, i, limit int) (start, end, idx int) {
	for i < len(b) {
		k := bytes.Index(b[i:], x.prefix)
		if k < 0 {
			break
		}
		start = i + k
		if end, idx, ok := x.placeholderEnd(b, start, limit); ok {
			return start, end, idx
		}
		i = start + 1
	}
	return -1, 0, 0
}

// placeholderEnd reads the placeholder at b[i:], which starts with the
// prefix: its end and output number; ok is false unless the prefix is
// followed by digits, a number below limit, and 'z'.
func (x *Expansion) placeholderEnd(b []byte, i, limit int) (end, idx int, ok bool) {
	j := i + len(x.prefix)
	n := 0
	for j < len(b) && b[j] >= '0' && b[j] <= '9' && n <= limit {
		n = n*10 + int(b[j]-'0')
		j++
	}
	if j == i+len(x.prefix) || j >= len(b) || b[j] != 'z' || n >= limit {
		return 0, 0, false
	}
	return j + 1, n, true
}

// PlainText returns s, a part of Markdown() or of the HTML rendered from
// it, with each placeholder replaced by the plain text of its call's
// output (for heading IDs and TOC text); a call that MarkTOC marked adds
// nothing. s itself is returned when it holds no placeholder.
func (x *Expansion) PlainText(s []byte) []byte {
	return x.plainBelow(s, len(x.outs))
}

func (x *Expansion) plainBelow(s []byte, limit int) []byte {
	if len(x.outs) == 0 {
		return s
	}
	start, end, idx := x.nextPlaceholder(s, 0, limit)
	if start < 0 {
		return s
	}
	var out []byte
	last := 0
	for start >= 0 {
		out = append(out, s[last:start]...)
		out = append(out, x.plainOf(idx)...)
		last = end
		start, end, idx = x.nextPlaceholder(s, end, limit)
	}
	return append(out, s[last:]...)
}

// plainOf returns the plain text of output i, made once: its HTML's text
// with the outputs nested in it replaced by theirs.
func (x *Expansion) plainOf(i int) string {
	if x.plains == nil {
		x.plains = make([]plainOut, len(x.outs))
	}
	p := &x.plains[i]
	if !p.done {
		if !x.outs[i].toc {
			p.text = string(x.plainBelow([]byte(htmltext.Text(x.outs[i].html)), i))
		}
		p.done = true
	}
	return p.text
}
