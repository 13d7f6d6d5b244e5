package shortcode

import "bytes"

// scanner walks the source line by line, keeping just enough block
// structure to know where code is (see the package documentation), and
// collects the shortcode tags outside code and the escapes everywhere.
type scanner struct {
	src  []byte
	tags []tag

	fenceCh   byte // '`' or '~' while a fenced code block is open, else 0
	fenceLen  int
	fenceBase int // content indent of the list item the fence is in

	indented   bool // inside an indented code block
	indentBase int

	para  bool  // the previous line was paragraph text
	lists []int // content indents of the open list items, innermost last

	nextBraces int // the offset of a "{{" at or after the line being read

	// noCloser[k] = p: no closing run of k backticks was found before p,
	// the end of the paragraph a search reached.
	noCloser map[int]int
}

// scan collects the tags of src in document order.
func scan(src []byte) ([]tag, *SyntaxError) {
	s := &scanner{src: src, nextBraces: -1}
	pos := 0
	for pos < len(src) {
		// Every tag and escape starts with "{{": past the line of the
		// last one there is nothing to find.
		if pos > s.nextBraces {
			k := bytes.Index(src[pos:], []byte("{{"))
			if k < 0 {
				break
			}
			s.nextBraces = pos + k
		}
		eol := lineEnd(src, pos)
		code, content := s.classify(pos, eol)
		if code {
			next, err := s.escapes(pos, eol)
			if err != nil {
				return nil, err
			}
			if next > eol {
				eol = lineEnd(src, next)
			}
			pos = eol + 1
			continue
		}
		p := content
		for {
			next, err := s.inline(p, eol)
			if err != nil {
				return nil, err
			}
			if next <= eol {
				break
			}
			// A call or code span ran past the line: go on from its end.
			p, eol = next, lineEnd(src, next)
			s.para = true
		}
		pos = eol + 1
	}
	return s.tags, nil
}

// lineEnd returns the offset of the '\n' ending the line at pos, or len(src).
func lineEnd(src []byte, pos int) int {
	if pos >= len(src) {
		return len(src)
	}
	if i := bytes.IndexByte(src[pos:], '\n'); i >= 0 {
		return pos + i
	}
	return len(src)
}

// indentOf returns the column width of the white space at src[i:eol]
// (tabs to the next multiple of 4, starting from column col) and the
// offset of the first other byte.
func indentOf(src []byte, i, eol, col int) (width, first int) {
	w := col
	for i < eol {
		switch src[i] {
		case ' ':
			w++
		case '\t':
			w += 4 - w%4
		case '\r':
		default:
			return w - col, i
		}
		i++
	}
	return w - col, i
}

