package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/toc"
)

// Renderer turns Markdown into HTML. It is immutable once built and safe for
// concurrent use by many goroutines: the goldmark instance is built once in
// New and every per-document value lives in the parser.Context of one call.
type Renderer struct {
	cfg     config
	urls    htmlsafe.Policy // the URL policy of cfg
	hl      *highlight.Highlighter
	md      goldmark.Markdown
	tocOpts []toc.Option // the table of contents options of a post that sets none
}

// Option configures a Renderer. Options are applied in order; a later
// option wins over an earlier one that sets the same thing.
type Option interface{ apply(*config) }

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// New builds a Renderer with Hugo's defaults, changed by opts.
func New(opts ...Option) *Renderer {
	c := defaultCoreConfig()
	for _, o := range opts { // presets first, so that every other option overrides them
		if p, ok := o.(presetOption); ok {
			p.apply(&c)
		}
	}
	for _, o := range opts {
		if _, ok := o.(presetOption); !ok && o != nil {
			o.apply(&c)
		}
	}
	hc := c.hl
	hc.Plain = hc.Plain || c.hlOff
	r := &Renderer{cfg: c, hl: highlight.New(hc), urls: htmlsafe.Policy{Schemes: c.urlSchemes}}
	r.md = r.buildMarkdown()
	r.tocOpts = r.tocOptions(c.tocStart, c.tocEnd, c.tocOrdered)
	return r
}

// hugoExtensions are the goldmark extensions Hugo turns on by default, in
// the order they are added.
var hugoExtensions = []struct {
	ext Extension
	gm  goldmark.Extender
}{
	{Table, extension.Table},
	{Strikethrough, extension.Strikethrough},
	{Linkify, extension.Linkify},
	{TaskList, extension.TaskList},
	{DefinitionList, extension.DefinitionList},
	{Footnote, extension.Footnote},
	{Typographer, extension.Typographer},
}

// buildMarkdown makes the one goldmark instance of r.
func (r *Renderer) buildMarkdown() goldmark.Markdown {
	c := &r.cfg
	var exts []goldmark.Extender
	for _, e := range hugoExtensions {
		if !c.disabled[e.ext] {
			exts = append(exts, e.gm)
		}
	}
	exts = append(exts, r.core())
	exts = append(exts, c.gmExtensions...)
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(append([]parser.Option{parser.WithAttribute()}, c.parserOpts...)...),
		// folio's text writer first: a caller's own writer wins.
		goldmark.WithRendererOptions(append([]renderer.Option{html.WithWriter(textWriter{})}, c.rendererOpts...)...),
	)
}

// core is the Extender with r's settings: what New and Extender share.
func (r *Renderer) core() *Extender {
	c := &r.cfg
	return &Extender{
		UnsafeHTML:            c.unsafe,
		URLSchemes:            c.urlSchemes,
		StyleAttributes:       c.styleAttrs,
		IDStyle:               c.idStyle,
		HugoIDs:               c.hugoIDs,
		LinkHook:              c.linkHook,
		ImageHook:             c.imageHook,
		HeadingHook:           c.headingHook,
		TableHook:             c.tableHook,
		FigureForTitledImages: c.figures,
		NoBlackfridayImages:   c.noBlackfridayImages,
		NoIframeEmbeds:        c.noIframeEmbeds,
		EmbedOptions:          c.sc.embed,
		NoMeta:                true,
		Highlight:             r.hl.Config(),
		CodeBlockHook:         c.codeBlockHook,
		highlighter:           r.hl,
		noTOC:                 true,
	}
}

