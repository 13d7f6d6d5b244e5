package render

import (
	"errors"
	"fmt"
	"io"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/toc"
)

// Renderer turns Markdown into HTML. It is immutable once built and safe for
// concurrent use by many goroutines.
type Renderer struct {
	cfg config
	hl  *highlighter
}

// Option configures a Renderer.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// config is everything the options set. Each concern owns its sub-config:
// hl (highlight.go) and sc (shortcode.go).
type config struct {
	hl highlightConfig
	sc shortcodeConfig
}

// New builds a Renderer with Hugo's defaults, changed by opts.
func New(opts ...Option) *Renderer {
	c := config{hl: defaultHighlightConfig(), sc: defaultShortcodeConfig()}
	for _, o := range opts {
		o.apply(&c)
	}
	return &Renderer{cfg: c, hl: newHighlighter(c.hl)}
}

// Result is everything one render yields.
type Result struct {
	HTML        []byte
	TOC         *toc.TOC
	Summary     []byte // HTML; never cuts a tag open
	Truncated   bool   // Summary is shorter than the content
	Plain       string // the content as plain text
	WordCount   int
	ReadingTime int // minutes
	Diagnostics []Diagnostic
}

// Diagnostic is a warning about the input, with its position.
type Diagnostic struct {
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line"`   // 1-based, in the source file
	Column  int    `json:"column"` // 1-based, in bytes
	Message string `json:"message"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.Path, d.Line, d.Column, d.Message)
}

// docState is the state of one render: the source, where it sits in its
// file, and what the render has found so far. It is created per call and
// reachable from the parser.Context (see docStateKey), never shared.
type docState struct {
	path     string
	src      []byte     // the Markdown as the caller gave it (before shortcode expansion)
	lineBase int        // line of the file where src starts, minus one
	page     *post.Post // nil for Render
	diags    []pendingDiag
}

type pendingDiag struct {
	off int // offset in src
	msg string
}

// diag records a warning at offset off of the original source.
func (d *docState) diag(off int, format string, args ...any) {
	d.diags = append(d.diags, pendingDiag{off: off, msg: fmt.Sprintf(format, args...)})
}

// lineCol turns an offset of src into a 1-based line and column of the file.
func (d *docState) lineCol(off int) (line, col int) {
	if off > len(d.src) {
		off = len(d.src)
	}
	line, start := 1, 0
	for i := 0; i < off; i++ {
		if d.src[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line + d.lineBase, off - start + 1
}

// errorAt returns err positioned at offset off of the original source, as
// a *post.ParseError.
func (d *docState) errorAt(off int, err error) error {
	line, col := d.lineCol(off)
	return &post.ParseError{Path: d.path, Line: line, Column: col, Err: err}
}

// Render renders Markdown (without front matter).
func (r *Renderer) Render(markdown []byte) (*Result, error) {
	return nil, errors.New("render: not implemented")
}

// RenderPost renders a post's body; diagnostics and errors carry the post's
// path and lines of the whole file.
func (r *Renderer) RenderPost(p *post.Post) (*Result, error) {
	return nil, errors.New("render: not implemented")
}

// CSS writes the chroma stylesheet for class-based highlighting.
func (r *Renderer) CSS(w io.Writer) error { return r.hl.writeCSS(w) }
