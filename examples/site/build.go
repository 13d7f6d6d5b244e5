package main

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/folio-md/folio/examples/internal/page"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// item is one content file and what became of it. A post's
// render.Result is dropped as soon as its page is written (on the worker
// that rendered it); the item keeps what the lists and feeds need of it.
type item struct {
	rel  string // path under -src, with forward slashes
	post *post.Post
	page *content.Page // nil for a file that failed
	err  error
	skip string // why it was skipped: "draft", "future", "expired"

	warnings    []render.Diagnostic // the site's own, about its front matter
	diagnostics []render.Diagnostic // the render's

	// Made once, on the worker, for every list and feed the post is on.
	listSummary template.HTML // summaryHTML of the Result
	truncated   bool
	readingTime int
	feedItem    []byte // the post's <item> in a feed; regular pages only

	res      *render.Result // kept only for a page that could not be written on its worker
	written  bool           // its article page was written on its worker
	writeErr error          // from writing it there
}

// warn adds a warning at the front matter key key of the post (at the top
// of the file when the key cannot be found).
func (it *item) warn(key, format string, args ...any) {
	line, col, ok := it.post.Position(key)
	if !ok {
		line, col = 1, 1
	}
	it.warnings = append(it.warnings, render.Diagnostic{
		Path: it.post.Path, Line: line, Column: col, Message: fmt.Sprintf(format, args...),
	})
}

// summary is the outcome of a build.
type summary struct {
	built, skipped, failed []*item
	pages                  int // HTML files written
	warnings               int
	cache                  cacheStats
	site                   *content.Site
	diagnostics            []render.Diagnostic // the content tree's
}

// build reads, renders and writes the whole site. Its error is one that
// stops the build (src unreadable, out unwritable, a bad configuration);
// a post's error is in the summary.
func build(c *config, b bar) (*summary, error) {
	site, loadErr, err := c.load()
	if err != nil {
		return nil, err
	}
	s := &summary{site: site}
	for _, e := range flatten(loadErr) {
		s.failed = append(s.failed, &item{err: c.osError(e)})
	}
	for _, d := range site.Diagnostics {
		s.diagnostics = append(s.diagnostics, render.Diagnostic{Path: c.osPath(d.Pos.Path), Line: d.Pos.Line, Column: d.Pos.Column, Message: d.Message})
	}
	for _, p := range site.Skipped {
		it := &item{rel: p.FSPath, post: p.Post, page: p, skip: p.Status.String()}
		it.post.Path = c.osPath(p.FSPath)
		s.skipped = append(s.skipped, it)
	}
	var items []*item
	for _, p := range slices.Concat(site.Pages, site.Unlisted) {
		if p.Post != nil {
			p.Post.Path = c.osPath(p.FSPath)
			items = append(items, &item{rel: p.FSPath, post: p.Post, page: p})
		}
	}
	r, err := c.newRenderer(render.WithRefResolver(site.RefResolver()), render.WithLinkHook(linkHook(site)), render.WithSiteParams(c.siteParams),
		render.WithCacheIdentity(siteIdentity(site)))
	if err != nil {
		return nil, err
	}
	c.fresh = emptyOrMissing(c.out)
	w := newWriter(c, site)

	// Each worker renders a post and writes its page at once, so the
	// Result does not outlive it. The longest sources go first, so that
	// no worker is still on a long post when the others run out.
	order := slices.Clone(items)
	slices.SortStableFunc(order, func(a, b *item) int { return len(b.post.Body) - len(a.post.Body) })
	b.start(len(items))
	// The workers take the next post from a counter and count their own
	// progress: with a channel in between, a worker waited after every
	// post for the goroutine on the other end to be scheduled.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(c.workers, max(len(items), 1)) {
		wg.Go(func() {
			var buf bytes.Buffer
			for i := int(next.Add(1) - 1); i < len(order); i = int(next.Add(1) - 1) {
				w.renderPost(r, &buf, order[i])
				b.add()
			}
		})
	}
	wg.Wait()
	b.finish()
	s.cache = readCacheStats(r, c)

	var writeErrs []error
	for _, it := range items {
		writeErrs = append(writeErrs, it.writeErr)
		if it.err != nil {
			s.failed = append(s.failed, it)
			continue
		}
		s.built = append(s.built, it)
		s.warnings += len(it.diagnostics)
	}
	if err := errors.Join(writeErrs...); err != nil {
		return nil, err
	}
	if err := w.write(r, s); err != nil {
		return nil, err
	}
	s.warnings += len(s.diagnostics)
	for _, it := range s.built {
		s.warnings += len(it.warnings)
	}
	return s, nil
}

