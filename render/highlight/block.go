package highlight

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/alecthomas/chroma/v2/styles"
)

// Block is a code block's fence, parsed: its language, the chroma options
// it sets and its other attributes. ParseFence and ParseOptions make one;
// [Highlighter.WriteBlock] writes a block of code with it.
type Block struct {
	// Lang is the language: the first word of the info string ("go" in
	// ```go {x=1}), as written; "" when there is none.
	Lang string

	// Attrs are the attributes that are no chroma option (file, copy, id,
	// class, ...), in order. WriteBlock writes the safe ones on the
	// wrapping <div class="highlight">.
	Attrs []Attr

	// Problems lists what is wrong with the fence, in order: a malformed
	// attribute list (ignored whole; the language is kept) and option
	// values that are ignored.
	Problems []Problem

	// Ordinal is the 0-based index of the block among its document's
	// code blocks. It names the line anchors of a block that sets
	// anchorlinenos without lineanchors ("hl-<Ordinal>-"), as Hugo does.
	Ordinal int

	opts []Attr    // the chroma options, in order
	over overrides // what they change
}

// Problem is something wrong in a fence.
type Problem struct {
	Offset  int    // byte offset in the info string (or option string)
	Message string // what is wrong and what was done about it
}

// Options returns the chroma options the fence sets (linenos, hl_lines,
// linenostart, anchorlinenos, lineanchors, linenumbersintable, style,
// noclasses, tabwidth, guesssyntax, hl_inline), keys lower-cased, values as written
// (see Attr.Value), bad values included; nil when it sets none.
func (b *Block) Options() map[string]any {
	if len(b.opts) == 0 {
		return nil
	}
	m := make(map[string]any, len(b.opts))
	for _, a := range b.opts {
		m[strings.ToLower(a.Name)] = a.Value
	}
	return m
}

// OptionAttrs returns the chroma options the fence sets as it wrote
// them, in order, with their offsets; Options gives them as a map.
func (b *Block) OptionAttrs() []Attr { return b.opts }

// Inline reports whether the block sets hl_inline=true: it is then
// written as inline code, <code class="code-inline language-x">, without
// <div> and <pre>.
func (b *Block) Inline() bool {
	return b.over.has&fInlineCode != 0 && b.over.v.inlineCode
}

// ParseFence parses a fenced code block's info string the way Hugo reads
// it: the language, then an optional attribute list in braces,
//
//	go {linenos=table hl_lines=[2,"4-5"] linenostart=10 anchorlinenos=true lineanchors=x}
//
// Attributes are separated by spaces or commas; a value is a quoted string
// (with backslash escapes), a number, true, false, null, a bare word or an
// array in brackets; #x is id=x and .x adds x to class. ParseFence never
// fails: what it cannot read is reported in Block.Problems and ignored.
func ParseFence(info string) Block {
	var b Block
	fi := parseFenceInfo(info)
	b.Lang = fi.lang
	if fi.err != "" {
		b.Problems = append(b.Problems, Problem{fi.errOff, "code fence: " + fi.err})
	}
	b.applyAttrs(fi.attrs)
	return b
}

// ParseOptions parses options in the string form of Hugo's highlight
// shortcode and function: "linenos=table,hl_lines=2 4-5,linenostart=10".
// The Block's Lang is "". Options chroma does not read are ignored, as
// Hugo ignores them; a part that is not key=value, or a bad value, is an
// *OptionError.
func ParseOptions(s string) (Block, error) {
	attrs, err := parseOptionString(s)
	if err != nil {
		return Block{}, err
	}
	var b Block
	b.applyAttrs(attrs)
	if len(b.Problems) > 0 {
		return Block{}, &OptionError{Offset: b.Problems[0].Offset, Message: b.Problems[0].Message}
	}
	b.Attrs = nil // only chroma options in this form
	return b, nil
}

// field is one bit of overrides.has.
type field uint16

const (
	fLineNos field = 1 << iota
	fTable
	fLineNoStart
	fHLLines
	fAnchors
	fAnchorID
	fStyle
	fInline
	fTabWidth
	fGuess
	fInlineCode
)

// overrides are the settings a fence changes: the fields of v whose bit
// is set in has.
type overrides struct {
	has field
	v   settings
}

// apply returns s with the overridden fields replaced.
func (o *overrides) apply(s settings) settings {
	if o.has == 0 {
		return s
	}
	if o.has&fLineNos != 0 {
		s.lineNos = o.v.lineNos
	}
	if o.has&fTable != 0 {
		s.table = o.v.table
	}
	if o.has&fLineNoStart != 0 {
		s.lineNoStart = o.v.lineNoStart
	}
	if o.has&fHLLines != 0 {
		s.hlLines = o.v.hlLines
	}
	if o.has&fAnchors != 0 {
		s.anchors = o.v.anchors
	}
	if o.has&fAnchorID != 0 {
		s.anchorID = o.v.anchorID
	}
	if o.has&fStyle != 0 {
		s.style = o.v.style
	}
	if o.has&fInline != 0 {
		s.inline = o.v.inline
	}
	if o.has&fTabWidth != 0 {
		s.tabWidth = o.v.tabWidth
	}
	if o.has&fGuess != 0 {
		s.guess = o.v.guess
	}
	if o.has&fInlineCode != 0 {
		s.inlineCode = o.v.inlineCode
	}
	return s
}

// chromaKeys are the attribute names chroma reads, lower-cased.
var chromaKeys = map[string]bool{
	"linenos": true, "hl_lines": true, "linenostart": true, "anchorlinenos": true,
	"lineanchors": true, "linenumbersintable": true, "style": true, "noclasses": true,
	"tabwidth": true, "guesssyntax": true, "hl_inline": true,
}

