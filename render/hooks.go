package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/astattr"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/render/internal/passthrough"
)

// Link is what a link hook receives, as Hugo's render-link hook does.
type Link struct {
	Destination string            // the URL as written, backslash escapes resolved
	Title       string            // the title, "" if none
	Text        string            // the link text rendered as HTML
	PlainText   string            // the link text as plain text
	Attributes  map[string]string // attributes set on the link, nil if none
	AutoLink    bool              // <https://...>, or a bare URL found by Linkify
	Ordinal     int               // zero-based index among the links of the document
	Position    post.Position     // where the link starts
	Post        *post.Post        // the post being rendered; nil for Render
}

// Image is what an image hook receives, as Hugo's render-image hook does.
type Image struct {
	Destination string            // the URL as written
	Title       string            // the title, "" if none
	Text        string            // the alt text as HTML
	PlainText   string            // the alt text as plain text
	Attributes  map[string]string // attributes set on the image, nil if none
	// IsBlock reports that the image stands alone in its paragraph; the
	// hook's output then replaces the whole paragraph (no <p> is written),
	// as with Hugo's wrapStandAloneImageWithinParagraph = false.
	IsBlock  bool
	Ordinal  int           // zero-based index among the images of the document
	Position post.Position // where the image starts
	Post     *post.Post    // the post being rendered; nil for Render
}

// Heading is what a heading hook receives, as Hugo's render-heading hook does.
type Heading struct {
	Level      int               // 1 to 6
	Anchor     string            // the heading's ID; "" when it has none
	Text       string            // the heading text as HTML
	PlainText  string            // the heading text as plain text
	Attributes map[string]string // every attribute but id, nil if none
	Ordinal    int               // zero-based index among the headings of the document
	Position   post.Position     // where the heading starts
	Post       *post.Post        // the post being rendered; nil for Render
}

// LinkHook writes the HTML of a link to w. An error stops the render and
// is returned by Render as a *post.ParseError at the link's position;
// returning ErrDefault renders the link as if there were no hook.
type LinkHook func(w io.Writer, l Link) error

// ImageHook writes the HTML of an image to w, like LinkHook.
type ImageHook func(w io.Writer, img Image) error

// HeadingHook writes the whole HTML of a heading (<hN> included) to w,
// like LinkHook.
type HeadingHook func(w io.Writer, h Heading) error

// ErrDefault, returned by a hook that has written nothing, asks for the
// default rendering of that node.
var ErrDefault = errors.New("render: use the default rendering")

// coreRenderer renders the nodes whose output folio controls: headings,
// links, images, raw HTML and folio's own nodes. It holds only settings.
type coreRenderer struct {
	ext    *Extender
	unsafe bool // from Extender.UnsafeHTML or goldmark's html.WithUnsafe
	xhtml  bool
	// sub renders a node's children to a buffer (hook Text); set in Extend.
	sub renderer.Renderer
	// urls is the URL policy every written URL passes.
	urls htmlsafe.Policy
	// linkAttrs are the attributes of external links (Extender.Links),
	// made once.
	linkAttrs []byte
}

// SetOption reads goldmark's html.WithUnsafe and html.WithXHTML.
func (r *coreRenderer) SetOption(name renderer.OptionName, value any) {
	switch name {
	case "Unsafe":
		if b, ok := value.(bool); ok && b {
			r.unsafe = true
		}
	case "XHTML":
		if b, ok := value.(bool); ok {
			r.xhtml = b
		}
	}
}

func (r *coreRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindLink, r.renderLink)
	reg.Register(ast.KindAutoLink, r.renderAutoLink)
	reg.Register(ast.KindImage, r.renderImage)
	reg.Register(ast.KindHTMLBlock, r.renderHTMLBlock)
	reg.Register(ast.KindRawHTML, r.renderRawHTML)
	reg.Register(kindMore, r.renderMore)
	reg.Register(kindEmbed, r.renderEmbed)
	reg.Register(kindBlockImage, r.renderBlockImage)
	if r.ext.passthroughOn() {
		reg.Register(passthrough.KindInline, r.renderPassthrough)
		reg.Register(passthrough.KindBlock, r.renderPassthrough)
	}
	if r.ext.TableHook != nil { // else goldmark's table extension writes tables
		reg.Register(extast.KindTable, r.renderTable)
	}
	if r.ext.BlockquoteHook != nil || r.ext.GitHubAlerts { // else goldmark's markup
		reg.Register(ast.KindBlockquote, r.renderBlockquote)
	}
}

// nodeAttrs returns n's attributes as strings, leaving out skip.
func nodeAttrs(n ast.Node, skip string) map[string]string {
	attrs := n.Attributes()
	if len(attrs) == 0 {
		return nil
	}
	m := make(map[string]string, len(attrs))
	for _, a := range attrs {
		if string(a.Name) == skip || bytes.HasPrefix(a.Name, []byte{0}) {
			continue
		}
		m[string(a.Name)] = astattr.Text(a.Value)
	}
	if len(m) == 0 {
		return nil
	}
	return m
}

