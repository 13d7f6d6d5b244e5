package main

import (
	"html"
	"io"

	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render"
)

// linkHook rewrites Markdown links to content files ("../about.md",
// "other.md#part") to the URL of their page, as a Hugo site's link render
// hook does; a link to a content file no page has fails its post at the
// link. Other links, and links with attributes, are rendered as usual.
func linkHook(site *content.Site) render.LinkHook {
	return func(w io.Writer, l render.Link) error {
		if l.AutoLink || len(l.Attributes) > 0 || l.Post == nil {
			return render.ErrDefault
		}
		u, ok, err := site.LinkURL(site.PageOf(l.Post), l.Destination)
		if err != nil {
			return err
		}
		if !ok {
			return render.ErrDefault
		}
		s := `<a href="` + html.EscapeString(u) + `"`
		if l.Title != "" {
			s += ` title="` + html.EscapeString(l.Title) + `"`
		}
		_, err = io.WriteString(w, s+">"+l.Text+"</a>")
		return err
	}
}