// applyAttrs sorts attrs into chroma options, which it reads, and the
// other attributes.
func (b *Block) applyAttrs(attrs []Attr) {
	o := &b.over
	var hl *Attr // hl_lines is read after linenostart, whatever the order
	for k := range attrs {
		a := &attrs[k]
		key := strings.ToLower(a.Name)
		if !chromaKeys[key] {
			b.Attrs = append(b.Attrs, *a)
			continue
		}
		b.opts = append(b.opts, *a)
		bad := func(want string) {
			b.Problems = append(b.Problems, Problem{a.Offset, fmt.Sprintf("fence attribute %s=%s: want %s; ignored", a.Name, showValue(a.Value), want)})
		}
		setBool := func(dst *bool, f field) {
			if v, ok := asBool(a.Value); ok {
				*dst = v
				o.has |= f
			} else {
				bad("true or false")
			}
		}
		switch key {
		case "linenos":
			o.readLineNos(a.Value, bad)
		case "linenumbersintable":
			setBool(&o.v.table, fTable)
		case "linenostart":
			if n, ok := asInt(a.Value); ok && n >= 0 && n < 1<<30 {
				o.v.lineNoStart, o.has = n, o.has|fLineNoStart
			} else {
				bad("a line number")
			}
		case "hl_lines":
			hl = a
		case "anchorlinenos":
			setBool(&o.v.anchors, fAnchors)
		case "lineanchors":
			s, ok := a.Value.(string)
			if !ok || !validAnchor(s) {
				bad("a prefix of letters, digits, - and _")
				continue
			}
			o.v.anchorID, o.has = s, o.has|fAnchorID
		case "style":
			if s, ok := a.Value.(string); ok && knownStyle(s) {
				o.v.style, o.has = s, o.has|fStyle
			} else {
				bad("a chroma style name such as monokai or github")
			}
		case "noclasses":
			setBool(&o.v.inline, fInline)
		case "tabwidth":
			if n, ok := asInt(a.Value); ok && n >= 1 && n <= 64 {
				o.v.tabWidth, o.has = n, o.has|fTabWidth
			} else {
				bad("a tab width from 1 to 64")
			}
		case "guesssyntax":
			setBool(&o.v.guess, fGuess)
		case "hl_inline":
			setBool(&o.v.inlineCode, fInlineCode)
		}
	}
	if hl != nil {
		ranges, ok := parseHLLines(hl.Value)
		if !ok {
			b.Problems = append(b.Problems, Problem{hl.Offset, fmt.Sprintf("fence attribute %s=%s: want line numbers and ranges such as [2,\"4-5\"] or \"2 4-5\"; ignored", hl.Name, showValue(hl.Value))})
		}
		o.v.hlLines, o.has = ranges, o.has|fHLLines
	}
}

// readLineNos reads linenos: table, inline, true or false.
func (o *overrides) readLineNos(v any, bad func(string)) {
	const want = "table, inline, true or false"
	switch v := v.(type) {
	case bool:
		o.v.lineNos, o.has = v, o.has|fLineNos
	case string:
		switch strings.ToLower(v) {
		case "table":
			o.v.lineNos, o.v.table, o.has = true, true, o.has|fLineNos|fTable
		case "inline":
			o.v.lineNos, o.v.table, o.has = true, false, o.has|fLineNos|fTable
		case "true":
			o.v.lineNos, o.has = true, o.has|fLineNos
		case "false":
			o.v.lineNos, o.has = false, o.has|fLineNos
		default:
			bad(want)
		}
	default:
		bad(want)
	}
}

// parseHLLines reads hl_lines: an array of numbers and "a-b" strings, or a
// string of space-separated numbers and ranges, or a single number.
func parseHLLines(v any) ([][2]int, bool) {
	var out [][2]int
	add := func(s string) bool {
		s = strings.TrimSpace(s)
		if s == "" {
			return true
		}
		a, b, isRange := strings.Cut(s, "-")
		lo, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil || lo < 0 {
			return false
		}
		hi := lo
		if isRange {
			if hi, err = strconv.Atoi(strings.TrimSpace(b)); err != nil || hi < lo {
				return false
			}
		}
		out = append(out, [2]int{lo, hi})
		return true
	}
	switch v := v.(type) {
	case int:
		return [][2]int{{v, v}}, v >= 0
	case string:
		for f := range strings.FieldsSeq(v) {
			if !add(f) {
				return nil, false
			}
		}
	case []any:
		for _, e := range v {
			switch e := e.(type) {
			case int:
				if e < 0 {
					return nil, false
				}
				out = append(out, [2]int{e, e})
			case string:
				for f := range strings.FieldsSeq(e) {
					if !add(f) {
						return nil, false
					}
				}
			default:
				return nil, false
			}
		}
	default:
		return nil, false
	}
	return out, true
}

func asBool(v any) (bool, bool) {
	switch v := v.(type) {
	case bool:
		return v, true
	case string:
		b, err := strconv.ParseBool(v)
		return b, err == nil
	}
	return false, false
}

func asInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case float64:
		if v == math.Trunc(v) && math.Abs(v) < 1<<30 {
			return int(v), true
		}
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(v))
		return n, err == nil
	}
	return 0, false
}

func showValue(v any) string {
	switch v := v.(type) {
	case string:
		return strconv.Quote(v)
	case nil:
		return "null"
	default:
		return fmt.Sprint(v)
	}
}

// knownStyle reports whether chroma has a style named name.
func knownStyle(name string) bool {
	return styles.Get(name) != styles.Fallback || strings.EqualFold(name, styles.Fallback.Name)
}

// validAnchor reports whether s may prefix the id of a line anchor.
func validAnchor(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
