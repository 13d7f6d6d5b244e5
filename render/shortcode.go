package render

import (
	"fmt"
	"strings"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/render/shortcode/builtin"
)

// shortcodeConfig holds the registered shortcode handlers and options.
// The map is built for each New call and never changed after New returns.
type shortcodeConfig struct {
	// expand is what shortcode.Expand is given; New sets UnsafeHTML.
	expand shortcode.Config
	embed  embed.Options
	// hugoMarkup: built-ins write the white space of Hugo's templates
	// (HugoCompat).
	hugoMarkup bool
	// builtins are the settings the built-in handlers read; New fills
	// them in once every option is applied.
	builtins *builtin.Settings
	// err is the first configuration error (an invalid shortcode name);
	// Renderer.Err returns it and every render fails with it.
	err error
}

func defaultShortcodeConfig() shortcodeConfig {
	b := &builtin.Settings{}
	return shortcodeConfig{expand: shortcode.Config{Handlers: builtin.Handlers(b)}, builtins: b}
}

// WithShortcodeHandler registers h as the handler of the shortcode name,
// replacing a built-in or an earlier registration of the same name. A
// name is a letter, digit or '_', then letters, digits, '_', '-' and '/'
// (for namespaces such as "blog/note"); see shortcode.CheckName. A name no
// call can match ("", "my note", "css.inline") is a configuration error:
// New records it, Renderer.Err returns it and every render fails with it.
// A handler whose Render is nil removes the shortcode, as
// WithoutShortcodeHandlers does.
func WithShortcodeHandler(name string, h shortcode.Handler) Option {
	return optionFunc(func(c *config) {
		if err := shortcode.CheckName(name); err != nil {
			if c.sc.err == nil {
				c.sc.err = fmt.Errorf("render: WithShortcodeHandler: %w", err)
			}
			return
		}
		if h.Render == nil {
			delete(c.sc.expand.Handlers, name)
			return
		}
		c.sc.expand.Handlers[name] = h
	})
}

// WithoutShortcodeHandlers removes the handlers of the shortcodes names
// (built-in or registered earlier); calls to them are then unknown (see
// WithUnknownShortcodes). Names that have no handler are ignored.
func WithoutShortcodeHandlers(names ...string) Option {
	return optionFunc(func(c *config) {
		for _, n := range names {
			delete(c.sc.expand.Handlers, n)
		}
	})
}

// WithShortcodeSyntax turns the shortcode syntax on (the default) or off.
// When off, no call is recognised: {{< name >}} and {{% name %}} are left
// as text and Markdown renders them, whatever handlers are registered.
func WithShortcodeSyntax(on bool) Option {
	return optionFunc(func(c *config) { c.sc.expand.Disabled = !on })
}

// Err returns the configuration error New recorded, or nil: the first
// shortcode name given to WithShortcodeHandler that no call can match. It
// unwraps to shortcode.ErrInvalidName. Render and RenderPost return it
// too, so a program may check it once at start-up or at its first render:
//
//	r := render.New(opts...)
//	if err := r.Err(); err != nil {
//		log.Fatal(err)
//	}
func (r *Renderer) Err() error { return r.cfg.sc.err }

// WithUnknownShortcodes sets what a call to an unregistered shortcode
// does: shortcode.UnknownError (the default) fails the render, as Hugo
// does; the others (shortcode.UnknownKeepAsText, UnknownDrop,
// UnknownInner, UnknownPlaceholder) render the page and add a Diagnostic with the
// call's position for each call, so a migration never stops on a page.
// A closing tag pairs with an unknown call when one follows it (before the
// closing tag of the call it is in); otherwise the call stands alone.
func WithUnknownShortcodes(u shortcode.UnknownMode) Option {
	return optionFunc(func(c *config) { c.sc.expand.Unknown = u })
}

// WithUnknownShortcodeHandler renders every call to an unregistered
// shortcode with h, which sees the call's name, arguments, inner content
// and position as a registered handler does, and adds a Diagnostic with
// the call's position for each call. It overrides WithUnknownShortcodes.
// h.Inner is not used: calls to unknown names pair with a closing tag
// when one follows them (shortcode.InnerOptional). A handler whose Render is nil
// removes it.
func WithUnknownShortcodeHandler(h shortcode.Handler) Option {
	return optionFunc(func(c *config) { c.sc.expand.UnknownHandler = h })
}

