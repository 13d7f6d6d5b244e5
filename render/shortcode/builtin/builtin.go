// Package builtin holds Hugo's built-in shortcodes (youtube, vimeo,
// figure, highlight, param, details, ref, relref and toc) as
// shortcode.Handler values. They use the public API of shortcode.Call and
// nothing else, so a program can register them under other names, wrap
// them, or write its own equal; render.New registers them by default.
package builtin

import (
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/render/internal/htmltext"
	"github.com/folio-md/folio/render/shortcode"
)

// Settings are what the built-ins read besides the call: the renderer's
// settings, as a user's handler would keep them in its own closure.
type Settings struct {
	// Embed is the base of every youtube and vimeo embed; a call's
	// arguments (autoplay, class, title, ...) are applied on top.
	Embed embed.Options
	// HugoMarkup makes figure and details write the white space of Hugo's
	// templates (render.HugoCompat sets it).
	HugoMarkup bool
	// Highlighter highlights the highlight shortcode's code; nil writes
	// it as plain code.
	Highlighter *highlight.Highlighter
}

// Handlers returns a fresh map of the built-in shortcodes, by name. They
// read s at each call, so s may be filled in after Handlers returns (as
// render.New does once every option is applied) but not changed during
// a render.
func Handlers(s *Settings) map[string]shortcode.Handler {
	b := s
	m := map[string]shortcode.Handler{
		"youtube":   {Render: b.youtubeShortcode},
		"vimeo":     {Render: b.vimeoShortcode},
		"figure":    {Render: b.figureShortcode},
		"highlight": {Render: b.highlightShortcode, Inner: shortcode.InnerRequired},
		"param":     {Render: paramShortcode},
		"details":   {Render: b.detailsShortcode, Inner: shortcode.InnerRequired},
		"ref":       {Render: refShortcode(false)},
		"relref":    {Render: refShortcode(true)},
		"toc":       {Render: tocShortcode},
	}
	// What they write depends on the call, the page and s, which a
	// renderer fills in from its own settings: their names identify them.
	for name, h := range m {
		h.CacheID = "folio/builtin/" + name
		m[name] = h
	}
	return m
}

