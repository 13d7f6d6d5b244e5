package render

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-md/folio/render/shortcode"
)

// The built-in renderings in TestLinear.
func init() { linearCases = append(linearCases, builtinLinearCases...) }

var linearImageFS = fstest.MapFS{"a.png": {Data: func() []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 1))); err != nil {
		panic(err)
	}
	return b.Bytes()
}()}}

var builtinLinearCases = []linearCase{
	{name: "GitHub alerts", n: 3000, gen: repeat("> [!NOTE] A *title*\n> Text [x](/y).\n\n"), goldmark: true, opts: []Option{WithGitHubAlerts()}},
	{name: "alerts with one long first line", n: 3000, gen: func(n int) []byte {
		return []byte("> [!TIP] " + strings.Repeat("*a* [b](/c \"t\") ", n) + "\n> x\n")
	}, opts: []Option{WithGitHubAlerts()}},
	{name: "blockquote hook, quotes nested 20 deep", n: 200, gen: repeat(strings.Repeat("> ", 20) + "[!NOTE]\n" + strings.Repeat("> ", 20) + "x\n\n"),
		opts: []Option{WithBlockquoteHook(func(io.Writer, Blockquote) error { return ErrDefault }), WithGitHubAlerts()}},
	{name: "heading anchors", n: 3000, gen: repeat("## a *b* [c](/d)\n\n"), goldmark: true, opts: []Option{WithHeadingAnchors(HeadingAnchors{Position: AnchorWrap})}},
	{name: "heading anchors with a heading hook", n: 3000, gen: repeat("## a *b*\n\n"),
		opts: []Option{WithHeadingAnchors(HeadingAnchors{}), WithHeadingHook(func(io.Writer, Heading) error { return ErrDefault })}},
	{name: "image files, one image many times", n: 3000, gen: repeat("![a](a.png) "), goldmark: true,
		opts: []Option{WithImageFiles(ImageFiles{FS: linearImageFS})}},
	{name: "image files, many missing images", n: 2000, gen: numbered(func(i int) string { return fmt.Sprintf("![a](m%d.png)\n\n", i) }),
		opts: []Option{WithImageFiles(ImageFiles{FS: linearImageFS})}},
	{name: "links with rel, target and Markdown refs", n: 3000, gen: repeat("[a](https://x.example/) [b](p.md#s) [c](q.md) "), goldmark: true,
		opts: []Option{WithLinks(Links{Rel: "nofollow", Target: "_blank", ResolveMarkdown: true}), WithRefResolver(func(r shortcode.Ref) (string, error) {
			if r.Path == "p.md" {
				return "/p/", nil
			}
			return "", fmt.Errorf("no %s", r.Path)
		})}},
}

// builtinBenchDoc has every construct the built-in renderings change:
// headings, alerts, quotes, images and links.
var builtinBenchDoc = []byte(strings.Repeat(`## A section with *emphasis*

> [!NOTE]
> An alert with a [link](https://go.dev/doc) and [a post](p.md#s).

> A regular quote.

![An image](a.png "Title") and text with [an external link](https://example.net/x) and [a local one](/docs/).

`, 20))

// BenchmarkBuiltins compares a render with every built-in rendering on
// (alerts, anchors, image files, links) with the default rendering of the
// same document.
func BenchmarkBuiltins(b *testing.B) {
	resolver := WithRefResolver(func(shortcode.Ref) (string, error) { return "/p/", nil })
	for _, v := range []struct {
		name string
		opts []Option
	}{
		{"default", nil},
		{"builtins", []Option{
			WithGitHubAlerts(), WithHeadingAnchors(HeadingAnchors{}), WithImageFiles(ImageFiles{FS: linearImageFS}),
			WithLinks(Links{Rel: "nofollow", Target: "_blank", ResolveMarkdown: true}), resolver,
		}},
		{"blockquote-hook", []Option{WithBlockquoteHook(func(w io.Writer, q Blockquote) error {
			_, err := io.WriteString(w, q.Text)
			return err
		})}},
	} {
		b.Run(v.name, func(b *testing.B) {
			r := New(v.opts...)
			b.ReportAllocs()
			b.SetBytes(int64(len(builtinBenchDoc)))
			for b.Loop() {
				if _, err := r.Render(builtinBenchDoc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
