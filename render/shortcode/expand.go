package shortcode

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strconv"

	"github.com/folio-md/folio/post"
)

// Host is the Markdown renderer that runs a page's calls: what the calls
// and their expansion need from it. Offsets are byte offsets of the page
// source given to [Expand]; the host turns them into file positions.
// Package render implements it.
type Host interface {
	// Position returns the file position of offset off of the source.
	Position(off int) post.Position
	// Warn adds a Diagnostic with msg at offset off of the source.
	Warn(off int, msg string)
	// RenderMarkdown renders a Markdown fragment, which holds no shortcode
	// calls, with the renderer's settings. When inline is true and the
	// result is a single paragraph, its <p> is removed, as Hugo's
	// markdownify does. The fragment's diagnostics are added at offset
	// off, each prefixed with where (`in shortcode "figure"`).
	RenderMarkdown(markdown []byte, inline bool, off int, where string) ([]byte, error)
	// URLAllowed reports whether the URL u (character references
	// resolved) may stand in the attribute attr (any case) of the element
	// (lower case, "" when unknown) under the renderer's URL policy.
	URLAllowed(u []byte, attr, element string) bool
}

// Config is what a renderer sets up once for every page it expands.
// Expand only reads it; it must not change while pages are expanded.
type Config struct {
	// Disabled leaves the shortcode syntax as text.
	Disabled bool
	// Handlers are the registered shortcodes, by name.
	Handlers map[string]Handler
	// Unknown says what a call to an unregistered name does.
	Unknown UnknownMode
	// UnknownHandler, when its Render is set, renders every call to an
	// unregistered name instead, with a Diagnostic; it overrides Unknown.
	UnknownHandler Handler
	// Inline runs inline shortcodes ({{< name.inline >}}); off, each
	// writes nothing and adds a Diagnostic.
	Inline bool
	// UnsafeHTML keeps raw HTML in inner content and turns off the URL
	// checks of call output, as render.WithUnsafeHTML.
	UnsafeHTML bool
	// RefResolver resolves ref and relref calls (Call.ResolveRef).
	RefResolver RefResolver
	// SiteParams are the site's parameters, with lower-case keys
	// (Call.Param). Read only.
	SiteParams map[string]any
}

// InnerMode returns how the shortcode name takes inner content under c:
// the mode of its handler, or InnerOptional for an unregistered name (an
// inline shortcode's definition is closed, a later call is not). It is
// the ParseOptions.Inner that Expand uses.
func (c *Config) InnerMode(name string) InnerMode {
	h, ok := c.Handlers[name]
	if !ok {
		return InnerOptional
	}
	switch h.Inner {
	case InnerRequired, InnerOptional:
		return h.Inner
	}
	return InnerNone
}

// Expansion is a page's source with every shortcode call run: the
// Markdown to parse, the output of each {{< >}} call behind a placeholder
// in it, and what is needed to put that output into the rendered HTML by
// context (Finish) and to map offsets back to the source (SourceOffset).
// It belongs to one render and is not safe for concurrent use.
type Expansion struct {
	cfg  *Config
	host Host
	page *post.Post

	src    []byte
	edits  []edit  // in order of start
	orig   []byte  // the source before expansion
	prefix []byte  // of every placeholder: random letters absent from orig; made with the first
	outs   []scOut // the output of each {{< >}} call, by placeholder number
	plains []plainOut

	fin *finisher // made by the first Finish
	toc []byte    // the TOC's HTML, for toc calls (SetTOC)

	volatile bool // a Volatile handler ran
}

// Volatile reports whether a call ran a handler marked Volatile: the
// page's output depends on more than its source and the Config.
func (x *Expansion) Volatile() bool { return x.volatile }

// edit records that src[orig:origEnd] became Markdown()[start:end].
type edit struct {
	start, end    int
	orig, origEnd int
}

type scOut struct {
	html []byte
	toc  bool   // a call that MarkTOC marked: replaced by the TOC's HTML
	name string // the shortcode's name, for diagnostics
	off  int    // the call's offset in the source
	// quiet: the call is inside an unknown call whose inner content is
	// dropped, so its output is not expected in the HTML.
	quiet bool
}

// plainOut is the plain text of an output, once made.
type plainOut struct {
	text string
	done bool
}

