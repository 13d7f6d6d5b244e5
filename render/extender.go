package render

import (
	"cmp"
	"strings"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/toc"
)

// Extender brings folio's Markdown features into a goldmark.Markdown the
// caller builds: Hugo-compatible heading IDs, render hooks, the raw HTML
// policy with hand-written iframe embeds, Blackfriday's image titles, code
// highlighting, the table of contents and front matter in YAML, TOML or
// JSON. Its zero value gives folio's defaults:
//
//	md := goldmark.New(goldmark.WithExtensions(extension.GFM, &render.Extender{}))
//	ctx := parser.NewContext()
//	render.SetSource(ctx, "content/hello.md", 1) // optional: path and first line for diagnostics
//	err := md.Convert(src, &buf, parser.WithContext(ctx))
//	t := toc.Get(ctx)               // the table of contents (package toc)
//	ds := render.DiagnosticsOf(ctx) // what was omitted or doubtful
//	p, err := render.FrontMatterOf(ctx) // the front matter, decoded by package post
//	fm := meta.Get(ctx)             // YAML front matter, as goldmark-meta reads it
//
// Extender does not add goldmark's GFM, footnote, definition list or
// typographer extensions: add the ones you want yourself (New adds them
// all, as Hugo does). It parses heading attributes ({#id .class}) itself
// and gives headings their IDs itself, so parser.WithAutoHeadingID is not
// needed; if present, its IDs are replaced.
//
// Summaries, word counts and shortcodes are the Renderer's: use New for
// them. An Extender must not be changed after Extend; the goldmark.Markdown
// it extends is then safe for concurrent use.
type Extender struct {
	// UnsafeHTML writes raw HTML as it is, and dangerous link URLs too.
	// Defaults to false: raw HTML is omitted and reported, as in Hugo.
	// goldmark's html.WithUnsafe() alone also lets raw HTML through the
	// renderer, but the parser cannot see it: set UnsafeHTML too, so that
	// nothing is reported as omitted and hand-written iframes are kept.
	UnsafeHTML bool

	// URLSchemes are URL schemes allowed in links and images besides
	// http, https, mailto, tel and data: raster images (see
	// WithURLSchemes). Defaults to none.
	URLSchemes []string

	// StyleAttributes lets heading and fence attributes set style (see
	// WithStyleAttributes). Defaults to false.
	StyleAttributes bool

	// IDStyle is how heading IDs are made. Defaults to IDStyleGitHub.
	IDStyle IDStyle

	// HugoIDs makes heading IDs exactly Hugo's, warts included; see
	// WithHugoIDs. Defaults to false.
	HugoIDs bool

	// LinkHook, ImageHook and HeadingHook render links, images and
	// headings instead of the default HTML. Nil means the default.
	LinkHook    LinkHook
	ImageHook   ImageHook
	HeadingHook HeadingHook

	// TableHook renders tables instead of goldmark's table extension (see
	// WithTableHook). Nil means goldmark's markup.
	TableHook TableHook

	// BlockquoteHook renders blockquotes (see WithBlockquoteHook). Nil
	// means goldmark's markup, or GitHub's for alerts with GitHubAlerts.
	BlockquoteHook BlockquoteHook

	// GitHubAlerts renders alerts ("> [!NOTE]") in GitHub's markup (see
	// WithGitHubAlerts). Defaults to false.
	GitHubAlerts bool

	// HeadingAnchors adds an anchor link to every heading with an ID (see
	// WithHeadingAnchors). Nil means none.
	HeadingAnchors *HeadingAnchors

	// ImageFiles reads local images for their size (see
	// WithImageFiles). Nil means images are written as they are.
	ImageFiles *ImageFiles

	// Links sets rel and target on external links and resolves links to
	// Markdown files (see WithLinks). Nil means links as written.
	Links *Links

	// RefResolver resolves links to Markdown files when
	// Links.ResolveMarkdown is set (New passes WithRefResolver's).
	RefResolver shortcode.RefResolver

	// FigureForTitledImages renders a titled image alone in its paragraph
	// as a <figure> with a <figcaption>. Defaults to false.
	FigureForTitledImages bool

	// NoBlackfridayImages turns off the ![alt](url?"title") quirk.
	// Defaults to false: the quirk is read.
	NoBlackfridayImages bool

	// NoIframeEmbeds turns off the recognition of hand-written YouTube and
	// Vimeo iframe blocks. Defaults to false: they are recognised.
	NoIframeEmbeds bool

	// EmbedOptions are the options of the embeds that replace hand-written
	// iframes. The zero value is embed's recommended output: private, lazy,
	// responsive.
	EmbedOptions embed.Options

	// Highlight is how fenced code blocks are highlighted (see
	// WithHighlight). The zero value is folio's default: monokai, class
	// output (write the stylesheet with highlight.New(Highlight).CSS), no
	// line numbers, tab width 4.
	Highlight highlight.Config

	// CodeBlockHook renders fenced code blocks instead of folio's markup
	// (see WithCodeBlockHook). Nil means folio's markup.
	CodeBlockHook CodeBlockHook

	// CodeBlockHooks render the fenced code blocks of a language (the key,
	// matched as written) before GoAT, Mermaid and CodeBlockHook (see
	// WithCodeBlockHookFor). Nil means none.
	CodeBlockHooks map[string]CodeBlockHook

	// GoAT draws ```goat fences as inline SVG, as Hugo does (see
	// WithGoAT); Mermaid writes ```mermaid fences as <pre class="mermaid">
	// (see WithMermaid). Both default to false.
	GoAT, Mermaid bool

	// Emoji turns :shortcodes: into emoji (see WithEmoji). Defaults to
	// false.
	Emoji bool

	// Passthrough holds the passthrough delimiters (see WithPassthrough).
	// The zero value turns passthrough off.
	Passthrough PassthroughConfig

	// PassthroughHook renders passthroughs (see WithPassthroughHook). Nil
	// means their text.
	PassthroughHook PassthroughHook

	// Extras selects Hugo's extra inline tags (see WithExtras). The zero
	// value selects none.
	Extras Extras

	// BlockAttributes reads attribute lines after blocks (see
	// WithBlockAttributes). Defaults to false.
	BlockAttributes bool

	// DefinitionTermIDs gives definition terms IDs from the heading ID
	// set (see WithDefinitionTermIDs). Defaults to false. The IDs are
	// the id attributes of the terms; Result.Identifiers is the
	// Renderer's.
	DefinitionTermIDs bool

	// NoHighlight leaves code blocks to goldmark's default renderer;
	// Highlight, the code block hooks and the diagrams are then not used. Defaults to false:
	// code blocks are highlighted as by New().
	NoHighlight bool

	// NoMeta leaves out front matter recognition. Defaults to false: a
	// leading front matter, YAML (---), TOML (+++) or JSON ({...}), is
	// not rendered; package post decodes it (read it with FrontMatterOf,
	// and YAML also with goldmark-meta's meta.Get), and a front matter
	// that does not decode is reported as a Diagnostic.
	NoMeta bool

	// TOCStartLevel and TOCEndLevel choose the headings of the table of
	// contents that toc.Get returns. Zero means Hugo's 2 and 3; an end of -1
	// means every level.
	TOCStartLevel, TOCEndLevel int

	// Set by Renderer.core: the Renderer's, built from Highlight, so that
	// Renderer.CSS and the lexer cache are shared.
	highlighter *highlight.Highlighter
	noTOC       bool
}