// WithInlineShortcodes runs inline shortcodes, as Hugo's
// enableInlineShortcodes = true does. Only use it for trusted input: the
// author writes the template. A call {{< name.inline >}}…{{< /name.inline >}}
// defines the shortcode name.inline for the rest of the page, its inner
// text being an html/template that runs with the same data as a template
// of shortcode.Template (.Get, .Inner, .Params, .Name, .Page, ...), and
// writes its output; a later call without a closing tag
// ({{< name.inline />}} or {{< name.inline args >}}) runs the earlier
// definition again with its own arguments, and is an error without one.
// They have folio's template functions (shortcode.Funcs: markdownify,
// safeHTML, urlize, default, humanize, ...), .RenderString and .Site.Params.
//
// Without it (the default, as in Hugo), each inline shortcode call
// writes nothing and adds a Diagnostic.
func WithInlineShortcodes(on bool) Option {
	return optionFunc(func(c *config) { c.sc.expand.Inline = on })
}

// WithRefResolver sets the resolver of the ref and relref shortcodes.
// Without one, a call to either is an error (shortcode.ErrNoRefResolver).
func WithRefResolver(f shortcode.RefResolver) Option {
	return optionFunc(func(c *config) { c.sc.expand.RefResolver = f })
}

// WithSiteParams gives the param shortcode the site's parameters (Hugo's
// site params), used when a key is not in the post's front matter, as
// Hugo's .Param does. Keys are case-insensitive. The map is copied, so the
// Renderer stays immutable whatever the caller does with it afterwards.
func WithSiteParams(params map[string]any) Option {
	site, _ := copyParams(params).(map[string]any)
	return optionFunc(func(c *config) { c.sc.expand.SiteParams = site })
}

// copyParams deep-copies maps and slices, lower-casing map keys.
func copyParams(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[strings.ToLower(k)] = copyParams(x)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, x := range v {
			s[i] = copyParams(x)
		}
		return s
	case []string:
		return append([]string(nil), v...)
	}
	return v
}

// WithEmbedOptions sets the base options of the youtube and vimeo
// shortcodes, and of the embeds that replace hand-written YouTube and Vimeo
// iframes; a shortcode call's arguments (autoplay, class, title, ...) are
// applied on top. The default is embed's zero Options: privacy-enhanced,
// lazily loaded, responsive. embed.Options{Wrapper: embed.WrapperHugo}
// gives the markup of Hugo's own shortcodes byte for byte.
func WithEmbedOptions(o embed.Options) Option {
	return optionFunc(func(c *config) { c.sc.embed = o })
}

// shortcodeHost is the shortcode.Host of one render: the calls of its
// page report to its docState and render Markdown with its Renderer.
type shortcodeHost struct {
	r *Renderer
	d *docState
}

// Position returns the file position of offset off of the page source,
// in time linear over the page's calls in whatever order they come.
func (h shortcodeHost) Position(off int) post.Position {
	line, col := h.d.lineColSource(off)
	return post.Position{Path: h.d.path, Line: line, Column: col}
}

// Warn adds a Diagnostic at offset off of the page source.
func (h shortcodeHost) Warn(off int, msg string) { h.d.noteSource(off, msg) }

// RenderMarkdown renders a fragment with the Renderer's settings.
func (h shortcodeHost) RenderMarkdown(markdown []byte, inline bool, off int, where string) ([]byte, error) {
	if inline {
		return h.r.markdownify(markdown, h.d, off, where)
	}
	return h.r.fragment(markdown, h.d, off, where)
}

// URLAllowed applies the Renderer's URL policy: srcset as a srcset, the
// src of an img as an image, anything else as a link.
func (h shortcodeHost) URLAllowed(u []byte, attr, element string) bool {
	switch {
	case strings.EqualFold(attr, "srcset"):
		return h.r.urls.SrcsetAllowed(u)
	case element == "img" && strings.EqualFold(attr, "src"):
		return h.r.urls.Allowed(u, htmlsafe.Image)
	}
	return h.r.urls.Allowed(u, htmlsafe.Link)
}

var _ shortcode.Host = shortcodeHost{}
