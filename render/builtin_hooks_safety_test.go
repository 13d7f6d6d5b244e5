package render_test

import (
	"bytes"
	"image"
	"image/png"
	"io"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/folio-md/folio/internal/golden"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// The built-in renderings in the safety checks: builtinChannels are the
// channels of TestSafetyVectors that put a vector into their slots (alert
// markers and titles, heading anchor settings, image sources read from a
// file system, link destinations and link settings), and
// builtinFuzzOptions are the options FuzzRenderSafe's alternative
// renderers add.

// imageFS holds the images the safety inputs name.
var imageFS = fstest.MapFS{
	"a.png":        {Data: tinyPNG()},
	"images/b.png": {Data: tinyPNG()},
}

// tinyPNG returns a 2×1 PNG.
func tinyPNG() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 1))); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// builtinFuzzOptions turns on every built-in rendering, with fixed
// settings, for FuzzRenderSafe.
func builtinFuzzOptions() []render.Option {
	return []render.Option{
		render.WithGitHubAlerts(),
		render.WithHeadingAnchors(render.HeadingAnchors{Position: render.AnchorWrap}),
		render.WithImageFiles(render.ImageFiles{FS: imageFS}),
		render.WithLinks(render.Links{Rel: "nofollow", Target: "_blank", ResolveMarkdown: true}),
	}
}

// builtinOptions turns on every built-in rendering with v in each of its
// settings, and a ref resolver that returns v.
func builtinOptions(pos render.AnchorPosition, hidden bool) func(v string) []render.Option {
	return func(v string) []render.Option {
		a := render.HeadingAnchors{Position: pos, Symbol: v, Class: v, Label: v + " %s"}
		if hidden {
			a.HiddenLabelClass = v
		}
		return []render.Option{
			render.WithGitHubAlerts(),
			render.WithHeadingAnchors(a),
			render.WithImageFiles(render.ImageFiles{FS: imageFS}),
			render.WithLinks(render.Links{Rel: v, Target: v, ResolveMarkdown: true}),
			render.WithRefResolver(func(shortcode.Ref) (string, error) { return v, nil }),
		}
	}
}

// quoteHookOptions renders blockquotes with a hook that writes every
// field it receives as HTML, the way a template would (titles and text
// are HTML; the rest escaped by GitHubAlert's rules), falling back to
// GitHubAlert.
func quoteHookOptions(v string) []render.Option {
	return []render.Option{
		render.WithBlockquoteHook(func(w io.Writer, b render.Blockquote) error {
			if b.Type != render.BlockquoteAlert {
				return render.ErrDefault
			}
			b.Text = "<p>" + b.AlertTitle + "</p>\n" + b.Text
			return render.GitHubAlert(w, b)
		}),
	}
}

// builtinSeeds are FuzzRenderSafe seeds: the inputs of the built-in
// renderings' golden files, for the renderers where they are on.
func builtinSeeds(f *testing.F) []fuzzSeed {
	var seeds []fuzzSeed
	for _, dir := range []string{"alerts", "anchors", "imagefiles", "links"} {
		for _, c := range golden.Load(f, filepath.Join("testdata", dir, "*.txt")) {
			seeds = append(seeds, fuzzSeed{string(c.Input.Data), fuzzAltOptions, "https://example.com/a"})
		}
	}
	return seeds
}

func builtinChannels() []channel {
	after, before, wrap := builtinOptions(render.AnchorAfter, false), builtinOptions(render.AnchorBefore, true), builtinOptions(render.AnchorWrap, false)
	chans := []channel{
		{name: "alert-title", opts: after, md: func(v string) string { return "> [!NOTE] " + v + "\n> body [x](" + v + ")\n" }},
		{name: "alert-fold-title", opts: after, md: func(v string) string { return "> [!TIP]- " + v + "\n> " + v + "\n" }},
		{name: "alert-type", opts: after, md: func(v string) string { return "> [!" + v + "]\n> x\n" }},
		{name: "alert-body", opts: after, md: func(v string) string { return "> [!WARNING]\n> " + v + "\n>\n> " + v + "\n" }},
		{name: "alert-link-title", opts: after, md: func(v string) string {
			return "> [!NOTE] [x](/a \"" + v + "\n> " + v + "\") y\n> z\n"
		}},
		{name: "alert-nested", opts: after, md: func(v string) string { return "> outer " + v + "\n>\n> > [!CAUTION]+ " + v + "\n> > " + v + "\n" }},
		{name: "alert-hook", opts: quoteHookOptions, md: func(v string) string { return "> [!NOTE] " + v + "\n> " + v + "\n" }},
		{name: "anchor-after", opts: after, md: func(v string) string { return "## " + v + "\n\n## h {#" + v + "}\n" }},
		{name: "anchor-before-hidden", opts: before, md: func(v string) string { return "## " + v + "\n\n## h {#" + v + "}\n" }},
		{name: "anchor-wrap", opts: wrap, md: func(v string) string { return "## " + v + "\n\n## [x](" + v + ") " + v + "\n" }},
		{name: "image-file", opts: after, md: func(v string) string { return "![a](" + v + ") ![b](a.png) ![c](/images/b.png \"" + v + "\")\n" }},
		{name: "image-file-alt", opts: after, md: func(v string) string { return "![" + v + "](a.png)\n\n![" + v + "](missing.png)\n" }},
		{name: "link-external", opts: after, md: func(v string) string {
			return "[x](https://ext.example/" + v + ") <https://ext.example/> [y](" + v + ")\n"
		}},
		{name: "link-markdown", opts: after, md: func(v string) string { return "[x](a.md#" + v + ") [y](" + v + ".md) [z](a.md \"" + v + "\")\n" },
			gm: func(v string) string { return "[x](" + v + ") [y](" + v + ".md) [z](" + v + " \"" + v + "\")\n" }},
	}
	for i := range chans {
		chans[i].alt = true
	}
	return chans
}
