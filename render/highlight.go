package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/htmlsafe"
)

// DefaultStyle is the chroma style used when WithStyle is not given. It is
// Hugo's default.
const DefaultStyle = "monokai"

// highlightConfig holds the highlighting options. Owned by highlight.go.
type highlightConfig struct {
	off         bool   // WithHighlighting(false)
	style       string // chroma style name
	inline      bool   // WithInlineStyles: style="..." instead of classes
	lineNos     bool   // WithLineNumbers
	lineNosInTb bool   // line numbers in a table (true) or inline
	tabWidth    int
	guess       bool // WithGuessSyntax
	hook        func(w io.Writer, cb CodeBlock) error
}

func defaultHighlightConfig() highlightConfig {
	return highlightConfig{style: DefaultStyle, lineNosInTb: true, tabWidth: 4}
}

// WithHighlighting turns syntax highlighting of fenced code blocks on or
// off. It is on by default. Off, every code block is written as Hugo
// writes a block in a language it does not know:
// <pre tabindex="0"><code class="language-go" data-lang="go">…</code></pre>.
func WithHighlighting(on bool) Option {
	return optionFunc(func(c *config) { c.hl.off = !on })
}

// WithStyle selects the chroma style, by name ("monokai", "github",
// "dracula", ...; case-insensitive; see chroma's styles package). With class
// output (the default) the style only shapes [Renderer.CSS]; with
// [WithInlineStyles] it is written into every block. An unknown name falls
// back to chroma's fallback style ("swapoff"). The default is [DefaultStyle].
func WithStyle(name string) Option {
	return optionFunc(func(c *config) { c.hl.style = name })
}

// WithInlineStyles writes colours as style="..." attributes on every token
// (Hugo's default, markup.highlight.noClasses=true) instead of class names.
// Class output is folio's default: it is smaller, and one stylesheet from
// [Renderer.CSS] serves every page.
func WithInlineStyles() Option {
	return optionFunc(func(c *config) { c.hl.inline = true })
}

// WithLineNumbers numbers the lines of every highlighted block, in a
// two-column table when table is true (Hugo's lineNumbersInTable default)
// or inline before each line otherwise. A fence can still say linenos=false.
func WithLineNumbers(table bool) Option {
	return optionFunc(func(c *config) { c.hl.lineNos, c.hl.lineNosInTb = true, table })
}

// WithTabWidth sets the CSS tab-size of highlighted blocks (default 4, as
// in Hugo). Values below 1 are ignored.
func WithTabWidth(n int) Option {
	return optionFunc(func(c *config) {
		if n >= 1 {
			c.hl.tabWidth = n
		}
	})
}

// WithGuessSyntax makes a fence without a language, or with a language
// chroma does not know, highlighted with the lexer chroma guesses from the
// code (Hugo's guessSyntax). It is off by default.
func WithGuessSyntax(on bool) Option {
	return optionFunc(func(c *config) { c.hl.guess = on })
}

// WithCodeBlockHook makes fn render every fenced code block instead of
// folio (Hugo's render-codeblock hook). fn writes HTML to w; it may call
// [CodeBlock.Highlight] to write folio's own output, for example inside a
// wrapper of its own. What fn writes is not escaped: fn must escape what
// came from the Markdown (CodeBlock.Inner, Attributes). An error from fn
// stops the render and is returned with the block's position.
func WithCodeBlockHook(fn func(w io.Writer, cb CodeBlock) error) Option {
	return optionFunc(func(c *config) { c.hl.hook = fn })
}

// CodeBlock is a fenced code block as a code block hook receives it.
type CodeBlock struct {
	// Type is the first word of the info string ("go" in ```go {x=1}),
	// as written; "" when there is none.
	Type string
	// Inner is the code, unescaped, with its final newline.
	Inner string
	// Options holds the attributes chroma reads (linenos, hl_lines,
	// linenostart, anchorlinenos, lineanchors, linenumbersintable, style,
	// noclasses, tabwidth, guesssyntax), keys lower-cased.
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

	h    *highlighter
	info *blockInfo
}

// Highlight writes folio's own rendering of the block to w, as it would be
// without the hook.
func (cb CodeBlock) Highlight(w io.Writer) error {
	if cb.h == nil || cb.info == nil {
		return errors.New("render: CodeBlock.Highlight on a CodeBlock not made by folio")
	}
	return cb.h.writeBlock(w, []byte(cb.Inner), cb.info)
}

