package post

import (
	"bytes"
	"fmt"

	"github.com/folio-md/folio/internal/position"
)

// split is the result of finding the front matter in a source file.
type split struct {
	format    Format
	open      int // offset of the opening delimiter (or of '{')
	fmStart   int // offset of the front matter text
	fmEnd     int // offset just past it (the closing delimiter line starts here for YAML and TOML)
	fmLine    int // 1-based line of fmStart
	bodyStart int
	bodyLine  int
}

const bom = "\xEF\xBB\xBF"

// splitFrontMatter finds the front matter of src the way Hugo does, with
// two differences: a --- or +++ delimiter counts only when it is alone on
// its line (trailing blanks allowed), and a file whose first text is "{{"
// (a shortcode or template action) has no JSON front matter.
func splitFrontMatter(src []byte, maxSize int) (split, *ParseError) {
	i := 0
	if len(src) >= 3 && string(src[:3]) == bom {
		i = 3
	}
	none := split{bodyStart: i, bodyLine: 1}
	line := 1
	for i < len(src) && isSpace(src[i]) {
		if src[i] == '\n' {
			line++
		}
		i++
	}
	if i == len(src) {
		return none, nil
	}
	switch src[i] {
	case '-', '+':
		delim := src[i]
		next, ok := delimLine(src, i, delim)
		if !ok {
			return none, nil
		}
		s := split{open: i, fmStart: next, fmLine: line + 1}
		if delim == '-' {
			s.format = FormatYAML
		} else {
			s.format = FormatTOML
		}
		if next == len(src) && (next == 0 || src[next-1] != '\n') {
			return s, unterminated(src, i, delim)
		}
		l := line + 1
		for p := next; p < len(src); l++ {
			if maxSize > 0 && p-next > maxSize {
				return s, tooLarge(src, i, maxSize)
			}
			end, ok := delimLine(src, p, delim)
			if ok {
				s.fmEnd = p
				s.bodyStart = end
				s.bodyLine = l
				if src[end-1] == '\n' {
					s.bodyLine++
				}
				return s, nil
			}
			p = end
		}
		if maxSize > 0 && len(src)-next > maxSize {
			return s, tooLarge(src, i, maxSize)
		}
		return s, unterminated(src, i, delim)
	case '{':
		if i+1 < len(src) && src[i+1] == '{' {
			return none, nil
		}
		s := split{format: FormatJSON, open: i, fmStart: i, fmLine: line}
		depth, inString := 0, false
		for p := i; p < len(src); p++ {
			if maxSize > 0 && p-i > maxSize {
				return s, tooLarge(src, i, maxSize)
			}
			c := src[p]
			if c == '\n' {
				line++
			}
			switch {
			case inString:
				switch c {
				case '\\':
					if p+1 < len(src) && src[p+1] == '\n' {
						line++
					}
					p++
				case '"':
					inString = false
				}
			case c == '"':
				inString = true
			case c == '{':
				depth++
			case c == '}':
				depth--
				if depth == 0 {
					s.fmEnd = p + 1
					s.bodyStart, s.bodyLine = p+1, line
					switch {
					case p+2 < len(src) && src[p+1] == '\r' && src[p+2] == '\n':
						s.bodyStart, s.bodyLine = p+3, line+1
					case p+1 < len(src) && src[p+1] == '\n':
						s.bodyStart, s.bodyLine = p+2, line+1
					}
					return s, nil
				}
			}
		}
		return s, unterminated(src, i, '{')
	}
	return none, nil
}

// delimLine reports whether the line of src starting at i is three delim
// bytes followed only by blanks, and returns the offset of the next line.
func delimLine(src []byte, i int, delim byte) (next int, ok bool) {
	if i+3 <= len(src) && src[i] == delim && src[i+1] == delim && src[i+2] == delim {
		j := i + 3
		for ; j < len(src); j++ {
			c := src[j]
			if c == '\n' {
				return j + 1, true
			}
			if c != ' ' && c != '\t' && c != '\r' {
				break
			}
		}
		if j == len(src) {
			return j, true
		}
	}
	k := bytes.IndexByte(src[i:], '\n')
	if k < 0 {
		return len(src), false
	}
	return i + k + 1, false
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func unterminated(src []byte, open int, delim byte) *ParseError {
	var msg string
	switch delim {
	case '{':
		msg = "no closing } for the JSON object"
	default:
		d := string([]byte{delim, delim, delim})
		msg = "no closing " + d + " line for the opening " + d
	}
	return newError(src, open, "", &fmError{msg: msg, kind: ErrUnterminated})
}

func tooLarge(src []byte, open, maxSize int) *ParseError {
	return newError(src, open, "", &fmError{
		msg:  fmt.Sprintf("longer than the limit of %d bytes", maxSize),
		kind: ErrTooLarge,
	})
}

// newError builds a ParseError at a byte offset of src.
func newError(src []byte, off int, key string, err error) *ParseError {
	line, col := position.NewIndex(src, 1).LineCol(off)
	return &ParseError{Line: line, Column: col, Key: key, Err: err, Offset: off}
}