// classify looks at the line src[pos:eol], updates the block state and
// reports whether the line is code, or else where its text starts.
func (s *scanner) classify(pos, eol int) (code bool, content int) {
	src := s.src
	if pos < eol && isLetter(src[pos]) {
		// The commonest line, text from its first column: no marker, no
		// indent, no fence; only the state it leaves is to set.
		if s.fenceCh != 0 {
			return true, 0
		}
		s.indented = false
		if !s.para {
			s.lists = s.lists[:0] // every item's content is indented
		}
		s.para = true
		return false, pos
	}
	// Block quote markers.
	i, col := pos, 0
	for {
		w, f := indentOf(src, i, eol, col)
		if w > 3 || f >= eol || src[f] != '>' {
			break
		}
		col += w + 1
		i = f + 1
		if i < eol && src[i] == ' ' {
			col++
			i++
		}
	}
	ind, f := indentOf(src, i, eol, col) // relative to the block quote's content
	blank := f >= eol || (src[f] == '\r' && f+1 >= eol)

	if s.fenceCh != 0 {
		if !blank && ind-s.fenceBase <= 3 && s.isFenceClose(f, eol) {
			s.fenceCh = 0
			s.para = false
		}
		return true, 0
	}
	if s.indented {
		if blank || ind >= s.indentBase+4 {
			return true, 0
		}
		s.indented = false
	}
	if blank {
		s.para = false
		return true, 0 // nothing to scan but escapes, and there are none
	}
	if !s.para {
		for len(s.lists) > 0 && ind < s.lists[len(s.lists)-1] {
			s.lists = s.lists[:len(s.lists)-1]
		}
	}
	base := 0
	if len(s.lists) > 0 {
		base = s.lists[len(s.lists)-1]
	}
	if !s.para && ind >= base+4 {
		s.indented, s.indentBase = true, base
		return true, 0
	}
	if ind-base > 3 {
		// A lazy continuation line of a paragraph.
		return false, f
	}
	if s.openFence(f, eol, base) {
		return true, 0
	}
	if s.thematicBreak(f, eol) {
		s.para = false
		return false, f
	}
	if c, ok := s.listItem(f, eol, ind); ok {
		for len(s.lists) > 0 && s.lists[len(s.lists)-1] > ind {
			s.lists = s.lists[:len(s.lists)-1]
		}
		s.lists = append(s.lists, c)
		// The item's first line may open a fence.
		_, cf := indentOf(src, f, eol, 0)
		for cf < eol && src[cf] != ' ' && src[cf] != '\t' {
			cf++
		}
		_, cf = indentOf(src, cf, eol, 0)
		if cf < eol && s.openFence(cf, eol, c) {
			return true, 0
		}
		s.para = cf < eol
		return false, f
	}
	if src[f] == '#' {
		n := 0
		for f+n < eol && src[f+n] == '#' {
			n++
		}
		if n <= 6 && (f+n >= eol || src[f+n] == ' ' || src[f+n] == '\t' || src[f+n] == '\r') {
			s.para = false
			return false, f
		}
	}
	s.para = true
	return false, f
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// openFence opens a fenced code block when src[f:eol] starts with one.
func (s *scanner) openFence(f, eol, base int) bool {
	src := s.src
	c := src[f]
	if c != '`' && c != '~' {
		return false
	}
	n := 0
	for f+n < eol && src[f+n] == c {
		n++
	}
	if n < 3 {
		return false
	}
	if c == '`' && bytes.IndexByte(src[f+n:eol], '`') >= 0 {
		return false // an info string with a backtick: not a fence
	}
	s.fenceCh, s.fenceLen, s.fenceBase = c, n, base
	s.para = false
	return true
}

func (s *scanner) isFenceClose(f, eol int) bool {
	src := s.src
	n := 0
	for f+n < eol && src[f+n] == s.fenceCh {
		n++
	}
	if n < s.fenceLen {
		return false
	}
	for k := f + n; k < eol; k++ {
		if c := src[k]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

func (s *scanner) thematicBreak(f, eol int) bool {
	src := s.src
	c := src[f]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for k := f; k < eol; k++ {
		switch src[k] {
		case c:
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// listItem recognises a list item marker at src[f]; col is the marker's
// column. It returns the column where the item's content starts.
func (s *scanner) listItem(f, eol, col int) (int, bool) {
	src := s.src
	k := f
	switch c := src[k]; {
	case c == '-' || c == '+' || c == '*':
		k++
	case c >= '0' && c <= '9':
		for k < eol && k-f < 9 && src[k] >= '0' && src[k] <= '9' {
			k++
		}
		if k >= eol || (src[k] != '.' && src[k] != ')') {
			return 0, false
		}
		k++
	default:
		return 0, false
	}
	if k < eol && src[k] != ' ' && src[k] != '\t' && src[k] != '\r' {
		return 0, false
	}
	markerEnd := col + (k - f)
	w, first := indentOf(src, k, eol, markerEnd)
	if first >= eol || w > 4 {
		return markerEnd + 1, true
	}
	return markerEnd + w, true
}

// inline scans text from src[p] to the end of its line at eol for code
// spans and tags. It returns where it stopped: eol, or a later offset when
// a tag or a code span ran past the line.
func (s *scanner) inline(p, eol int) (int, *SyntaxError) {
	src := s.src
	// Most lines hold neither a backtick nor "{{", and then nothing here.
	if s.nextBraces >= eol && bytes.IndexByte(src[p:eol], '`') < 0 {
		return eol, nil
	}
	for p < eol {
		for p < eol && !inlineStop[src[p]] {
			p++
		}
		if p == eol {
			return eol, nil
		}
		switch src[p] {
		case '\\':
			if p+1 < eol && src[p+1] == '`' {
				p += 2 // an escaped backtick opens no code span
			} else {
				p++
			}
		case '`':
			n := 1
			for p+n < len(src) && src[p+n] == '`' {
				n++
			}
			q := s.spanClose(p+n, n)
			if q < 0 {
				p += n
				continue
			}
			next, err := s.escapesIn(p+n, q)
			if err != nil {
				return 0, err
			}
			p = max(q+n, next)
			if p > eol {
				return p, nil
			}
		case '{':
			if p+2 < len(src) && src[p+1] == '{' && (src[p+2] == '<' || src[p+2] == '%') {
				t, err := lexTag(src, p)
				if err != nil {
					return 0, err
				}
				s.tags = append(s.tags, t)
				p = t.end
				if p > eol {
					return p, nil
				}
				continue
			}
			p++
		}
	}
	return max(p, eol), nil
}

// inlineStop holds the bytes inline looks at.
var inlineStop = [256]bool{'`': true, '{': true, '\\': true}

// spanClose finds the run of exactly n backticks closing a code span whose
// content starts at from, before the next blank line; -1 if there is none.
func (s *scanner) spanClose(from, n int) int {
	src := s.src
	if lim, ok := s.noCloser[n]; ok && from < lim {
		return -1
	}
	for i := from; i < len(src); {
		switch src[i] {
		case '`':
			m := 1
			for i+m < len(src) && src[i+m] == '`' {
				m++
			}
			if m == n {
				return i
			}
			i += m
		case '\n':
			j := i + 1
			for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r') {
				j++
			}
			if j >= len(src) || src[j] == '\n' {
				s.remember(n, j)
				return -1
			}
			i = j
		default:
			i++
		}
	}
	s.remember(n, len(src))
	return -1
}

func (s *scanner) remember(n, lim int) {
	if s.noCloser == nil {
		s.noCloser = make(map[int]int)
	}
	s.noCloser[n] = lim
}

// escapes collects the escapes on the code line src[pos:eol]. It returns
// the end of the last one, which may lie past eol.
func (s *scanner) escapes(pos, eol int) (int, *SyntaxError) {
	if s.nextBraces >= eol {
		return pos, nil
	}
	return s.escapesIn(pos, eol)
}

// escapesIn collects the escapes starting in src[from:to], in code.
func (s *scanner) escapesIn(from, to int) (int, *SyntaxError) {
	src := s.src
	end := from
	for p := from; p < to; {
		k := bytes.Index(src[p:to], []byte("{{"))
		if k < 0 {
			break
		}
		p += k
		if p+4 < len(src) && (src[p+2] == '<' || src[p+2] == '%') && src[p+3] == '/' && src[p+4] == '*' {
			t, err := lexTag(src, p)
			if err != nil {
				return 0, err
			}
			s.tags = append(s.tags, t)
			p, end = t.end, t.end
			continue
		}
		p++
	}
	return end, nil
}
