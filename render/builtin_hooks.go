package render

import (
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/astattr"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/alert"
	"github.com/folio-md/folio/render/internal/headinglink"
	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/render/internal/imagefile"
	"github.com/folio-md/folio/render/internal/linkrel"
	"github.com/folio-md/folio/render/shortcode"

	"github.com/folio-md/folio/internal/escape"
)

// This file wires the built-in renderings many Hugo sites write as render
// hooks: blockquote alerts, heading anchors, image sizes and link
// attributes. Each changes the default rendering only: a hook, when set,
// replaces it, and falls back to it by returning ErrDefault.

// The values of Blockquote.Type.
const (
	BlockquoteRegular = "regular" // a quote without an alert marker
	BlockquoteAlert   = "alert"   // a quote that starts with [!TYPE]
)

// Blockquote is what a blockquote hook receives, as Hugo's
// render-blockquote hook does.
type Blockquote struct {
	// Type is BlockquoteAlert when the quote's first paragraph starts with
	// an alert marker, GitHub's "[!NOTE]" (any letters, any case), else
	// BlockquoteRegular.
	Type string
	// AlertType is the marker's letters, lower-cased ("note", "tip",
	// "important", "warning", "caution", or Obsidian's others); "" for a
	// regular quote.
	AlertType string
	// AlertTitle is the HTML of the rest of the marker's line, Obsidian's
	// custom title ("> [!TIP] Read this"); "" if none.
	AlertTitle string
	// AlertSign is Obsidian's fold sign after the marker: "+" (folded
	// open), "-" (folded closed) or "".
	AlertSign string
	// Text is the quote's content as HTML; for an alert, the content after
	// the marker's line.
	Text string
	// Attributes are the quote's attributes (allow-listed), nil if none.
	Attributes map[string]string
	// Ordinal is the zero-based index among the blockquotes of the
	// document, counted where each quote ends, as in Hugo: a nested quote
	// comes before the quote around it.
	Ordinal  int
	Position post.Position // where the quote starts (its first '>')
	Post     *post.Post    // the post being rendered; nil for Render
}

// BlockquoteHook writes the whole HTML of a blockquote to w, like
// LinkHook; ErrDefault asks for the default rendering (GitHub's alert
// markup with WithGitHubAlerts, else a <blockquote>).
type BlockquoteHook func(w io.Writer, b Blockquote) error

// WithBlockquoteHook renders every blockquote with h, like Hugo's
// render-blockquote hook. Quotes nested more than 16 deep are written as
// plain blockquotes, with a Diagnostic: each level's Text holds the
// levels inside it, so deeper nesting would cost time quadratic in the
// depth.
func WithBlockquoteHook(h BlockquoteHook) Option {
	return optionFunc(func(c *config) { c.blockquoteHook = h })
}

// WithGitHubAlerts renders alerts ("> [!NOTE]", "[!TIP]", "[!IMPORTANT]",
// "[!WARNING]", "[!CAUTION]", and Obsidian's other types, titles and fold
// signs) with GitHub's markup, as GitHubAlert does; style it with
// AlertCSS. Hugo has no such rendering: without a render-blockquote hook
// it writes an alert as a plain blockquote, "[!NOTE]" included, as folio
// does without this option.
func WithGitHubAlerts() Option { return optionFunc(func(c *config) { c.githubAlerts = true }) }

// GitHubAlert writes an alert in GitHub's markup, and returns ErrDefault
// for a regular quote: a <div class="markdown-alert markdown-alert-note"
// role="note">, a title paragraph <p class="markdown-alert-title"> (the
// custom title, else the type's name: "Note", "Tip", ...), then the text.
// An alert with a fold sign is a <details> element (open for "+") whose
// <summary class="markdown-alert-title"> is the title, so that it folds
// without script. It is the rendering of WithGitHubAlerts, for a
// blockquote hook that renders alerts the same way.
func GitHubAlert(w io.Writer, b Blockquote) error {
	if b.Type != BlockquoteAlert || !validAlertType(b.AlertType) {
		return ErrDefault
	}
	_, err := w.Write(alert.AppendGitHub(nil, b.AlertType, b.AlertSign, b.AlertTitle, b.Text))
	return err
}

// validAlertType reports whether t is what Parse gives: ASCII letters
// (written into a class name).
func validAlertType(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return t != ""
}

// AlertCSS returns a stylesheet for the markup of GitHubAlert: a
// coloured border and title per type, in light and dark colour schemes.
func AlertCSS() string { return alert.CSS }