// blockSettings is everything chroma's formatter needs for one block.
type blockSettings struct {
	lineNos     bool
	table       bool
	lineNoStart int
	hlLines     [][2]int // 1-based lines of the block, before linenostart
	anchors     bool     // anchorlinenos
	anchorID    string   // lineanchors prefix; validated
	style       string
	inline      bool
	tabWidth    int
	guess       bool
}

func (c *highlightConfig) settings() blockSettings {
	return blockSettings{
		lineNos: c.lineNos, table: c.lineNosInTb, lineNoStart: 1,
		style: c.style, inline: c.inline, tabWidth: c.tabWidth, guess: c.guess,
	}
}

// blockInfo is what a code block's fence says, parsed once.
type blockInfo struct {
	lang     string // first word of the info string
	set      blockSettings
	custom   bool // set differs from the renderer's defaults
	opts     map[string]any
	attrs    []fenceAttr // non-chroma attributes, in order
	problems []problem   // for diagnostics
	ordinal  int
	line     int
	col      int
}

// problem is something wrong in a fence, at an offset of its info string.
type problem struct {
	off int
	msg string
}

// chromaKeys are the attribute names chroma reads, lower-cased.
var chromaKeys = map[string]bool{
	"linenos": true, "hl_lines": true, "linenostart": true, "anchorlinenos": true,
	"lineanchors": true, "linenumbersintable": true, "style": true, "noclasses": true,
	"tabwidth": true, "guesssyntax": true,
}

// plainLangs are info-string words that name no programming language but
// a convention of Hugo sites (file trees, GoAT and Mermaid diagrams, math).
// They are written as plain code, like an unknown language, but without a
// diagnostic; a code block hook receives them like any other block.
var plainLangs = map[string]bool{
	"tree": true, "goat": true, "mermaid": true, "math": true, "katex": true,
	"nohighlight": true, "plain": true, "none": true,
}

