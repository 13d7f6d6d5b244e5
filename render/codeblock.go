package render

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/diagram"
	"github.com/folio-md/folio/render/highlight"

	"github.com/folio-md/folio/internal/escape"
)

// This file adapts render/highlight to goldmark: it reads the fence of
// every *ast.FencedCodeBlock once (numbering the blocks and reporting
// problems as Diagnostics), renders fenced and indented code blocks, and
// runs the code block hook.

// WithHighlight sets how fenced code blocks are highlighted: the chroma
// style, class or inline styles, line numbers, tab width and syntax
// guessing (see highlight.Config; its zero value is the default: monokai,
// class output, no line numbers, tab width 4, no guessing). It sets the
// whole config, HugoCompat's included: with HugoCompat, pass
// highlight.Config{InlineStyles: true, ...} to keep Hugo's inline styles.
func WithHighlight(c highlight.Config) Option {
	return optionFunc(func(cfg *config) { cfg.hl = c })
}

// WithHighlighting turns syntax highlighting of fenced code blocks on or
// off. It is on by default. Off, every code block is written as Hugo
// writes a block in a language it does not know:
// <pre tabindex="0"><code class="language-go" data-lang="go">…</code></pre>
// (highlight.Config.Plain, whatever the config of WithHighlight says).
func WithHighlighting(on bool) Option {
	return optionFunc(func(c *config) { c.hlOff = !on })
}

// CodeBlockHook writes the HTML of a fenced code block to w, in place of
// folio's (Hugo's render-codeblock hook). It may call
// [CodeBlock.Highlight] to write folio's own output, for example inside a
// wrapper of its own. What it writes is not escaped: it must escape what
// came from the Markdown (CodeBlock.Inner, Attributes). An error stops the
// render and is returned as a *post.ParseError at the fence's position;
// returning ErrDefault renders the block as if there were no hook.
type CodeBlockHook func(w io.Writer, cb CodeBlock) error

// WithCodeBlockHook renders every fenced code block with fn instead of
// folio's default markup.
func WithCodeBlockHook(fn CodeBlockHook) Option {
	return optionFunc(func(c *config) { c.codeBlockHook = fn })
}

// WithCodeBlockHookFor renders the fenced code blocks in language lang
// (the first word of the info string, matched as written, as Hugo matches
// its render-codeblock-LANG templates) with fn. It comes before the
// built-in diagrams of WithGoAT and WithMermaid and the hook of
// WithCodeBlockHook; returning ErrDefault falls back to them. A nil fn
// removes lang's hook; lang "" is the fences without a language.
func WithCodeBlockHookFor(lang string, fn CodeBlockHook) Option {
	return optionFunc(func(c *config) {
		c.codeBlockHooks = maps.Clone(c.codeBlockHooks) // options may be shared between renderers
		if c.codeBlockHooks == nil {
			c.codeBlockHooks = make(map[string]CodeBlockHook)
		}
		c.codeBlockHooks[lang] = fn // nil: no hook
	})
}

// WithGoAT draws ```goat fences as inline SVG, as Hugo's embedded
// render-codeblock-goat hook does, byte for byte (see package diagram).
// It is off by default, on in HugoCompat, as in Hugo. A diagram too large
// to draw is written as code, with a Diagnostic.
func WithGoAT(on bool) Option { return optionFunc(func(c *config) { c.goat = on }) }

// WithMermaid writes ```mermaid fences as <pre class="mermaid"> holding
// the escaped source, for mermaid.js to draw (see diagram.WriteMermaid).
// Off by default, and in HugoCompat: Hugo has no built-in Mermaid hook.
func WithMermaid(on bool) Option { return optionFunc(func(c *config) { c.mermaid = on }) }

// CodeBlock is a fenced code block as a code block hook receives it.
type CodeBlock struct {
	// Type is the first word of the info string ("go" in ```go {x=1}),
	// as written; "" when there is none.
	Type string
	// Inner is the code, unescaped, with its final newline.
	Inner string
	// Options holds the attributes chroma reads (linenos, hl_lines,
	// linenostart, anchorlinenos, lineanchors, linenumbersintable, style,
	// noclasses, tabwidth, guesssyntax, hl_inline), keys lower-cased,
	// values as written (Hugo's gives hl_lines as 0-based ranges).
	Options map[string]any
	// Attributes holds every other attribute of the {...} list (file,
	// copy, id, class, ...). Values are string, int, float64, bool, nil or
	// []any.
	Attributes map[string]any
	// Ordinal is the 0-based index of the block among the document's
	// fenced code blocks.
	Ordinal int
	// Line and Column give where the fence starts in the source file
	// (1-based; Column in bytes). Both are 0 when the position is unknown.
	Line, Column int

	hl    *highlight.Highlighter
	block *highlight.Block
}

