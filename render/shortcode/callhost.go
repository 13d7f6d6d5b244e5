package shortcode

import (
	"errors"
	"fmt"
	"strings"
)

// This file holds what a call asks of the renderer running it (the
// [Host] of its [Expansion]) and of the render's settings ([Config]):
// Markdown rendering, diagnostics, the URL policy, parameters and refs.
// The built-in shortcodes use nothing else, so a user's handler can do
// whatever a built-in does.

// errOutsideRender: a method that needs the renderer was called on a Call
// made outside a render.
var errOutsideRender = errors.New("shortcode: the call is not part of a render")

// RenderMarkdown renders Markdown with the renderer's settings (no
// shortcodes) and returns the HTML; when the result is a single paragraph
// its <p> is removed, as Hugo's markdownify does. Handlers use it for
// captions and for inner content written in Markdown. Diagnostics of the
// Markdown are reported at the call.
func (c *Call) RenderMarkdown(markdown string) (string, error) {
	return c.renderMarkdown(markdown, true)
}

// RenderMarkdownBlock is RenderMarkdown without removing the <p> of a
// single paragraph: for content that is a block, such as the inner
// content of details.
func (c *Call) RenderMarkdownBlock(markdown string) (string, error) {
	return c.renderMarkdown(markdown, false)
}

func (c *Call) renderMarkdown(markdown string, inline bool) (string, error) {
	if c.x == nil {
		return "", errOutsideRender
	}
	b, err := c.x.host.RenderMarkdown([]byte(markdown), inline, c.off, c.where())
	return string(b), err
}

// where prefixes the diagnostics of Markdown rendered for the call.
func (c *Call) where() string { return fmt.Sprintf("in shortcode %q", c.Name) }

// InText reports whether the call shares its lines with other text, as a
// call inside a paragraph does: what it writes there must be inline HTML.
// It is false for a call alone on its lines, and outside a render.
func (c *Call) InText() bool { return c.x != nil && !isBlockCall(c.x.orig, c.off, c.end) }

// Warnf adds a Diagnostic at the call, formatted as fmt.Sprintf does.
// Outside a render it does nothing.
func (c *Call) Warnf(format string, args ...any) {
	if c.x != nil {
		c.x.host.Warn(c.off, fmt.Sprintf(format, args...))
	}
}

// URLAllowed reports whether the URL u (as the browser reads it: character
// references resolved) may stand in the attribute attr of the element
// ("img", "a", ...) under the renderer's URL policy. It is true when raw
// HTML is allowed (WithUnsafeHTML) and outside a render. Whatever a
// handler writes, a URL attribute in its output that the policy refuses
// is emptied when the page is finished; checking first lets a handler
// leave the attribute out or say why.
func (c *Call) URLAllowed(u, attr, element string) bool {
	if c.x == nil || c.x.cfg.UnsafeHTML {
		return true
	}
	return c.x.host.URLAllowed([]byte(u), attr, element)
}

// MarkTOC makes the call's output the page's table of contents
// (<nav id="TableOfContents">…</nav>), put in its place once the page is
// rendered; what the handler writes is not used. The built-in toc
// shortcode is a handler that calls it.
func (c *Call) MarkTOC() { c.isTOC = true }

// Param returns the parameter key as Hugo's .Param does: from the page's
// front matter, else from the site params (render.WithSiteParams). key
// is case-insensitive and may be dotted ("author.name") to reach into
// maps. ok is false when neither has it.
func (c *Call) Param(key string) (v any, ok bool) {
	if c.Page != nil {
		if v, ok = lookupParam(c.Page.Params, key); ok {
			return v, ok
		}
	}
	if c.x != nil {
		return lookupParam(c.x.cfg.SiteParams, key)
	}
	return nil, false
}

// HasSiteParams reports whether the render has site params
// (render.WithSiteParams), so that a handler can tell why Param found
// nothing.
func (c *Call) HasSiteParams() bool { return c.x != nil && c.x.cfg.SiteParams != nil }

// ResolveRef returns the URL of a page reference from the renderer's
// RefResolver (render.WithRefResolver), or ErrNoRefResolver without one.
func (c *Call) ResolveRef(ref Ref) (string, error) {
	if c.x == nil || c.x.cfg.RefResolver == nil {
		return "", ErrNoRefResolver
	}
	return c.x.cfg.RefResolver(ref)
}

// lookupParam finds a dotted, case-insensitive key in m.
func lookupParam(m map[string]any, key string) (any, bool) {
	var v any = m
	for _, part := range strings.Split(key, ".") {
		mm, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = mm[strings.ToLower(part)]; ok {
			continue
		}
		found := false
		for k, mv := range mm {
			if strings.EqualFold(k, part) {
				v, found = mv, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return v, true
}

// clip shortens s to at most n bytes for a message, without cutting a
// UTF-8 sequence, marking the cut with "...".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "..."
}
