package embed

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/folio-md/folio/internal/escape"
)

const (
	allowBase       = "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share"
	referrerPolicy  = "strict-origin-when-cross-origin"
	frameStyle      = "position:absolute;top:0;left:0;width:100%;height:100%;border:0"
	hugoDivStyle    = "position: relative; padding-bottom: %s; height: 0; overflow: hidden;"
	hugoFrameStyle  = "position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;"
	facadeLinkStyle = "position:absolute;top:0;left:0;width:100%;height:100%;display:block;background:#111;color:#fff;text-decoration:none;overflow:hidden"
	facadeImgStyle  = "position:absolute;top:0;left:0;width:100%;height:100%;object-fit:cover"
	facadeSVGStyle  = "position:absolute;top:50%;left:50%;transform:translate(-50%,-50%)"
	facadeCapStyle  = "position:absolute;top:0;left:0;right:0;padding:12px 16px;font:16px/1.3 system-ui,sans-serif;color:#fff;background:linear-gradient(rgba(0,0,0,.6),transparent)"
)

// embedContext is what one AppendHTML call writes from.
type embedContext struct {
	v       Video
	opts    Options
	player  Player
	title   string // accessible title; may be empty only in Hugo's vimeo markup
	ratio   Ratio
	loading string // may be empty only in Hugo's vimeo markup
	allow   string
}

// AppendHTML appends the embed of v, which may belong to any of p's
// providers, to dst. It returns an [*Error] when v fails its provider's rules
// or opts cannot be honoured; dst is then returned unchanged.
func (p Parser) AppendHTML(dst []byte, v Video, opts Options) ([]byte, error) {
	pr, err := p.provider(v.Provider)
	if err != nil {
		return dst, err
	}
	if !validProviderName(v.Provider) {
		return dst, newError(v.Provider, "", ErrUnsupported, "provider names are lower-case letters, digits and '-'")
	}
	if err := pr.Validate(v); err != nil {
		return dst, err
	}
	if err := validateOptions(v, opts); err != nil {
		return dst, err
	}
	pl, err := pr.Player(v, opts)
	if err != nil {
		return dst, err
	}
	if err := validateSrc(pl.Src, v.Provider); err != nil {
		return dst, err
	}
	c := embedContext{v: v, opts: opts, player: pl}
	c.title = firstNonEmpty(opts.Title, v.Title)
	if c.title == "" && !(opts.Wrapper == WrapperHugo && v.Provider == ProviderVimeo) {
		c.title = firstNonEmpty(pl.Title, "Video")
	}
	c.ratio = opts.Ratio
	if c.ratio.IsZero() {
		c.ratio = v.Ratio
	}
	if c.ratio.IsZero() {
		c.ratio = pl.Ratio
	}
	if !c.ratio.valid() {
		c.ratio = Ratio16x9
	}
	c.loading = opts.Loading
	if c.loading == "" {
		switch {
		case opts.Wrapper != WrapperHugo:
			c.loading = "lazy"
		case v.Provider != ProviderVimeo:
			c.loading = "eager"
		}
	}
	c.allow = allowBase
	if opts.Wrapper == WrapperHugo && v.Provider == ProviderVimeo {
		c.allow = ""
	}
	if !opts.NoFullscreen {
		if c.allow == "" {
			c.allow = "fullscreen"
		} else {
			c.allow += "; fullscreen"
		}
	}
	switch {
	case opts.Facade:
		click := opts
		click.facadeClick = true
		cp, err := pr.Player(v, click)
		if err != nil {
			return dst, err
		}
		if err := validateSrc(cp.Src, v.Provider); err != nil {
			return dst, err
		}
		return c.appendFacade(dst, cp.Src), nil
	case opts.Wrapper == WrapperHugo && v.Provider == ProviderVimeo:
		return c.appendHugoVimeo(dst), nil
	case opts.Wrapper == WrapperHugo:
		return c.appendHugoYouTube(dst), nil
	}
	return c.appendFrame(dst), nil
}

