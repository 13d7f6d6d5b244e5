package render

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/position"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/imagefile"
	"github.com/folio-md/folio/render/shortcode"
)

// docState is the state of one render: the source, where it sits in its
// file, and what the render has found so far. It is created per call,
// reachable from the parser.Context (stateOf) and from the document's AST
// (stateOfNode), and never shared between calls.
//
// Two coordinate systems, and every method that takes an offset says
// which in its name:
//
//   - Parsed: offsets of the source goldmark parsed, which is the
//     shortcode expansion of src (exp.Markdown()): what AST nodes carry.
//     diagParsed, errorAtParsed, lineColParsed and lineOfParsed take them;
//     sourceOffset maps them to src.
//   - Source: offsets of src itself, the Markdown as the caller gave it,
//     for code that works before the expansion (the shortcode parser and
//     handlers, the finisher). diagSource, noteSource, errorAtSource and
//     lineColSource take them.
//
// Warnings are kept as offsets and given file positions once, in
// diagnostics.
type docState struct {
	path     string
	src      []byte     // the Markdown as the caller gave it (before shortcode expansion)
	lineBase int        // line of the file where src starts, minus one
	page     *post.Post // nil for Render
	diags    []pendingDiag

	exp     *shortcode.Expansion // nil until the shortcodes are expanded; nil in an Extender
	summary bool                 // write the <!--more--> sentinel

	// Hook ordinals, zero-based per kind as Hugo's.
	links, images, headings, tables, blockquotes, passthroughs int
	hookBuf                                                    bytes.Buffer

	quoteDepth int              // blockquotes open around the node being rendered (builtin_hooks.go)
	imageFiles *imagefile.Cache // the image files read so far (WithImageFiles)
	scratch    []byte           // markup being made by a built-in rendering, reused

	lines *position.Index // positions of src's offsets; made by lineColSource on first use

	fences map[*ast.FencedCodeBlock]*fence // set by blockPass (codeBlocks.prepare)
	heads  []*ast.Heading                  // every heading, in order; set by blockPass
	ids    []string                        // every heading and term ID assigned, in order; set by blockPass
}

type pendingDiag struct {
	off      int  // offset in the parsed source, or in src when inSource is set
	inSource bool // off is an offset of src
	msg      string
}

// diagParsed records a warning at offset off of the source goldmark
// parsed.
func (d *docState) diagParsed(off int, format string, args ...any) {
	d.diags = append(d.diags, pendingDiag{off: off, msg: fmt.Sprintf(format, args...)})
}

// diagSource records a warning at offset off of the original source src.
func (d *docState) diagSource(off int, format string, args ...any) {
	d.noteSource(off, fmt.Sprintf(format, args...))
}

// noteSource is diagSource for a message already made, without fmt where a
// document may hold thousands of them.
func (d *docState) noteSource(off int, msg string) {
	d.diags = append(d.diags, pendingDiag{off: off, inSource: true, msg: msg})
}

// sourceOffset maps an offset of the parsed source to one of src.
func (d *docState) sourceOffset(off int) int {
	if off < 0 {
		return 0
	}
	if d.exp != nil {
		return d.exp.SourceOffset(off)
	}
	return off
}

// lineColSource turns an offset of src into a 1-based line and column of the
// file, by the rules of package position. Offsets asked in increasing
// order (shortcode calls, render hooks) cost one pass over src in all.
func (d *docState) lineColSource(off int) (line, col int) {
	if d.src == nil {
		// No source yet (an Extender's state before folio's first
		// transformer): no index is kept, so that it is made of the
		// source once there is one.
		return d.lineBase + 1, 1
	}
	if d.lines == nil {
		d.lines = position.NewIndex(d.src, d.lineBase+1)
	}
	return d.lines.LineCol(off)
}

// lineColParsed is lineColSource for an offset of the parsed source.
func (d *docState) lineColParsed(off int) (line, col int) {
	return d.lineColSource(d.sourceOffset(off))
}