// Highlight writes folio's own rendering of the block to w, as it would be
// without the hook.
func (cb CodeBlock) Highlight(w io.Writer) error {
	if cb.hl == nil || cb.block == nil {
		return errors.New("render: CodeBlock.Highlight on a CodeBlock not made by folio")
	}
	return cb.hl.WriteBlock(w, []byte(cb.Inner), cb.block)
}

// codeBlocks renders fenced code blocks with a highlighter, and indented
// ones as Hugo does. It holds only settings.
type codeBlocks struct {
	hl     *highlight.Highlighter
	hook   CodeBlockHook            // every language's, after the others
	byLang map[string]CodeBlockHook // the user's, by language
	goat   bool                     // the built-in diagrams
	mmd    bool
}

// fence is what a fenced code block's info string says, parsed once, and
// where the fence is.
type fence struct {
	block     highlight.Block
	line, col int  // for the code block hook; 0 without one
	noDiagram bool // a diagram too large to draw: written as code
}

// hooks returns the hooks for a block in lang, in the order they are
// tried: the user's for lang, a built-in diagram, the user's for every
// language. draw is false for a block whose diagram is not drawn.
func (c *codeBlocks) hooks(lang string, draw bool) [3]CodeBlockHook {
	var builtin CodeBlockHook
	switch {
	case !draw:
	case lang == "goat" && c.goat:
		builtin = goatHook
	case lang == "mermaid" && c.mmd:
		builtin = mermaidHook
	}
	return [3]CodeBlockHook{c.byLang[lang], builtin, c.hook}
}

func anyHook(hooks [3]CodeBlockHook) bool {
	return hooks[0] != nil || hooks[1] != nil || hooks[2] != nil
}

func goatHook(w io.Writer, cb CodeBlock) error {
	err := diagram.WriteGoAT(w, cb.Inner, diagram.GoATOptionsOf(cb.Attributes))
	if errors.Is(err, diagram.ErrGoATTooLarge) { // after a hook of the user's declined it: unchecked
		return ErrDefault
	}
	return err
}

func mermaidHook(w io.Writer, cb CodeBlock) error { return diagram.WriteMermaid(w, cb.Inner) }

// RegisterFuncs registers the renderer of fenced and indented code blocks.
// Registered with a priority above goldmark's HTML renderer (which uses
// 1000; a smaller number wins), it replaces goldmark's code blocks.
func (c *codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.renderFenced)
	reg.Register(ast.KindCodeBlock, c.renderIndented)
}

var _ renderer.NodeRenderer = (*codeBlocks)(nil)

// parseFence parses the info string of n.
func parseFence(n *ast.FencedCodeBlock, src []byte) highlight.Block {
	if n.Info == nil {
		return highlight.Block{}
	}
	return highlight.ParseFence(string(n.Info.Segment.Value(src)))
}

// prepare parses the info string of every fence of doc once, numbers the
// blocks, records their positions, and reports problems as diagnostics
// (unknown language, bad attribute syntax or values, attributes that are
// not written for safety). fences are doc's fenced code blocks in document
// order, as the block pass collected them.
func (c *codeBlocks) prepare(d *docState, src []byte, fences []*ast.FencedCodeBlock) {
	if len(fences) == 0 {
		return
	}
	if d.fences == nil {
		// Kept in the document's state rather than as node attributes:
		// goldmark gives a node's first attribute room for ten.
		d.fences = make(map[*ast.FencedCodeBlock]*fence, len(fences))
	}
	all := make([]fence, len(fences)) // one allocation for the document
	for ordinal, n := range fences {
		f := &all[ordinal]
		f.block = parseFence(n, src)
		f.block.Ordinal = ordinal
		hooks := c.hooks(f.block.Lang, true)
		if anyHook(hooks) { // only hooks read the fence's position
			f.line, f.col = fencePos(d, src, fenceOffset(n, src))
		}
		d.fences[n] = f
		if n.Info == nil { // no language, no attributes: nothing to report
			continue
		}
		at := n.Info.Segment.Start
		for _, p := range f.block.Problems {
			d.diagParsed(at+p.Offset, "%s", p.Message)
		}
		if hooks[1] != nil && hooks[0] == nil { // a built-in diagram, not the user's hook
			ps, err := diagram.Check(f.block.Lang, string(codeOf(n, src)), &f.block)
			if err != nil {
				d.diagParsed(at, "%v: written as code", err)
				f.noDiagram, hooks = true, c.hooks(f.block.Lang, false)
			}
			for _, p := range ps {
				d.diagParsed(at+p.Offset, "%s", p.Message)
			}
		}
		if !anyHook(hooks) { // a hook may write any language and attribute
			for _, p := range c.hl.Check(&f.block) {
				d.diagParsed(at+p.Offset, "%s", p.Message)
			}
		}
	}
}

