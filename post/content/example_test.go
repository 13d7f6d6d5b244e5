package content_test

import (
	"fmt"
	"testing/fstest"

	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render/shortcode"
)

func ExampleLoad() {
	fsys := fstest.MapFS{
		"content/_index.md":            {Data: []byte("---\ntitle: Home\n---\n")},
		"content/posts/hello.md":       {Data: []byte("---\ntitle: Hello\ndate: 2024-03-01\ntags: [Go]\n---\n")},
		"content/posts/hello.fr.md":    {Data: []byte("---\ntitle: Bonjour\nslug: bonjour\n---\n")},
		"content/posts/trip/index.md":  {Data: []byte("---\ntitle: Trip\ndate: 2024-02-01\naliases: [/old-trip/]\n---\n")},
		"content/posts/trip/photo.jpg": {Data: []byte("…")},
		"content/about.md":             {Data: []byte("---\ntitle: About\n---\n")},
		"content/posts/draft.md":       {Data: []byte("---\ntitle: Draft\ndraft: true\n---\n")},
	}
	site, err := content.Load(fsys, content.Config{
		BaseURL:   "https://example.org/",
		Languages: []content.Language{{Code: "en", Weight: 1}, {Code: "fr", Weight: 2}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range site.Pages {
		fmt.Printf("%-3s %-8s %-18s %s\n", p.Lang, p.Kind, p.RelPermalink, p.OutputPath)
	}
	trip := site.GetPage("en", "/posts/trip")
	fmt.Println(trip.Resources[0].RelPermalink, site.Aliases[0].OutputPath, len(site.Skipped))
	// Output:
	// en  home     /                  index.html
	// en  section  /posts/            posts/index.html
	// en  page     /about/            about/index.html
	// en  page     /posts/hello/      posts/hello/index.html
	// en  page     /posts/trip/       posts/trip/index.html
	// en  taxonomy /categories/       categories/index.html
	// en  taxonomy /tags/             tags/index.html
	// en  term     /tags/go/          tags/go/index.html
	// fr  home     /fr/               fr/index.html
	// fr  section  /fr/posts/         fr/posts/index.html
	// fr  page     /fr/posts/bonjour/ fr/posts/bonjour/index.html
	// fr  taxonomy /fr/categories/    fr/categories/index.html
	// fr  taxonomy /fr/tags/          fr/tags/index.html
	// /posts/trip/photo.jpg old-trip/index.html 1
}

func ExampleSite_RefResolver() {
	fsys := fstest.MapFS{
		"content/posts/a.md":           {Data: []byte("---\ntitle: A\n---\n")},
		"content/docs/guide/_index.md": {Data: []byte("---\ntitle: Guide\n---\n")},
	}
	site, _ := content.Load(fsys, content.Config{BaseURL: "https://example.org/"})
	resolve := site.RefResolver() // for render.WithRefResolver
	from := site.GetPage("", "/posts/a").Post
	for _, ref := range []shortcode.Ref{
		{Path: "a.md#intro", Relative: true, Page: from},
		{Path: "/docs/guide/_index.md", Page: from},
		{Path: "missing.md", Relative: true, Page: from},
	} {
		u, err := resolve(ref)
		fmt.Println(u, err)
	}
	// Output:
	// /posts/a/#intro <nil>
	// https://example.org/docs/guide/ <nil>
	//  page not found: "missing.md"
}

func ExampleUrlize() {
	fmt.Println(content.Urlize("Hugo Tips & Tricks: Ünïcode!"))
	fmt.Println(content.EscapePath("/tags/" + content.Urlize("Ünïcode")))
	// Output:
	// hugo-tips-tricks-ünïcode
	// /tags/%C3%BCn%C3%AFcode
}