func validateOptions(v Video, o Options) error {
	bad := func(format string, args ...any) error {
		return newError("", v.Provider, ErrInvalidOptions, format, args...)
	}
	if o.Wrapper > WrapperHugo {
		return bad("unknown wrapper %d", o.Wrapper)
	}
	if o.Privacy > PrivacyOff {
		return bad("unknown privacy setting %d", o.Privacy)
	}
	switch o.Loading {
	case "", "lazy", "eager":
	default:
		return bad("loading %q is not \"lazy\" or \"eager\"", o.Loading)
	}
	if !o.Ratio.IsZero() && !o.Ratio.valid() {
		return bad("ratio %s: both numbers must be 1 to 10000", o.Ratio)
	}
	if !v.Ratio.IsZero() && !v.Ratio.valid() {
		return bad("video ratio %s: both numbers must be 1 to 10000", v.Ratio)
	}
	if o.Facade && o.Wrapper == WrapperHugo {
		return bad("Facade cannot be combined with WrapperHugo (Hugo has no facade markup)")
	}
	if o.Thumbnail != "" {
		if !o.Facade {
			return bad("Thumbnail is only used with Facade")
		}
		if err := validateThumbnail(o.Thumbnail); err != nil {
			return bad("thumbnail %q: %s", o.Thumbnail, err)
		}
	}
	for _, s := range []string{o.Title, v.Title, o.Class} {
		if !utf8.ValidString(s) {
			return bad("title or class is not valid UTF-8")
		}
	}
	return nil
}

type optError string

func (e optError) Error() string { return string(e) }

// validateThumbnail accepts an https URL or a path on the site ("/img/x.jpg").
func validateThumbnail(s string) error {
	if strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' }) {
		return optError("control characters and backslashes are not allowed")
	}
	if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
		if _, err := url.Parse(s); err != nil {
			return optError("malformed path")
		}
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Opaque != "" {
		return optError("want an https URL or a path starting with /")
	}
	return nil
}

// validateSrc makes sure a provider's Src is an absolute https URL.
func validateSrc(src, provider string) error {
	u, err := url.Parse(src)
	if err != nil || u.Scheme != "https" || u.Host == "" || u.User != nil || u.Opaque != "" ||
		!strings.HasPrefix(src, "https://") {
		return newError(src, provider, ErrBadURL, "the provider's player src is not an https URL")
	}
	return nil
}

