package main

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/folio-md/folio/examples/internal/page"
	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render"
)

// writer writes the pages of one build.
type writer struct {
	*config
	site *content.Site
	// sole holds the regular pages whose file nothing else in the build
	// is written to: their renderer's worker writes them.
	sole    map[*content.Page]bool
	results map[*content.Page]*item
	// under holds, for each language and section path ("" for the home
	// page), the built posts under it, newest first.
	under map[[2]string][]*content.Page
}

// newWriter returns the writer of site, before its posts are rendered.
// It counts the files every page, feed, resource, alias, sitemap and
// stylesheet goes to, so that a regular page that shares its file with
// nothing can be written by the worker that renders it.
func newWriter(c *config, site *content.Site) *writer {
	w := &writer{config: c, site: site, sole: map[*content.Page]bool{}}
	claims := map[string]int{}
	for _, j := range w.jobs(nil, nil) {
		claims[j.file]++
	}
	for _, p := range slices.Concat(site.Pages, site.Unlisted) {
		if p.Kind == content.KindPage && p.OutputPath != "" && claims[w.file(p.OutputPath)] == 1 {
			w.sole[p] = true
		}
	}
	return w
}

// A job writes one file.
type job struct {
	file string                                  // under the output folder, as written
	page *content.Page                           // for a page: counted as one
	size int                                     // the entries it lists: the longest lists start first
	make func(buf *bytes.Buffer) ([]byte, error) // its content; may use buf
}

// jobs lists every file the build writes (r is nil when the list is only
// counted), in the order that decides which is written when two claim the
// same file: the first. That is the sitemaps, the resources, the aliases
// (post/content drops an alias at a page's URL; of two aliases at one
// file, the later), the pages in the site's
// order, each list page followed by its feed, and the stylesheets.
func (w *writer) jobs(r *render.Renderer, built map[*content.Page]*item) []job {
	var jobs []job
	if len(w.site.Languages) == 1 {
		lang := w.site.Languages[0].Code
		jobs = append(jobs, job{file: "sitemap.xml", make: func(*bytes.Buffer) ([]byte, error) { return w.urlset(lang), nil }})
	} else {
		jobs = append(jobs, job{file: "sitemap.xml", make: func(*bytes.Buffer) ([]byte, error) { return w.sitemapIndex(), nil }})
		for _, l := range w.site.Languages {
			jobs = append(jobs, job{file: l.Code + "/sitemap.xml", make: func(*bytes.Buffer) ([]byte, error) { return w.urlset(l.Code), nil }})
		}
	}
	src := os.DirFS(w.src)
	for _, res := range w.site.Resources {
		jobs = append(jobs, job{file: w.file(res.OutputPath), make: func(*bytes.Buffer) ([]byte, error) { return fs.ReadFile(src, res.FSPath) }})
	}
	// Of two aliases at one file, the later is written, as Hugo does.
	lastAlias := map[string]int{}
	for i, a := range w.site.Aliases {
		lastAlias[w.file(a.OutputPath)] = i
	}
	for i, a := range w.site.Aliases {
		if lastAlias[w.file(a.OutputPath)] != i {
			continue
		}
		jobs = append(jobs, job{file: w.file(a.OutputPath), make: func(*bytes.Buffer) ([]byte, error) { return w.alias(a), nil }})
	}
	for _, p := range slices.Concat(w.site.Pages, w.site.Unlisted) {
		if p.OutputPath == "" {
			continue // build.render link: listed, with a URL, but not written
		}
		if p.Kind == content.KindPage {
			it := built[p]
			if r != nil && (it == nil || it.written) {
				continue // failed (and reported), or written by its worker
			}
			jobs = append(jobs, job{file: w.file(p.OutputPath), page: p, make: func(buf *bytes.Buffer) ([]byte, error) {
				err := page.WriteArticle(buf, w.article(p, it, it.res))
				it.res = nil
				return buf.Bytes(), err
			}})
			continue
		}
		size := len(p.Pages)
		if p.Kind == content.KindHome {
			size = len(w.site.LanguagePages(p.Lang))
		}
		jobs = append(jobs,
			job{file: w.file(p.OutputPath), page: p, size: size, make: func(buf *bytes.Buffer) ([]byte, error) {
				err := page.WriteList(buf, w.list(p))
				return buf.Bytes(), err
			}},
			job{file: w.file(feedPath(p.OutputPath)), size: size, make: func(*bytes.Buffer) ([]byte, error) { return w.feed(p), nil }})
	}
	jobs = append(jobs,
		job{file: "css/chroma.css", make: func(buf *bytes.Buffer) ([]byte, error) {
			err := r.CSS(buf)
			return buf.Bytes(), err
		}},
		job{file: "css/site.css", make: func(*bytes.Buffer) ([]byte, error) { return []byte(string(page.CSS()) + unknownCSS), nil }})
	// The site's static folder is copied as it is, as Hugo copies it;
	// last, so that a page, alias or resource at the same file wins.
	_ = fs.WalkDir(src, "static", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil // no static folder, or one that cannot be read: nothing to copy
		}
		jobs = append(jobs, job{file: w.file(strings.TrimPrefix(name, "static/")), make: func(*bytes.Buffer) ([]byte, error) { return fs.ReadFile(src, name) }})
		return nil
	})
	return jobs
}

