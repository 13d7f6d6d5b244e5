package main

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

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

	err := c.eachItem(s.built, func(it *item, buf *bytes.Buffer) error {
		const root = "../../"
		it.listSummary = summaryHTML(it.res)
		a := page.NewArticle(it.post, it.res)
		a.Head = c.head(a.Title, a.Description, root, "posts/"+it.slug+"/")
		a.Tags = page.Terms(it.post.FrontMatter.Tags, func(n string) string { return root + tags.url(n) })
		a.Categories = page.Terms(it.post.FrontMatter.Categories, func(n string) string { return root + cats.url(n) })
		buf.Reset()
		if err := page.WriteArticle(buf, a); err != nil {
			return err
		}
		return c.writeFile("posts/"+it.slug+"/index.html", buf.Bytes())
	})
	if err != nil {
		return err
	}
	s.pages += len(s.built)

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
			Summary:     it.listSummary,
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
	return writeIfChanged(name, data)
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

// summaryHTML is the summary an index shows: its text in one paragraph.
// An index lists posts, so a summary's headings, lists and code blocks
// would compete with the post titles; the text is kept, headings and
// list items run on as sentences, code blocks, embeds and placeholders are
// left out (the post shows them).
func summaryHTML(res *render.Result) template.HTML {
	text := plainSummary(string(res.Summary))
	if text == "" {
		return ""
	}
	return template.HTML("<p>" + html.EscapeString(text) + "</p>")
}

// plainSummary returns the text of a summary's HTML with white space
// collapsed, without the content of pre, script, style, iframe, svg and
// template elements; a block element's end separates words.
func plainSummary(s string) string {
	z := nethtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0
	space := func() {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), " ") {
			b.WriteByte(' ')
		}
	}
	for {
		switch z.Next() {
		case nethtml.ErrorToken:
			return strings.TrimSpace(b.String())
		case nethtml.StartTagToken, nethtml.EndTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Pre, atom.Script, atom.Style, atom.Iframe, atom.Svg, atom.Template:
				if z.Token().Type == nethtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dt, atom.Td, atom.Th:
				// A heading or an item ends as a sentence does.
				if t := strings.TrimRight(b.String(), " "); t != "" && z.Token().Type == nethtml.EndTagToken {
					if r, _ := utf8.DecodeLastRuneInString(t); unicode.IsLetter(r) || unicode.IsDigit(r) {
						b.Reset()
						b.WriteString(t + ".")
					}
				}
				space()
			case atom.P, atom.Div, atom.Br, atom.Dd, atom.Blockquote, atom.Figcaption, atom.Tr:
				space()
			}
		case nethtml.TextToken:
			if skip > 0 {
				continue
			}
			for i, w := range strings.Fields(string(z.Text())) {
				if i > 0 || startsWithSpace(z.Raw()) {
					space()
				}
				b.WriteString(w)
			}
			if endsWithSpace(z.Raw()) {
				space()
			}
		}
	}
}

func startsWithSpace(b []byte) bool {
	return len(b) > 0 && (b[0] == ' ' || b[0] == '\n' || b[0] == '\t' || b[0] == '\r')
}

func endsWithSpace(b []byte) bool {
	return len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\n' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r')
}
