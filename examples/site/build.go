package main

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// item is one post file and what became of it.
type item struct {
	rel  string // path under -src, with forward slashes
	post *post.Post
	res  *render.Result
	err  error
	skip string // why it was skipped: "draft", "future", "expired"

	slug     string              // its folder under posts/
	warnings []render.Diagnostic // the site's own, about its front matter

	listSummary template.HTML // summaryHTML(res), made once for every list the post is on
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
}

// build reads, renders and writes the whole site. Its error is one that
// stops the build (src unreadable, out unwritable); a post's error is in
// the summary.
func build(c *config, b bar) (*summary, error) {
	files, err := findPosts(c.src)
	if err != nil {
		return nil, err
	}
	r, err := c.newRenderer()
	if err != nil {
		return nil, err
	}

	items := make([]*item, len(files))
	for i, f := range files {
		items[i] = &item{rel: f}
	}
	b.start(len(items))
	jobs := make(chan *item)
	done := make(chan struct{}, len(items))
	var wg sync.WaitGroup
	for range min(c.workers, max(len(items), 1)) {
		wg.Go(func() {
			for it := range jobs {
				c.process(r, it)
				done <- struct{}{}
			}
		})
	}
	go func() {
		for _, it := range items {
			jobs <- it
		}
		close(jobs)
	}()
	for range items {
		<-done
		b.add()
	}
	wg.Wait()
	b.finish()

	s := &summary{cache: readCacheStats(r, c)}
	for _, it := range items {
		switch {
		case it.err != nil:
			s.failed = append(s.failed, it)
		case it.skip != "":
			s.skipped = append(s.skipped, it)
		default:
			s.built = append(s.built, it)
			s.warnings += len(it.res.Diagnostics)
		}
	}
	if err := c.write(r, s); err != nil {
		return nil, err
	}
	for _, it := range s.built {
		s.warnings += len(it.warnings)
	}
	return s, nil
}

// findPosts returns the .md files under dir, sorted, as slash paths
// relative to dir. Hidden files and folders (".git") are left out.
func findPosts(dir string) ([]string, error) {
	var files []string
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// The error names p, a path under dir ("." for dir itself):
			// name the path on disk instead.
			var pe *fs.PathError
			if errors.As(err, &pe) {
				return &fs.PathError{Op: pe.Op, Path: filepath.Join(dir, filepath.FromSlash(p)), Err: pe.Err}
			}
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.EqualFold(path.Ext(p), ".md") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	return files, nil
}

// process parses, checks and renders one post; it runs on a worker.
func (c *config) process(r *render.Renderer, it *item) {
	name := filepath.Join(c.src, filepath.FromSlash(it.rel))
	src, err := os.ReadFile(name)
	if err != nil {
		it.err = err
		return
	}
	p, err := post.Parse(src, post.WithPath(name))
	if err != nil {
		it.err = err
		return
	}
	it.post = p
	if it.skip = c.skipReason(p); it.skip != "" {
		return
	}
	it.res, it.err = r.RenderPost(p)
}

// skipReason says why a post is not built now ("draft", "expired",
// "future"), or "" if it is published or the flags let its state through.
// It asks post.Status, and asks again with each state the flags allow
// taken away, so a draft that is also in the future needs both -drafts and
// -future, as in Hugo.
func (c *config) skipReason(p *post.Post) string {
	q := *p
	for {
		switch q.Status(c.now) {
		case post.Draft:
			if !c.drafts {
				return "draft"
			}
			q.FrontMatter.Draft = false
		case post.Expired:
			if !c.expired {
				return "expired"
			}
			q.FrontMatter.ExpiryDate = time.Time{}
		case post.Future:
			if !c.future {
				return "future"
			}
			q.FrontMatter.PublishDate = time.Time{}
		default:
			return ""
		}
	}
}

// renderOptions returns the render options the flags ask for.
func renderOptions(c *config) []render.Option {
	opts := []render.Option{render.WithHighlight(highlight.Config{Style: c.style}), render.WithFigureForTitledImages()}
	if c.unsafe {
		opts = append(opts, render.WithUnsafeHTML())
	}
	return append(opts, stubOptions(c.stubs, c.stubUnknown)...)
}
