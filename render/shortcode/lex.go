package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Notation is how a call is written.
type Notation uint8

const (
	// Standard is {{< name >}}: the output is HTML, inserted after Markdown
	// rendering.
	Standard Notation = iota
	// Markdown is {{% name %}}: the output is Markdown, inserted before
	// Markdown rendering.
	Markdown
)

// String returns "<" or "%".
func (n Notation) String() string {
	if n == Markdown {
		return "%"
	}
	return "<"
}

func (n Notation) delims() (left, right string) {
	if n == Markdown {
		return "{{%", "%}}"
	}
	return "{{<", ">}}"
}

// Arg is one argument of a call.
type Arg struct {
	// Name is the parameter name of a named argument, "" for a positional one.
	Name string
	// Value is a string for a quoted value; for an unquoted one a bool
	// (true, false), an int ([-+]?digits), a float64 ([-+]?digits.digits or
	// .digits) or else a string, as Hugo types them.
	Value any
	// Off is the offset of the argument (of its name when it has one).
	Off int
}

// ErrSyntax is what every [*SyntaxError] unwraps to.
var ErrSyntax = errors.New("shortcode syntax error")

// SyntaxError is a shortcode syntax error at a byte offset of the source.
type SyntaxError struct {
	Off  int    // byte offset of the fault, within [0, len(src)]
	Name string // the shortcode's name, when known
	Msg  string // what is wrong, lower case
}

// Error returns the message, with the shortcode's name when known.
func (e *SyntaxError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("shortcode %q: %s", e.Name, e.Msg)
	}
	return "shortcode: " + e.Msg
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

func errorf(off int, name, format string, args ...any) *SyntaxError {
	return &SyntaxError{Off: off, Name: name, Msg: fmt.Sprintf(format, args...)}
}

type tagKind uint8

const (
	tagOpen tagKind = iota
	tagClose
	tagEscape
)

