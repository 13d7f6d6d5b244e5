package post

import "fmt"

// Position is where something starts in a post's source file: a render
// hook's link or heading, a shortcode call, a table. render and
// render/shortcode use it for every construct they hand to caller code.
type Position struct {
	Path   string // the post's path; "" for Markdown rendered without a post
	Line   int    // 1-based line of the file
	Column int    // 1-based column, in bytes (a UTF-8 BOM is not counted)
}

// String returns "path:line:col", or "line:col" without a path, like
// Hugo's .Position.
func (p Position) String() string {
	if p.Path == "" {
		return fmt.Sprintf("%d:%d", p.Line, p.Column)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Column)
}
