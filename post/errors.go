package post

import "fmt"

// ParseError is an error in a post, with its position in the whole file.
type ParseError struct {
	Path         string // as given to ParseFile or WithPath; may be empty
	Line, Column int    // 1-based; Column counts bytes
	Key          string // the front matter key at fault, if any
	Err          error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Column, e.Err)
}

// Unwrap returns the cause.
func (e *ParseError) Unwrap() error { return e.Err }