// maxHookedQuoteDepth is the nesting depth up to which blockquotes go
// through the blockquote hook and the alert markup.
const maxHookedQuoteDepth = 16

func (r *coreRenderer) renderBlockquote(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Blockquote)
	d := stateAt(w, n)
	if d.quoteDepth >= maxHookedQuoteDepth {
		// Too deep for the hook: written as it goes, in goldmark's markup.
		if entering {
			if d.quoteDepth == maxHookedQuoteDepth {
				d.diagParsed(nodePos(n), "blockquote nested more than %d deep: written as a plain blockquote, without the blockquote hook or alert markup", maxHookedQuoteDepth)
			}
			d.quoteDepth++
			r.writeBlockquoteOpen(w, n)
		} else {
			d.quoteDepth--
			d.blockquotes++
			_, _ = w.WriteString("</blockquote>\n")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	d.quoteDepth++
	text, err := r.childrenHTML(d, source, n)
	d.quoteDepth--
	if err != nil {
		return ast.WalkStop, err
	}
	b := Blockquote{
		Type:       BlockquoteRegular,
		Text:       text,
		Attributes: r.safeAttrs(n),
		Ordinal:    d.blockquotes,
		Position:   d.position(nodePos(n)),
		Post:       d.page,
	}
	d.blockquotes++
	if a, ok := alert.Parse(text); ok {
		b.Type, b.AlertType, b.AlertSign, b.AlertTitle, b.Text = BlockquoteAlert, a.Type, a.Sign, a.Title, a.Text
	}
	if r.ext.BlockquoteHook != nil {
		done, err := runHook(w, d, nodePos(n), "blockquote", func(w io.Writer) error { return r.ext.BlockquoteHook(w, b) })
		if err != nil || done {
			return ast.WalkSkipChildren, err
		}
	}
	if r.ext.GitHubAlerts && b.Type == BlockquoteAlert {
		d.scratch = alert.AppendGitHub(d.scratch[:0], b.AlertType, b.AlertSign, b.AlertTitle, b.Text)
		_, _ = w.Write(d.scratch)
		return ast.WalkSkipChildren, nil
	}
	r.writeBlockquoteOpen(w, n)
	_, _ = w.WriteString(text)
	_, _ = w.WriteString("</blockquote>\n")
	return ast.WalkSkipChildren, nil
}

// writeBlockquoteOpen writes <blockquote> as goldmark does (no line break
// after a start tag with attributes), the attributes allow-listed.
func (r *coreRenderer) writeBlockquoteOpen(w util.BufWriter, n *ast.Blockquote) {
	if n.Attributes() == nil {
		_, _ = w.WriteString("<blockquote>\n")
		return
	}
	_, _ = w.WriteString("<blockquote")
	r.writeAttrs(w, n, nil)
	_ = w.WriteByte('>')
}

// AnchorPosition is where a heading's anchor link goes.
type AnchorPosition int

// The anchor positions.
const (
	AnchorAfter  AnchorPosition = iota // after the heading text, inside the heading: Title <a>#</a>
	AnchorBefore                       // before the heading text: <a>#</a> Title
	AnchorWrap                         // around the heading text: <a>Title</a>
)

// HeadingAnchors is the anchor link WithHeadingAnchors adds to each
// heading that has an ID: a link to the heading itself, for readers to
// copy. The zero value is a usable setting.
type HeadingAnchors struct {
	// Position is where the link goes. Defaults to AnchorAfter. A heading
	// whose text holds a link gets its anchor after the text even with
	// AnchorWrap, as links cannot nest.
	Position AnchorPosition
	// Symbol is the link's visible text, written escaped. Defaults to
	// "#". AnchorWrap has none.
	Symbol string
	// Class is the link's class. Defaults to "anchor".
	Class string
	// Label is the link's accessible name (screen readers say it instead
	// of the symbol); every "%s" in it is replaced by the heading's plain
	// text. Defaults to "Link to this section: %s". AnchorWrap has none:
	// the heading text names the link.
	Label string
	// HiddenLabelClass, when set, writes the label as visually hidden
	// text, <span class="HiddenLabelClass">, with the symbol in an
	// aria-hidden <span>, instead of an aria-label attribute (for sites
	// whose translation tools skip attributes). The class must hide the
	// text visually, as Bootstrap's visually-hidden does.
	HiddenLabelClass string
}

// WithHeadingAnchors adds an anchor link to every heading that has an ID,
// as rehype-autolink-headings and markdown-it-anchor do and as Hugo sites
// do with a render-heading hook; see HeadingAnchors. The table of contents
// is unchanged (its titles never hold the link). A heading hook replaces
// the whole heading, link included: it can write the link with
// HeadingAnchors.Link, or return ErrDefault.
func WithHeadingAnchors(a HeadingAnchors) Option {
	return optionFunc(func(c *config) { c.anchors = &a })
}

// config returns a's settings with the defaults filled in.
func (a HeadingAnchors) config() headinglink.Config {
	c := headinglink.Config{Symbol: a.Symbol, Class: a.Class, Label: a.Label, HiddenClass: a.HiddenLabelClass}
	if c.Symbol == "" {
		c.Symbol = "#"
	}
	if c.Class == "" {
		c.Class = "anchor"
	}
	if c.Label == "" {
		c.Label = "Link to this section: %s"
	}
	return c
}

// Link returns the HTML of the anchor link of h, for a heading hook that
// places it itself: "" when h has no Anchor. Position is not used: the
// link holds the symbol.
func (a HeadingAnchors) Link(h Heading) string {
	if h.Anchor == "" {
		return ""
	}
	return string(headinglink.AppendLink(nil, a.config(), h.Anchor, h.PlainText))
}

// headingAnchor writes the part of n's anchor link that goes before its
// text (entering) or after it.
func (r *coreRenderer) headingAnchor(w util.BufWriter, source []byte, n *ast.Heading, entering bool) {
	a := r.ext.HeadingAnchors
	v, ok := n.AttributeString("id")
	if a == nil || !ok {
		return
	}
	id := astattr.Text(v)
	if id == "" {
		return
	}
	c := a.config()
	pos := a.Position
	if pos == AnchorWrap && holdsLink(n) {
		pos = AnchorAfter
	}
	d := stateAt(w, n)
	switch {
	case pos == AnchorWrap && entering:
		d.scratch = headinglink.AppendWrapOpen(d.scratch[:0], c, id)
	case pos == AnchorWrap:
		d.scratch = append(d.scratch[:0], "</a>"...)
	case pos == AnchorBefore && entering:
		d.scratch = append(headinglink.AppendLink(d.scratch[:0], c, id, string(inlinePlain(n, source))), ' ')
	case pos != AnchorBefore && !entering:
		d.scratch = headinglink.AppendLink(append(d.scratch[:0], ' '), c, id, string(inlinePlain(n, source)))
	default:
		return
	}
	_, _ = w.Write(d.scratch)
}

// holdsLink reports whether n's inline content has a link, or raw HTML
// that may be one.
func holdsLink(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *ast.Link, *ast.AutoLink, *ast.RawHTML:
			return true
		}
		if holdsLink(c) {
			return true
		}
	}
	return false
}

