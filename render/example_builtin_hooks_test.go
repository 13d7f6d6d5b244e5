package render_test

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"log"
	"testing/fstest"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

func ExampleWithGitHubAlerts() {
	r := render.New(render.WithGitHubAlerts())
	res, err := r.Render([]byte("> [!WARNING]\n> Back up first.\n\n> [!TIP]- Details\n> Folded until opened.\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Serve render.AlertCSS() once, in the site's stylesheet.
	// Output:
	// <div class="markdown-alert markdown-alert-warning" role="note">
	// <p class="markdown-alert-title">Warning</p>
	// <p>Back up first.</p>
	// </div>
	// <details class="markdown-alert markdown-alert-tip">
	// <summary class="markdown-alert-title">Details</summary>
	// <p>Folded until opened.</p>
	// </details>
}

func ExampleWithBlockquoteHook() {
	// A hook for Bootstrap's alerts; regular quotes keep the default.
	hook := func(w io.Writer, b render.Blockquote) error {
		if b.Type != render.BlockquoteAlert {
			return render.ErrDefault
		}
		class := map[string]string{"note": "info", "tip": "success", "important": "primary", "warning": "warning", "caution": "danger"}[b.AlertType]
		if class == "" {
			return render.ErrDefault
		}
		_, err := fmt.Fprintf(w, "<div class=\"alert alert-%s\" role=\"alert\">\n%s\n</div>\n", class, b.Text)
		return err
	}
	r := render.New(render.WithBlockquoteHook(hook))
	res, err := r.Render([]byte("> [!CAUTION]\n> Hot.\n\n> A quote.\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Output:
	// <div class="alert alert-danger" role="alert">
	// <p>Hot.</p>
	// </div>
	// <blockquote>
	// <p>A quote.</p>
	// </blockquote>
}

func ExampleWithHeadingAnchors() {
	r := render.New(render.WithHeadingAnchors(render.HeadingAnchors{Symbol: "¶"}))
	res, err := r.Render([]byte("## Install\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println("TOC title:", res.TOC.Items[0].Title)
	// Output:
	// <h2 id="install">Install <a class="anchor" href="#install" aria-label="Link to this section: Install">¶</a></h2>
	// TOC title: Install
}

func ExampleWithImageFiles() {
	// The posts' file system: a page bundle with its image.
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 640, 480))); err != nil {
		log.Fatal(err)
	}
	site := fstest.MapFS{
		"blog/trip/index.md": {Data: []byte("---\ntitle: Trip\n---\n![The lake](lake.png)\n\n![Gone](gone.jpg)\n")},
		"blog/trip/lake.png": {Data: img.Bytes()},
	}
	p, err := post.ParseFile(site, "blog/trip/index.md")
	if err != nil {
		log.Fatal(err)
	}
	r := render.New(render.WithImageFiles(render.ImageFiles{FS: site}))
	res, err := r.RenderPost(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(res.Diagnostics[0])
	// Output:
	// <p><img src="lake.png" alt="The lake" width="640" height="480" loading="lazy" decoding="async"></p>
	// <p><img src="gone.jpg" alt="Gone" loading="lazy" decoding="async"></p>
	// blog/trip/index.md:6:1: image "gone.jpg" not found (looked for blog/trip/gone.jpg)
}

func ExampleWithLinks() {
	urls := map[string]string{"setup.md": "/docs/setup/"} // from the site's index of posts
	r := render.New(
		render.WithLinks(render.Links{Target: "_blank", Hosts: []string{"example.org"}, ResolveMarkdown: true}),
		render.WithRefResolver(func(ref shortcode.Ref) (string, error) {
			if u, ok := urls[ref.Path]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no post %s", ref.Path)
		}),
	)
	res, err := r.Render([]byte("See [setup](setup.md#install), [Go](https://go.dev), [home](https://example.org/) and [old](old.md).\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(res.Diagnostics[0])
	// Output:
	// <p>See <a href="/docs/setup/#install">setup</a>, <a href="https://go.dev" rel="noopener" target="_blank">Go</a>, <a href="https://example.org/">home</a> and <a href="old.md">old</a>.</p>
	// 1:87: link to "old.md" not resolved, kept as written: no post old.md
}
