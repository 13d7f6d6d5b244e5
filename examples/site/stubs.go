package main

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// stubOptions returns the render options for site-specific shortcodes that
// this program cannot run. Each name in names is registered as a stub: its
// call renders as a visible placeholder naming the shortcode, followed by
// its inner content, so no text is lost. With unknown, a call to any other
// unregistered shortcode becomes an empty placeholder element
// (<span class="shortcode-unknown" data-shortcode="NAME"></span>, a div
// for a call alone on its line, which the stylesheet shows) and is
// reported as a warning (shortcode.UnknownPlaceholder) instead of failing
// the post; the placeholder adds no text to the page's plain text,
// summary or word count.
func stubOptions(names []string, unknown bool) []render.Option {
	var opts []render.Option
	for _, n := range names {
		opts = append(opts, render.WithShortcodeHandler(n, shortcode.Handler{
			Render: stub,
			Inner:  shortcode.InnerOptional,
		}))
	}
	if unknown {
		opts = append(opts, render.WithUnknownShortcodes(shortcode.UnknownPlaceholder))
	}
	return opts
}

// unknownCSS makes the placeholders of -stub-unknown visible and unlike
// the text around them: the shortcode's name, from the data-shortcode
// attribute, as the call was written, in a dashed box; a block call says
// that it was not rendered.
const unknownCSS = `
.shortcode-unknown {
  font-family: var(--mono);
  font-size: 0.8em;
  color: #8a4b00;
  background: #fff4e0;
  border: 1px dashed #c77d00;
  border-radius: 4px;
  padding: 0.05em 0.4em;
}
.shortcode-unknown::before { content: "{{< " attr(data-shortcode) " >}}"; }
div.shortcode-unknown { display: block; margin: 1.5em 0; padding: 0.6em 0.9em; }
div.shortcode-unknown::before { content: "{{< " attr(data-shortcode) " >}} not rendered: no such shortcode"; }
@media (prefers-color-scheme: dark) {
  .shortcode-unknown { color: #ffcf8a; background: #3a2a12; border-color: #b07a2a; }
}
`

// stub renders a call as a placeholder: in HTML for {{< name >}}, in
// Markdown for {{% name %}}. The inner content follows the name.
func stub(w io.Writer, sc *shortcode.Call) error {
	if sc.Markdown {
		// The name in a code span, then the inner Markdown as written.
		_, err := fmt.Fprintf(w, "`%s` %s", strings.ReplaceAll(sc.Name, "`", ""), sc.Inner)
		return err
	}
	_, err := fmt.Fprintf(w, `<span class="shortcode-stub" data-shortcode="%s"><code>%s</code> %s</span>`,
		html.EscapeString(sc.Name), html.EscapeString(sc.Name), html.EscapeString(sc.Inner))
	return err
}