// Result is everything one render yields.
type Result struct {
	// HTML is the rendered content: Hugo's .Content.
	HTML []byte
	// TOC is the table of contents from the same parse; never nil.
	TOC *toc.TOC
	// Summary is Hugo's .Summary as HTML: the content before <!--more-->,
	// trimmed of white space; else (or when that is empty) the front
	// matter summary, rendered as Markdown, a single wrapping <p> removed;
	// else the first top-level blocks up to the summary length, trimmed.
	// Outside HugoCompat it never cuts a tag open. Under HugoCompat the automatic summary is
	// Hugo 0.165's: it ends after the "</p>" of the paragraph in which
	// Hugo's word count reaches the length. That count runs over the HTML
	// between two "</p>", skips tokens that look like a tag or start like
	// an attribute (so the first word of a heading or a link is not
	// counted) and never reads the last character before a "</p>"; where
	// the "</p>" is inside a list or blockquote, the summary leaves them
	// open, as Hugo's does (byte for byte); close them before putting it
	// in a page of several summaries.
	Summary []byte
	// Truncated reports whether the content holds more than Summary: as
	// in Hugo, whether Summary differs from the content (white space
	// around both ignored). With a front matter summary it is false, as in
	// Hugo, unless a <!--more--> divider starts the content.
	Truncated bool
	// Plain is the content as plain text, Hugo's .Plain.
	Plain string
	// WordCount is Hugo's .WordCount of the content.
	WordCount int
	// ReadingTime is the reading time in whole minutes, rounded up; 0 for
	// no words.
	ReadingTime int
	// Diagnostics are warnings about the input, in source order: raw HTML
	// omitted, duplicate heading IDs, unknown code languages, ...
	Diagnostics []Diagnostic
}

// Diagnostic is a warning about the input, with its position.
type Diagnostic struct {
	Path    string `json:"path,omitempty"`
	Line    int    `json:"line"`   // 1-based, in the source file
	Column  int    `json:"column"` // 1-based, in bytes
	Message string `json:"message"`
}

