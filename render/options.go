package render

import (
	"fmt"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/render/highlight"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
)

// Extension names one of the goldmark extensions a Renderer turns on by
// default, as Hugo does. Pass it to [WithoutExtensions] to turn it off.
type Extension int

// The extensions Hugo enables by default.
const (
	Table          Extension = iota // GFM tables
	Strikethrough                   // ~~deleted~~
	Linkify                         // bare URLs and www. names become links (https:// for www.)
	TaskList                        // - [x] done
	DefinitionList                  // term, then ": definition"
	Footnote                        // [^1] with Hugo's footnote markup
	Typographer                     // smart quotes, dashes and ellipses as entities
	numExtensions
)

var extensionNames = [...]string{"table", "strikethrough", "linkify", "tasklist", "definitionlist", "footnote", "typographer"}

// String returns the extension's name as Hugo's configuration spells it in
// lower case: "table", "strikethrough", "linkify", "tasklist",
// "definitionlist", "footnote" or "typographer".
func (e Extension) String() string {
	if e >= 0 && e < numExtensions {
		return extensionNames[e]
	}
	return fmt.Sprintf("Extension(%d)", int(e))
}

// IDStyle selects how heading IDs are made from heading text, as Hugo's
// markup.goldmark.parser.autoIDType does.
type IDStyle string

// The ID styles. IDStyleGitHub is the default.
const (
	// IDStyleGitHub keeps Unicode letters, digits and '_', lower-cased;
	// turns each space or '-' into '-' without collapsing, and drops
	// everything else: "Héllo Wörld — ünïcode" gives "héllo-wörld--ünïcode".
	IDStyleGitHub IDStyle = "github"
	// IDStyleGitHubASCII is IDStyleGitHub after stripping accents and then
	// every non-ASCII character: "Héllo Wörld" gives "hello-world".
	IDStyleGitHubASCII IDStyle = "github-ascii"
	// IDStyleBlackfriday keeps Unicode letters and numbers, lower-cased, and
	// turns every run of anything else between words into one '-':
	// "Don't quote it" gives "don-t-quote-it".
	IDStyleBlackfriday IDStyle = "blackfriday"
)

// config is everything the options set. Each concern owns its sub-config:
// hl (render/highlight, set in codeblock.go) and sc (shortcode.go); the
// rest is the core's.
type config struct {
	hl             highlight.Config
	hlOff          bool // WithHighlighting(false)
	codeBlockHook  CodeBlockHook
	codeBlockHooks map[string]CodeBlockHook // by language
	goat, mermaid  bool                     // the built-in diagrams
	sc             shortcodeConfig

	disabled [numExtensions]bool
	unsafe   bool

	urlSchemes []string // extra URL schemes allowed (WithURLSchemes)
	styleAttrs bool     // style attributes from input (WithStyleAttributes)

	idStyle IDStyle
	hugoIDs bool

	linkHook    LinkHook
	imageHook   ImageHook
	headingHook HeadingHook
	tableHook   TableHook
	figures     bool

	// Built-in renderings (builtin_hooks.go).
	blockquoteHook BlockquoteHook
	githubAlerts   bool
	anchors        *HeadingAnchors
	imageFiles     *ImageFiles
	links          *Links

	noBlackfridayImages bool
	noIframeEmbeds      bool

	summaryLength int
	wpm, wpmCJK   int
	cjk           bool

	tocStart, tocEnd int
	tocOrdered       bool
	tocHugo          bool // the TOC's shape as Hugo's (toc.Hugo)

	hugoSummary bool // Hugo's automatic summary (textstats.HugoSummaryEnd) and trimmed content around a divider

	markupConfig // markup.go: emoji, passthrough, extras, block attributes, term IDs

	results highlight.Cache // WithResultCache
	cacheID string          // WithCacheIdentity

	gmExtensions []goldmark.Extender
	parserOpts   []parser.Option
	rendererOpts []renderer.Option
}