var _ goldmark.Extender = (*Extender)(nil)

// Priorities: folio's renderer wins over goldmark's html renderer (1000)
// and the extensions' (500); its transformers run in this order.
const (
	prioAttach   = -1000
	prioBlocks   = 100
	prioRenderer = 100
	prioImages   = 150 // before goldmark's link parser (200)
)

func (e *Extender) unsafeHTML() bool { return e.UnsafeHTML }

// urlPolicy is the URL policy of e's settings.
func (e *Extender) urlPolicy() htmlsafe.Policy {
	return htmlsafe.Policy{Schemes: appendSchemes(nil, e.URLSchemes)}
}

// appendSchemes appends the schemes that may be allowed, lower-cased, to
// dst: javascript, vbscript, data and file never are.
func appendSchemes(dst, schemes []string) []string {
	for _, s := range schemes {
		s = strings.ToLower(strings.TrimSuffix(strings.TrimSpace(s), ":"))
		switch s {
		case "", "javascript", "vbscript", "data", "file":
			continue
		}
		dst = append(dst, s)
	}
	return dst
}

// Extend implements goldmark.Extender.
func (e *Extender) Extend(m goldmark.Markdown) {
	style := e.IDStyle
	switch style {
	case IDStyleGitHub, IDStyleGitHubASCII, IDStyleBlackfriday:
	default:
		style = IDStyleGitHub
	}
	var code *codeBlocks
	if !e.NoHighlight {
		hl := e.highlighter
		if hl == nil {
			hl = highlight.New(e.Highlight)
		}
		code = &codeBlocks{hl: hl, hook: e.CodeBlockHook, byLang: e.CodeBlockHooks, goat: e.GoAT, mmd: e.Mermaid}
	}
	transformers := []util.PrioritizedValue{
		util.Prioritized(attachState{frontMatter: !e.NoMeta}, prioAttach),
		util.Prioritized(&blockPass{
			ids:     &headingIDs{style: style, hugo: e.HugoIDs, styles: e.StyleAttributes, terms: e.DefinitionTermIDs},
			rewrite: &blockRewriter{ext: e},
			code:    code,
		}, prioBlocks),
	}
	opts := []parser.Option{parser.WithAttribute(), parser.WithASTTransformers(transformers...)}
	if !e.NoBlackfridayImages {
		opts = append(opts, parser.WithInlineParsers(util.Prioritized(blackfridayImage{}, prioImages)))
	}
	m.Parser().AddOptions(opts...)
	e.extendMarkup(m)
	if !e.noTOC {
		// The table of contents is toc's own Extender, read with toc.Get.
		start, end := cmp.Or(e.TOCStartLevel, 2), cmp.Or(e.TOCEndLevel, 3)
		opts := []toc.Option{toc.StartLevel(start), toc.EndLevel(end)}
		if e.UnsafeHTML || inTOCTitles(e.Emoji, e.Extras, e.Passthrough) {
			// Titles keep inline raw HTML (unsafe) and the syntax
			// features' markup, as a Renderer's do.
			t := &tocTitles{unsafe: e.UnsafeHTML, urls: e.urlPolicy(), md: m}
			opts = append(opts, toc.Inline(t.write))
		}
		(&toc.Extender{Options: opts}).Extend(m)
	}

	cr := &coreRenderer{ext: e, unsafe: e.UnsafeHTML, sub: m.Renderer(), urls: e.urlPolicy(), linkAttrs: externalLinkAttrs(e.Links)}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(cr, prioRenderer)))
	if code != nil {
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(code, prioRenderer)))
	}

	if !e.NoMeta {
		meta.Meta.Extend(m)
		m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(frontMatterParser{}, 0)))
		m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(frontMatterRenderer{}, prioRenderer)))
	}
}

// DiagnosticsOf returns the warnings an Extender recorded for the document
// converted with pc, with lines and columns of its source. Call it after
// Convert: raw HTML and unsafe URLs inside paragraphs are reported when
// they are rendered, the rest when the document is parsed.
func DiagnosticsOf(pc parser.Context) []Diagnostic {
	d, ok := pc.Get(stateKey).(*docState)
	if !ok {
		return nil
	}
	return d.diagnostics()
}
