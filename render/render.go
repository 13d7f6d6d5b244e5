package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"

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
	"github.com/folio-md/folio/render/internal/resultcache"
	"github.com/folio-md/folio/render/internal/textstats"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/render/shortcode/builtin"
	"github.com/folio-md/folio/toc"
)

// Renderer turns Markdown into HTML. It is immutable once built and safe for
// concurrent use by many goroutines: the goldmark instance is built once in
// New and every per-document value lives in the parser.Context of one call.
type Renderer struct {
	cfg     config
	urls    htmlsafe.Policy  // the URL policy of cfg
	sc      shortcode.Config // the shortcode handlers and settings of cfg
	hl      *highlight.Highlighter
	md      goldmark.Markdown
	tocOpts []toc.Option // the table of contents options of a post that sets none
	results *resultcache.Cache
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
	r.sc = c.sc.expand
	r.sc.UnsafeHTML = c.unsafe
	*c.sc.builtins = builtin.Settings{Embed: c.sc.embed, HugoMarkup: c.sc.hugoMarkup, Highlighter: r.hl}
	r.md = r.buildMarkdown()
	r.tocOpts = r.tocOptions(c.tocStart, c.tocEnd, c.tocOrdered)
	if c.results != nil {
		r.results = resultcache.New(c.results, &r.cfg, c.cacheID, reflect.TypeFor[Result](), reflect.TypeFor[*builtin.Settings]())
	}
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
		BlockquoteHook:        c.blockquoteHook,
		GitHubAlerts:          c.githubAlerts,
		HeadingAnchors:        c.anchors,
		ImageFiles:            c.imageFiles,
		Links:                 c.links,
		RefResolver:           c.sc.expand.RefResolver,
		NoBlackfridayImages:   c.noBlackfridayImages,
		NoIframeEmbeds:        c.noIframeEmbeds,
		EmbedOptions:          c.sc.embed,
		NoMeta:                true,
		Highlight:             r.hl.Config(),
		CodeBlockHook:         c.codeBlockHook,
		CodeBlockHooks:        c.codeBlockHooks,
		GoAT:                  c.goat,
		Mermaid:               c.mermaid,
		Emoji:                 c.emoji,
		Passthrough:           c.passthrough,
		PassthroughHook:       c.passthroughHook,
		Extras:                c.extras,
		BlockAttributes:       c.blockAttrs,
		DefinitionTermIDs:     c.termIDs,
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
	// Plain is the content as plain text, Hugo's .Plain: tags dropped,
	// "</p>" and "<br>" made line breaks, and character references kept
	// as written ("Tom &amp; Jerry", "it&rsquo;s"), as Hugo keeps them.
	// Use Text where the text is not going back into HTML.
	Plain string
	// Text is Plain with its character references decoded ("Tom &
	// Jerry", "it’s"): the text a search index, a feed's plain-text field
	// or a word-frequency count wants. It is not HTML: escape it before
	// writing it into a page.
	Text string
	// SummaryText is Summary as plain text, by the same rule as Text
	// (tags dropped, character references decoded): a search result's
	// snippet or a meta description. Like Text, it is not HTML.
	SummaryText string
	// WordCount is Hugo's .WordCount of the content.
	WordCount int
	// ReadingTime is the reading time in whole minutes, rounded up; 0 for
	// no words.
	ReadingTime int
	// Identifiers are the IDs of the headings and, with
	// WithDefinitionTermIDs, of the definition terms, sorted, a duplicate
	// custom ID as often as it is written: Hugo's .Fragments.Identifiers.
	Identifiers []string
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

// Render renders Markdown (without front matter).
//
// Errors (from a render hook or a shortcode) are *post.ParseError values
// with the position of the construct at fault:
//
//	var pe *post.ParseError
//	if errors.As(err, &pe) { ... pe.Line, pe.Column ... }
func (r *Renderer) Render(markdown []byte) (*Result, error) {
	return r.cachedRender(&docState{src: markdown}, nil)
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
	return r.cachedRender(d, p)
}

// render is one render: the steps below, in order, each a method.
func (r *Renderer) render(d *docState, p *post.Post) (*Result, error) {
	if err := r.Err(); err != nil {
		return nil, err
	}
	if d.src == nil {
		d.src = []byte{}
	}
	exp, err := shortcode.Expand(d.src, d.page, &r.sc, shortcodeHost{r: r, d: d})
	if err != nil {
		return nil, err
	}
	d.exp, d.summary = exp, true
	source := exp.Markdown()

	doc := r.parse(d, source)
	buf := newOutBuf(d, len(source))
	defer buf.release()
	if err := r.renderHTML(buf, d, source, doc); err != nil {
		return nil, err
	}
	t, topts := r.tableOfContents(doc, d, source, p)
	html, err := r.finishShortcodeOutput(exp, t, topts, buf.bytes())
	if err != nil {
		return nil, err
	}
	content := r.cutAtDivider(html, buf)

	res := &Result{HTML: content.html, TOC: t, Truncated: content.truncated}
	cjk := r.cjk(p)
	cut := r.textStatistics(res, p, content.hasDivider, cjk)
	if err := r.summary(res, d, p, content, cut, cjk); err != nil {
		return nil, err
	}
	res.Text, res.SummaryText = decodedText(res.Plain), decodedText(textstats.Plain(res.Summary))
	res.Identifiers = d.identifiers()
	res.Diagnostics = d.diagnostics()
	return res, nil
}

// parse parses the shortcode expansion source of d with goldmark.
func (r *Renderer) parse(d *docState, source []byte) ast.Node {
	pc := parser.NewContext()
	pc.Set(stateKey, d)
	return r.md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
}

// renderHTML renders doc into buf. An error is a *post.ParseError: a
// hook's or a shortcode's keeps its own position, any other is put at
// the start of the document.
func (r *Renderer) renderHTML(buf *outBuf, d *docState, source []byte, doc ast.Node) error {
	err := r.md.Renderer().Render(buf, source, doc)
	if err == nil {
		return nil
	}
	var pe *post.ParseError
	if errors.As(err, &pe) {
		if pe.Path == "" {
			pe.Path = d.path
		}
		return err
	}
	return d.errorAtSource(0, err)
}

// tableOfContents builds the table of contents of doc with the levels of
// the post's front matter, else r's; it returns the options it used,
// which also write the TOC's HTML.
func (r *Renderer) tableOfContents(doc ast.Node, d *docState, source []byte, p *post.Post) (*toc.TOC, []toc.Option) {
	topts := r.postTOCOptions(p)
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
	return t, topts
}

// postTOCOptions returns the TOC options of p: its front matter's
// levels, else r's.
func (r *Renderer) postTOCOptions(p *post.Post) []toc.Option {
	if p == nil || p.FrontMatter.TOCSettings == nil {
		return r.tocOpts
	}
	s := p.FrontMatter.TOCSettings
	start, end, ordered := r.cfg.tocStart, r.cfg.tocEnd, r.cfg.tocOrdered
	if s.StartLevel != 0 {
		start = s.StartLevel
	}
	if s.EndLevel != 0 {
		end = s.EndLevel
	}
	return r.tocOptions(start, end, ordered || s.Ordered)
}

// finishShortcodeOutput puts the shortcode output into the HTML and the
// TOC, where the expansion left placeholders, and returns the HTML.
func (r *Renderer) finishShortcodeOutput(exp *shortcode.Expansion, t *toc.TOC, topts []toc.Option, html []byte) ([]byte, error) {
	if !exp.HasPlaceholders() {
		return html, nil
	}
	if err := finishTOC(t.Items, exp); err != nil {
		return nil, err
	}
	if exp.WantsTOC() {
		exp.SetTOC(t.HTML(topts...))
	}
	html, err := exp.Finish(html)
	if err != nil {
		return nil, err
	}
	exp.ReportUnplaced()
	return html, nil
}

// dividedContent is the content with the <!--more--> divider taken out.
type dividedContent struct {
	html       []byte // the content, never the pooled buffer
	hasDivider bool
	before     []byte // the content before the divider, tags closed, trimmed
	truncated  bool   // as in Hugo: before is not all of the content
}

// cutAtDivider takes the <!--more--> divider, if any, out of html. The
// summary before it is trimmed of white space, as Hugo's is; so is the
// content under HugoCompat. html still in buf is copied out.
func (r *Renderer) cutAtDivider(html []byte, buf *outBuf) dividedContent {
	i := bytes.Index(html, moreSentinel)
	if i < 0 {
		if b := buf.bytes(); len(html) > 0 && len(b) > 0 && &html[0] == &b[0] {
			html = bytes.Clone(html) // still the pooled buffer: copy it out
		}
		return dividedContent{html: html}
	}
	before := bytes.TrimSpace(closeOpenTags(html[:i]))
	joined := make([]byte, 0, len(html)-len(moreSentinel))
	joined = append(joined, html[:i]...)
	joined = append(joined, html[i+len(moreSentinel):]...)
	if r.cfg.hugoSummary {
		joined = bytes.TrimSpace(joined)
	}
	return dividedContent{
		html:       joined,
		hasDivider: true,
		before:     before,
		truncated:  !bytes.Equal(before, bytes.TrimSpace(joined)),
	}
}

// cjk reports whether words are counted by the CJK rule: the post's own
// isCJKLanguage, true or false, wins over WithCJK.
func (r *Renderer) cjk(p *post.Post) bool {
	if p != nil && p.FrontMatter.IsCJKLanguage != nil {
		return *p.FrontMatter.IsCJKLanguage
	}
	return r.cfg.cjk
}

// frontMatterSummary returns the summary the post's front matter sets, or "".
func frontMatterSummary(p *post.Post) string {
	if p == nil {
		return ""
	}
	return p.FrontMatter.Summary
}

// textStatistics sets res's plain text, word count and reading time from
// its HTML, in one pass that also finds where folio's automatic summary
// would end (returned; -1 when it is the whole content, unused when
// another summary applies).
func (r *Renderer) textStatistics(res *Result, p *post.Post, hasDivider, cjk bool) (cut int) {
	limit := 0
	if !hasDivider && frontMatterSummary(p) == "" && !r.cfg.hugoSummary {
		limit = r.cfg.summaryLength
	}
	res.Plain, res.WordCount, cut = textstats.Stats(res.HTML, limit, cjk)
	wpm := r.cfg.wpm
	if cjk {
		wpm = r.cfg.wpmCJK
	}
	res.ReadingTime = textstats.ReadingTime(res.WordCount, wpm)
	return cut
}

// summary sets res.Summary, and res.Truncated where the summary decides
// it: the content before the divider; else the front matter summary;
// else the automatic summary, Hugo's under HugoCompat, folio's (ending at
// cut) otherwise.
func (r *Renderer) summary(res *Result, d *docState, p *post.Post, content dividedContent, cut int, cjk bool) error {
	fmSummary := frontMatterSummary(p)
	switch {
	case content.hasDivider && (len(content.before) > 0 || fmSummary == ""):
		res.Summary = content.before
	case fmSummary != "":
		// A front matter summary is used as it renders, untrimmed, and
		// leaves Truncated as it is: false, or true when a divider starts
		// the content and so gives an empty summary (Hugo's rule).
		s, err := r.fragment([]byte(fmSummary), d, 0, "in front matter summary")
		if err != nil {
			return err
		}
		res.Summary = trimShortHTML(s)
	case r.cfg.hugoSummary:
		res.Summary, res.Truncated = textstats.HugoAutoSummary(res.HTML, r.cfg.summaryLength, cjk)
	default:
		res.Summary, res.Truncated = textstats.SummaryAt(res.HTML, cut)
	}
	return nil
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
			parent.diagSource(off, "%s: %s", where, p.msg)
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
func finishTOC(items []*toc.Item, x *shortcode.Expansion) error {
	for _, it := range items {
		if it == nil {
			continue
		}
		title, err := x.Finish([]byte(it.Title))
		if err != nil {
			return err
		}
		it.Title = string(title)
		it.Text = string(x.PlainText([]byte(it.Text)))
		if err := finishTOC(it.Items, x); err != nil {
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
	if r.cfg.tocHugo || r.cfg.unsafe || r.cfg.markupTOC() {
		t := &tocTitles{unsafe: r.cfg.unsafe, images: r.cfg.tocHugo, urls: r.urls, md: r.md}
		opts = append(opts, toc.Inline(t.write))
	}
	return opts
}

// tocTitles writes what a table of contents title holds beyond text, for
// a Renderer and for an Extender alike.
type tocTitles struct {
	unsafe bool              // raw HTML is written
	images bool              // images are written as <img> (HugoCompat)
	urls   htmlsafe.Policy   // the URL policy of image sources
	md     goldmark.Markdown // renders emoji and extras tags
}

// write writes the raw HTML and images of a heading into its table
// of contents title as Hugo's .TableOfContents does: inline raw HTML as
// written under unsafe HTML (comments dropped), and, under HugoCompat,
// an image as the <img> element of the content, without its src when the
// URL policy refuses it (reported where the content wrote it).
func (t *tocTitles) write(w io.Writer, n ast.Node, src []byte) bool {
	switch n := n.(type) {
	case *ast.RawHTML:
		if !t.unsafe {
			return false
		}
		if v := rawValue(n, src); !htmlsafe.StartsComment(v) {
			_, _ = w.Write(v)
		}
		return true
	case *ast.Image:
		if !t.images {
			return false
		}
		b := &outBuf{}
		b.WriteString(`<img`)
		// Hugo leaves out a dangerous src, even with unsafe HTML; folio
		// leaves out every src its URL policy refuses.
		if u := util.URLEscape(n.Destination, true); t.urls.Allowed(u, htmlsafe.Image) {
			b.WriteString(` src="`)
			b.Write(util.EscapeHTML(u))
			b.WriteByte('"')
		}
		b.WriteString(` alt="`)
		b.Write(util.EscapeHTML(inlinePlain(n, src)))
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
	return t.feature(w, n, src)
}
