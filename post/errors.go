package post

import (
	"errors"
	"fmt"
	"strings"

	"github.com/folio-md/folio/internal/position"
)

// The sentinel errors a [ParseError] unwraps to. Test for them with
// [errors.Is].
var (
	// ErrUnterminated: the opening delimiter (---, +++ or {) has no
	// closing one.
	ErrUnterminated = errors.New("unterminated front matter")
	// ErrSyntax: the YAML, TOML or JSON is not well-formed.
	ErrSyntax = errors.New("syntax error")
	// ErrDate: a date value matches none of the accepted layouts, or is a
	// date that RFC 3339, and so JSON, cannot hold: a year outside
	// 0..9999 (Unix seconds 270000000000 are in the year 10525) or a zone
	// offset of 24 hours or more ("+24:00").
	ErrDate = errors.New("invalid date")
	// ErrType: a value has the wrong type for its key, such as a list where
	// a string is expected, or "yes" where a bool is expected.
	ErrType = errors.New("wrong type")
	// ErrValue: a value has the right type but is not allowed, such as a
	// heading level of 7 in toc.
	ErrValue = errors.New("invalid value")
	// ErrDuplicateKey: a key appears twice in one mapping (keys are
	// compared case-insensitively).
	ErrDuplicateKey = errors.New("duplicate key")
	// ErrTooLarge: the front matter is over the size limit ([WithMaxSize]),
	// or its YAML aliases expand to too many values.
	ErrTooLarge = errors.New("front matter too large")
	// ErrUnknownKey: [Post.DecodeStrict] found a key that matches no field.
	ErrUnknownKey = errors.New("unknown key")
)

// ParseError is an error in a post, with its position in the whole file
// (delimiter lines and a leading blank line included). Parse, ParseFile,
// Decode and DecodeStrict return it; find it with
//
//	var pe *post.ParseError
//	if errors.As(err, &pe) { ... pe.Line, pe.Column ... }
//
// Its message has the form "path:line:col: front matter: key: problem",
// for example
//
//	content/posts/x.md:4:7: front matter: date: cannot parse "2019-13-45"
type ParseError struct {
	Path         string // as given to ParseFile or WithPath; may be empty
	Line, Column int    // 1-based; Column counts bytes (a UTF-8 BOM is not counted)
	Key          string // the front matter key at fault, if any, as a path such as "params.toc.startLevel" or "tags[2]"
	Err          error  // the cause; it unwraps to one of the Err* sentinels

	// Offset is the 0-based byte offset of Line:Column in the source, set
	// by this package (an error built elsewhere may leave it 0).
	Offset int
}

// Error returns "path:line:col: message", or "line:col: message" when Path
// is empty.
func (e *ParseError) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%d:%d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Column, e.Err)
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }

// Snippet returns the line of src the error points at, followed by a line
// with a caret under the error's column, for showing to a person:
//
//	date: 2019-13-45
//	      ^
//
// src must be the source the post was parsed from. Snippet returns "" when
// the position is outside src.
func (e *ParseError) Snippet(src []byte) string {
	lines := position.NewIndex(src, 1)
	if e.Line < 1 || e.Line > lines.Lines() {
		return ""
	}
	start, end := lines.Line(e.Line)
	line := strings.TrimSuffix(string(src[start:end]), "\r")
	col := min(max(e.Column, 1), len(line)+1)
	var pad strings.Builder
	for _, c := range line[:col-1] {
		if c == '\t' {
			pad.WriteByte('\t')
		} else {
			pad.WriteByte(' ')
		}
	}
	return line + "\n" + pad.String() + "^"
}

// Errors is a list of errors from one post, in source order. Parse and
// Decode return it when they find more than one problem; errors.As finds
// the first *ParseError in it, and errors.Is matches any of them.
type Errors []*ParseError

// Error returns the errors' messages, one per line.
func (l Errors) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap returns the errors.
func (l Errors) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// fmError is the cause held by a front matter ParseError: the key, the
// problem in words and the sentinel it matches.
type fmError struct {
	key  string
	msg  string
	kind error // one of the Err* sentinels
	err  error // an underlying error from a decoder, if any
}

func (e *fmError) Error() string {
	if e.key == "" {
		return "front matter: " + e.msg
	}
	return "front matter: " + e.key + ": " + e.msg
}

func (e *fmError) Unwrap() []error {
	if e.err == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.err}
}