// String returns the diagnostic as "path:line:col: message".
func (d Diagnostic) String() string {
	if d.Path == "" {
		return fmt.Sprintf("%d:%d: %s", d.Line, d.Column, d.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", d.Path, d.Line, d.Column, d.Message)
}

// docState is the state of one render: the source, where it sits in its
// file, and what the render has found so far. It is created per call,
// reachable from the parser.Context (stateOf) and from the document's AST
// (stateOfNode), and never shared between calls.
//
// Offsets: diag and errorAtParsed take offsets into the source goldmark
// parsed, which is the shortcode expansion of src (exp.source()); they are
// mapped back to src with exp.origOffset when the Result is assembled.
// diagSrc and errorAt take offsets into src itself, for code that works
// before the expansion (the shortcode parser).
type docState struct {
	path     string
	src      []byte     // the Markdown as the caller gave it (before shortcode expansion)
	lineBase int        // line of the file where src starts, minus one
	page     *post.Post // nil for Render
	diags    []pendingDiag

	exp     *expansion // nil until the shortcodes are expanded; nil in an Extender
	summary bool       // write the <!--more--> sentinel

	// Hook ordinals, zero-based per kind as Hugo's.
	links, images, headings, tables int
	hookBuf                         bytes.Buffer

	// lineCol's cursor: src[:lineOff] holds lineNo newlines, the last
	// ending at lineStart. Offsets asked in document order move it on;
	// one before it makes lineCol index every line start instead.
	lineOff, lineNo, lineStart int
	lineStarts                 []int // offsets of src's line starts; built by lineCol

	fences map[*ast.FencedCodeBlock]*fence // set by blockPass (codeBlocks.prepare)
	heads  []*ast.Heading                  // every heading, in order; set by blockPass
}

type pendingDiag struct {
	off  int  // offset in the parsed source, or in src when orig is set
	orig bool // off is an offset of src
	msg  string
}

// diag records a warning at offset off of the source goldmark parsed.
func (d *docState) diag(off int, format string, args ...any) {
	d.diags = append(d.diags, pendingDiag{off: off, msg: fmt.Sprintf(format, args...)})
}

// diagSrc records a warning at offset off of the original source src.
func (d *docState) diagSrc(off int, format string, args ...any) {
	d.noteSrc(off, fmt.Sprintf(format, args...))
}

// noteSrc is diagSrc for a message already made, without fmt where a
// document may hold thousands of them.
func (d *docState) noteSrc(off int, msg string) {
	d.diags = append(d.diags, pendingDiag{off: off, orig: true, msg: msg})
}

// origOffset maps an offset of the parsed source to one of src.
func (d *docState) origOffset(off int) int {
	if off < 0 {
		return 0
	}
	if d.exp != nil {
		return d.exp.origOffset(off)
	}
	return off
}

// lineCol turns an offset of src into a 1-based line and column of the
// file. Offsets asked in increasing order (shortcode calls, render hooks)
// cost one pass over src in all; after an offset before the previous one,
// the line starts are indexed, once per document, and searched.
func (d *docState) lineCol(off int) (line, col int) {
	off = max(0, min(off, len(d.src)))
	if d.lineStarts == nil && off >= d.lineOff {
		for {
			j := bytes.IndexByte(d.src[d.lineOff:off], '\n')
			if j < 0 {
				break
			}
			d.lineNo++
			d.lineOff += j + 1
			d.lineStart = d.lineOff
		}
		d.lineOff = off
		return d.lineNo + 1 + d.lineBase, off - d.lineStart + 1
	}
	if d.lineStarts == nil {
		d.lineStarts = append(make([]int, 0, 64), 0)
		for i := 0; ; {
			j := bytes.IndexByte(d.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			d.lineStarts = append(d.lineStarts, i)
		}
	}
	// The last line start at or before off.
	i := sort.SearchInts(d.lineStarts, off+1) - 1
	return i + 1 + d.lineBase, off - d.lineStarts[i] + 1
}

// lineOfParsed returns the file line of an offset of the parsed source.
func (d *docState) lineOfParsed(off int) int {
	l, _ := d.lineCol(d.origOffset(off))
	return l
}

// errorAt returns err positioned at offset off of the original source, as
// a *post.ParseError.
func (d *docState) errorAt(off int, err error) error {
	line, col := d.lineCol(off)
	return &post.ParseError{Path: d.path, Line: line, Column: col, Err: err}
}

// errorAtParsed is errorAt for an offset of the parsed source.
func (d *docState) errorAtParsed(off int, err error) error {
	return d.errorAt(d.origOffset(off), err)
}

// plainOf replaces shortcode placeholders in heading text by the plain
// text of their output.
func (d *docState) plainOf(b []byte) []byte {
	if d.exp != nil {
		return d.exp.plain(b)
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
		if !p.orig {
			off = d.origOffset(off)
		}
		order[i] = placed{max(0, min(off, len(d.src))), i}
	}
	slices.SortStableFunc(order, func(a, b placed) int { return cmp.Compare(a.off, b.off) })
	out := make([]Diagnostic, len(order))
	// line is the line that starts at start; the newlines before scanned
	// are counted, so that many warnings on one line cost one pass.
	line, start, scanned := 1, 0, 0
	for k, p := range order {
		for scanned < p.off {
			j := bytes.IndexByte(d.src[scanned:p.off], '\n')
			if j < 0 {
				scanned = p.off
				break
			}
			line++
			scanned += j + 1
			start = scanned
		}
		out[k] = Diagnostic{Path: d.path, Line: line + d.lineBase, Column: p.off - start + 1, Message: d.diags[p.i].msg}
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
type attachState struct{}

func (attachState) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := stateOf(pc)
	if d.src == nil {
		d.src = reader.Source()
	}
	doc.SetAttribute(stateAttrName, d)
}

// outBuf is a render's output: a util.BufWriter over a byte slice, so
// that goldmark writes straight into it. (goldmark wraps any other writer
// in a new 4 KiB bufio.Writer, and every byte is copied once more.) b is
// written up to n and only replaced when full: a write stores an int, not
// a slice header, so it costs no write barrier while the GC runs. The
// buffers are pooled.
type outBuf struct {
	b []byte
	n int
	d *docState // the state of the document being rendered into it, for stateAt
}

func (o *outBuf) bytes() []byte { return o.b[:o.n] }

// room makes room for k more bytes.
func (o *outBuf) room(k int) {
	if len(o.b)-o.n < k {
		b := make([]byte, max(2*len(o.b), o.n+k))
		copy(b, o.b[:o.n])
		o.b = b
	}
}

func (o *outBuf) Write(p []byte) (int, error) {
	o.room(len(p))
	o.n += copy(o.b[o.n:], p)
	return len(p), nil
}

func (o *outBuf) WriteString(s string) (int, error) {
	o.room(len(s))
	o.n += copy(o.b[o.n:], s)
	return len(s), nil
}

func (o *outBuf) WriteByte(c byte) error {
	o.room(1)
	o.b[o.n] = c
	o.n++
	return nil
}

func (o *outBuf) WriteRune(r rune) (int, error) {
	o.room(utf8.UTFMax)
	k := utf8.EncodeRune(o.b[o.n:], r)
	o.n += k
	return k, nil
}

// Available, Buffered and Flush make outBuf a util.BufWriter: there is
// nothing to flush.
func (o *outBuf) Available() int { return len(o.b) - o.n }
func (o *outBuf) Buffered() int  { return 0 }
func (o *outBuf) Flush() error   { return nil }

var _ util.BufWriter = (*outBuf)(nil)

var bufPool = sync.Pool{New: func() any { return new(outBuf) }}

// Render renders Markdown (without front matter).
//
// Errors (from a render hook or a shortcode) are *post.ParseError values
// with the position of the construct at fault:
//
//	var pe *post.ParseError
//	if errors.As(err, &pe) { ... pe.Line, pe.Column ... }
func (r *Renderer) Render(markdown []byte) (*Result, error) {
	return r.render(&docState{src: markdown}, nil)
}

// RenderPost renders a post's body; diagnostics and errors carry the post's
// path and lines of the whole file. The post's front matter chooses the
// summary (summary), the table of contents levels (toc: {startLevel,
// endLevel, ordered}) and CJK word counting (isCJKLanguage). Render hooks
// receive p.
func (r *Renderer) RenderPost(p *post.Post) (*Result, error) {
	if p == nil {
		return nil, errors.New("render: nil post")
	}
	d := &docState{src: p.Body, path: p.Path, page: p}
	if p.BodyLine > 1 {
		d.lineBase = p.BodyLine - 1
	}
	return r.render(d, p)
}

func (r *Renderer) render(d *docState, p *post.Post) (*Result, error) {
	if d.src == nil {
		d.src = []byte{}
	}
	exp, err := r.expandShortcodes(d)
	if err != nil {
		return nil, err
	}
	d.exp = exp
	d.summary = true
	source := exp.source()

	pc := parser.NewContext()
	pc.Set(stateKey, d)
	doc := r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))

	buf := bufPool.Get().(*outBuf)
	buf.n, buf.d = 0, d
	buf.room(len(source) + len(source)/4 + 512) // HTML runs about 1.25 times its Markdown
	defer func() {
		buf.d = nil
		if len(buf.b) <= 1<<20 { // a huge document's buffer is not kept
			bufPool.Put(buf)
		}
	}()
	if err := r.md.Renderer().Render(buf, source, doc); err != nil {
		var pe *post.ParseError
		if errors.As(err, &pe) {
			if pe.Path == "" {
				pe.Path = d.path
			}
			return nil, err
		}
		return nil, d.errorAt(0, err)
	}

	// Table of contents, with the post's own levels.
	topts := r.tocOpts
	if p != nil && p.FrontMatter.TOCSettings != nil {
		s := p.FrontMatter.TOCSettings
		start, end, ordered := r.cfg.tocStart, r.cfg.tocEnd, r.cfg.tocOrdered
		if s.StartLevel != 0 {
			start = s.StartLevel
		}
		if s.EndLevel != 0 {
			end = s.EndLevel
		}
		if s.Ordered {
			ordered = true
		}
		topts = r.tocOptions(start, end, ordered)
	}
	var t *toc.TOC
	if len(r.cfg.gmExtensions) == 0 && len(r.cfg.parserOpts) == 0 {
		t = toc.FromHeadings(d.heads, source, topts...)
	} else {
		// A caller's transformer may have added headings after blockPass.
		t = toc.Build(doc, source, topts...)
	}
	if t == nil {
		t = &toc.TOC{}
	}
	html := buf.bytes()
	if len(exp.outs) > 0 { // shortcode output in the HTML and the TOC
		f := newFinisher(exp, d, r.cfg.unsafe, r.urls)
		if err := finishTOC(t.Items, f); err != nil {
			return nil, err
		}
		if exp.hasTOC() {
			f.toc = t.HTML(topts...)
		}
		if html, err = f.finish(html); err != nil {
			return nil, err
		}
		f.reportUnplaced()
	}
	res := &Result{TOC: t}

	// The <!--more--> divider, if any. The summary before it is trimmed
	// of white space, as Hugo's is; so is the content under HugoCompat.
	var manual []byte
	hasManual := false
	if i := bytes.Index(html, moreSentinel); i >= 0 {
		hasManual = true
		manual = bytes.TrimSpace(closeOpenTags(html[:i]))
		rest := html[i+len(moreSentinel):]
		joined := make([]byte, 0, len(html)-len(moreSentinel))
		joined = append(joined, html[:i]...)
		joined = append(joined, rest...)
		html = joined
		if r.cfg.hugoSummary {
			html = bytes.TrimSpace(html)
		}
		// As in Hugo: truncated unless the summary is all of the content.
		res.Truncated = !bytes.Equal(manual, bytes.TrimSpace(html))
	} else if b := buf.bytes(); len(html) > 0 && len(b) > 0 && &html[0] == &b[0] {
		html = bytes.Clone(html) // still the pooled buffer: copy it out
	}
	res.HTML = html

	// The post's own isCJKLanguage, true or false, wins over WithCJK.
	cjk := r.cfg.cjk
	if p != nil && p.FrontMatter.IsCJKLanguage != nil {
		cjk = *p.FrontMatter.IsCJKLanguage
	}
	fmSummary := ""
	if p != nil {
		fmSummary = p.FrontMatter.Summary
	}
	// One pass yields the plain text, the word count and where folio's
	// automatic summary would end.
	limit := 0
	if !hasManual && fmSummary == "" && !r.cfg.hugoSummary {
		limit = r.cfg.summaryLength
	}
	var cut int
	res.Plain, res.WordCount, cut = textStats(html, limit, cjk)
	wpm := r.cfg.wpm
	if cjk {
		wpm = r.cfg.wpmCJK
	}
	res.ReadingTime = readingTime(res.WordCount, wpm)

	switch {
	case hasManual && (len(manual) > 0 || fmSummary == ""):
		res.Summary = manual
	case fmSummary != "":
		// A front matter summary is used as it renders, untrimmed, and
		// leaves Truncated as it is: false, or true when a divider starts
		// the content and so gives an empty summary (Hugo's rule).
		s, err := r.fragment([]byte(fmSummary), d, 0, "in front matter summary")
		if err != nil {
			return nil, err
		}
		res.Summary = trimShortHTML(s)
	case r.cfg.hugoSummary:
		res.Summary, res.Truncated = hugoAutoSummary(html, r.cfg.summaryLength, cjk)
	default:
		res.Summary, res.Truncated = summaryAt(html, cut)
	}

	res.Diagnostics = d.diagnostics()
	return res, nil
}

// fragment renders a short piece of Markdown with r's settings and no
// shortcodes (a front matter summary, a caption, a shortcode's inner
// Markdown). Its diagnostics go to parent when parent is not nil, at
// offset off of parent's source, each prefixed with where.
func (r *Renderer) fragment(src []byte, parent *docState, off int, where string) ([]byte, error) {
	d := &docState{src: src}
	if parent != nil {
		d.path, d.page = parent.path, parent.page
	}
	pc := parser.NewContext()
	pc.Set(stateKey, d)
	doc := r.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	buf := &outBuf{d: d}
	if err := r.md.Renderer().Render(buf, src, doc); err != nil {
		return nil, err
	}
	if parent != nil {
		for _, p := range d.diags {
			parent.diagSrc(off, "%s: %s", where, p.msg)
		}
	}
	return buf.bytes(), nil
}

// markdownify renders a Markdown fragment with r's settings and strips a
// single wrapping <p>, as Hugo's markdownify does (figure captions). The
// fragment's diagnostics go to parent (when not nil) at offset off.
func (r *Renderer) markdownify(src []byte, parent *docState, off int, where string) ([]byte, error) {
	b, err := r.fragment(src, parent, off, where)
	if err != nil {
		return nil, err
	}
	return trimShortHTML(b), nil
}

// finishTOC puts the shortcode output into the TOC entries' titles and
// text.
func finishTOC(items []*toc.Item, f *finisher) error {
	for _, it := range items {
		if it == nil {
			continue
		}
		title, err := f.finish([]byte(it.Title))
		if err != nil {
			return err
		}
		it.Title = string(title)
		it.Text = string(f.x.plain([]byte(it.Text)))
		if err := finishTOC(it.Items, f); err != nil {
			return err
		}
	}
	return nil
}

// CSS writes the chroma stylesheet for class-based highlighting, in the
// style of WithHighlight (see highlight.Highlighter.CSS).
func (r *Renderer) CSS(w io.Writer) error { return r.hl.CSS(w) }

// nodePos returns the best source offset for n: its own position, that
// of its first line or text, or else its nearest ancestor's.
func nodePos(n ast.Node) int {
	for p := n; p != nil; p = p.Parent() {
		if off := ownPos(p); off >= 0 {
			return off
		}
	}
	return 0
}

func ownPos(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock {
		if l := n.Lines(); l != nil && l.Len() > 0 {
			return l.At(0).Start
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
		if off := ownPos(c); off >= 0 {
			return off
		}
	}
	return -1
}

var _ renderer.NodeRenderer = (*coreRenderer)(nil)

// tocOptions turns levels into toc options, in Hugo's shape under
// HugoCompat.
func (r *Renderer) tocOptions(start, end int, ordered bool) []toc.Option {
	opts := []toc.Option{toc.StartLevel(start), toc.EndLevel(end), toc.Ordered(ordered)}
	if r.cfg.tocHugo {
		opts = append([]toc.Option{toc.Hugo()}, opts...)
	}
	if r.cfg.tocHugo || r.cfg.unsafe {
		opts = append(opts, toc.Inline(r.tocInline))
	}
	return opts
}

// tocInline writes the raw HTML and images of a heading into its table
// of contents title as Hugo's .TableOfContents does: inline raw HTML as
// written under unsafe HTML (comments dropped), and, under HugoCompat,
// an image as the <img> element of the content, without its src when the
// URL policy refuses it (reported where the content wrote it).
func (r *Renderer) tocInline(w io.Writer, n ast.Node, src []byte) bool {
	switch n := n.(type) {
	case *ast.RawHTML:
		if !r.cfg.unsafe {
			return false
		}
		if v := rawValue(n, src); !startsComment(v) {
			_, _ = w.Write(v)
		}
		return true
	case *ast.Image:
		if !r.cfg.tocHugo {
			return false
		}
		b := &outBuf{}
		b.WriteString(`<img`)
		// Hugo leaves out a dangerous src, even with unsafe HTML; folio
		// leaves out every src its URL policy refuses.
		if u := util.URLEscape(n.Destination, true); r.urls.Allowed(u, htmlsafe.Image) {
			b.WriteString(` src="`)
			b.Write(util.EscapeHTML(u))
			b.WriteByte('"')
		}
		b.WriteString(` alt="`)
		b.Write(util.EscapeHTML([]byte(plainChildren(src, n))))
		b.WriteByte('"')
		if n.Title != nil {
			b.WriteString(` title="`)
			html.DefaultWriter.Write(b, n.Title)
			b.WriteByte('"')
		}
		b.WriteByte('>')
		_, _ = w.Write(b.bytes())
		return true
	}
	return false
}
