package main

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/folio-md/folio/examples/internal/page"
	"github.com/folio-md/folio/render"
)

// write writes every page and the stylesheets.
func (c *config) write(r *render.Renderer, s *summary) error {
	assignSlugs(s.built)
	slices.SortStableFunc(s.built, newestFirst)

	var code bytes.Buffer
	if err := r.CSS(&code); err != nil {
		return err
	}
	if err := c.writeFile("css/chroma.css", code.Bytes()); err != nil {
		return err
	}
	if err := c.writeFile("css/site.css", []byte(string(page.CSS())+unknownCSS)); err != nil {
		return err
	}

	tags := newTaxonomy("tags")
	cats := newTaxonomy("categories")
	for _, it := range s.built {
		tags.add(it, it.post.FrontMatter.Tags)
		cats.add(it, it.post.FrontMatter.Categories)
	}
	tags.assignDirs()
	cats.assignDirs()

	var buf bytes.Buffer
	for _, it := range s.built {
		const root = "../../"
		a := page.NewArticle(it.post, it.res)
		a.Head = c.head(a.Title, a.Description, root, "posts/"+it.slug+"/")
		a.Tags = page.Terms(it.post.FrontMatter.Tags, func(n string) string { return root + tags.url(n) })
		a.Categories = page.Terms(it.post.FrontMatter.Categories, func(n string) string { return root + cats.url(n) })
		buf.Reset()
		if err := page.WriteArticle(&buf, a); err != nil {
			return err
		}
		if err := c.writeFile("posts/"+it.slug+"/index.html", buf.Bytes()); err != nil {
			return err
		}
		s.pages++
	}

	// The home page.
	home := &page.List{
		Head:    c.head(c.title, fmt.Sprintf("%d posts, newest first.", len(s.built)), "", ""),
		Entries: c.entries(s.built, "", tags),
	}
	home.Head.Title = c.title
	for _, tx := range []*taxonomy{cats, tags} {
		for _, t := range tx.sorted() {
			home.Terms = append(home.Terms, page.Term{Name: t.name, URL: tx.url(t.name)})
		}
	}
	if err := c.writeList("index.html", home); err != nil {
		return err
	}
	s.pages++

	// A page per tag and per category.
	for _, tx := range []*taxonomy{tags, cats} {
		kicker := map[string]string{"tags": "Tag", "categories": "Category"}[tx.kind]
		for _, t := range tx.sorted() {
			l := &page.List{
				Head:    c.head(t.name, fmt.Sprintf("%d posts filed under %s.", len(t.items), t.name), "../../", tx.url(t.name)),
				Kicker:  kicker,
				Entries: c.entries(t.items, "../../", tags),
			}
			if err := c.writeList(tx.url(t.name), l); err != nil {
				return err
			}
			s.pages++
		}
	}
	return nil
}

// head returns the page head for a page at rel (a folder, "" for the root).
func (c *config) head(title, desc, root, rel string) page.Head {
	h := page.Head{
		SiteTitle:   c.title,
		Root:        root,
		Stylesheets: []string{"css/site.css", "css/chroma.css"},
		Title:       title,
		Description: desc,
	}
	if c.baseURL != "" {
		h.Canonical = strings.TrimSuffix(c.baseURL, "/") + "/" + strings.TrimSuffix(rel, "index.html")
	}
	return h
}

// entries lists posts for an index page whose path to the root is root.
func (c *config) entries(items []*item, root string, tags *taxonomy) []page.Entry {
	es := make([]page.Entry, 0, len(items))
	for _, it := range items {
		fm := it.post.FrontMatter
		title := fm.Title
		if title == "" {
			title = page.Untitled(it.rel)
		}
		es = append(es, page.Entry{
			Title:       title,
			URL:         root + "posts/" + it.slug + "/index.html",
			Date:        fm.Date,
			Summary:     summaryHTML(it.res),
			Truncated:   it.res.Truncated,
			ReadingTime: it.res.ReadingTime,
			Tags:        page.Terms(fm.Tags, func(n string) string { return root + tags.url(n) }),
		})
	}
	return es
}

func (c *config) writeList(rel string, l *page.List) error {
	var buf bytes.Buffer
	if err := page.WriteList(&buf, l); err != nil {
		return err
	}
	return c.writeFile(rel, buf.Bytes())
}

// writeFile writes data to rel (a slash path) under the output folder.
func (c *config) writeFile(rel string, data []byte) error {
	name := filepath.Join(c.out, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, data, 0o644)
}

// newestFirst orders posts by date, newest first; undated posts go last,
// ties by title, then by path.
func newestFirst(a, b *item) int {
	da, db := a.post.FrontMatter.Date, b.post.FrontMatter.Date
	switch {
	case da.IsZero() != db.IsZero():
		if da.IsZero() {
			return 1
		}
		return -1
	case !da.Equal(db):
		return db.Compare(da)
	}
	if c := strings.Compare(a.post.FrontMatter.Title, b.post.FrontMatter.Title); c != 0 {
		return c
	}
	return strings.Compare(a.rel, b.rel)
}

// summaryHTML is the summary an index shows.
func summaryHTML(res *render.Result) template.HTML {
	return template.HTML(res.Summary) // folio's own, escaped output
}
