package highlight

import (
	"strconv"
	"strings"
)

// This file reads a fenced code block's info string the way Hugo does:
//
//	```go {linenos=table hl_lines=[2,"4-5"] linenostart=10 file="main.go"}
//
// The first word is the language (Hugo's Type); an optional attribute list
// in braces follows. Attributes are separated by spaces or commas; a value
// is a quoted string (with backslash escapes), a number, true, false, null,
// a bare word, or an array of values in brackets. "#x" is id=x and ".x" adds
// to class. The attributes Hugo hands to chroma (linenos, hl_lines, ...) are
// options; every other one is kept for a code block hook and written on
// the wrapping <div class="highlight"> where that is safe.

// Attr is one attribute of a fence's {...} list.
type Attr struct {
	// Name is the name as written; #x and .x give "id" and "class".
	Name string
	// Value is a string, int, float64, bool, nil (null) or []any of
	// these. Every .x class of a list is joined into one "class" string.
	Value any
	// Offset is the byte offset of the name in the info string (in the
	// option string for ParseOptions).
	Offset int
}

// fenceInfo is a parsed info string.
type fenceInfo struct {
	lang    string // first word; "" when there is none
	attrs   []Attr // the {...} list; nil when absent or malformed
	err     string // why the {...} list was not read; "" when it was
	errOff  int    // offset of the problem in the info string
	attrOff int    // offset of the '{' in the info string; -1 if none
}

// parseFenceInfo splits info into the language and its attributes. It
// never panics and never fails: a malformed attribute list is reported in
// err and errOff and its attributes are dropped, the language is kept.
func parseFenceInfo(info string) fenceInfo {
	fi := fenceInfo{attrOff: -1}
	i := 0
	for i < len(info) && isBlank(info[i]) {
		i++
	}
	start := i
	for i < len(info) && !isBlank(info[i]) && info[i] != '{' {
		i++
	}
	fi.lang = info[start:i]
	for i < len(info) && isBlank(info[i]) {
		i++
	}
	if i == len(info) {
		return fi
	}
	if info[i] != '{' {
		// Hugo ignores further words; so do we, but say so.
		fi.err = "text after the language is ignored (attributes go in {...})"
		fi.errOff = i
		return fi
	}
	fi.attrOff = i
	p := attrParser{s: info, i: i + 1}
	attrs, ok := p.list()
	if !ok {
		fi.err, fi.errOff = p.err, p.errOff
		return fi
	}
	p.skipBlanks()
	if p.i < len(info) {
		fi.err, fi.errOff = "text after the attribute list is ignored", p.i
	}
	fi.attrs = attrs
	return fi
}

func isBlank(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isNameStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':'
}