// writeAttrs writes the attributes of n that input may set on it: the
// allow-list of htmlsafe.Attr plus extra (names of element-specific
// attributes that hold no URL), each value escaped. Names with a NUL
// prefix are folio's own and never written.
func (r *coreRenderer) writeAttrs(w util.BufWriter, n ast.Node, extra util.BytesFilter) {
	for _, a := range n.Attributes() {
		if !r.attrAllowed(a.Name, extra) {
			continue
		}
		_ = w.WriteByte(' ')
		_, _ = w.Write(a.Name)
		_, _ = w.WriteString(`="`)
		_, _ = w.Write(util.EscapeHTML([]byte(astattr.Text(a.Value))))
		_ = w.WriteByte('"')
	}
}

// attrAllowed reports whether an attribute of input may be written.
func (r *coreRenderer) attrAllowed(name []byte, extra util.BytesFilter) bool {
	if len(name) == 0 || name[0] == 0 {
		return false
	}
	return htmlsafe.Attr(name, r.ext.StyleAttributes) || extra != nil && extra.Contains(name)
}

// linkAttrs and imageAttrs are the element-specific attributes input may
// set on links and images besides the global allow-list: none holds a URL
// (ping and srcset do, and are not written).
var (
	linkAttrs  = util.NewBytesFilterString("download,hreflang,media,referrerpolicy,rel,target,type")
	imageAttrs = util.NewBytesFilterString("align,border,crossorigin,decoding,fetchpriority,height,loading,referrerpolicy,sizes,width")
)

// position returns the file position of offset off of the parsed source.
func (d *docState) position(off int) post.Position {
	line, col := d.lineColParsed(off)
	return post.Position{Path: d.path, Line: line, Column: col}
}

// childrenHTML renders n's children, of the document of d, to HTML.
func (r *coreRenderer) childrenHTML(d *docState, source []byte, n ast.Node) (string, error) {
	b := &outBuf{d: d}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if err := r.sub.Render(b, source, c); err != nil {
			return "", err
		}
	}
	return string(b.bytes()), nil
}

// runHook runs a hook into the state's scratch buffer and copies its
// output to w. It reports whether the hook rendered the node.
func runHook(w util.BufWriter, d *docState, off int, what string, call func(io.Writer) error) (bool, error) {
	d.hookBuf.Reset()
	err := call(&d.hookBuf)
	if errors.Is(err, ErrDefault) {
		return false, nil
	}
	if err != nil {
		return false, d.errorAtParsed(off, fmt.Errorf("render: %s hook: %w", what, err))
	}
	_, _ = w.Write(d.hookBuf.Bytes())
	return true, nil
}

func (r *coreRenderer) renderHeading(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Heading)
	if r.ext.HeadingHook == nil {
		if entering {
			r.writeHeadingOpen(w, n)
			r.headingAnchor(w, source, n, true)
		} else {
			r.headingAnchor(w, source, n, false)
			writeHeadingClose(w, n)
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	d := stateAt(w, n)
	ord := d.headings
	d.headings++
	text, err := r.childrenHTML(d, source, n)
	if err != nil {
		return ast.WalkStop, err
	}
	h := Heading{
		Level:      n.Level,
		Text:       text,
		PlainText:  string(inlinePlain(n, source)),
		Attributes: nodeAttrs(n, "id"),
		Ordinal:    ord,
		Position:   d.position(nodePos(n)),
		Post:       d.page,
	}
	if v, ok := n.AttributeString("id"); ok {
		h.Anchor = astattr.Text(v)
	}
	done, err := runHook(w, d, nodePos(n), "heading", func(w io.Writer) error { return r.ext.HeadingHook(w, h) })
	if err != nil {
		return ast.WalkStop, err
	}
	if !done {
		r.writeHeadingOpen(w, n)
		r.headingAnchor(w, source, n, true)
		_, _ = w.WriteString(text)
		r.headingAnchor(w, source, n, false)
		writeHeadingClose(w, n)
	}
	return ast.WalkSkipChildren, nil
}

func (r *coreRenderer) writeHeadingOpen(w util.BufWriter, n *ast.Heading) {
	_, _ = w.WriteString("<h")
	_ = w.WriteByte(byte('0' + n.Level))
	r.writeAttrs(w, n, nil)
	_ = w.WriteByte('>')
}

func writeHeadingClose(w util.BufWriter, n *ast.Heading) {
	_, _ = w.WriteString("</h")
	_ = w.WriteByte(byte('0' + n.Level))
	_, _ = w.WriteString(">\n")
}

// writeURL is the one place where folio writes a URL taken from
// Markdown: it resolves dest as goldmark does (character references when
// resolve is set, then percent-encoding), checks exactly those bytes with
// the URL policy, and writes them HTML-escaped. A URL the policy refuses
// is written as nothing, with a Diagnostic naming it; with unsafe HTML
// every URL is written.
func (r *coreRenderer) writeURL(w util.BufWriter, n ast.Node, dest []byte, resolve bool, k htmlsafe.Kind) {
	u := util.URLEscape(dest, resolve)
	if !r.unsafe && !r.urls.Allowed(u, k) {
		reportURL(stateAt(w, n), n, u)
		return
	}
	_, _ = w.Write(util.EscapeHTML(u))
}

func (r *coreRenderer) renderLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.Link)
	if r.ext.LinkHook == nil {
		if entering {
			r.writeLinkOpen(w, n)
		} else {
			_, _ = w.WriteString("</a>")
		}
		return ast.WalkContinue, nil
	}
	if !entering {
		return ast.WalkContinue, nil
	}
	d := stateAt(w, n)
	ord := d.links
	d.links++
	text, err := r.childrenHTML(d, source, n)
	if err != nil {
		return ast.WalkStop, err
	}
	l := Link{
		Destination: string(n.Destination),
		Title:       string(resolveText(n.Title)),
		Text:        text,
		PlainText:   string(inlinePlain(n, source)),
		Attributes:  nodeAttrs(n, ""),
		Ordinal:     ord,
		Position:    d.position(nodePos(n)),
		Post:        d.page,
	}
	done, err := runHook(w, d, nodePos(n), "link", func(w io.Writer) error { return r.ext.LinkHook(w, l) })
	if err != nil {
		return ast.WalkStop, err
	}
	if !done {
		r.writeLinkOpen(w, n)
		_, _ = w.WriteString(text)
		_, _ = w.WriteString("</a>")
	}
	return ast.WalkSkipChildren, nil
}