// tag is one lexed {{< ... >}} or {{% ... %}}.
type tag struct {
	kind       tagKind
	notation   Notation
	start, end int
	name       string
	nameOff    int
	args       []Arg
	named      bool
	selfClosed bool
	text       string // escape: the literal text it stands for
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

// alnumAt reports whether the rune at src[i] is a letter, a digit or '_'
// (Hugo's isAlphaNumeric), and its width.
func alnumAt(src []byte, i int) (bool, int) {
	c := src[i]
	if c < utf8.RuneSelf {
		return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9', 1
	}
	r, w := utf8.DecodeRune(src[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r), w
}

// runeAt describes the rune at src[i] for error messages (%#U form).
func runeAt(src []byte, i int) string {
	r, _ := utf8.DecodeRune(src[i:])
	return fmt.Sprintf("%#U", r)
}

// lexTag lexes the tag that starts at src[start], which begins with "{{<"
// or "{{%".
func lexTag(src []byte, start int) (tag, *SyntaxError) {
	t := tag{start: start}
	if src[start+2] == '%' {
		t.notation = Markdown
	}
	left, right := t.notation.delims()
	i := start + 3

	// The escape form: {{</* name */>}} stands for {{< name >}}.
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		closer := "*/" + right
		j := bytes.Index(src[i+2:], []byte(closer))
		if j < 0 {
			return t, errorf(start, "", "escaped shortcode %s/* is not closed by %s", left, closer)
		}
		t.kind = tagEscape
		t.text = left + string(src[i+2:i+2+j]) + right
		t.end = i + 2 + j + len(closer)
		return t, nil
	}

	i = skipSpace(src, i)
	if i < len(src) && src[i] == '/' {
		// A closing tag: {{< /name >}}.
		t.kind = tagClose
		i = skipSpace(src, i+1)
		name, j, err := lexName(src, i, right)
		if err != nil {
			return t, err
		}
		t.name, t.nameOff = name, i
		if len(name) > 1 && name[len(name)-1] == '/' && bytes.HasPrefix(src[j:], []byte(right)) {
			return t, errorf(i, name[:len(name)-1], "a closing tag cannot also be self-closing")
		}
		i = skipSpace(src, j)
		if i >= len(src) {
			return t, errorf(start, name, "unclosed closing tag: no %q before the end of the document", right)
		}
		if !bytes.HasPrefix(src[i:], []byte(right)) {
			return t, errorf(i, name, "unexpected %s in closing tag; a closing tag is %s /%s %s", runeAt(src, i), left, name, right)
		}
		t.end = i + len(right)
		return t, nil
	}

	t.kind = tagOpen
	if i >= len(src) {
		return t, errorf(start, "", "unclosed shortcode tag: no %q before the end of the document", right)
	}
	if bytes.HasPrefix(src[i:], []byte(right)) {
		return t, errorf(start, "", "shortcode tag has no name")
	}
	name, j, err := lexName(src, i, right)
	if err != nil {
		return t, err
	}
	t.nameOff = i
	if len(name) > 1 && name[len(name)-1] == '/' && bytes.HasPrefix(src[j:], []byte(right)) {
		// {{< name/>}}: the slash closes the tag, it is not part of the name.
		t.name, t.selfClosed, t.end = name[:len(name)-1], true, j+len(right)
		return t, nil
	}
	t.name = name
	i = j
	return lexArgs(src, t, i, right)
}

// lexName lexes a shortcode name at src[i]: a letter, digit or '_', then
// letters, digits, '_', '-' and '/'.
func lexName(src []byte, i int, right string) (string, int, *SyntaxError) {
	if i >= len(src) {
		return "", i, errorf(i, "", "unclosed shortcode tag: no %q before the end of the document", right)
	}
	if ok, _ := alnumAt(src, i); !ok {
		return "", i, errorf(i, "", "unrecognized character in shortcode name: %s", runeAt(src, i))
	}
	j := i
	for j < len(src) {
		ok, w := alnumAt(src, j)
		if ok || src[j] == '-' || src[j] == '/' {
			j += w
			continue
		}
		if src[j] == '.' {
			// name.inline is an inline shortcode; no other name has a period.
			if k := j + len(InlineSuffix); bytes.HasPrefix(src[j:], []byte(InlineSuffix)) && !nameContinues(src, k) {
				return string(src[i:k]), k, nil
			}
			return "", j, errorf(j, string(src[i:j]), "a period in a shortcode name is only allowed for inline shortcodes (name%s)", InlineSuffix)
		}
		break
	}
	return string(src[i:j]), j, nil
}

// InlineSuffix ends the name of an inline shortcode ({{< name.inline >}}).
const InlineSuffix = ".inline"

// IsInline reports whether name is the name of an inline shortcode.
func IsInline(name string) bool {
	return len(name) > len(InlineSuffix) && name[len(name)-len(InlineSuffix):] == InlineSuffix
}

// nameContinues reports whether a shortcode name goes on at src[k].
func nameContinues(src []byte, k int) bool {
	if k >= len(src) {
		return false
	}
	ok, _ := alnumAt(src, k)
	return ok || src[k] == '-' || src[k] == '/' || src[k] == '.'
}

// lexArgs lexes the arguments of an opening tag from src[i] to its right
// delimiter.
func lexArgs(src []byte, t tag, i int, right string) (tag, *SyntaxError) {
	const (
		none = iota
		positional
		named
	)
	kind := none
	// mix records the kind of a parameter; what names it, quoted word
	// appended, for the error when the kinds are mixed.
	mix := func(off int, what, word string, isNamed bool) *SyntaxError {
		if isNamed && kind == positional || !isNamed && kind == named {
			if word != "" {
				what += " " + strconv.Quote(word)
			}
			return errorf(off, t.name, "got %s. Cannot mix named and positional parameters", what)
		}
		if isNamed {
			kind = named
		} else {
			kind = positional
		}
		return nil
	}
	for {
		i = skipSpace(src, i)
		if i >= len(src) {
			return t, errorf(t.start, t.name, "unclosed shortcode tag: no %q before the end of the document", right)
		}
		if bytes.HasPrefix(src[i:], []byte(right)) {
			t.end = i + len(right)
			t.named = kind == named
			return t, nil
		}
		c := src[i]
		switch {
		case c == '/':
			k := skipSpace(src, i+1)
			if bytes.HasPrefix(src[k:], []byte(right)) {
				t.selfClosed, t.named = true, kind == named
				t.end = k + len(right)
				return t, nil
			}
			if k >= len(src) {
				return t, errorf(t.start, t.name, "unclosed shortcode tag: no %q before the end of the document", right)
			}
			return t, errorf(k, t.name, "unexpected %s after \"/\"; a self-closing tag ends with /%s", runeAt(src, k), right)
		case c == '\\' && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '`'):
			if err := mix(i, "quoted positional parameter", "", false); err != nil {
				return t, err
			}
			v, j, err := lexEscapedQuoted(src, i, t.name)
			if err != nil {
				return t, err
			}
			t.args = append(t.args, Arg{Value: v, Off: i})
			i = j
		case c == '"' || c == '`':
			if err := mix(i, "quoted positional parameter", "", false); err != nil {
				return t, err
			}
			v, j, err := lexQuoted(src, i, t.name)
			if err != nil {
				return t, err
			}
			t.args = append(t.args, Arg{Value: v, Off: i})
			i = j
		default:
			ok, _ := alnumAt(src, i)
			if !ok && c != '-' {
				return t, errorf(i, t.name, "unrecognized character in shortcode action: %s. Note: Parameters with non-alphanumeric args must be quoted", runeAt(src, i))
			}
			j := i
			for j < len(src) {
				ok, w := alnumAt(src, j)
				if !ok && src[j] != '-' && src[j] != '.' {
					break
				}
				j += w
			}
			word := string(src[i:j])
			k := j
			for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k < len(src) && src[k] == '=' {
				if err := mix(i, "named parameter", word, true); err != nil {
					return t, err
				}
				v, end, err := lexValue(src, skipSpace(src, k+1), t, word, right)
				if err != nil {
					return t, err
				}
				t.args = append(t.args, Arg{Name: word, Value: v, Off: i})
				i = end
				continue
			}
			if err := mix(i, "positional parameter", word, false); err != nil {
				return t, err
			}
			t.args = append(t.args, Arg{Value: Typed(word), Off: i})
			i = j
		}
	}
}