// ImageFiles is where WithImageFiles reads local images, and what it adds
// to <img>.
type ImageFiles struct {
	// FS holds the images that relative URLs name ("photo.png",
	// "../shared/a.png"), resolved against the folder of the post's Path:
	// give the file system the posts were read from (post.ParseFile), and
	// a page bundle's images are found next to its index.md. With Render
	// (no post), relative URLs are read from the root of FS. Nil: no image
	// is read, only loading and decoding are written. A Renderer shared
	// by goroutines reads FS and Static from all of them: both must be
	// safe for concurrent use, as os.DirFS and embed.FS are.
	FS fs.FS
	// Static holds the images of root-relative URLs ("/images/a.png"),
	// Hugo's static folder. Defaults to FS.
	Static fs.FS
	// Eager leaves out loading="lazy". Defaults to false: images load
	// lazily.
	Eager bool
	// SyncDecoding leaves out decoding="async". Defaults to false.
	SyncDecoding bool
}

// WithImageFiles reads each local image of the document from f.FS, as
// Hugo's imageConfig does in a render-image hook, and writes its width and
// height on the <img> (PNG, JPEG, GIF and WebP; the browser then reserves
// its space and the page does not jump as it loads), with loading="lazy"
// and decoding="async" unless turned off. A local image that does not
// exist is reported as a Diagnostic at its position and written as it is.
// Remote URLs are not fetched. The src written is the URL as written,
// through the URL policy as always. An image hook replaces this rendering.
func WithImageFiles(f ImageFiles) Option { return optionFunc(func(c *config) { c.imageFiles = &f }) }