func defaultCoreConfig() config {
	return config{
		sc:            defaultShortcodeConfig(),
		idStyle:       IDStyleGitHub,
		summaryLength: 70,
		wpm:           212,
		wpmCJK:        500,
		tocStart:      2,
		tocEnd:        3,
	}
}

// HugoCompat is the preset that makes a Renderer write what Hugo 0.165
// writes with its default site configuration, byte for byte: Result.HTML
// is Hugo's .Content, and Summary, Truncated, Plain, WordCount,
// ReadingTime, TOC.HTML() and TOC.Items are .Summary, .Truncated, .Plain,
// .WordCount, .ReadingTime, .TableOfContents and .Fragments.Headings. Use
// it to move a site off Hugo and diff the old and new output.
//
// It mirrors this Hugo configuration (Hugo's defaults):
//
//	[markup.goldmark.parser]
//	  autoHeadingIDType = "github"    # WithIDStyle(IDStyleGitHub), WithHugoIDs()
//	[markup.goldmark.renderer]
//	  unsafe = false                  # add WithUnsafeHTML() for unsafe = true
//	[markup.highlight]                # WithHighlight(highlight.Config{
//	  style = "monokai"               #   Style: highlight.DefaultStyle,
//	  noClasses = true                #   InlineStyles: true,
//	  lineNos = false                 #   LineNumbers: highlight.NoLineNumbers,
//	  lineNumbersInTable = true       #   (a fence's linenos=true: a table)
//	  tabWidth = 4                    #   TabWidth: 4,
//	  guessSyntax = false             #   GuessSyntax: false})
//	  wrapperClass = "highlight"      # (highlight.Config.WrapperClass "")
//	[markup.tableOfContents]
//	  startLevel = 2                  # WithTOCLevels(2, 3), and the TOC's
//	  endLevel = 3                    # shape as Hugo's (toc.Hugo())
//	  ordered = false
//	summaryLength = 70                # WithSummaryLength(70)
//	enableInlineShortcodes = false    # WithInlineShortcodes(false)
//	[privacy.youTube]                 # youtube and vimeo write the markup of
//	  privacyEnhanced = false         # Hugo's own shortcodes (embed.WrapperHugo)
//
// and these settings of folio's own, which Hugo does not have:
//
//   - reading time is ceil(words/213), ceil(words/501) for CJK text, as
//     Hugo computes it (WithHugoReadingTime);
//   - no Blackfriday image titles (WithoutBlackfridayImages) and
//     hand-written YouTube and Vimeo iframes stay raw HTML
//     (WithoutIframeEmbeds);
//   - ```goat fences are drawn as SVG, as Hugo's embedded goat hook
//     draws them (WithGoAT);
//   - tables are written with the markup of Hugo's embedded table template
//     (tab indentation, style="text-align: center"), through a table hook
//     that WithTableHook replaces;
//   - summaries as Hugo's: the automatic summary ends after the "</p>" of
//     the paragraph in which Hugo's own word count reaches the summary
//     length (see Result.Summary), and the content (Result.HTML) is
//     trimmed of white space when it has a <!--more--> divider;
//   - the table of contents has Hugo's shape (toc.Hugo), and its titles
//     keep images as <img> elements and, with WithUnsafeHTML, inline raw
//     HTML, as Hugo's do;
//   - shortcodes: the built-ins write Hugo's markup and white space (see
//     WithEmbedOptions for youtube and vimeo), an unknown shortcode is an
//     error as in Hugo (see WithUnknownShortcodes for the fallbacks).
//
// HugoCompat is applied before every other option, wherever it stands in
// the list, so an individual option always overrides it:
// New(HugoCompat(), WithUnsafeHTML()) is Hugo with unsafe = true.
func HugoCompat() Option { return presetOption(applyHugoCompat) }