// WantsTOC reports whether a call asks for the TOC's HTML (see
// Call.MarkTOC and SetTOC).
func (x *Expansion) WantsTOC() bool {
	for _, o := range x.outs {
		if o.toc {
			return true
		}
	}
	return false
}

// HasPlaceholders reports whether the Markdown holds placeholders, that
// is whether the rendered HTML needs Finish.
func (x *Expansion) HasPlaceholders() bool { return len(x.outs) > 0 }

// Expand runs every shortcode call in src, the Markdown of page (nil for
// bare Markdown), with the handlers and settings of cfg and the renderer
// host. An error is a *post.ParseError at the fault whose Err is an
// *Error. The Expansion keeps cfg, host and src.
func Expand(src []byte, page *post.Post, cfg *Config, host Host) (*Expansion, error) {
	x := &Expansion{cfg: cfg, host: host, page: page, src: src, orig: src}
	if cfg.Disabled {
		return x, nil
	}
	nodes, err := Parse(src, ParseOptions{Inner: cfg.InnerMode})
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			return nil, x.errorAt(se.Off, &Error{Name: se.Name, Err: se})
		}
		return nil, x.errorAt(0, err)
	}
	if len(nodes) == 0 {
		return x, nil
	}
	e := &expander{x: x}
	// The expanded source is made at the first call that changes the
	// text: a site's own shortcodes kept as text change nothing.
	var out []byte
	last := 0
	for _, n := range nodes {
		if e.keptAsText(n) {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(src)+len(src)/8)
		}
		out = append(out, src[last:n.Start]...)
		start := len(out)
		if out, err = e.node(out, n, nil, 0); err != nil {
			return nil, err
		}
		x.edits = append(x.edits, edit{start: start, end: len(out), orig: n.Start, origEnd: n.End})
		last = n.End
	}
	if out != nil {
		x.src = append(out, src[last:]...)
	}
	return x, nil
}

// errorAt returns err positioned at offset off of the source.
func (x *Expansion) errorAt(off int, err error) error {
	p := x.host.Position(off)
	return &post.ParseError{Path: p.Path, Line: p.Line, Column: p.Column, Err: err}
}

// maxShortcodeDepth bounds how deeply calls may nest. The inner content
// of a nested {{% %}} call is rendered at each level, so an unbounded depth
// would cost time quadratic in the input; real pages nest a few levels.
const maxShortcodeDepth = 64

// errTooDeep: calls nest deeper than maxShortcodeDepth.
var errTooDeep = fmt.Errorf("%w: calls nested more than %d levels deep", ErrSyntax, maxShortcodeDepth)

// keptAsText reports whether n is a call of an unknown shortcode that is
// kept as text, with its Diagnostic.
func (e *expander) keptAsText(n *Node) bool {
	c := e.x.cfg
	if n.Kind == KindEscape || c.Unknown != UnknownKeepAsText {
		return false
	}
	if _, ok := c.Handlers[n.Name]; ok {
		return false
	}
	e.x.host.Warn(n.Start, "unknown shortcode "+strconv.Quote(n.Name)+" kept as text")
	return true
}

// expander runs the calls of one page.
type expander struct {
	x *Expansion
	// inline holds the page's inline shortcode definitions, by name
	// (WithInlineShortcodes).
	inline map[string]*template.Template
}

