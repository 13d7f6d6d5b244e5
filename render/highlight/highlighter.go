package highlight

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/folio-md/folio/internal/escape"
)

// Highlighter writes code blocks as Hugo does, highlighted by chroma. It
// is built once and is safe for concurrent use: the style, the default
// formatters and a cache of lexer lookups (misses included) are shared by
// every call.
type Highlighter struct {
	cfg   Config
	style *chroma.Style
	def   settings

	mu    sync.RWMutex
	langs map[string]*langEntry // by language word as written

	hits, misses atomic.Int64 // lookups in cfg.Cache
	unsure       atomic.Int64 // blocks written whose HTML another run may not write
}

// langEntry is the cached result of looking a language up.
type langEntry struct {
	lexer chroma.Lexer // coalesced; nil when chroma does not know it
	attr  string       // the language, escaped for an attribute
	fmt   *chromahtml.Formatter
}

// maxLangs bounds the lexer cache: the language names come from untrusted
// Markdown, so a long-lived Highlighter must not grow without limit. Past
// it, lookups still work, uncached.
const maxLangs = 512

// plainLangs are info-string words that name no programming language but
// a convention of Hugo sites (file trees, GoAT and Mermaid diagrams, math).
// They are written as plain code, like an unknown language, but Check does
// not report them.
var plainLangs = map[string]bool{
	"tree": true, "goat": true, "mermaid": true, "math": true, "katex": true,
	"nohighlight": true, "plain": true, "none": true,
}

// New returns a Highlighter that writes blocks as c says.
func New(c Config) *Highlighter {
	def := c.settings()
	st := styles.Get(def.style)
	if st == nil {
		st = styles.Fallback
	}
	return &Highlighter{cfg: c, style: st, def: def, langs: make(map[string]*langEntry)}
}

// Config returns the configuration h was built with.
func (h *Highlighter) Config() Config { return h.cfg }