// fencePos returns the file line and column of off, an offset of the
// parsed source src. A state that has no source yet (folio's first
// transformer did not run) takes src, so that its line index is built
// once rather than the lines before every fence counted again.
func fencePos(d *docState, src []byte, off int) (line, col int) {
	if d.src == nil {
		d.src = src
	}
	return d.lineColParsed(off)
}

// fenceOffset returns the offset of the fence's first backtick or tilde,
// found by walking back from the info string or the first line.
func fenceOffset(n *ast.FencedCodeBlock, src []byte) int {
	var at int
	switch {
	case n.Info != nil:
		at = n.Info.Segment.Start
	case n.Lines().Len() > 0:
		at = n.Lines().At(0).Start - 1 // the newline ending the fence line
	default:
		return 0
	}
	if at > len(src) {
		at = len(src)
	}
	for at > 0 && src[at-1] != '\n' {
		at--
	}
	// skip indentation
	for at < len(src) && (src[at] == ' ' || src[at] == '\t') {
		at++
	}
	return at
}

func (c *codeBlocks) renderFenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	d := stateAt(w, n)
	f := d.fences[n]
	if f == nil { // the block pass did not run
		f = &fence{block: parseFence(n, src)}
	}
	code := codeOf(n, src)
	var cb CodeBlock
	for k, hook := range c.hooks(f.block.Lang, !f.noDiagram) {
		if hook == nil {
			continue
		}
		if cb.hl == nil {
			cb = CodeBlock{
				Type: f.block.Lang, Inner: string(code), Options: f.block.Options(), Attributes: attrMap(f.block.Attrs),
				Ordinal: f.block.Ordinal, Line: f.line, Column: f.col, hl: c.hl, block: &f.block,
			}
		}
		d.hookBuf.Reset()
		err := hook(&d.hookBuf, cb)
		if err == nil {
			_, _ = w.Write(d.hookBuf.Bytes())
			return ast.WalkSkipChildren, nil
		}
		if !errors.Is(err, ErrDefault) {
			what := [...]string{"code block hook for " + strconv.Quote(f.block.Lang), f.block.Lang + " diagram", "code block hook"}[k]
			return ast.WalkStop, &post.ParseError{Line: f.line, Column: f.col, Err: fmt.Errorf("%s: %w", what, err)}
		}
	}
	// No newline after the block, as Hugo writes none, with or without a
	// code block hook.
	if err := c.hl.WriteBlock(w, code, &f.block); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// codeOf returns the content of n; it reuses src when the lines are
// contiguous (the usual case), and copies otherwise.
func codeOf(n ast.Node, src []byte) []byte {
	lines := n.Lines()
	if lines.Len() == 0 {
		return nil
	}
	first, last := lines.At(0), lines.At(lines.Len()-1)
	contiguous := true
	for i := 1; i < lines.Len(); i++ {
		if cur := lines.At(i); cur.Start != lines.At(i-1).Stop || cur.Padding > 0 {
			contiguous = false
			break
		}
	}
	if contiguous && first.Padding == 0 {
		return src[first.Start:last.Stop:last.Stop]
	}
	var b []byte
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(src)...)
	}
	return b
}

func attrMap(attrs []highlight.Attr) map[string]any {
	if len(attrs) == 0 {
		return nil
	}
	m := make(map[string]any, len(attrs))
	for _, a := range attrs {
		m[a.Name] = a.Value
	}
	return m
}

func (c *codeBlocks) renderIndented(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<pre><code>")
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		escape.Write(escape.Goldmark, w, seg.Value(src)) // goldmark's set, as Hugo writes indented code
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}
