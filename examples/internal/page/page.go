// Package page holds the HTML page template and stylesheet that the example
// programs share: examples/render writes one standalone page with the
// stylesheets inlined, examples/site writes many pages that link them.
//
// Every value that comes from a post's front matter is escaped by
// html/template; only the renderer's own output (the content, the summary
// and the table of contents, which folio escapes itself) and the
// stylesheets are trusted as HTML and CSS.
package page

import (
	"embed"
	"html/template"
	"io"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

//go:embed style.css
var css string

//go:embed templates/*.html
var templateFS embed.FS

// CSS returns the pages' own stylesheet (typography, layout, TOC, code
// blocks and embeds), without the highlighting colours.
func CSS() template.CSS { return template.CSS(css) }

var tmpl = template.Must(template.New("").Funcs(template.FuncMap{
	"date":    formatDate,
	"iso":     func(t time.Time) string { return t.Format(time.RFC3339) },
	"img":     imageSrc,
	"ogimage": ogImage,
	"sameDay": func(a, b time.Time) bool { return a.Format("2006-01-02") == b.Format("2006-01-02") },
	"join":    strings.Join,
}).ParseFS(templateFS, "templates/*.html"))

// Term is a tag or a category with the address of its page; URL is empty
// where no such page exists (examples/render writes a single page).
type Term struct {
	Name string
	URL  string
}

// Head is what every page's <head> and site header need.
type Head struct {
	Lang        string         // the html lang attribute; "en" when empty
	SiteTitle   string         // shown in the header and after the page title; may be empty
	Root        string         // relative path from the page to the site root ("../../"); "" for a standalone page
	CSS         []template.CSS // stylesheets written inline, in one <style> element (trusted)
	Stylesheets []string       // stylesheet addresses, relative to Root
	Canonical   string         // the page's absolute address when known; may be empty
	Title       string         // the page's title
	Description string         // the meta description; may be empty
}

// Article is one post's page.
type Article struct {
	Head
	Lede          string    // shown under the title: the front matter's description; may be empty
	Published     time.Time // zero: not shown
	Updated       time.Time // zero or the same day as Published: not shown
	Authors       []string
	Tags          []Term
	Categories    []Term
	FeaturedImage string   // an address, or a data:image/... URI
	Images        []string // for og:image and twitter:image; FeaturedImage when empty
	ReadingTime   int      // minutes
	WordCount     int
	TOC           template.HTML // the <nav id="TableOfContents"> element, or empty
	Content       template.HTML
}

// Entry is one post in a list page.
type Entry struct {
	Title       string
	URL         string
	Date        time.Time
	Summary     template.HTML
	Truncated   bool
	ReadingTime int
	Tags        []Term
}

// List is an index page: the home page, or the page of one tag or category.
type List struct {
	Head
	Kicker  string // a small line above the title, such as "Tag"
	Entries []Entry
	Terms   []Term // links shown under the list (every tag and category), may be empty
}

// WriteArticle writes a post's page.
func WriteArticle(w io.Writer, a *Article) error {
	return tmpl.ExecuteTemplate(w, "article.html", a)
}

// WriteList writes an index page.
func WriteList(w io.Writer, l *List) error {
	return tmpl.ExecuteTemplate(w, "list.html", l)
}

// NewArticle fills an Article from a post and its render: title,
// description (the front matter's, or else the start of the plain text),
// lede (the front matter's description only), dates,
// authors, terms, images, reading time, the table of contents when the post
// asks for one (toc: true) and has headings, and the content. Terms carry no
// URL; the caller adds them where term pages exist.
func NewArticle(p *post.Post, res *render.Result) *Article {
	fm := p.FrontMatter
	a := &Article{
		Head:          Head{Title: fm.Title, Description: fm.Description},
		Lede:          fm.Description,
		Published:     fm.Date,
		Updated:       fm.Lastmod,
		Authors:       fm.Authors,
		Tags:          terms(fm.Tags, nil),
		Categories:    terms(fm.Categories, nil),
		FeaturedImage: fm.FeaturedImage,
		Images:        fm.Images,
		ReadingTime:   res.ReadingTime,
		WordCount:     res.WordCount,
		Content:       template.HTML(res.HTML),
	}
	if a.Title == "" {
		a.Title = Untitled(p.Path)
	}
	if a.Description == "" {
		a.Description = Describe(res)
	}
	if fm.TOC && res.TOC != nil && len(res.TOC.Items) > 0 {
		a.TOC = template.HTML(res.TOC.HTML())
	}
	return a
}

// terms pairs names with their page addresses; url may be nil.
func terms(names []string, url func(string) string) []Term {
	ts := make([]Term, 0, len(names))
	for _, n := range names {
		t := Term{Name: n}
		if url != nil {
			t.URL = url(n)
		}
		ts = append(ts, t)
	}
	return ts
}

// Terms pairs names with the addresses url gives them.
func Terms(names []string, url func(string) string) []Term { return terms(names, url) }

// Untitled makes a title from a file name: "posts/my-first-post.md" gives
// "My first post".
func Untitled(path string) string {
	base := path
	if i := strings.LastIndexAny(base, `/\`); i >= 0 {
		base = base[i+1:]
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	base = strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(base))
	if base == "" {
		return "Untitled"
	}
	return strings.ToUpper(base[:1]) + base[1:]
}

// Describe returns the first sentence or so of a render's decoded text
// (Result.Text, not Plain, so that html/template escapes "&" once), at
// most about 160 bytes, cut at a word boundary: a description for pages
// whose front matter has none.
func Describe(res *render.Result) string {
	s := strings.Join(strings.Fields(res.Text), " ") // decoded: html/template escapes it once
	const max = 160
	if len(s) <= max {
		return s
	}
	cut := strings.LastIndexByte(s[:max], ' ')
	if cut < 40 {
		cut = max
		for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a UTF-8 sequence
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

func formatDate(t time.Time) string { return t.Format("2 January 2006") }

// dataImage matches the data: URIs an <img> may show safely: raster and
// SVG images (an SVG in <img> runs no script).
var dataImage = regexp.MustCompile(`^data:image/(png|gif|jpeg|webp|avif|svg\+xml)[;,]`)

// imageSrc returns an image address for a src attribute. html/template
// replaces data: URIs with "#ZgotmplZ"; an image one is let through here,
// every other address is left to html/template's own filter (which drops
// javascript: and friends).
func imageSrc(s string) any {
	if dataImage.MatchString(s) {
		return template.URL(s)
	}
	return s
}

// ogImage returns the address for og:image and twitter:image, made
// absolute against the canonical address when there is one. Only http and
// https addresses and paths qualify: a meta element's content is not a URL
// to html/template, so javascript: and data: addresses are dropped here
// ("" means no tag).
func ogImage(s, canonical string) string {
	ref, err := url.Parse(strings.TrimSpace(s))
	if err != nil || s == "" {
		return ""
	}
	switch strings.ToLower(ref.Scheme) {
	case "":
	case "http", "https":
		return ref.String()
	default:
		return ""
	}
	if canonical == "" {
		return ref.String()
	}
	base, err := url.Parse(canonical)
	if err != nil {
		return ref.String()
	}
	return base.ResolveReference(ref).String()
}