// lineOfParsed returns the file line of an offset of the parsed source.
func (d *docState) lineOfParsed(off int) int {
	l, _ := d.lineColParsed(off)
	return l
}

// errorAtSource returns err positioned at offset off of the original
// source, as a *post.ParseError.
func (d *docState) errorAtSource(off int, err error) error {
	line, col := d.lineColSource(off)
	return &post.ParseError{Path: d.path, Line: line, Column: col, Err: err}
}

// errorAtParsed is errorAtSource for an offset of the parsed source.
func (d *docState) errorAtParsed(off int, err error) error {
	return d.errorAtSource(d.sourceOffset(off), err)
}

// plainOf replaces shortcode placeholders in heading text by the plain
// text of their output.
func (d *docState) plainOf(b []byte) []byte {
	if d.exp != nil {
		return d.exp.PlainText(b)
	}
	return b
}

// diagnostics returns the recorded warnings with file positions, in
// source order.
func (d *docState) diagnostics() []Diagnostic {
	if len(d.diags) == 0 {
		return nil
	}
	// In source order (stable: equal offsets keep the order they were
	// reported in), so that one pass over the source finds every line.
	type placed struct{ off, i int }
	order := make([]placed, len(d.diags))
	for i, p := range d.diags {
		off := p.off
		if !p.inSource {
			off = d.sourceOffset(off)
		}
		order[i] = placed{max(0, min(off, len(d.src))), i}
	}
	slices.SortStableFunc(order, func(a, b placed) int { return cmp.Compare(a.off, b.off) })
	out := make([]Diagnostic, len(order))
	for k, p := range order {
		line, col := d.lineColSource(p.off)
		out[k] = Diagnostic{Path: d.path, Line: line, Column: col, Message: d.diags[p.i].msg}
	}
	return out
}

// stateKey holds the *docState in a parser.Context.
var stateKey = parser.NewContextKey()

// stateOf returns the state of the document being parsed with pc,
// creating it when the caller's own goldmark drives the parse (Extender).
func stateOf(pc parser.Context) *docState {
	if d, ok := pc.Get(stateKey).(*docState); ok {
		return d
	}
	d := &docState{}
	pc.Set(stateKey, d)
	return d
}

// stateAttrName names the Document attribute that carries the *docState
// to the node renderers, which see no parser.Context. goldmark never
// renders a Document's attributes.
var stateAttrName = []byte("\x00folio-state")

// stateOfNode returns the state of the document n belongs to; a fresh
// state when n is not in a document folio's transformer saw.
func stateOfNode(n ast.Node) *docState {
	for p := n; p != nil; p = p.Parent() {
		if doc, ok := p.(*ast.Document); ok {
			if v, ok := doc.AttributeString(string(stateAttrName)); ok {
				if d, ok := v.(*docState); ok {
					return d
				}
			}
			break
		}
	}
	return &docState{}
}

// stateAt returns the state of the document n belongs to, rendered into
// w: the one w carries when it is a Renderer's buffer, in O(1), else
// stateOfNode's, whose walk to the root costs the depth of n (blocks
// and inline containers), a cost per node that deep nesting makes
// quadratic.
func stateAt(w util.BufWriter, n ast.Node) *docState {
	if b, ok := w.(*outBuf); ok && b.d != nil {
		return b.d
	}
	return stateOfNode(n)
}

// attachState is the first AST transformer: it links the document to its
// state, and in an Extender gives the state its source.
// With frontMatter (an Extender's), it also decodes the front matter
// for FrontMatterOf, whatever its format.
type attachState struct{ frontMatter bool }

func (a attachState) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := stateOf(pc)
	if d.src == nil {
		d.src = reader.Source()
	}
	doc.SetAttribute(stateAttrName, d)
	if a.frontMatter {
		frontMatter(pc, reader.Source())
	}
}