// applyAttrs reads chroma options from attrs into bi.
func (bi *blockInfo) applyAttrs(attrs []fenceAttr, base int) {
	hlBase := 0 // hl_lines is read after linenostart, whatever the order
	var hl *fenceAttr
	for k := range attrs {
		a := &attrs[k]
		key := strings.ToLower(a.name)
		if !chromaKeys[key] {
			bi.attrs = append(bi.attrs, *a)
			continue
		}
		if bi.opts == nil {
			bi.opts = make(map[string]any, 4)
		}
		bi.opts[key] = a.value
		bi.custom = true
		bad := func(want string) {
			bi.problems = append(bi.problems, problem{base + a.off, fmt.Sprintf("fence attribute %s=%s: want %s; ignored", a.name, showValue(a.value), want)})
		}
		setBool := func(dst *bool) {
			if b, ok := asBool(a.value); ok {
				*dst = b
			} else {
				bad("true or false")
			}
		}
		switch key {
		case "linenos":
			switch v := a.value.(type) {
			case bool:
				bi.set.lineNos = v
			case string:
				switch strings.ToLower(v) {
				case "table":
					bi.set.lineNos, bi.set.table = true, true
				case "inline":
					bi.set.lineNos, bi.set.table = true, false
				case "true":
					bi.set.lineNos = true
				case "false":
					bi.set.lineNos = false
				default:
					bad("table, inline, true or false")
				}
			default:
				bad("table, inline, true or false")
			}
		case "linenumbersintable":
			setBool(&bi.set.table)
		case "linenostart":
			if n, ok := asInt(a.value); ok && n >= 0 && n < 1<<30 {
				bi.set.lineNoStart = n
			} else {
				bad("a line number")
			}
		case "hl_lines":
			hl = a
		case "anchorlinenos":
			setBool(&bi.set.anchors)
		case "lineanchors":
			s, ok := a.value.(string)
			if !ok || !validAnchor(s) {
				bad("a prefix of letters, digits, - and _")
				continue
			}
			bi.set.anchorID = s
		case "style":
			if s, ok := a.value.(string); ok && knownStyle(s) {
				bi.set.style = s
			} else {
				bad("a chroma style name such as monokai or github")
			}
		case "noclasses":
			setBool(&bi.set.inline)
		case "tabwidth":
			if n, ok := asInt(a.value); ok && n >= 1 && n <= 64 {
				bi.set.tabWidth = n
			} else {
				bad("a tab width from 1 to 64")
			}
		case "guesssyntax":
			setBool(&bi.set.guess)
		}
	}
	_ = hlBase
	if hl != nil {
		ranges, ok := parseHLLines(hl.value)
		if !ok {
			bi.problems = append(bi.problems, problem{base + hl.off, fmt.Sprintf("fence attribute %s=%s: want line numbers and ranges such as [2,\"4-5\"] or \"2 4-5\"; ignored", hl.name, showValue(hl.value))})
		}
		bi.set.hlLines = ranges
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

// highlighter renders code blocks with chroma. It is built once per
// Renderer and is safe for concurrent use: the style, the default
// formatters and a cache of lexer lookups (misses included) are shared.
type highlighter struct {
	cfg   highlightConfig
	style *chroma.Style
	def   blockSettings

	mu    sync.RWMutex
	langs map[string]*langEntry // by language word as written
}

// langEntry is the cached result of looking a language up.
type langEntry struct {
	lexer chroma.Lexer // coalesced; nil when chroma does not know it
	attr  string       // the language, escaped for an attribute
	fmt   *chromahtml.Formatter
}

// maxLangs bounds the lexer cache: the language names come from untrusted
// Markdown, so a long-lived Renderer must not grow without limit. Past it,
// lookups still work, uncached.
const maxLangs = 512

func newHighlighter(c highlightConfig) *highlighter {
	st := styles.Get(c.style)
	if st == nil {
		st = styles.Fallback
	}
	return &highlighter{cfg: c, style: st, def: c.settings(), langs: make(map[string]*langEntry)}
}

// lookup returns the cache entry for lang, looking it up in chroma on the
// first use.
func (h *highlighter) lookup(lang string) *langEntry {
	h.mu.RLock()
	e := h.langs[lang]
	h.mu.RUnlock()
	if e != nil {
		return e
	}
	e = &langEntry{attr: escapeAttr(lang)}
	if !plainLangs[strings.ToLower(lang)] {
		if lx := findLexer(lang); lx != nil {
			e.lexer = chroma.Coalesce(lx)
			e.fmt = h.formatter(h.def, e.attr)
		}
	}
	h.mu.Lock()
	if old := h.langs[lang]; old != nil {
		e = old
	} else if len(h.langs) < maxLangs {
		h.langs[lang] = e
	}
	h.mu.Unlock()
	return e
}

// formatter builds a chroma HTML formatter with Hugo's markup for s.
func (h *highlighter) formatter(s blockSettings, langAttr string) *chromahtml.Formatter {
	prefix := s.anchorID
	if prefix != "" {
		prefix += "-"
	}
	opts := []chromahtml.Option{
		chromahtml.TabWidth(s.tabWidth),
		chromahtml.WithClasses(!s.inline),
		chromahtml.WithLineNumbers(s.lineNos),
		chromahtml.LineNumbersInTable(s.table),
		chromahtml.BaseLineNumber(s.lineNoStart),
		chromahtml.WithLinkableLineNumbers(s.anchors, prefix),
		chromahtml.WithPreWrapper(preWrapper{lang: langAttr}),
	}
	if len(s.hlLines) > 0 {
		// hl_lines counts the block's lines from 1; chroma counts the
		// numbers it shows.
		shifted := make([][2]int, len(s.hlLines))
		for i, r := range s.hlLines {
			shifted[i] = [2]int{r[0] + s.lineNoStart - 1, r[1] + s.lineNoStart - 1}
		}
		opts = append(opts, chromahtml.HighlightLines(shifted))
	}
	return chromahtml.New(opts...)
}

// preWrapper writes Hugo's <pre tabindex="0"><code class="language-x"
// data-lang="x"> around the code; lang is already escaped.
type preWrapper struct{ lang string }

func (p preWrapper) Start(code bool, styleAttr string) string {
	if code && p.lang != "" {
		return `<pre tabindex="0"` + styleAttr + `><code class="language-` + p.lang + `" data-lang="` + p.lang + `">`
	}
	return `<pre tabindex="0"` + styleAttr + `><code>`
}

func (p preWrapper) End(bool) string { return "</code></pre>" }

// infoOf returns the parsed fence of n: the one the transformer stored, or
// a fresh parse when the transformer did not run.
func (h *highlighter) infoOf(w util.BufWriter, n *ast.FencedCodeBlock, src []byte) *blockInfo {
	if bi := stateAt(w, n).fences[n]; bi != nil {
		return bi
	}
	return h.parseBlock(n, src)
}

func (h *highlighter) parseBlock(n *ast.FencedCodeBlock, src []byte) *blockInfo {
	bi := new(blockInfo)
	h.parseBlockInto(bi, n, src)
	return bi
}

func (h *highlighter) parseBlockInto(bi *blockInfo, n *ast.FencedCodeBlock, src []byte) {
	*bi = blockInfo{set: h.def}
	if n.Info == nil {
		return
	}
	seg := n.Info.Segment
	h.parseInfo(bi, string(seg.Value(src)), seg.Start)
}

// parseInfo fills bi from an info string that starts at offset base.
func (h *highlighter) parseInfo(bi *blockInfo, info string, base int) {
	fi := parseFenceInfo(info)
	bi.lang = fi.lang
	if fi.err != "" {
		bi.problems = append(bi.problems, problem{base + fi.errOff, "code fence: " + fi.err})
	}
	bi.applyAttrs(fi.attrs, base)
}

// RegisterFuncs registers the renderer of fenced and indented code blocks.
// Registered with a priority above goldmark's HTML renderer (which uses
// 1000; a smaller number wins), it replaces goldmark's code blocks.
func (h *highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, h.renderFenced)
	reg.Register(ast.KindCodeBlock, h.renderIndented)
}

var _ renderer.NodeRenderer = (*highlighter)(nil)

func (h *highlighter) renderIndented(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<pre><code>")
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		writeEscapedCode(w, seg.Value(src), false)
	}
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkSkipChildren, nil
}

