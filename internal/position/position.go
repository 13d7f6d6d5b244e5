package position

import (
	"bytes"
	"sort"
)

// Position is a place in a source file: a 1-based line and a 1-based
// column counted in bytes (see the package documentation for the rules).
type Position struct {
	Line, Column int
}

// bom is the UTF-8 byte order mark.
const bom = "\xEF\xBB\xBF"

// Index finds the positions of the offsets of one text. The zero value is
// not usable; make one with NewIndex.
type Index struct {
	src       []byte
	firstLine int // the line of the file where src starts
	bom       int // the length of a BOM that starts the file, or 0

	// The cursor: src[:off] has been scanned; lineStart is the offset
	// where the line holding off starts, line its number.
	off, line, lineStart int

	// starts holds the offset of every line start of src, built the first
	// time an offset behind the cursor is asked (or a line by number).
	starts []int
}

// NewIndex returns an Index of src, which starts at line firstLine of its
// file (1 for a whole file; less than 1 counts as 1). A BOM at the start
// of src is skipped only when firstLine is 1.
func NewIndex(src []byte, firstLine int) *Index {
	firstLine = max(firstLine, 1)
	x := &Index{src: src, firstLine: firstLine, line: firstLine}
	if firstLine == 1 && bytes.HasPrefix(src, []byte(bom)) {
		x.bom = len(bom)
	}
	return x
}

// Pos returns the position of offset off of the text.
func (x *Index) Pos(off int) Position {
	off = min(max(off, 0), len(x.src))
	if off >= x.off {
		x.advance(off)
		return x.position(off, x.line, x.lineStart)
	}
	x.index()
	i := sort.SearchInts(x.starts, off+1) - 1 // the last line start at or before off
	return x.position(off, x.firstLine+i, x.starts[i])
}

// LineCol is Pos as two numbers.
func (x *Index) LineCol(off int) (line, col int) {
	p := x.Pos(off)
	return p.Line, p.Column
}

// position is the position of off on the line numbered line that starts
// at start.
func (x *Index) position(off, line, start int) Position {
	col := off - start + 1
	if start == 0 {
		col = max(col-x.bom, 1)
	}
	return Position{Line: line, Column: col}
}

// advance moves the cursor forward to off.
func (x *Index) advance(off int) {
	for {
		j := bytes.IndexByte(x.src[x.off:off], '\n')
		if j < 0 {
			break
		}
		x.line++
		x.off += j + 1
		x.lineStart = x.off
	}
	x.off = off
}

// index builds the table of line starts, once.
func (x *Index) index() {
	if x.starts != nil {
		return
	}
	x.starts = append(make([]int, 0, 64), 0)
	for i := 0; ; {
		j := bytes.IndexByte(x.src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		x.starts = append(x.starts, i)
	}
}

// Line returns the text of line n as offsets: from its first byte (after
// a BOM that starts the file) to the '\n' that ends it, or the end of the
// text. A "\r\n" line's end includes the '\r'. n is clamped to the lines
// the text has.
func (x *Index) Line(n int) (start, end int) {
	x.index()
	i := min(max(n-x.firstLine, 0), len(x.starts)-1)
	start, end = x.starts[i], len(x.src)
	if i+1 < len(x.starts) {
		end = x.starts[i+1] - 1
	}
	if i == 0 {
		start = min(x.bom, end)
	}
	return start, end
}

// Lines returns how many lines the text has: one more than its '\n'
// bytes (a text ending in '\n' has an empty last line).
func (x *Index) Lines() int {
	x.index()
	return len(x.starts)
}

// Offset is the inverse of Pos: the offset of column p.Column of line
// p.Line, clamped to that line (its end at most) and to the text's lines.
// For every offset off that is not inside a BOM, Offset(Pos(off)) == off.
func (x *Index) Offset(p Position) int {
	start, end := x.Line(p.Line)
	return min(start+max(p.Column, 1)-1, end)
}