func validProviderName(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// classes returns the wrapper's class list.
func (c *embedContext) classes(extra ...string) string {
	parts := []string{"folio-embed", "folio-embed-" + c.v.Provider}
	if c.opts.Wrapper == WrapperClass {
		parts = append(parts, ratioClass(c.ratio))
	}
	parts = append(parts, extra...)
	if cl := strings.TrimSpace(c.opts.Class); cl != "" {
		parts = append(parts, cl)
	}
	return strings.Join(parts, " ")
}

func (c *embedContext) wrapperStyle() string {
	return "position:relative;width:100%;height:0;padding-bottom:" + percent(c.ratio) + ";overflow:hidden"
}

// appendFrame writes the iframe in an inline-style or class-only wrapper.
func (c *embedContext) appendFrame(b []byte) []byte {
	inline := c.opts.Wrapper == WrapperInline
	b = append(b, `<div class="`...)
	b = escape.Append(attrEscapes, b, c.classes())
	b = append(b, '"')
	if inline {
		b = attr(b, "style", c.wrapperStyle())
	}
	b = append(b, `><iframe`...)
	b = attr(b, "src", c.player.Src)
	b = attr(b, "title", c.title)
	b = attr(b, "loading", c.loading)
	b = attr(b, "referrerpolicy", referrerPolicy)
	b = attr(b, "allow", c.allow)
	if inline {
		b = attr(b, "style", frameStyle)
	}
	return append(b, `></iframe></div>`...)
}

// appendHugoYouTube writes Hugo's youtube shortcode markup (v0.147+).
func (c *embedContext) appendHugoYouTube(b []byte) []byte {
	class := strings.TrimSpace(c.opts.Class)
	b = append(b, "<div"...)
	if class != "" {
		b = attr(b, "class", class)
	} else {
		b = attr(b, "style", strings.Replace(hugoDivStyle, "%s", percent(c.ratio), 1))
	}
	b = append(b, ">\n\t\t\t<iframe"...)
	b = attr(b, "allow", c.allow)
	b = attr(b, "loading", c.loading)
	b = attr(b, "referrerpolicy", referrerPolicy)
	b = attr(b, "src", c.player.Src)
	if class == "" {
		b = attr(b, "style", hugoFrameStyle)
	}
	b = attr(b, "title", c.title)
	// Hugo's template ends with a newline, which is part of its output.
	return append(b, "></iframe>\n\t\t</div>\n"...)
}

// appendHugoVimeo writes Hugo's vimeo shortcode markup (v0.147+).
func (c *embedContext) appendHugoVimeo(b []byte) []byte {
	class := strings.TrimSpace(c.opts.Class)
	// Hugo's template starts the markup on a new, indented line and ends
	// it with a newline; both are part of its output.
	b = append(b, "\n\t\t\t<div\n\t\t\t\t\t"...)
	if class != "" {
		b = append(b, `class="`...)
		b = escape.Append(attrEscapes, b, class)
	} else {
		b = append(b, `style="`...)
		b = append(b, strings.Replace(hugoDivStyle, "%s", percent(c.ratio), 1)...)
	}
	b = append(b, "\">\n\t\t\t\t<iframe\n\t\t\t\t\tsrc=\""...)
	b = escape.Append(attrEscapes, b, c.player.Src)
	b = append(b, '"')
	if class == "" {
		b = append(b, "\n\t\t\t\t\t\tstyle=\""+hugoFrameStyle+"\""...)
	}
	if c.allow != "" {
		b = attr(b, "allow", c.allow)
	}
	if c.loading != "" {
		b = attr(b, "loading", c.loading)
	}
	if c.title != "" {
		b = attr(b, "title", c.title)
	}
	return append(b, ">\n\t\t\t\t</iframe>\n\t\t\t</div>\n"...)
}

// appendFacade writes the click-to-load link.
func (c *embedContext) appendFacade(b []byte, clickSrc string) []byte {
	inline := c.opts.Wrapper == WrapperInline
	b = append(b, `<div class="`...)
	b = escape.Append(attrEscapes, b, c.classes("folio-embed-facade"))
	b = append(b, '"')
	if inline {
		b = attr(b, "style", c.wrapperStyle())
	}
	b = append(b, `><a class="folio-embed-play"`...)
	b = attr(b, "href", c.player.Link)
	b = attr(b, "data-embed-src", clickSrc)
	b = attr(b, "data-embed-title", c.title)
	b = attr(b, "data-embed-allow", c.allow)
	b = attr(b, "aria-label", "Play: "+c.title)
	if inline {
		b = attr(b, "style", facadeLinkStyle)
	}
	b = append(b, '>')
	if c.opts.Thumbnail != "" {
		b = append(b, `<img`...)
		b = attr(b, "src", c.opts.Thumbnail)
		b = append(b, ` alt="" loading="lazy" decoding="async"`...)
		if inline {
			b = attr(b, "style", facadeImgStyle)
		}
		b = append(b, '>')
	}
	b = append(b, `<span class="folio-embed-caption"`...)
	if inline {
		b = attr(b, "style", facadeCapStyle)
	}
	b = append(b, '>')
	b = escape.Append(attrEscapes, b, c.title)
	b = append(b, `</span><svg class="folio-embed-button" viewBox="0 0 68 48" width="68" height="48" aria-hidden="true" focusable="false"`...)
	if inline {
		b = attr(b, "style", facadeSVGStyle)
	}
	fill := "#f00"
	if c.v.Provider == ProviderVimeo {
		fill = "#00adef"
	}
	b = append(b, `><path d="M66.5 7.7a8.5 8.5 0 0 0-6-6C55.2.3 34 .3 34 .3S12.8.3 7.5 1.7a8.5 8.5 0 0 0-6 6C.1 13 .1 24 .1 24s0 11 1.4 16.3a8.5 8.5 0 0 0 6 6C12.8 47.7 34 47.7 34 47.7s21.2 0 26.5-1.4a8.5 8.5 0 0 0 6-6C67.9 35 67.9 24 67.9 24s0-11-1.4-16.3z" fill="`...)
	b = append(b, fill...)
	b = append(b, `"/><path d="M45 24 27 14v20z" fill="#fff"/></svg></a></div>`...)
	return b
}

// attr appends ` name="value"` with value escaped.
func attr(b []byte, name, value string) []byte {
	b = append(b, ' ')
	b = append(b, name...)
	b = append(b, `="`...)
	b = escape.Append(attrEscapes, b, value)
	return append(b, '"')
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// reduced returns r in lowest terms.
func (r Ratio) reduced() Ratio {
	g := gcd(r.W, r.H)
	if g <= 1 {
		return r
	}
	return Ratio{r.W / g, r.H / g}
}

func ratioClass(r Ratio) string {
	r = r.reduced()
	return "folio-embed-" + strconv.Itoa(r.W) + "x" + strconv.Itoa(r.H)
}

// percent returns H/W as a CSS percentage with at most four decimals.
func percent(r Ratio) string {
	s := strconv.FormatFloat(float64(r.H)*100/float64(r.W), 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	return s + "%"
}

// attrEscapes is html/template's set for attribute values and text, and
// CR, which an HTML parser would turn into LF.
var attrEscapes = escape.New("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "+", "&#43;", "\r", "&#13;", "\x00", "\uFFFD")