// checkArgs records a Diagnostic for each argument the shortcode ignores:
// named arguments not in names, positional ones past maxPos.
func checkArgs(sc *shortcode.Call, maxPos int, names ...string) {
	switch p := sc.Params.(type) {
	case []any:
		if len(p) > maxPos {
			sc.Warnf("shortcode %q: %d positional arguments given, %d used; the rest are ignored", sc.Name, len(p), maxPos)
		}
	case map[string]any:
		for _, k := range sortedKeys(p) {
			known := false
			for _, n := range names {
				if k == n {
					known = true
					break
				}
			}
			if !known {
				sc.Warnf("shortcode %q: unknown argument %q ignored", sc.Name, k)
			}
		}
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// idArg returns the "id" argument or the first positional one.
func idArg(sc *shortcode.Call) (string, error) {
	id := sc.GetString("id")
	if id == "" {
		id = sc.GetString(0)
	}
	if id == "" {
		return "", errors.New("requires an id argument")
	}
	return id, nil
}

// videoOptions applies the arguments both video shortcodes share.
func videoOptions(sc *shortcode.Call, o *embed.Options) error {
	fs, err := sc.GetBool("allowFullScreen", true)
	if err != nil {
		return err
	}
	o.NoFullscreen = !fs
	if v := sc.GetString("loading"); v != "" {
		if v != "lazy" && v != "eager" {
			return &shortcode.ArgError{Key: "loading", Err: fmt.Errorf("want lazy or eager, got %q", v)}
		}
		o.Loading = v
	}
	if v := sc.GetString("title"); v != "" {
		o.Title = v
	}
	if v := sc.GetString("class"); v != "" {
		o.Class = v
	}
	return nil
}

// youtubeShortcode is Hugo's youtube: {{< youtube ID >}} or
// {{< youtube id=ID start=30 end=60 autoplay=true mute=true loop=true
// controls=false loading=lazy title="…" class="…" allowFullScreen=false >}}.
// The id may also be any YouTube URL.
func (cfg *Settings) youtubeShortcode(w io.Writer, sc *shortcode.Call) error {
	checkArgs(sc, 1, "id", "start", "end", "autoplay", "mute", "loop", "controls", "loading", "title", "class", "allowFullScreen")
	id, err := idArg(sc)
	if err != nil {
		return err
	}
	v, err := embed.Parse(id)
	if err != nil {
		return err
	}
	if v.Provider != embed.ProviderYouTube {
		return fmt.Errorf("%q is not a YouTube video", id)
	}
	o := cfg.Embed
	if err := videoOptions(sc, &o); err != nil {
		return err
	}
	for _, t := range []struct {
		name string
		dst  *time.Duration
	}{{"start", &v.Start}, {"end", &v.End}} {
		n, err := sc.GetInt(t.name, -1)
		if err != nil {
			return err
		}
		if n > 0 {
			*t.dst = time.Duration(n) * time.Second
		}
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"autoplay", &o.Autoplay}, {"mute", &o.Mute}, {"loop", &o.Loop}} {
		on, err := sc.GetBool(b.name, *b.dst)
		if err != nil {
			return err
		}
		*b.dst = on
	}
	controls, err := sc.GetBool("controls", !o.NoControls)
	if err != nil {
		return err
	}
	o.NoControls = !controls
	return writeVideo(w, v, o)
}

// vimeoShortcode is Hugo's vimeo: {{< vimeo ID >}}, the older positional
// form {{< vimeo ID CLASS TITLE >}}, or {{< vimeo id=ID class="…"
// title="…" loading=lazy allowFullScreen=false >}}. The id may also be any
// Vimeo URL.
func (cfg *Settings) vimeoShortcode(w io.Writer, sc *shortcode.Call) error {
	checkArgs(sc, 3, "id", "class", "title", "loading", "allowFullScreen")
	id, err := idArg(sc)
	if err != nil {
		return err
	}
	v, err := embed.Vimeo(id)
	if err != nil && strings.Contains(id, "/") {
		if v, err = embed.Parse(id); err == nil && v.Provider != embed.ProviderVimeo {
			return fmt.Errorf("%q is not a Vimeo video", id)
		}
	}
	if err != nil {
		return err
	}
	o := cfg.Embed
	if err := videoOptions(sc, &o); err != nil {
		return err
	}
	if !sc.IsNamedParams {
		if c := sc.GetString(1); c != "" {
			o.Class = c
		}
		if t := sc.GetString(2); t != "" {
			o.Title = t
		}
	}
	return writeVideo(w, v, o)
}

func writeVideo(w io.Writer, v embed.Video, o embed.Options) error {
	b, err := v.AppendHTML(nil, o)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// urlArg returns the URL argument name, or "" with a Diagnostic when the
// renderer's URL policy refuses it in the attribute attr of element (an
// image source also allows data: raster images).
func urlArg(sc *shortcode.Call, name, attr, element string) string {
	u := sc.GetString(name)
	if u == "" || sc.URLAllowed(u, attr, element) {
		return u
	}
	sc.Warnf("shortcode %q: unsafe URL in %q removed: %q", sc.Name, name, htmlsafe.Clip(u, 40))
	return ""
}

// figureShortcode is Hugo's figure, with every parameter: src, alt, width,
// height, loading, class, link, target, rel, title, caption (Markdown),
// attr (Markdown) and attrlink. The markup is Hugo's with the template's
// white space trimmed, or kept as Hugo writes it with HugoCompat.
func (cfg *Settings) figureShortcode(w io.Writer, sc *shortcode.Call) error {
	checkArgs(sc, 0, "src", "alt", "width", "height", "loading", "class", "link", "target", "rel", "title", "caption", "attr", "attrlink")
	if !sc.IsNamedParams && sc.Params != nil {
		return errors.New("takes named arguments only (src=\"…\")")
	}
	src := urlArg(sc, "src", "src", "img")
	link := urlArg(sc, "link", "href", "a")
	attrlink := urlArg(sc, "attrlink", "href", "a")
	caption, attr := sc.GetString("caption"), sc.GetString("attr")
	var captionHTML, attrHTML string
	var err error
	if caption != "" {
		if captionHTML, err = sc.RenderMarkdown(caption); err != nil {
			return err
		}
	}
	if attr != "" {
		if attrHTML, err = sc.RenderMarkdown(attr); err != nil {
			return err
		}
	}
	// Hugo's template leaves white space (new lines and tabs) in the
	// markup; with HugoCompat it is written as Hugo writes it.
	hugo := cfg.HugoMarkup
	var b strings.Builder
	ws := func(s string) {
		if hugo {
			b.WriteString(s)
		}
	}
	b.WriteString("<figure")
	writeAttr(&b, "class", sc.GetString("class"))
	b.WriteString(">")
	if link != "" {
		b.WriteString("<a")
		writeAttr(&b, "href", link)
		writeAttr(&b, "target", sc.GetString("target"))
		writeAttr(&b, "rel", sc.GetString("rel"))
		b.WriteString(">")
	}
	b.WriteString(`<img src="`)
	b.WriteString(html.EscapeString(src))
	b.WriteString(`"`)
	alt := sc.GetString("alt")
	if alt == "" && caption != "" {
		alt = htmltext.Text([]byte(captionHTML))
	}
	if alt != "" {
		if hugo {
			b.WriteString("\n\t\t\t")
		} else {
			b.WriteString(" ")
		}
		b.WriteString(`alt="`)
		b.WriteString(html.EscapeString(alt))
		b.WriteString(`"`)
	}
	writeAttr(&b, "width", sc.GetString("width"))
	writeAttr(&b, "height", sc.GetString("height"))
	writeAttr(&b, "loading", sc.GetString("loading"))
	b.WriteString(">")
	if link != "" {
		b.WriteString("</a>")
	}
	title := sc.GetString("title")
	if title != "" || caption != "" || attr != "" {
		b.WriteString("<figcaption>")
		ws("\n\t\t\t")
		if title != "" {
			b.WriteString("<h4>")
			b.WriteString(html.EscapeString(title))
			b.WriteString("</h4>")
		}
		if caption != "" || attr != "" {
			b.WriteString("<p>")
			b.WriteString(captionHTML)
			if attrlink != "" {
				if hugo {
					b.WriteString("\n\t\t\t\t\t\t")
				} else {
					b.WriteString(" ")
				}
				b.WriteString(`<a href="`)
				b.WriteString(html.EscapeString(attrlink))
				b.WriteString(`">`)
			}
			b.WriteString(attrHTML)
			if attrlink != "" {
				b.WriteString("</a>")
			}
			b.WriteString("</p>")
		}
		ws("\n\t\t")
		b.WriteString("</figcaption>")
	}
	ws("\n")
	b.WriteString("</figure>")
	ws("\n")
	_, err = io.WriteString(w, b.String())
	return err
}

// writeAttr writes ` name="value"`, escaped, when value is not empty.
func writeAttr(b *strings.Builder, name, value string) {
	if value == "" {
		return
	}
	b.WriteByte(' ')
	b.WriteString(name)
	b.WriteString(`="`)
	b.WriteString(html.EscapeString(value))
	b.WriteByte('"')
}

// highlightShortcode is Hugo's highlight: {{< highlight LANG "OPTIONS" >}}
// code {{< /highlight >}}, with the options of a code fence in Hugo's
// string form ("linenos=table,hl_lines=2 4-5,linenostart=10").
func (cfg *Settings) highlightShortcode(w io.Writer, sc *shortcode.Call) error {
	checkArgs(sc, 2)
	if sc.IsNamedParams {
		return errors.New("takes positional arguments: a language and an optional option string")
	}
	code := strings.Trim(sc.InnerDeindent(), "\r\n")
	hl := cfg.Highlighter
	if hl == nil {
		hl = highlight.New(highlight.Config{Plain: true})
	}
	err := hl.Highlight(w, []byte(code), sc.GetString(0), sc.GetString(1))
	if oe := (*highlight.OptionError)(nil); errors.As(err, &oe) {
		return errors.New("render: " + oe.Message) // the message without highlight's prefix
	}
	if b, _ := highlight.ParseOptions(sc.GetString(1)); err == nil && !b.Inline() && sc.InText() {
		sc.Warnf("highlight: a code block inside a line of text puts a <div> inside the paragraph (as Hugo does); add the option hl_inline=true for inline code")
	}
	return err
}

// paramShortcode is Hugo's param: {{< param KEY >}} writes the page
// parameter KEY, which may be dotted ("author.name") to reach into maps,
// and falls back to the site params of WithSiteParams as Hugo's .Param
// does. Keys are case-insensitive.
func paramShortcode(w io.Writer, sc *shortcode.Call) error {
	checkArgs(sc, 1, "key")
	key := sc.GetString(0)
	if key == "" {
		key = sc.GetString("key")
	}
	if key == "" {
		return errors.New("missing parameter key")
	}
	v, found := sc.Param(key)
	if !found || v == nil {
		if sc.Page == nil && !sc.HasSiteParams() {
			return fmt.Errorf("parameter %q: no page (Render has no front matter; use RenderPost or WithSiteParams)", key)
		}
		return fmt.Errorf("parameter %q not found in the front matter or the site params", key)
	}
	_, err := io.WriteString(w, html.EscapeString(fmt.Sprint(v)))
	return err
}

// detailsShortcode is Hugo's details: {{< details summary="…" open=true
// class="…" name="…" title="…" >}}Markdown{{< /details >}}. The summary
// and the inner content are Markdown.
func (cfg *Settings) detailsShortcode(w io.Writer, sc *shortcode.Call) error {
	// Positional arguments are ignored, as Hugo's template ignores them
	// (reported by checkArgs: details takes named arguments only).
	checkArgs(sc, 0, "summary", "open", "class", "name", "title")
	open, err := sc.GetBool("open", false)
	if err != nil {
		return err
	}
	summary := sc.GetString("summary")
	if summary == "" {
		summary = "Details"
	}
	summaryHTML, err := sc.RenderMarkdown(summary)
	if err != nil {
		return err
	}
	inner, err := sc.RenderMarkdownBlock(sc.Inner)
	if err != nil {
		return err
	}
	// Hugo's template writes a newline before and after the element and
	// indents with tabs; folio's own markup is compact.
	hugo := cfg.HugoMarkup
	indent := "  "
	var b strings.Builder
	if hugo {
		indent = "\t"
		b.WriteByte('\n')
	}
	b.WriteString("<details")
	writeAttr(&b, "class", sc.GetString("class"))
	writeAttr(&b, "name", sc.GetString("name"))
	if open {
		b.WriteString(" open")
	}
	writeAttr(&b, "title", sc.GetString("title"))
	b.WriteString(">\n" + indent + "<summary>")
	b.WriteString(summaryHTML)
	b.WriteString("</summary>\n" + indent)
	b.WriteString(inner)
	b.WriteString("</details>")
	if hugo {
		b.WriteByte('\n')
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// refShortcode is Hugo's ref or relref: {{< ref "path" >}} or
// {{< ref path="…" lang="…" outputFormat="…" >}}, resolved by the
// renderer's RefResolver.
func refShortcode(relative bool) shortcode.Func {
	return func(w io.Writer, sc *shortcode.Call) error {
		checkArgs(sc, 1, "path", "lang", "outputFormat")
		ref := shortcode.Ref{
			Path: sc.GetString(0), Lang: sc.GetString("lang"), OutputFormat: sc.GetString("outputFormat"),
			Relative: relative, Page: sc.Page, Position: sc.Position,
		}
		if sc.IsNamedParams {
			ref.Path = sc.GetString("path")
		}
		if ref.Path == "" {
			return errors.New("missing page reference")
		}
		u, err := sc.ResolveRef(ref)
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, html.EscapeString(u))
		return err
	}
}

// tocShortcode marks where the table of contents goes: {{< toc >}} is
// replaced by the TOC's HTML (<nav id="TableOfContents">…</nav>).
func tocShortcode(_ io.Writer, sc *shortcode.Call) error {
	checkArgs(sc, 0)
	sc.MarkTOC()
	return nil
}