func (r *coreRenderer) writeLinkOpen(w util.BufWriter, n *ast.Link) {
	_, _ = w.WriteString(`<a href="`)
	dest, resolve := r.linkDestination(w, n, n.Destination)
	r.writeURL(w, n, dest, resolve, htmlsafe.Link)
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	r.writeLinkAttrs(w, n, dest)
	r.writeAttrs(w, n, linkAttrs)
	_ = w.WriteByte('>')
}

func (r *coreRenderer) renderAutoLink(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.AutoLink)
	url := n.URL(source)
	if n.Protocol != nil {
		// Linkify found "www.example.com"; Hugo's linkifyProtocol is https.
		url = append([]byte("https://"), n.Label(source)...)
	} else if n.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	label := n.Label(source)
	if r.ext.LinkHook != nil {
		d := stateAt(w, n)
		ord := d.links
		d.links++
		l := Link{
			Destination: string(url),
			Text:        string(util.EscapeHTML(label)),
			PlainText:   string(label),
			Attributes:  nodeAttrs(n, ""),
			AutoLink:    true,
			Ordinal:     ord,
			Position:    d.position(nodePos(n)),
			Post:        d.page,
		}
		done, err := runHook(w, d, nodePos(n), "link", func(w io.Writer) error { return r.ext.LinkHook(w, l) })
		if err != nil || done {
			return ast.WalkContinue, err
		}
	}
	_, _ = w.WriteString(`<a href="`)
	r.writeURL(w, n, url, false, htmlsafe.Link)
	_ = w.WriteByte('"')
	r.writeLinkAttrs(w, n, url)
	r.writeAttrs(w, n, linkAttrs)
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML(label))
	_, _ = w.WriteString("</a>")
	return ast.WalkContinue, nil
}

func (r *coreRenderer) renderImage(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Image)
	if r.ext.ImageHook != nil {
		done, err := r.imageHook(w, source, n, false)
		if err != nil {
			return ast.WalkStop, err
		}
		if done {
			return ast.WalkSkipChildren, nil
		}
	}
	r.writeImg(w, source, n)
	return ast.WalkSkipChildren, nil
}

func (r *coreRenderer) imageHook(w util.BufWriter, source []byte, n *ast.Image, block bool) (bool, error) {
	d := stateAt(w, n)
	ord := d.images
	d.images++
	text, err := r.childrenHTML(d, source, n)
	if err != nil {
		return false, err
	}
	img := Image{
		Destination: string(n.Destination),
		Title:       string(resolveText(n.Title)),
		Text:        text,
		PlainText:   string(inlinePlain(n, source)),
		Attributes:  nodeAttrs(n, ""),
		IsBlock:     block,
		Ordinal:     ord,
		Position:    d.position(nodePos(n)),
		Post:        d.page,
	}
	return runHook(w, d, nodePos(n), "image", func(w io.Writer) error { return r.ext.ImageHook(w, img) })
}

// writeImg writes the default <img> element.
func (r *coreRenderer) writeImg(w util.BufWriter, source []byte, n *ast.Image) {
	_, _ = w.WriteString(`<img src="`)
	r.writeURL(w, n, n.Destination, true, htmlsafe.Image)
	_, _ = w.WriteString(`" alt="`)
	_, _ = w.Write(util.EscapeHTML([]byte(string(inlinePlain(n, source)))))
	_ = w.WriteByte('"')
	if n.Title != nil {
		_, _ = w.WriteString(` title="`)
		html.DefaultWriter.Write(w, n.Title)
		_ = w.WriteByte('"')
	}
	r.writeAttrs(w, n, imageAttrs)
	r.writeImgFile(w, n)
	if r.xhtml {
		_, _ = w.WriteString(" />")
	} else {
		_ = w.WriteByte('>')
	}
}
