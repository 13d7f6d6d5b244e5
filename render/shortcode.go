package render

// shortcodeConfig holds the registered shortcode handlers and options. Owned by shortcode.go.
type shortcodeConfig struct{}

func defaultShortcodeConfig() shortcodeConfig { return shortcodeConfig{} }

// expansion is src with every shortcode call run: the Markdown goldmark
// parses, plus what is needed to finish the HTML and map positions back.
type expansion struct {
	src []byte
}

// expandShortcodes runs every shortcode call in d.src.
func (r *Renderer) expandShortcodes(d *docState) (*expansion, error) {
	return &expansion{src: d.src}, nil
}

// source returns the Markdown goldmark parses.
func (x *expansion) source() []byte { return x.src }

// origOffset maps an offset of source() to an offset of the original src.
func (x *expansion) origOffset(off int) int { return off }

// plain returns s with each placeholder replaced by the plain text of its
// output (for heading IDs and TOC text).
func (x *expansion) plain(s []byte) []byte { return s }

// finish returns html with each placeholder replaced by its output, a lone
// placeholder's <p> removed, and a toc marker replaced by tocHTML.
func (x *expansion) finish(html, tocHTML []byte) []byte { return html }