// lookup returns the cache entry for lang, looking it up in chroma on the
// first use.
func (h *Highlighter) lookup(lang string) *langEntry {
	h.mu.RLock()
	e := h.langs[lang]
	h.mu.RUnlock()
	if e != nil {
		return e
	}
	e = &langEntry{attr: escape.String(escape.Go, lang)}
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
func (h *Highlighter) formatter(s settings, langAttr string) *chromahtml.Formatter {
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
	}
	if s.inlineCode {
		opts = append(opts, chromahtml.InlineCode(true), chromahtml.WithPreWrapper(inlineWrapper{lang: langAttr}))
	} else {
		opts = append(opts, chromahtml.WithPreWrapper(preWrapper{lang: langAttr}))
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

// inlineWrapper writes Hugo's <code class="code-inline language-x">
// around the code of a block with hl_inline=true; lang is already escaped.
type inlineWrapper struct{ lang string }

func (p inlineWrapper) Start(code bool, _ string) string {
	if !code {
		return ""
	}
	return `<code class="code-inline language-` + p.lang + `">`
}

func (p inlineWrapper) End(code bool) string {
	if !code {
		return ""
	}
	return "</code>"
}

// WriteBlock writes code as a block b describes, with Hugo's markup:
// <div class="highlight"> (with b's safe attributes) around chroma's
// output, or, for a language chroma does not know, the escaped code in
// <pre tabindex="0"><code class="language-x" data-lang="x">, without a
// <div>. The blank lines at the end of code are dropped. If chroma fails,
// the block is written as plain code, so no code is ever lost; the error
// is w's.
//
// With a [Config.Cache], the block's HTML is taken from the cache when it
// is there, and put in it when it is not.
func (h *Highlighter) WriteBlock(w io.Writer, code []byte, b *Block) error {
	code = trimFinalNewlines(code)
	c := h.cfg.Cache
	if h.cfg.Plain {
		return h.writeBlock(w, code, b, nil)
	}
	if c == nil {
		unsure := false
		err := h.writeBlock(w, code, b, &unsure)
		if unsure {
			h.unsure.Add(1)
		}
		return err
	}
	k := h.blockKey(code, b)
	if html, ok := c.Get(k); ok {
		h.hits.Add(1)
		_, err := w.Write(html)
		return err
	}
	h.misses.Add(1)
	var buf bytes.Buffer
	unsure := false
	_ = h.writeBlock(&buf, code, b, &unsure) // a bytes.Buffer does not fail
	if unsure {
		h.unsure.Add(1)
	} else {
		c.Put(k, buf.Bytes())
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// CacheStats returns how many blocks h has written from its Cache (hits)
// and highlighted for it (misses) so far.
func (h *Highlighter) CacheStats() CacheStats {
	return CacheStats{Hits: h.hits.Load(), Misses: h.misses.Load(), Unsure: h.unsure.Load()}
}

// blockKey returns the cache key of code, already trimmed, written as b
// says: everything that determines the HTML writeBlock writes.
func (h *Highlighter) blockKey(code []byte, b *Block) Key {
	set := h.blockSettings(b)
	w := newKeyWriter()
	w.string("folio/render/highlight block")
	w.int(OutputVersion)
	w.string(chromaVersion())
	w.string(b.Lang)
	w.bytes(code)
	w.bool(set.lineNos)
	w.bool(set.table)
	w.int(set.lineNoStart)
	w.int(len(set.hlLines))
	for _, r := range set.hlLines {
		w.int(r[0])
		w.int(r[1])
	}
	w.bool(set.anchors)
	w.string(set.anchorID)
	w.string(h.styleFor(set).Name)
	w.bool(set.inline)
	w.int(set.tabWidth)
	w.bool(set.guess)
	w.bool(set.inlineCode)
	w.string(h.def.wrapper)
	w.int(len(b.Attrs))
	for _, a := range b.Attrs {
		w.string(a.Name)
		w.value(a.Value)
	}
	return w.key()
}

// blockSettings returns the settings of b: h's, with b's overrides and
// Hugo's default line anchor prefix.
func (h *Highlighter) blockSettings(b *Block) settings {
	set := b.over.apply(h.def)
	if set.anchors && set.anchorID == "" {
		// Hugo's default prefix: hl- and the block's ordinal.
		set.anchorID = "hl-" + strconv.Itoa(b.Ordinal)
	}
	return set
}

// styleFor returns the chroma style of set: h's, or the one the fence
// names.
func (h *Highlighter) styleFor(set settings) *chroma.Style {
	if set.style != h.def.style {
		if s := styles.Get(set.style); s != nil {
			return s
		}
	}
	return h.style
}

// maxSureDuration is how long chroma may take over a block whose HTML is
// cached. Each of chroma's regular expressions gives up after 250ms;
// chroma then tries its next rule or writes an error token, so a block
// during which one timed out may not be highlighted as it is at other
// times, and must not be kept. regexp2 sets a deadline one clock period
// (100ms) beyond the timeout on its coarse clock, which only ever runs
// behind, so no expression times out before 250ms have passed: a block
// written in less than 200ms had no timeout. (A lower bound made blocks
// that merely waited for a loaded CPU uncachable.)
const maxSureDuration = 200 * time.Millisecond

// writeBlock is WriteBlock without the cache; code is trimmed. It sets
// *unsure, unless unsure is nil, when the HTML may not be what another
// run writes, and must not be cached: chroma failed, or it took
// maxSureDuration or more, long enough for one of its regular
// expressions to time out. An error token alone is no reason: a lexer
// that gives one in less time gives it on every run.
func (h *Highlighter) writeBlock(w io.Writer, code []byte, b *Block, unsure *bool) error {
	set := h.blockSettings(b)
	if h.cfg.Plain {
		return writePlain(w, code, escape.String(escape.Go, b.Lang), set.inlineCode)
	}
	e := h.lookup(b.Lang)
	lx := e.lexer
	langAttr := e.attr
	if lx == nil && set.guess {
		if g := guessLexer(code); g != nil {
			lx = chroma.Coalesce(g)
			langAttr = escape.String(escape.Go, strings.ToLower(g.Config().Name))
		}
	}
	if lx == nil {
		return writePlain(w, code, langAttr, set.inlineCode)
	}
	f := e.fmt
	style := h.style
	if len(b.opts) > 0 || f == nil || langAttr != e.attr {
		f = h.formatter(set, langAttr)
		style = h.styleFor(set)
	}
	// Tokenise and format into a buffer first, so a failure half-way
	// leaves nothing behind in w.
	var buf bytes.Buffer
	buf.Grow(len(code) * 4)
	start := time.Now()
	err := safeFormat(&buf, f, style, lx, code)
	if unsure != nil && (err != nil || time.Since(start) >= maxSureDuration) {
		*unsure = true
	}
	if err != nil {
		return writePlain(w, code, langAttr, set.inlineCode)
	}
	if set.inlineCode { // no <div>, and so none of the fence's attributes
		_, err := w.Write(buf.Bytes())
		return err
	}
	if err := writeDivStart(w, h.def.wrapper, b.Attrs); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return err
	}
	_, err = io.WriteString(w, "</div>")
	return err
}

// Check reports what WriteBlock leaves out of b, to warn the author: a
// language chroma does not know (the block is written without
// highlighting; not reported for the names Hugo sites use for diagrams
// and file trees, such as tree, goat and mermaid, nor with Plain or
// GuessSyntax), and the attributes not written on the <div> for safety.
// Offsets are those of b's info string.
func (h *Highlighter) Check(b *Block) []Problem {
	var ps []Problem
	if b.Lang != "" && !h.cfg.Plain && !plainLangs[strings.ToLower(b.Lang)] && h.lookup(b.Lang).lexer == nil && !b.over.apply(h.def).guess {
		ps = append(ps, Problem{0, fmt.Sprintf("unknown code language %q: block written without highlighting", b.Lang)})
	}
	inline := b.over.apply(h.def).inlineCode
	for _, a := range b.Attrs {
		if inline {
			ps = append(ps, Problem{a.Offset, fmt.Sprintf("fence attribute %q is not written to the HTML: a block with hl_inline=true has no <div> to carry it", a.Name)})
			continue
		}
		if a.Name != "class" && !divAttrAllowed(a) {
			ps = append(ps, Problem{a.Offset, fmt.Sprintf("fence attribute %q is not written to the HTML (event handlers, style, URL attributes and global attributes with an effect, such as tabindex, are refused; an id must be a valid anchor and every value a scalar)", a.Name)})
		}
	}
	return ps
}

// Highlight writes code in lang with options in the string form of Hugo's
// highlight shortcode ("linenos=table,hl_lines=2 4-5,linenostart=10"; see
// ParseOptions). A bad option string is an *OptionError and nothing is
// written.
func (h *Highlighter) Highlight(w io.Writer, code []byte, lang, options string) error {
	b, err := ParseOptions(options)
	if err != nil {
		return err
	}
	b.Lang = lang
	return h.WriteBlock(w, code, &b)
}

// CSS writes the stylesheet for class output in h's style: the style's
// colours plus the rules for line numbers (table and inline), line links
// and highlighted lines.
func (h *Highlighter) CSS(w io.Writer) error {
	f := chromahtml.New(
		chromahtml.WithClasses(true),
		chromahtml.TabWidth(h.def.tabWidth),
		chromahtml.WithLineNumbers(true),
		chromahtml.LineNumbersInTable(true),
	)
	return f.WriteCSS(w, h.style)
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
			err = fmt.Errorf("highlight: chroma: %v", r)
		}
	}()
	it, err := lx.Tokenise(nil, string(code))
	if err != nil {
		return err
	}
	return f.Format(w, style, it)
}
