package main

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/folio-md/folio/render"
)

// stubOptions returns the render options for site-specific shortcodes that
// this program cannot run. Each name in names is registered as a stub: its
// call renders as a visible placeholder naming the shortcode, followed by
// its inner content, so no text is lost. With unknown, a call to any other
// unregistered shortcode is kept as literal text and reported as a warning
// (render.UnknownKeepAsText) instead of failing the post.
func stubOptions(names []string, unknown bool) []render.Option {
	var opts []render.Option
	for _, n := range names {
		opts = append(opts, render.WithShortcode(n, render.ShortcodeHandler{
			Render: stub,
			Inner:  render.InnerOptional,
		}))
	}
	if unknown {
		opts = append(opts, render.WithUnknownShortcodes(render.UnknownKeepAsText))
	}
	return opts
}

// stub renders a call as a placeholder: in HTML for {{< name >}}, in
// Markdown for {{% name %}}. The inner content follows the name.
func stub(w io.Writer, sc *render.Shortcode) error {
	if sc.Markdown {
		// The name in a code span, then the inner Markdown as written.
		_, err := fmt.Fprintf(w, "`%s` %s", strings.ReplaceAll(sc.Name, "`", ""), sc.Inner)
		return err
	}
	_, err := fmt.Fprintf(w, `<span class="shortcode-stub" data-shortcode="%s"><code>%s</code> %s</span>`,
		html.EscapeString(sc.Name), html.EscapeString(sc.Name), html.EscapeString(sc.Inner))
	return err
}