func (h *highlighter) renderFenced(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	bi := h.infoOf(w, n, src)
	code := codeOf(n, src)
	if h.cfg.hook != nil {
		cb := CodeBlock{
			Type: bi.lang, Inner: string(code), Options: bi.opts, Attributes: attrMap(bi.attrs),
			Ordinal: bi.ordinal, Line: bi.line, Column: bi.col, h: h, info: bi,
		}
		if err := h.cfg.hook(w, cb); err != nil {
			return ast.WalkStop, &post.ParseError{Line: bi.line, Column: bi.col, Err: fmt.Errorf("code block hook: %w", err)}
		}
		return ast.WalkSkipChildren, nil
	}
	// No newline after the block, as Hugo writes none, with or without a
	// code block hook.
	if err := h.writeBlock(w, code, bi); err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, nil
}

// trimFinalNewlines leaves code with one final newline, as Hugo writes a
// code block: the blank lines at its end are dropped, and an empty or
// blank-only block has no line at all. code is resliced, never written.
func trimFinalNewlines(code []byte) []byte {
	n := len(code)
	for n > 0 && code[n-1] == '\n' {
		n--
	}
	if n == 0 {
		return code[:0]
	}
	if n < len(code) {
		return code[:n+1] // the first of the trimmed newlines
	}
	return code
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

func attrMap(attrs []fenceAttr) map[string]any {
	if len(attrs) == 0 {
		return nil
	}
	m := make(map[string]any, len(attrs))
	for _, a := range attrs {
		m[a.name] = a.value
	}
	return m
}

// writeBlock writes one highlighted block; chroma failures fall back to
// plain escaped code, so no code is ever lost.
func (h *highlighter) writeBlock(w io.Writer, code []byte, bi *blockInfo) error {
	code = trimFinalNewlines(code)
	if h.cfg.off {
		return writePlain(w, code, escapeAttr(bi.lang))
	}
	e := h.lookup(bi.lang)
	lx := e.lexer
	langAttr := e.attr
	if lx == nil && bi.set.guess {
		if g := guessLexer(code); g != nil {
			lx = chroma.Coalesce(g)
			langAttr = escapeAttr(strings.ToLower(g.Config().Name))
		}
	}
	if lx == nil {
		return writePlain(w, code, langAttr)
	}
	f := e.fmt
	style := h.style
	if bi.custom || f == nil || langAttr != e.attr {
		set := bi.set
		if set.anchors && set.anchorID == "" {
			// Hugo's default prefix: hl- and the block's ordinal.
			set.anchorID = "hl-" + strconv.Itoa(bi.ordinal)
		}
		f = h.formatter(set, langAttr)
		if bi.set.style != h.def.style {
			if s := styles.Get(bi.set.style); s != nil {
				style = s
			}
		}
	}
	// Tokenise and format into a buffer first, so a failure half-way
	// leaves nothing behind in w.
	var buf bytes.Buffer
	buf.Grow(len(code) * 4)
	if err := safeFormat(&buf, f, style, lx, code); err != nil {
		return writePlain(w, code, langAttr)
	}
	if err := writeDivStart(w, bi.attrs); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	_, err := io.WriteString(w, "</div>")
	return err
}

func guessLexer(code []byte) (lx chroma.Lexer) {
	defer func() {
		if recover() != nil {
			lx = nil
		}
	}()
	return lexers.Analyse(string(code))
}

// safeFormat tokenises and formats, turning a panic inside chroma into an
// error.
func safeFormat(w io.Writer, f *chromahtml.Formatter, style *chroma.Style, lx chroma.Lexer, code []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render: chroma: %v", r)
		}
	}()
	it, err := lx.Tokenise(nil, string(code))
	if err != nil {
		return err
	}
	return f.Format(w, style, it)
}