func applyHugoCompat(c *config) {
	c.idStyle, c.hugoIDs = IDStyleGitHub, true
	c.wpm, c.wpmCJK = 213, 501
	c.hl = highlight.Config{Style: highlight.DefaultStyle, InlineStyles: true, LineNumbers: highlight.NoLineNumbers, TabWidth: 4, GuessSyntax: false}
	c.sc.embed = embed.Options{Wrapper: embed.WrapperHugo}
	c.sc.hugoMarkup = true
	c.noBlackfridayImages, c.noIframeEmbeds = true, true
	c.summaryLength, c.hugoSummary = 70, true
	c.tocStart, c.tocEnd, c.tocOrdered, c.tocHugo = 2, 3, false, true
	c.tableHook = writeHugoTable
	c.goat = true
}

// presetOption is an option New applies before all others (HugoCompat).
type presetOption func(*config)

func (f presetOption) apply(c *config) { f(c) }

// WithoutExtensions turns off extensions Hugo (and so folio) enables by
// default.
func WithoutExtensions(exts ...Extension) Option {
	return optionFunc(func(c *config) {
		for _, e := range exts {
			if e >= 0 && e < numExtensions {
				c.disabled[e] = true
			}
		}
	})
}

// WithUnsafeHTML turns the safety checks off, like Hugo's
// markup.goldmark.renderer.unsafe = true: raw HTML in the Markdown (and in
// a template shortcode's .Inner) is written unchanged and URLs are written
// whatever their scheme. Only use it for trusted input. Without it, each
// raw HTML block or tag is written as "<!-- raw HTML omitted -->" and
// reported as a Diagnostic that names the tag ("raw HTML <iframe>
// omitted"; for a block, its first tag), and a URL whose scheme is not allowed is written as empty
// (see the package documentation, "Security"). Attributes from input stay
// allow-listed either way (see WithStyleAttributes).
func WithUnsafeHTML() Option { return optionFunc(func(c *config) { c.unsafe = true }) }

// WithURLSchemes allows URLs with these schemes (such as "ftp", "irc" or
// "xmpp"; case-insensitive, without the ':') in links and images, besides
// the default http, https, mailto, tel and data: raster images. javascript,
// vbscript, data and file cannot be allowed this way: use WithUnsafeHTML.
func WithURLSchemes(schemes ...string) Option {
	return optionFunc(func(c *config) { c.urlSchemes = appendSchemes(c.urlSchemes, schemes) })
}

// WithStyleAttributes lets heading and code fence attributes set style
// (## Title {style="color: red"}). Off by default: a style attribute from
// input can cover the page or load outside resources, so it is dropped
// with a Diagnostic. Event handlers (on...) are never written.
func WithStyleAttributes() Option { return optionFunc(func(c *config) { c.styleAttrs = true }) }

// WithIDStyle sets how heading IDs are made; the default is IDStyleGitHub.
// An unknown style is treated as IDStyleGitHub.
func WithIDStyle(s IDStyle) Option { return optionFunc(func(c *config) { c.idStyle = s }) }

// WithHugoIDs makes heading IDs byte-for-byte what Hugo produces, warts
// included: only the first child of an emphasis, link or code span feeds
// the ID text ("## *foo `bar` baz* end" gives "foo--end"), a multi-line
// setext heading uses its last line, and custom IDs are registered in
// document order, so an earlier automatic ID may equal a later {#custom}
// one (reported as a Diagnostic). Use it to keep the anchors of a site
// that moves from Hugo. Without it, folio uses all the inline text of the
// heading and reserves every custom ID first.
func WithHugoIDs() Option { return optionFunc(func(c *config) { c.hugoIDs = true }) }

// WithLinkHook renders every link (including autolinks) with h instead of
// the default <a> element, like Hugo's render-link hook.
func WithLinkHook(h LinkHook) Option { return optionFunc(func(c *config) { c.linkHook = h }) }

// WithImageHook renders every image with h instead of the default <img>
// element, like Hugo's render-image hook.
func WithImageHook(h ImageHook) Option { return optionFunc(func(c *config) { c.imageHook = h }) }