// writeImgFile writes the attributes WithImageFiles adds to n's <img>.
func (r *coreRenderer) writeImgFile(w util.BufWriter, n *ast.Image) {
	f := r.ext.ImageFiles
	if f == nil {
		return
	}
	d := stateAt(w, n)
	if d.imageFiles == nil {
		d.imageFiles = new(imagefile.Cache)
	}
	width, height, problem := d.imageFiles.Lookup(f.FS, f.Static, string(n.Destination), d.path)
	if problem != "" {
		d.diagParsed(nodePos(n), "%s", problem)
	}
	if width > 0 && !hasAttr(n, "width") && !hasAttr(n, "height") {
		b := append(strconv.AppendInt(append(d.scratch[:0], ` width="`...), int64(width), 10), `" height="`...)
		d.scratch = append(strconv.AppendInt(b, int64(height), 10), '"')
		_, _ = w.Write(d.scratch)
	}
	if !f.Eager && !hasAttr(n, "loading") {
		_, _ = w.WriteString(` loading="lazy"`)
	}
	if !f.SyncDecoding && !hasAttr(n, "decoding") {
		_, _ = w.WriteString(` decoding="async"`)
	}
}

func hasAttr(n ast.Node, name string) bool {
	_, ok := n.AttributeString(name)
	return ok
}

// Links is how WithLinks writes links.
type Links struct {
	// Rel is the rel attribute of external links (http and https URLs to
	// a host not in Hosts), such as "nofollow" or "noreferrer". Defaults
	// to none. "noopener" is added whenever Target is set.
	Rel string
	// Target is the target attribute of external links, such as
	// "_blank". Defaults to none.
	Target string
	// Hosts are the site's own hosts ("example.org", "www.example.org"):
	// absolute links to them are not external.
	Hosts []string
	// ResolveMarkdown turns links to other posts written as paths of
	// Markdown files ("other-post.md", "../guide/setup.md#install") into
	// URLs through the ref resolver (WithRefResolver), as Hugo's embedded
	// link render hook does with .GetPage: the resolver receives a
	// shortcode.Ref with the path (query and fragment removed, %XX
	// decoded), Relative set, the post and the link's position; the query
	// and fragment are appended to the URL it returns. A link it cannot
	// resolve is kept as written, with a Diagnostic.
	ResolveMarkdown bool
}

// WithLinks sets how links are written: rel and target on external links,
// and links to Markdown files resolved to their posts' URLs; see Links.
// Autolinks and bare URLs get rel and target too. A link hook replaces
// this rendering.
func WithLinks(l Links) Option { return optionFunc(func(c *config) { c.links = &l }) }

// linkDestination returns the URL to write for a link to dest, and
// whether character references are still to be resolved in it: with
// Links.ResolveMarkdown, a link to a Markdown file becomes its post's URL.
func (r *coreRenderer) linkDestination(w util.BufWriter, n ast.Node, dest []byte) ([]byte, bool) {
	l := r.ext.Links
	if l == nil || !l.ResolveMarkdown || !linkrel.MaybeMarkdown(dest) {
		return dest, true
	}
	p, suffix, ok := linkrel.MarkdownRef(string(dest))
	if !ok {
		return dest, true
	}
	d := stateAt(w, n)
	var u string
	err := shortcode.ErrNoRefResolver
	ref := shortcode.Ref{Path: p, Relative: true, Page: d.page, Position: d.position(nodePos(n))}
	if r.ext.RefResolver != nil {
		u, err = r.ext.RefResolver(ref)
	}
	if err != nil {
		d.diagParsed(nodePos(n), "link to %q not resolved, kept as written: %v", htmlsafe.Clip(string(dest), 60), err)
		return dest, true
	}
	return []byte(u + suffix), false
}

// writeLinkAttrs writes the rel and target of Links on an external link
// to dest.
func (r *coreRenderer) writeLinkAttrs(w util.BufWriter, n ast.Node, dest []byte) {
	l := r.ext.Links
	if len(r.linkAttrs) == 0 || !linkrel.External(dest, l.Hosts) ||
		hasAttr(n, "rel") || hasAttr(n, "target") { // the link's own attributes win
		return
	}
	_, _ = w.Write(r.linkAttrs)
}

// externalLinkAttrs returns the attributes l gives external links,
// ` rel="..." target="..."`, escaped; nil if none.
func externalLinkAttrs(l *Links) []byte {
	if l == nil {
		return nil
	}
	var b []byte
	if rel := linkrel.Rel(l.Rel, l.Target); rel != "" {
		b = append(b, ` rel="`...)
		b = escape.Append(escape.Goldmark, b, rel)
		b = append(b, '"')
	}
	if t := strings.TrimSpace(l.Target); t != "" {
		b = append(b, ` target="`...)
		b = escape.Append(escape.Goldmark, b, t)
		b = append(b, '"')
	}
	return b
}