// writeDivStart writes <div class="highlight"> with the fence's extra
// attributes: class is appended, id is kept when valid, and other names
// are written with escaped values, except event handlers (on...) and
// style, which are dropped (the transformer reports them).
func writeDivStart(w io.Writer, attrs []fenceAttr) error {
	if len(attrs) == 0 {
		_, err := io.WriteString(w, `<div class="highlight">`)
		return err
	}
	var b strings.Builder
	b.WriteString(`<div class="highlight`)
	if k := findAttr(attrs, "class"); k >= 0 {
		if s, ok := attrs[k].value.(string); ok && s != "" {
			b.WriteByte(' ')
			b.WriteString(escapeAttr(s))
		}
	}
	b.WriteByte('"')
	for _, a := range attrs {
		if a.name == "class" || !divAttrAllowed(a) {
			continue
		}
		v, ok := scalarString(a.value)
		if !ok {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(a.name) // the parser allows [A-Za-z0-9_:.-] only
		b.WriteString(`="`)
		b.WriteString(escapeAttr(v))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	_, err := io.WriteString(w, b.String())
	return err
}

// divAttrAllowed reports whether a fence attribute may be written on the
// wrapping div, as Hugo writes them all: htmlsafe.InertDivAttr (the
// attribute allow-list, and plain names that do nothing on a div, such as
// filename or width; style is a chroma option on a fence, never an
// attribute). An id must be a valid anchor and every value a scalar.
func divAttrAllowed(a fenceAttr) bool {
	name := strings.ToLower(a.name)
	if !htmlsafe.InertDivAttr([]byte(name), false) {
		return false
	}
	if name == "id" {
		s, ok := a.value.(string)
		return ok && validAnchor(s)
	}
	_, ok := scalarString(a.value)
	return ok
}

func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int:
		return strconv.Itoa(v), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// writePlain writes code the way Hugo writes a language chroma does not
// know: escaped, no <div>; langAttr is already escaped.
func writePlain(w io.Writer, code []byte, langAttr string) error {
	bw := asByteWriter(w)
	if langAttr == "" {
		_, _ = bw.WriteString(`<pre tabindex="0"><code>`)
	} else {
		_, _ = bw.WriteString(`<pre tabindex="0"><code class="language-`)
		_, _ = bw.WriteString(langAttr)
		_, _ = bw.WriteString(`" data-lang="`)
		_, _ = bw.WriteString(langAttr)
		_, _ = bw.WriteString(`">`)
	}
	writeEscapedCode(bw, code, true)
	_, err := bw.WriteString("</code></pre>")
	if err == nil {
		err = bw.flush()
	}
	return err
}

// byteWriter is the writing surface the escapers need.
type byteWriter interface {
	io.Writer
	io.StringWriter
}

type flushWriter struct {
	byteWriter
	w   io.Writer
	buf *bytes.Buffer
}

func (f flushWriter) flush() error {
	if f.buf == nil {
		return nil
	}
	_, err := f.w.Write(f.buf.Bytes())
	return err
}

func asByteWriter(w io.Writer) flushWriter {
	if bw, ok := w.(byteWriter); ok {
		return flushWriter{byteWriter: bw}
	}
	var b bytes.Buffer
	return flushWriter{byteWriter: &b, w: w, buf: &b}
}

// codeSpecial holds the bytes writeEscapedCode may escape.
var codeSpecial = [256]bool{'&': true, '<': true, '>': true, '"': true, '\'': true}

// writeEscapedCode escapes code for HTML text. hugo selects Go's
// html.EscapeString set (& < > ' " as &amp; &lt; &gt; &#39; &#34;), which
// Hugo uses for fences; otherwise goldmark's (& < > " as &quot;), which
// Hugo uses for indented blocks.
func writeEscapedCode(w byteWriter, code []byte, hugo bool) {
	last := 0
	for i := 0; i < len(code); i++ {
		if !codeSpecial[code[i]] {
			continue
		}
		var rep string
		switch code[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '"':
			rep = "&quot;"
			if hugo {
				rep = "&#34;"
			}
		case '\'':
			if !hugo {
				continue
			}
			rep = "&#39;"
		default:
			continue
		}
		_, _ = w.Write(code[last:i])
		_, _ = w.WriteString(rep)
		last = i + 1
	}
	_, _ = w.Write(code[last:])
}

// escapeAttr escapes s for a double-quoted attribute value.
func escapeAttr(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// prepare parses the info string of every fence of doc once, numbers the
// blocks, records their positions, and reports problems as diagnostics
// (unknown language, bad attribute syntax or values, attributes that are
// not written for safety). fences are doc's fenced code blocks in document
// order, as the block pass collected them.
func (h *highlighter) prepare(d *docState, src []byte, doc *ast.Document, fences []*ast.FencedCodeBlock) {
	if len(fences) == 0 {
		return
	}
	if d.fences == nil {
		// Kept in the document's state rather than as node attributes:
		// goldmark gives a node's first attribute room for ten.
		d.fences = make(map[*ast.FencedCodeBlock]*blockInfo, len(fences))
	}
	infos := make([]blockInfo, len(fences)) // one allocation for the document
	for ordinal, n := range fences {
		bi := &infos[ordinal]
		h.parseBlockInto(bi, n, src)
		bi.ordinal = ordinal
		if h.cfg.hook != nil { // only the hook reads the fence's position
			bi.line, bi.col = fencePos(d, src, fenceOffset(n, src))
		}
		for _, p := range bi.problems {
			d.diagParsed(p.off, "%s", p.msg)
		}
		h.checkBlock(d, n, bi)
		d.fences[n] = bi
	}
}

// checkBlock reports an unknown language and dropped attributes.
func (h *highlighter) checkBlock(d *docState, n *ast.FencedCodeBlock, bi *blockInfo) {
	if n.Info == nil {
		return
	}
	at := n.Info.Segment.Start
	if bi.lang != "" && !h.cfg.off && h.cfg.hook == nil && !plainLangs[strings.ToLower(bi.lang)] && h.lookup(bi.lang).lexer == nil && !bi.set.guess {
		d.diagParsed(at, "unknown code language %q: block written without highlighting", bi.lang)
	}
	if h.cfg.hook != nil {
		return
	}
	for _, a := range bi.attrs {
		if a.name != "class" && !divAttrAllowed(a) {
			d.diagParsed(at+a.off, "fence attribute %q is not written to the HTML (event handlers, style, URL attributes and global attributes with an effect, such as tabindex, are refused; an id must be a valid anchor and every value a scalar)", a.name)
		}
	}
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

// highlight writes code highlighted as lang, with options in Hugo's string
// form ("linenos=table,hl_lines=2 4-5,linenostart=10"), for the highlight
// shortcode. A bad option string is an *optionError; unknown options are
// ignored like Hugo does.
func (h *highlighter) highlight(w io.Writer, code []byte, lang string, opts string) error {
	attrs, err := parseOptionString(opts)
	if err != nil {
		return err
	}
	bi := &blockInfo{lang: lang, set: h.def}
	bi.applyAttrs(attrs, 0)
	if len(bi.problems) > 0 {
		return &optionError{Off: bi.problems[0].off, Msg: bi.problems[0].msg}
	}
	bi.attrs = nil // only chroma options in this form
	return h.writeBlock(w, code, bi)
}

// writeCSS writes the stylesheet for class output: the style's colours
// plus the rules for line numbers (table and inline), line links and
// highlighted lines.
func (h *highlighter) writeCSS(w io.Writer) error {
	f := chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.TabWidth(h.cfg.tabWidth),
		chromahtml.WithLineNumbers(true),
		chromahtml.LineNumbersInTable(true),
	)
	return f.WriteCSS(w, h.style)
}