// load reads the content tree under -src: a Hugo site (a folder with a
// hugo.toml, config.toml or config/_default, or with a content folder) or
// a content folder itself. It returns the site, the errors of single files, and an error
// that stops the build.
func (c *config) load() (*content.Site, error, error) {
	info, err := os.Stat(c.src)
	if err != nil {
		return nil, nil, err
	}
	if !info.IsDir() {
		return nil, nil, fmt.Errorf("%s is not a folder", c.src)
	}
	cfg, found, err := content.ReadConfig(os.DirFS(c.src))
	if err != nil {
		return nil, nil, err
	}
	c.siteParams = cfg.Params
	if !found {
		cfg.ContentDir = "."
		if st, err := os.Stat(filepath.Join(c.src, "content")); err == nil && st.IsDir() {
			cfg.ContentDir = "content"
		}
	}
	if cfg.Title == "" || c.titleSet {
		cfg.Title = c.title
	}
	if c.baseURL != "" {
		cfg.BaseURL = c.baseURL
	}
	cfg.BuildDrafts = cfg.BuildDrafts || c.drafts
	cfg.BuildFuture = cfg.BuildFuture || c.future
	cfg.BuildExpired = cfg.BuildExpired || c.expired
	cfg.Now = c.now
	site, err := content.Load(os.DirFS(c.src), cfg)
	if site == nil {
		return nil, nil, err
	}
	return site, err, nil
}

// flatten lists the errors errors.Join put together.
func flatten(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// osPath turns a path in -src's fs.FS into the path on disk.
func (c *config) osPath(fsPath string) string {
	if fsPath == "" {
		return ""
	}
	return filepath.Join(c.src, filepath.FromSlash(fsPath))
}

// osError names the file of a positioned error by its path on disk, and
// makes a content error a *post.ParseError, which is printed as
// path:line:col: message.
func (c *config) osError(err error) error {
	var pe *post.ParseError
	if errors.As(err, &pe) {
		pe.Path = c.osPath(pe.Path)
		return err
	}
	var ce *content.Error
	if errors.As(err, &ce) {
		return &post.ParseError{Path: c.osPath(ce.Pos.Path), Line: ce.Pos.Line, Column: ce.Pos.Column, Err: ce.Err}
	}
	return err
}

// renderPost renders one post and, when it is a regular page only it
// writes to, writes its page with buf; it runs on a worker.
func (w *writer) renderPost(r *render.Renderer, buf *bytes.Buffer, it *item) {
	res, err := r.RenderPost(it.post)
	if err != nil {
		it.err = err
		return
	}
	it.diagnostics = res.Diagnostics
	it.listSummary = summaryHTML(res)
	it.truncated = res.Truncated
	it.readingTime = res.ReadingTime
	p := it.page
	if p.Kind != content.KindPage || p.OutputPath == "" {
		return
	}
	it.feedItem = feedItem(p, res)
	if !w.sole[p] {
		it.res = res // written with the other pages, after the render
		return
	}
	buf.Reset()
	if it.writeErr = page.WriteArticle(buf, w.article(p, it, res)); it.writeErr == nil {
		it.writeErr = w.writeFile(w.file(p.OutputPath), buf.Bytes())
	}
	it.written = true
}

// renderOptions returns the render options the flags ask for.
func renderOptions(c *config) []render.Option {
	opts := []render.Option{render.WithHighlight(highlight.Config{Style: c.style}), render.WithFigureForTitledImages()}
	if c.unsafe {
		opts = append(opts, render.WithUnsafeHTML())
	}
	return append(opts, stubOptions(c.stubs, c.stubUnknown)...)
}

// relURL is the path from the page written at from to the file at to,
// both relative to the output folder: "../../tags/go/index.html".
func relURL(from, to string) string {
	dir := path.Dir(from)
	if dir == "." {
		return to
	}
	up := ""
	for d := dir; d != "." && d != "/"; d = path.Dir(d) {
		up += "../"
	}
	return up + to
}