// node appends what n stands for to out: an escape's text, a {{% %}}
// call's Markdown output, or a {{< >}} call's placeholder.
func (e *expander) node(out []byte, n *Node, parent *Call, level int) ([]byte, error) {
	src := e.x.orig
	if n.Kind == KindEscape {
		return append(out, n.Text...), nil
	}
	if e.keptAsText(n) {
		return append(out, src[n.Start:n.End]...), nil
	}
	h, ok := e.x.cfg.Handlers[n.Name]
	discards := false // a fallback that writes nothing of the inner content
	if !ok {
		var err error
		if h, discards, err = e.fallback(n, parent); err != nil {
			return nil, err
		}
	}
	if level >= maxShortcodeDepth {
		return nil, e.x.errorAt(n.Start, &Error{Name: n.Name, Err: errTooDeep})
	}
	sc := &Call{
		Name:          n.Name,
		Markdown:      n.Notation == Markdown,
		IsNamedParams: n.Named,
		Parent:        parent,
		Ordinal:       n.Ordinal,
		Position:      e.x.host.Position(n.Start),
		Page:          e.x.page,
		x:             e.x,
		off:           n.Start,
		end:           n.End,
		discardsInner: discards,
	}
	if len(n.Args) > 0 {
		if n.Named {
			m := make(map[string]any, len(n.Args))
			for _, a := range n.Args {
				m[a.Name] = a.Value
			}
			sc.Params = m
		} else {
			l := make([]any, len(n.Args))
			for i, a := range n.Args {
				l[i] = a.Value
			}
			sc.Params = l
		}
	}
	if n.CloseStart >= 0 {
		var inner []byte
		last := n.TagEnd
		for _, c := range n.Children {
			sc.authored = append(sc.authored, innerSpan{len(inner), len(inner) + c.Start - last, last})
			inner = append(inner, src[last:c.Start]...)
			var err error
			if inner, err = e.node(inner, c, sc, level+1); err != nil {
				return nil, err
			}
			last = c.End
		}
		sc.authored = append(sc.authored, innerSpan{len(inner), len(inner) + n.CloseStart - last, last})
		inner = append(inner, src[last:n.CloseStart]...)
		if sc.Markdown && level > 0 {
			// Hugo renders the inner content of a nested {{% %}} call as
			// Markdown, without its <p> when it is a single line.
			b, err := e.x.host.RenderMarkdown(inner, bytes.IndexByte(inner, '\n') < 0, n.Start, sc.where())
			if err != nil {
				return nil, e.x.errorAt(n.Start, &Error{Name: n.Name, Err: err})
			}
			inner = b
			sc.authored = nil // rendered: no raw author text is left
		}
		sc.Inner = string(inner)
	}
	e.x.volatile = e.x.volatile || h.Volatile
	var buf bytes.Buffer
	if err := h.Render(&buf, sc); err != nil {
		var pe *post.ParseError
		if errors.As(err, &pe) {
			return nil, err // already positioned (a nested render)
		}
		return nil, e.x.errorAt(argOffset(n, err), &Error{Name: n.Name, Err: err})
	}
	if sc.isTOC || sc.asHTML || !sc.Markdown && !sc.asMarkdown {
		return e.x.placeholder(out, scOut{html: buf.Bytes(), toc: sc.isTOC, name: n.Name, off: n.Start, quiet: sc.inDiscarded()}), nil
	}
	if ind := callIndent(src, n.Start); ind != nil {
		// As Hugo does, Markdown output of a call indented on its line (in
		// a list item, say) gets the same indentation on each of its
		// following lines, so that it stays where the call is.
		return appendIndented(out, buf.Bytes(), ind), nil
	}
	return append(out, buf.Bytes()...), nil
}

// maxReindent bounds the indentation callIndent returns, so that
// re-indenting costs at most a constant per output byte.
const maxReindent = 128

// callIndent returns the spaces and tabs between the start of the line
// and a call at src[start], or nil when there is other text before it, no
// indentation, or more than maxReindent bytes of it.
func callIndent(src []byte, start int) []byte {
	i := start
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == start || i > 0 && src[i-1] != '\n' || start-i > maxReindent {
		return nil
	}
	return src[i:start]
}

// appendIndented appends b to out with ind after each line break that is
// followed by a non-blank line.
func appendIndented(out, b, ind []byte) []byte {
	for len(b) > 0 {
		k := bytes.IndexByte(b, '\n')
		if k < 0 {
			return append(out, b...)
		}
		out = append(out, b[:k+1]...)
		b = b[k+1:]
		if len(b) > 0 && b[0] != '\n' && !(b[0] == '\r' && len(b) > 1 && b[1] == '\n') {
			out = append(out, ind...)
		}
	}
	return out
}

// argOffset returns the offset of the argument an *ArgError names, or of
// the call.
func argOffset(n *Node, err error) int {
	var ae *ArgError
	if !errors.As(err, &ae) {
		return n.Start
	}
	pos := 0
	for _, a := range n.Args {
		if k, ok := ae.Key.(string); ok && a.Name == k {
			return a.Off
		}
		if k, ok := ae.Key.(int); ok && a.Name == "" {
			if pos == k {
				return a.Off
			}
			pos++
		}
	}
	return n.Start
}

// inDiscarded reports whether c is nested in a call whose inner content
// is discarded. Nesting is at most maxShortcodeDepth deep.
func (c *Call) inDiscarded() bool {
	for p := c.Parent; p != nil; p = p.Parent {
		if p.discardsInner {
			return true
		}
	}
	return false
}