func isNameByte(c byte) bool {
	return isNameStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// attrParser reads an attribute list after its '{'.
type attrParser struct {
	s      string
	i      int
	err    string
	errOff int
	depth  int
}

func (p *attrParser) fail(msg string) bool {
	if p.err == "" {
		p.err, p.errOff = msg, p.i
	}
	return false
}

func (p *attrParser) skipBlanks() {
	for p.i < len(p.s) && isBlank(p.s[p.i]) {
		p.i++
	}
}

// list reads attributes up to and including the closing '}'.
func (p *attrParser) list() ([]Attr, bool) {
	var attrs []Attr
	// Every class after the first is appended to more, which is joined to
	// the first at the end: joined one at a time, n classes would cost n²
	// bytes.
	class := -1
	var more strings.Builder
	for {
		p.skipBlanks()
		if p.i == len(p.s) {
			return nil, p.fail("attribute list not closed with }")
		}
		if p.s[p.i] == '}' {
			p.i++
			if more.Len() > 0 {
				attrs[class].Value = attrs[class].Value.(string) + more.String()
			}
			return attrs, true
		}
		a, ok := p.attr()
		if !ok {
			return nil, false
		}
		if a.Name == "class" {
			if class >= 0 {
				more.WriteByte(' ')
				more.WriteString(a.Value.(string))
				goto next
			}
			class = len(attrs)
		}
		attrs = append(attrs, a)
	next:
		p.skipBlanks()
		if p.i < len(p.s) && p.s[p.i] == ',' {
			p.i++
		}
	}
}

func findAttr(attrs []Attr, name string) int {
	for k, a := range attrs {
		if a.Name == name {
			return k
		}
	}
	return -1
}

func (p *attrParser) attr() (Attr, bool) {
	off := p.i
	if c := p.s[p.i]; c == '#' || c == '.' {
		p.i++
		start := p.i
		for p.i < len(p.s) && isNameByte(p.s[p.i]) {
			p.i++
		}
		if p.i == start {
			return Attr{}, p.fail("empty " + map[byte]string{'#': "id", '.': "class"}[c] + " after " + string(c))
		}
		name := "class"
		if c == '#' {
			name = "id"
		}
		return Attr{Name: name, Value: p.s[start:p.i], Offset: off}, true
	}
	if !isNameStart(p.s[p.i]) {
		return Attr{}, p.fail("expected an attribute name")
	}
	for p.i < len(p.s) && isNameByte(p.s[p.i]) {
		p.i++
	}
	name := p.s[off:p.i]
	p.skipBlanks()
	if p.i == len(p.s) || p.s[p.i] != '=' {
		return Attr{}, p.fail("expected = after attribute " + strconv.Quote(name))
	}
	p.i++
	p.skipBlanks()
	v, ok := p.value()
	if !ok {
		return Attr{}, false
	}
	if name == "class" {
		if _, isStr := v.(string); !isStr {
			p.i = off
			return Attr{}, p.fail("class must be a string")
		}
	}
	return Attr{Name: name, Value: v, Offset: off}, true
}

func (p *attrParser) value() (any, bool) {
	if p.i == len(p.s) {
		return nil, p.fail("missing value")
	}
	switch c := p.s[p.i]; {
	case c == '"':
		return p.str()
	case c == '[':
		return p.array()
	case c == '-' || c == '+' || c >= '0' && c <= '9':
		return p.number()
	case isNameStart(c):
		start := p.i
		for p.i < len(p.s) && isNameByte(p.s[p.i]) {
			p.i++
		}
		switch w := p.s[start:p.i]; w {
		case "true":
			return true, true
		case "false":
			return false, true
		case "null":
			return nil, true
		default:
			return w, true
		}
	default:
		return nil, p.fail("unexpected " + strconv.QuoteRune(rune(c)) + " in a value")
	}
}

func (p *attrParser) str() (any, bool) {
	start := p.i
	p.i++ // "
	var b strings.Builder
	plain := p.i
	for p.i < len(p.s) {
		switch c := p.s[p.i]; c {
		case '"':
			v := p.s[plain:p.i]
			if b.Len() > 0 {
				b.WriteString(v)
				v = b.String()
			}
			p.i++
			return v, true
		case '\\':
			if p.i+1 == len(p.s) {
				p.i++
				continue
			}
			b.WriteString(p.s[plain:p.i])
			switch n := p.s[p.i+1]; n {
			case '"', '\\', '/':
				b.WriteByte(n)
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			default:
				b.WriteByte('\\')
				b.WriteByte(n)
			}
			p.i += 2
			plain = p.i
		default:
			p.i++
		}
	}
	p.i = start
	return nil, p.fail("string not closed with \"")
}

func (p *attrParser) number() (any, bool) {
	start := p.i
	if c := p.s[p.i]; c == '-' || c == '+' {
		p.i++
	}
	digits := p.i
	for p.i < len(p.s) && (p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] == '.' || p.s[p.i] == 'e' || p.s[p.i] == 'E' ||
		(p.s[p.i] == '-' || p.s[p.i] == '+') && (p.s[p.i-1] == 'e' || p.s[p.i-1] == 'E')) {
		p.i++
	}
	if p.i == digits {
		p.i = start
		return nil, p.fail("expected a number")
	}
	lit := p.s[start:p.i]
	if n, err := strconv.Atoi(lit); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil {
		p.i = start
		return nil, p.fail("bad number " + strconv.Quote(lit))
	}
	return f, true
}

func (p *attrParser) array() (any, bool) {
	if p.depth >= 8 {
		return nil, p.fail("arrays nested too deep")
	}
	p.depth++
	defer func() { p.depth-- }()
	p.i++ // [
	vals := []any{}
	for {
		p.skipBlanks()
		if p.i == len(p.s) {
			return nil, p.fail("array not closed with ]")
		}
		if p.s[p.i] == ']' {
			p.i++
			return vals, true
		}
		if len(vals) > 0 {
			if p.s[p.i] != ',' {
				return nil, p.fail("expected , or ] in an array")
			}
			p.i++
			p.skipBlanks()
		}
		v, ok := p.value()
		if !ok {
			return nil, false
		}
		vals = append(vals, v)
	}
}

// parseOptionString reads the options of the highlight shortcode and of
// Hugo's highlight function: "linenos=table,hl_lines=2 4-5,linenostart=10".
// Every value is a string; a part without '=' is an *OptionError.
func parseOptionString(s string) ([]Attr, error) {
	var attrs []Attr
	off := 0
	for part := range strings.SplitSeq(s, ",") {
		partOff := off
		off += len(part) + 1
		if strings.TrimSpace(part) == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		name := strings.TrimSpace(k)
		if !ok || name == "" {
			return nil, &OptionError{Offset: partOff, Message: "highlight option " + strconv.Quote(strings.TrimSpace(part)) + " is not key=value"}
		}
		attrs = append(attrs, Attr{Name: name, Value: strings.TrimSpace(v), Offset: partOff})
	}
	return attrs, nil
}

// OptionError is a bad option of the string form ParseOptions reads.
type OptionError struct {
	Offset  int    // byte offset of the option in the string
	Message string // what is wrong, without a package prefix
}

// Error returns "highlight: " and the message.
func (e *OptionError) Error() string { return "highlight: " + e.Message }