// WithHeadingHook renders every heading with h instead of the default
// <hN id="..."> element, like Hugo's render-heading hook.
func WithHeadingHook(h HeadingHook) Option {
	return optionFunc(func(c *config) { c.headingHook = h })
}

// WithFigureForTitledImages renders an image that has a title and stands
// alone in its paragraph as <figure><img ...><figcaption>title</figcaption></figure>,
// as many Hugo themes do with a render-image hook. An image hook, when
// set, takes precedence.
func WithFigureForTitledImages() Option { return optionFunc(func(c *config) { c.figures = true }) }

// WithoutBlackfridayImages turns off the recognition of Blackfriday's
// image title quirk, ![alt](/x.png?"Title"), which is on by default. Off,
// such text renders as CommonMark says: as text, not an image.
func WithoutBlackfridayImages() Option {
	return optionFunc(func(c *config) { c.noBlackfridayImages = true })
}

// WithoutIframeEmbeds turns off the recognition of hand-written YouTube
// and Vimeo iframe blocks; with raw HTML off they are then omitted like
// any other raw HTML.
func WithoutIframeEmbeds() Option { return optionFunc(func(c *config) { c.noIframeEmbeds = true }) }

// WithSummaryLength sets the number of words of the automatic summary
// (Hugo's summaryLength); the default is 70. n < 1 is ignored.
func WithSummaryLength(n int) Option {
	return optionFunc(func(c *config) {
		if n > 0 {
			c.summaryLength = n
		}
	})
}

// WithReadingSpeed sets the words per minute used for ReadingTime, for
// ordinary text and for CJK text. The defaults are 212 and 500, the speeds
// Hugo documents; Hugo v0.165 and earlier releases compute with 213 and
// 501 (see [WithHugoReadingTime]). Values below 1 are ignored.
func WithReadingSpeed(wpm, cjkWPM int) Option {
	return optionFunc(func(c *config) {
		if wpm > 0 {
			c.wpm = wpm
		}
		if cjkWPM > 0 {
			c.wpmCJK = cjkWPM
		}
	})
}

// WithHugoReadingTime computes ReadingTime exactly as every Hugo release up
// to v0.165 does: ceil(words/213), and ceil(words/501) for CJK text.
func WithHugoReadingTime() Option { return WithReadingSpeed(213, 501) }

// WithCJK counts words the CJK way (each run of non-ASCII text counts its
// characters), like Hugo's isCJKLanguage. In RenderPost a post's own
// isCJKLanguage, true or false, wins: WithCJK only sets the default for
// posts that do not set it (post.FrontMatter.IsCJKLanguage is nil).
func WithCJK() Option { return optionFunc(func(c *config) { c.cjk = true }) }

// WithTOCLevels sets the heading levels the table of contents holds
// (Hugo's startLevel and endLevel, default 2 and 3; end -1 means every
// level). A post's toc: {startLevel, endLevel} front matter overrides them.
func WithTOCLevels(start, end int) Option {
	return optionFunc(func(c *config) { c.tocStart, c.tocEnd = start, end })
}

// WithOrderedTOC makes the table of contents HTML an <ol> instead of a <ul>.
func WithOrderedTOC() Option { return optionFunc(func(c *config) { c.tocOrdered = true }) }

// WithGoldmarkExtensions adds goldmark extensions after folio's own, for
// example extension.CJK or a math extension.
func WithGoldmarkExtensions(exts ...goldmark.Extender) Option {
	return optionFunc(func(c *config) { c.gmExtensions = append(c.gmExtensions, exts...) })
}

// WithParserOptions adds goldmark parser options.
func WithParserOptions(opts ...parser.Option) Option {
	return optionFunc(func(c *config) { c.parserOpts = append(c.parserOpts, opts...) })
}

// WithRendererOptions adds goldmark renderer options, for example
// html.WithHardWraps() or html.WithXHTML().
func WithRendererOptions(opts ...renderer.Option) Option {
	return optionFunc(func(c *config) { c.rendererOpts = append(c.rendererOpts, opts...) })
}