// lexValue lexes the value of a named argument at src[i].
func lexValue(src []byte, i int, t tag, key, right string) (any, int, *SyntaxError) {
	if i >= len(src) {
		return nil, i, errorf(t.start, t.name, "unclosed shortcode tag: no %q before the end of the document", right)
	}
	if c := src[i]; c == '"' || c == '`' {
		return lexQuoted(src, i, t.name)
	}
	if src[i] == '\\' && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '`') {
		return lexEscapedQuoted(src, i, t.name)
	}
	if bytes.HasPrefix(src[i:], []byte(right)) {
		return nil, i, errorf(i, t.name, "parameter %q has no value", key)
	}
	j := i
	for j < len(src) && !isSpace(src[j]) {
		j++
	}
	v := src[i:j]
	if k := bytes.Index(v, []byte(right)); k >= 0 {
		return nil, i, errorf(i+k, t.name, "the unquoted value of %q runs into %q: put a space before %q or quote the value", key, right, right)
	}
	if j >= len(src) {
		return nil, i, errorf(t.start, t.name, "unclosed shortcode tag: no %q before the end of the document", right)
	}
	return Typed(string(v)), j, nil
}

// lexQuoted lexes a "quoted" (\" escapes, one line) or `raw` (any text,
// no escapes) value at src[i]; it is always a string.
func lexQuoted(src []byte, i int, name string) (string, int, *SyntaxError) {
	if src[i] == '`' {
		j := bytes.IndexByte(src[i+1:], '`')
		if j < 0 {
			return "", i, errorf(i, name, "unterminated raw string in shortcode parameter")
		}
		return string(src[i+1 : i+1+j]), i + 2 + j, nil
	}
	escaped := false
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && src[j+1] == '"' {
				escaped = true
				j++
			}
		case '\n':
			return "", i, errorf(i, name, "unterminated quoted string in shortcode parameter (a quoted value cannot span lines)")
		case '"':
			v := src[i+1 : j]
			if escaped {
				return string(bytes.ReplaceAll(v, []byte(`\"`), []byte(`"`))), j + 1, nil
			}
			return string(v), j + 1, nil
		}
	}
	return "", i, errorf(i, name, "unterminated quoted string in shortcode parameter")
}

// lexEscapedQuoted lexes a value written between escaped quotes at src[i]
// (\"Hello World\"), as Hugo accepts it: the value is the text up to the
// next quote, escaped or not, on the same line, with no escapes of its
// own; it is always a string. \` is an error, as in Hugo.
func lexEscapedQuoted(src []byte, i int, name string) (string, int, *SyntaxError) {
	if src[i+1] == '`' {
		return "", i, errorf(i, name, "unrecognized escape character \\` in shortcode parameter")
	}
	for j := i + 2; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && src[j+1] == '"' {
				return string(src[i+2 : j]), j + 2, nil
			}
		case '"':
			return string(src[i+2 : j]), j + 1, nil
		case '\n':
			return "", i, errorf(i, name, "unterminated quoted string in shortcode parameter (a quoted value cannot span lines)")
		}
	}
	return "", i, errorf(i, name, "unterminated quoted string in shortcode parameter")
}

// Typed types an unquoted value as Hugo does: true and false are bools,
// [-+]?digits an int, [-+]?digits?.digits a float64, anything else (an int
// that overflows included) the string itself.
func Typed(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	}
	b := s
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		b = b[1:]
	}
	if b == "" {
		return s
	}
	digits, dot := 0, -1
	for k := 0; k < len(b); k++ {
		switch c := b[k]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && dot < 0:
			dot = k
		default:
			return s
		}
	}
	if dot < 0 {
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
		return s
	}
	if dot == len(b)-1 { // "1." is not a float for Hugo
		return s
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}

// ErrInvalidName: a shortcode name that no call can ever match (see
// [CheckName]).
var ErrInvalidName = errors.New("invalid shortcode name")

// CheckName returns nil when name is a name a call can match, and else an
// error that unwraps to [ErrInvalidName] and says why. A name is a letter,
// digit or '_', then letters, digits, '_', '-' and '/' ("note",
// "blog/note"). Names ending in ".inline" are inline shortcodes, defined
// by the page itself (render.WithInlineShortcodes), never by a handler.
func CheckName(name string) error {
	if name == "" {
		return fmt.Errorf("%w: the name is empty", ErrInvalidName)
	}
	if IsInline(name) {
		return fmt.Errorf("%w %q: a name ending in %q is an inline shortcode, defined in the page (render.WithInlineShortcodes)", ErrInvalidName, name, InlineSuffix)
	}
	src := []byte(name)
	got, j, err := lexName(src, 0, "}}")
	switch {
	case err != nil:
		return fmt.Errorf("%w %q: %s at byte %d", ErrInvalidName, name, err.Msg, err.Off)
	case got != name:
		return fmt.Errorf("%w %q: unexpected %s at byte %d; a name is letters, digits, '_', '-' and '/'", ErrInvalidName, name, runeAt(src, j), j)
	}
	return nil
}
