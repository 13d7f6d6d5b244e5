package post

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// source maps the positions of front matter nodes to the whole file. YAML
// nodes carry lines relative to the front matter and columns in runes (as
// yaml.v3 counts them); the nodes folio builds for TOML and JSON carry
// absolute lines and byte columns.
type source struct {
	src      []byte
	path     string
	lineOff  int  // added to a node's Line
	runeCols bool // node columns count runes
	starts   []int
}

// lineStarts returns the offset of every line of src, built on first use
// (only errors need it).
func (s *source) lineStarts() []int {
	if s.starts == nil {
		s.starts = append(s.starts, 0)
		for i, c := range s.src {
			if c == '\n' {
				s.starts = append(s.starts, i+1)
			}
		}
	}
	return s.starts
}

// offsetOf returns the byte offset in src of a 1-based line and column as
// the node carries them.
func (s *source) offsetOf(line, col int) int {
	starts := s.lineStarts()
	line = min(max(line, 1), len(starts))
	ls := starts[line-1]
	end := len(s.src)
	if line < len(starts) {
		end = starts[line] - 1
	}
	if !s.runeCols {
		return min(ls+max(col, 1)-1, end)
	}
	off := ls
	if line == 1 && len(s.src) >= 3 && string(s.src[:3]) == bom {
		off += 3
	}
	for i := 1; i < col && off < end; i++ {
		_, size := utf8.DecodeRune(s.src[off:end])
		off += size
	}
	return off
}

// posOf returns the absolute line and byte column of an offset.
func (s *source) posOf(off int) (line, col int) {
	starts := s.lineStarts()
	off = min(max(off, 0), len(s.src))
	i := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	i = max(i, 0)
	line, col = i+1, off-starts[i]+1
	if i == 0 && len(s.src) >= 3 && string(s.src[:3]) == bom {
		col = max(col-3, 1)
	}
	return line, col
}

// errAt builds a ParseError at node n.
func (s *source) errAt(n *yaml.Node, key string, kind error, msg string) *ParseError {
	off := s.offsetOf(n.Line+s.lineOff, n.Column)
	return s.errOff(off, key, &fmError{key: key, msg: msg, kind: kind})
}

// errOff builds a ParseError at a byte offset.
func (s *source) errOff(off int, key string, err error) *ParseError {
	line, col := s.posOf(off)
	return &ParseError{Path: s.path, Line: line, Column: col, Key: key, Err: err, Offset: off}
}

// keyPath is the path of a value in the front matter, built only when an
// error needs it.
type keyPath struct {
	parent *keyPath
	key    string
	index  int // for a list element, when key is ""
}

func (p *keyPath) String() string {
	if p == nil {
		return ""
	}
	var parts []*keyPath
	for q := p; q != nil; q = q.parent {
		parts = append(parts, q)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		if i == len(parts)-5 && len(parts) > 12 {
			// A deep path keeps its first 4 and last 6 parts.
			b.WriteString(".…")
			i = 5
		}
		q := parts[i]
		if q.key == "" && q.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(q.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(q.key)
	}
	return b.String()
}