// write writes every page the workers did not write while rendering, and
// every alias, resource, feed, sitemap and stylesheet, on c.workers
// goroutines: each file is independent of the others.
func (w *writer) write(r *render.Renderer, s *summary) error {
	w.results = map[*content.Page]*item{}
	for _, it := range s.built {
		w.results[it.page] = it
		if it.written {
			s.pages++
		}
	}
	w.warnLongNames(s)
	w.indexFeeds()

	var todo []job
	taken := map[string]bool{}
	for _, j := range w.jobs(r, w.results) {
		if !taken[j.file] {
			taken[j.file] = true
			todo = append(todo, j)
			if j.page != nil {
				s.pages++
			}
		}
	}
	// The longest lists first, so that no worker starts one while the
	// others have run out of files.
	slices.SortStableFunc(todo, func(a, b job) int { return b.size - a.size })
	errs := make([]error, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(w.workers, len(todo))) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := int(next.Add(1) - 1); i < len(todo); i = int(next.Add(1) - 1) {
				buf.Reset()
				data, err := todo[i].make(&buf)
				if err == nil {
					err = w.writeFile(todo[i].file, data)
				}
				errs[i] = err
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// file is the name a page's output path is written under: each path
// segment longer than maxName bytes is shortened (shortName).
func (w *writer) file(out string) string {
	parts := strings.Split(out, "/")
	changed := false
	for i, p := range parts {
		if len(p) > maxName {
			parts[i] = shortName(p)
			changed = true
		}
	}
	if !changed {
		return out
	}
	return strings.Join(parts, "/")
}

// longest returns the longest segment of out, for a warning.
func longest(out string) string {
	var l string
	for p := range strings.SplitSeq(out, "/") {
		if len(p) > len(l) {
			l = p
		}
	}
	return l
}

// warnLongNames reports each page written under a shortened name, at
// the front matter key the name comes from.
func (w *writer) warnLongNames(s *summary) {
	for _, p := range slices.Concat(s.site.Pages, s.site.Unlisted) {
		short := w.file(p.OutputPath)
		if short == p.OutputPath {
			continue
		}
		dir := strings.TrimSuffix(short, "index.html")
		n := len(longest(p.OutputPath))
		if p.Kind == content.KindTerm {
			// At the taxonomy's key of every post that has the term.
			for _, q := range p.Pages {
				if it := w.results[q]; it != nil {
					it.warn(p.Section, "%s %q is %d bytes as a file name, more than the %d allowed here; its page is %s",
						singular(s.site, p), shorten(p.Term.Name), n, maxName, dir)
				}
			}
			continue
		}
		it := w.results[p]
		if it == nil {
			continue
		}
		switch fm := it.post.FrontMatter; {
		case fm.URL != "":
			it.warn("url", "url has a segment of %d bytes, more than the %d allowed here; the post is written to %s", n, maxName, dir)
		case fm.Slug != "":
			it.warn("slug", "slug is %d bytes as a file name, more than the %d allowed here; the post is written to %s", n, maxName, dir)
		default:
			it.warn("", "the name of the file is %d bytes as a path segment, more than the %d allowed here; the post is written to %s", n, maxName, dir)
		}
	}
}

func singular(site *content.Site, p *content.Page) string {
	if tx := site.Taxonomy(p.Lang, p.Section); tx != nil {
		return tx.Name
	}
	return p.Section
}

// shorten returns s, or its first runes and "…" when it is long, for a
// message.
func shorten(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// link is the relative link from the page written at from to page p.
func (w *writer) link(from string, p *content.Page) string {
	if p == nil {
		return ""
	}
	if p.OutputPath == "" {
		return p.RelPermalink // not written here (build.render link, or never)
	}
	return relURL(w.file(from), w.file(p.OutputPath))
}

// root is the relative path from the file at out to the output folder.
func (w *writer) root(out string) string {
	return strings.Repeat("../", strings.Count(w.file(out), "/"))
}

// head returns the page head of p.
func (w *writer) head(p *content.Page, title, desc string) page.Head {
	h := page.Head{
		Lang:        p.Lang,
		SiteTitle:   w.siteTitle(p.Lang),
		Root:        w.root(p.OutputPath),
		Stylesheets: []string{"css/site.css", "css/chroma.css"},
		Title:       title,
		Description: desc,
	}
	if w.baseURL != "" || strings.Contains(p.Permalink, "://") {
		h.Canonical = p.Permalink
	}
	return h
}

func (w *writer) siteTitle(lang string) string {
	if home := w.site.Home(lang); home != nil && home.Post == nil && home.Title != "" {
		return home.Title
	}
	return w.title
}

// terms links a page's front matter terms of one taxonomy to their pages.
func (w *writer) terms(from *content.Page, plural string, names []string) []page.Term {
	tx := w.site.Taxonomy(from.Lang, plural)
	return page.Terms(names, func(n string) string {
		if tx == nil {
			return ""
		}
		if t := tx.Term(n); t != nil {
			return w.link(from.OutputPath, t.Page)
		}
		return ""
	})
}

func (w *writer) article(p *content.Page, it *item, res *render.Result) *page.Article {
	a := page.NewArticle(it.post, res)
	a.Head = w.head(p, a.Title, a.Description)
	a.Tags = w.terms(p, "tags", it.post.FrontMatter.Tags)
	a.Categories = w.terms(p, "categories", it.post.FrontMatter.Categories)
	return a
}

// list is the page of a home page, section, taxonomy or term.
func (w *writer) list(p *content.Page) *page.List {
	title := p.Title
	if title == "" {
		title = w.siteTitle(p.Lang)
	}
	var members []*content.Page
	kicker := ""
	switch p.Kind {
	case content.KindHome:
		// The home page lists every regular page of its language, newest
		// first.
		for _, q := range w.site.LanguagePages(p.Lang) {
			if q.Kind == content.KindPage {
				members = append(members, q)
			}
		}
		slices.SortStableFunc(members, newestFirst)
	case content.KindTaxonomy:
		members = p.Pages
		kicker = "Taxonomy"
	case content.KindTerm:
		members = p.Pages
		kicker = titleCase(singular(w.site, p))
	default:
		members = p.Pages
		kicker = "Section"
	}
	desc := fmt.Sprintf("%d pages.", len(members))
	if it := w.results[p]; it != nil && it.post.FrontMatter.Description != "" {
		desc = it.post.FrontMatter.Description
	}
	l := &page.List{Head: w.head(p, title, desc), Kicker: kicker}
	if p.Kind == content.KindHome {
		l.Head.Title = title
		for _, plural := range []string{"categories", "tags"} {
			if tx := w.site.Taxonomy(p.Lang, plural); tx != nil {
				for _, t := range tx.Terms {
					if t.Page.OutputPath != "" {
						l.Terms = append(l.Terms, page.Term{Name: t.Name, URL: w.link(p.OutputPath, t.Page)})
					}
				}
			}
		}
	}
	for _, q := range members {
		e := page.Entry{Title: q.Title, URL: w.link(p.OutputPath, q), Date: q.Date}
		if e.Title == "" {
			e.Title = page.Untitled(q.File)
		}
		if it := w.results[q]; it != nil {
			e.Summary = it.listSummary
			e.Truncated = it.truncated
			e.ReadingTime = it.readingTime
			e.Tags = w.terms(p, "tags", it.post.FrontMatter.Tags)
		} else if q.Kind == content.KindPage {
			continue // failed
		}
		l.Entries = append(l.Entries, e)
	}
	return l
}

func titleCase(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// alias is Hugo's redirect page: a refresh to the page, and a canonical
// link to it.
func (w *writer) alias(a content.Alias) []byte {
	target := a.Permalink
	if !strings.HasPrefix(target, "https://") && !strings.HasPrefix(target, "http://") {
		// Without an http(s) base URL, a relative link works from the
		// file system as well as from a server (and no other scheme
		// reaches the refresh).
		var to string
		if a.Page != nil {
			to = w.file(a.Page.OutputPath)
		} else if home := w.site.Home(a.Lang); home != nil {
			to = w.file(home.OutputPath)
		}
		target = relURL(w.file(a.OutputPath), to)
	}
	t := html.EscapeString(target)
	return []byte(`<!DOCTYPE html>
<html lang="` + html.EscapeString(a.Lang) + `">
<head>
<title>` + t + `</title>
<link rel="canonical" href="` + t + `">
<meta charset="utf-8">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=` + t + `">
</head>
</html>
`)
}

// feedPath is where the RSS feed of a list page written at out goes, as
// Hugo writes it: next to its index.html, or in the folder of its ugly
// .html file.
func feedPath(out string) string {
	if out == "index.html" || strings.HasSuffix(out, "/index.html") {
		return strings.TrimSuffix(out, "index.html") + "index.xml"
	}
	return strings.TrimSuffix(out, path.Ext(out)) + "/index.xml"
}

// feed is an RSS 2.0 feed of a list page's regular pages.
func (w *writer) feed(p *content.Page) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>` + "\n")
	b.WriteString(`<rss version="2.0"><channel>` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<link>%s</link>\n", html.EscapeString(p.Title), html.EscapeString(p.Permalink))
	list := p.RegularPages
	switch p.Kind {
	case content.KindHome:
		list = w.under[[2]string{p.Lang, ""}]
	case content.KindSection:
		list = w.under[[2]string{p.Lang, p.Path}]
	}
	for _, q := range list {
		if it := w.results[q]; it != nil {
			b.Write(it.feedItem)
		}
	}
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

// feedItem is the <item> of a regular page in a feed.
func feedItem(q *content.Page, res *render.Result) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><guid>%s</guid>", html.EscapeString(q.Title), html.EscapeString(q.Permalink), html.EscapeString(q.Permalink))
	if !q.Date.IsZero() {
		fmt.Fprintf(&b, "<pubDate>%s</pubDate>", q.Date.Format("Mon, 02 Jan 2006 15:04:05 -0700"))
	}
	fmt.Fprintf(&b, "<description>%s</description></item>\n", html.EscapeString(string(res.Summary)))
	return b.Bytes()
}

// indexFeeds makes w.under, in time linear in the posts and the depth of
// their sections.
func (w *writer) indexFeeds() {
	w.under = map[[2]string][]*content.Page{}
	for _, lang := range w.site.Languages {
		for _, q := range w.site.LanguagePages(lang.Code) {
			if q.Kind != content.KindPage || w.results[q] == nil {
				continue
			}
			// The home page and every section whose path is a prefix of
			// q's at a "/".
			k := [2]string{q.Lang, ""}
			w.under[k] = append(w.under[k], q)
			for i := 1; i < len(q.Path); i++ {
				if q.Path[i] == '/' {
					k := [2]string{q.Lang, q.Path[:i]}
					w.under[k] = append(w.under[k], q)
				}
			}
		}
	}
	for _, list := range w.under {
		slices.SortStableFunc(list, newestFirst)
	}
}

// urlset is the sitemap of one language: every page's Permalink. A
// multilingual site has one per language (LANG/sitemap.xml) and an index
// at the root (sitemapIndex), as Hugo does.
func (w *writer) urlset(lang string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range w.site.LanguagePages(lang) {
		if p.OutputPath == "" || p.Kind == content.KindPage && w.results[p] == nil {
			continue
		}
		fmt.Fprintf(&b, "<url><loc>%s</loc>", html.EscapeString(p.Permalink))
		if !p.Date.IsZero() {
			fmt.Fprintf(&b, "<lastmod>%s</lastmod>", p.Date.Format("2006-01-02T15:04:05-07:00"))
		}
		b.WriteString("</url>\n")
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// sitemapIndex is the sitemap.xml of a multilingual site.
func (w *writer) sitemapIndex() []byte {
	var idx strings.Builder
	idx.WriteString(`<?xml version="1.0" encoding="utf-8" standalone="yes"?>` + "\n")
	idx.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	base := strings.TrimSuffix(w.site.Home(w.site.DefaultLanguage).Permalink, "/")
	if home := w.site.Home(w.site.DefaultLanguage); strings.HasSuffix(base, "/"+home.Lang) {
		base = strings.TrimSuffix(base, "/"+home.Lang)
	}
	for _, l := range w.site.Languages {
		fmt.Fprintf(&idx, "<sitemap><loc>%s/%s/sitemap.xml</loc></sitemap>\n", html.EscapeString(base), html.EscapeString(l.Code))
	}
	idx.WriteString("</sitemapindex>\n")
	return []byte(idx.String())
}

// writeFile writes data to rel (a slash path) under the output folder.
// In a folder that was empty when the build began, it writes without
// reading the file back first (each file is written once in a build).
func (c *config) writeFile(rel string, data []byte) error {
	name := filepath.Join(c.out, filepath.FromSlash(rel))
	if dir := filepath.Dir(name); !c.madeDir(dir) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		c.dirs.Store(dir, true)
	}
	if c.fresh {
		return os.WriteFile(name, data, 0o644)
	}
	return writeIfChanged(name, data)
}

func (c *config) madeDir(dir string) bool {
	_, ok := c.dirs.Load(dir)
	return ok
}

// emptyOrMissing reports whether dir does not exist or holds nothing.
func emptyOrMissing(dir string) bool {
	f, err := os.Open(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	if err != nil {
		return false
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	return err == io.EOF && len(names) == 0
}

// newestFirst orders pages by date, newest first; undated pages go last,
// ties by title, then by path.
func newestFirst(a, b *content.Page) int {
	da, db := a.Date, b.Date
	switch {
	case da.IsZero() != db.IsZero():
		if da.IsZero() {
			return 1
		}
		return -1
	case !da.Equal(db):
		return db.Compare(da)
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.Path, b.Path)
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
	var b []byte
	skip := 0
	space := func() {
		if len(b) > 0 && b[len(b)-1] != ' ' {
			b = append(b, ' ')
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case nethtml.ErrorToken:
			return strings.TrimSpace(string(b))
		case nethtml.StartTagToken, nethtml.EndTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); a {
			case atom.Pre, atom.Script, atom.Style, atom.Iframe, atom.Svg, atom.Template:
				if tt == nethtml.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Dt, atom.Td, atom.Th:
				// A heading or an item ends as a sentence does (in place:
				// the text so far is not copied again).
				if t := bytes.TrimRight(b, " "); len(t) > 0 && tt == nethtml.EndTagToken {
					if r, _ := utf8.DecodeLastRune(t); unicode.IsLetter(r) || unicode.IsDigit(r) {
						b = append(t, '.')
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
				b = append(b, w...)
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
