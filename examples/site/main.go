// Command site turns a folder of Hugo-style posts into a static site.
//
// Usage:
//
//	go run ./examples/site -src DIR -out DIR [-drafts] [-future] [-expired] [-stub NAMES | -stub-unknown]
//
// Every .md file under -src, at any depth and with YAML, TOML, JSON or no
// front matter, becomes out/posts/<slug>/index.html (the front matter's
// slug, or else the file name). out/index.html lists the posts newest first
// with their summaries; out/tags/<tag>/index.html and
// out/categories/<category>/index.html list each term's posts; the pages
// share out/css/site.css and the highlighting stylesheet out/css/chroma.css.
// Links between pages are relative, so the folder works from a web server
// and from the file system alike.
//
// File systems limit a file name to 255 bytes. A slug, tag or category
// longer than 200 bytes (as a file name, after cleaning) is shortened to
// at most its first 187 bytes (whole characters), a '-' and 12 hex
// digits of a hash of the whole name, and reported as a warning at its
// key in the front matter; links use the shortened name. A long file
// name is shortened the same way.
//
// Posts are parsed and rendered in parallel by runtime.GOMAXPROCS workers.
// Drafts, posts whose publish date is in the future and expired posts are
// skipped unless -drafts, -future or -expired is given. A post that fails is
// reported as path:line:col: message and the rest of the site is still
// built; the exit code is then 1. On a terminal a progress bar runs while
// the posts render; the program ends with one summary line on standard
// output: pages written, posts skipped and failed, and the time taken.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/folio-md/folio/examples/internal/cli"
	"github.com/folio-md/folio/examples/internal/page"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: site -src DIR -out DIR [flags]

Builds a static site from every .md file under -src: a page per post, an
index newest first, a page per tag and per category, and the stylesheets.

Flags:
`

// config is what the flags set.
type config struct {
	src, out    string
	title       string
	baseURL     string
	style       string
	drafts      bool
	future      bool
	expired     bool
	unsafe      bool
	quiet       bool
	verbose     bool
	stubs       []string
	stubUnknown bool
	workers     int
	now         time.Time
}

// run is the whole program; it returns the exit code: 0 when every post was
// built or skipped, 1 when a post failed or the site could not be written,
// 2 for bad usage.
func run(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	var c config
	var stubs string
	fs.StringVar(&c.src, "src", "", "the folder of posts (`dir`), read at any depth")
	fs.StringVar(&c.out, "out", "", "the folder the site is written to (`dir`); files in it are overwritten, none deleted")
	fs.StringVar(&c.title, "title", "folio", "the site's `title`")
	fs.StringVar(&c.baseURL, "base-url", "", "the site's absolute `URL`, for canonical links and og:url (optional)")
	fs.StringVar(&c.style, "style", highlight.DefaultStyle, "chroma `style` for code blocks")
	fs.BoolVar(&c.drafts, "drafts", false, "build drafts too")
	fs.BoolVar(&c.future, "future", false, "build posts whose publish date is in the future too")
	fs.BoolVar(&c.expired, "expired", false, "build expired posts too")
	fs.BoolVar(&c.unsafe, "unsafe", false, "let raw HTML in the Markdown through (trusted input only)")
	fs.BoolVar(&c.quiet, "q", false, "do not print warnings (they are still counted)")
	fs.BoolVar(&c.verbose, "v", false, "also list the skipped posts and why")
	fs.StringVar(&stubs, "stub", "", "comma-separated shortcode `names` to render as a visible placeholder instead of failing")
	fs.BoolVar(&c.stubUnknown, "stub-unknown", false, "render every shortcode folio does not know as a visible placeholder")
	fs.IntVar(&c.workers, "j", runtime.GOMAXPROCS(0), "number of posts rendered in parallel")
	if code, ok := cli.ParseFlags(fs, args, stderr, usage); !ok {
		return code
	}
	if c.src == "" || c.out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "site: -src and -out are required, and nothing else")
		fs.Usage()
		return 2
	}
	if err := cli.CheckStyle(c.style); err != nil {
		fmt.Fprintln(stderr, "site:", err)
		return 2
	}
	if c.workers < 1 {
		c.workers = 1
	}
	for n := range strings.SplitSeq(stubs, ",") {
		if n = strings.TrimSpace(n); n != "" {
			c.stubs = append(c.stubs, n)
		}
	}
	c.now = time.Now()

	s, err := build(&c, progress(stderr))
	if err != nil {
		cli.PrintError(stderr, "site", err)
		return 1
	}
	for _, f := range s.failed {
		cli.PrintError(stderr, "site", f.err)
	}
	if c.verbose {
		for _, it := range s.skipped {
			fmt.Fprintf(stderr, "%s: skipped (%s)\n", it.post.Path, it.skip)
		}
	}
	if !c.quiet {
		for _, p := range s.built {
			cli.PrintDiagnostics(stderr, p.warnings)
			cli.PrintDiagnostics(stderr, p.res.Diagnostics)
		}
	}
	fmt.Fprintf(stdout, "site: %d pages (%d posts), %d skipped, %d failed, %d warnings, in %v\n",
		s.pages, len(s.built), len(s.skipped), len(s.failed), s.warnings, time.Since(start).Round(time.Millisecond))
	if len(s.failed) > 0 {
		return 1
	}
	return 0
}

// bar is the progress display: a progress bar on a terminal, nothing
// otherwise.
type bar interface {
	start(n int)
	add()
	finish()
}

type noBar struct{}

func (noBar) start(int) {}
func (noBar) add()      {}
func (noBar) finish()   {}

type termBar struct {
	w io.Writer
	b *progressbar.ProgressBar
}

func (t *termBar) start(n int) {
	t.b = progressbar.NewOptions(n,
		progressbar.OptionSetWriter(t.w),
		progressbar.OptionSetDescription("rendering"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(32),
		progressbar.OptionThrottle(50*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
func (t *termBar) add()    { t.b.Add(1) } //nolint:errcheck // a display error is not the build's
func (t *termBar) finish() { t.b.Finish() }

// progress returns a progress bar when w is a terminal.
func progress(w io.Writer) bar {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &termBar{w: w}
	}
	return noBar{}
}

// item is one post file and what became of it.
type item struct {
	rel  string // path under -src, with forward slashes
	post *post.Post
	res  *render.Result
	err  error
	skip string // why it was skipped: "draft", "future", "expired"

	slug     string              // its folder under posts/
	warnings []render.Diagnostic // the site's own, about its front matter
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
}

// build reads, renders and writes the whole site. Its error is one that
// stops the build (src unreadable, out unwritable); a post's error is in
// the summary.
func build(c *config, b bar) (*summary, error) {
	files, err := findPosts(c.src)
	if err != nil {
		return nil, err
	}
	r := render.New(renderOptions(c)...)

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

	s := &summary{}
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

// assignSlugs gives each post a folder name under posts/: its front
// matter's slug or else its file name (a bundle's index.md and a section's
// _index.md take their folder's name), cleaned for a URL and kept to
// maxName bytes. Posts are taken in path order; a name already taken gets
// the parent folder's name in front, then a number, so every post keeps
// its own page. A slug that had to be shortened is reported at its key.
func assignSlugs(items []*item) {
	used := map[string]bool{}
	for _, it := range items { // in path order
		dir, file := path.Split(it.rel)
		dir = strings.TrimSuffix(dir, "/")
		base := strings.TrimSuffix(file, path.Ext(file))
		if (base == "index" || base == "_index") && dir != "" {
			base = path.Base(dir)
			dir = path.Dir(dir)
		}
		full := urlize(it.post.FrontMatter.Slug)
		fromSlug := full != ""
		if !fromSlug {
			full = urlize(base)
		}
		if full == "" {
			full = "post"
		}
		slug := shortName(full)
		if used[slug] && dir != "" && dir != "." {
			if s := shortName(urlize(path.Base(dir)) + "-" + slug); !used[s] {
				slug = s
			}
		}
		if used[slug] {
			n := 2
			for used[shortName(fmt.Sprintf("%s-%d", slug, n))] {
				n++
			}
			slug = shortName(fmt.Sprintf("%s-%d", slug, n))
		}
		used[slug] = true
		it.slug = slug
		if len(full) > maxName {
			what, key := "the name of the file is %d bytes as a slug", ""
			if fromSlug {
				what, key = "slug is %d bytes as a file name", "slug"
			}
			it.warn(key, what+", more than the %d allowed here; the post is written to posts/%s/", len(full), maxName, slug)
		}
	}
}

// maxName is the longest file name, in bytes, that the site writes for a
// slug or a term: well under the 255 bytes most file systems allow.
const maxName = 200

// shortName returns name when it is at most maxName bytes long. A longer
// name is cut to its first runes, with any '-' or '.' at the cut removed,
// and a hash of the whole name is added after a '-', within maxName bytes:
// the result is a valid urlize output, readable, the same on every run,
// and different for two different long names.
func shortName(name string) string {
	if len(name) <= maxName {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	hash := hex.EncodeToString(sum[:6])
	keep := maxName - 1 - len(hash)
	for keep > 0 && !utf8.RuneStart(name[keep]) {
		keep--
	}
	prefix := strings.TrimRight(name[:keep], "-.")
	if prefix == "" {
		return hash
	}
	return prefix + "-" + hash
}

// urlize makes s a safe, lower-case path segment: letters and digits are
// kept, '_' and '.' too, every other run of characters becomes one '-', and
// '-' and '.' are trimmed from both ends, so "../x" cannot climb out of
// the site.
func urlize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return strings.Trim(b.String(), "-.")
}

// summaryHTML is the summary an index shows.
func summaryHTML(res *render.Result) template.HTML {
	return template.HTML(res.Summary) // folio's own, escaped output
}

// taxonomy groups posts by the terms of one front matter list (tags or
// categories). Terms are matched by their URL form, so "Go" and "go" are
// one term shown as first written.
type taxonomy struct {
	kind  string
	terms map[string]*termEntry
}

type termEntry struct {
	name  string // as first written
	key   string // the urlize form, which groups names
	dir   string // its folder under the taxonomy: key, shortened if too long
	items []*item
}

func newTaxonomy(kind string) *taxonomy { return &taxonomy{kind: kind, terms: map[string]*termEntry{}} }

func termKey(name string) string {
	if k := urlize(name); k != "" {
		return k
	}
	return "term"
}

func (tx *taxonomy) add(it *item, names []string) {
	seen := map[string]bool{}
	for _, n := range names {
		k := termKey(n)
		if strings.TrimSpace(n) == "" || seen[k] {
			continue
		}
		seen[k] = true
		t := tx.terms[k]
		if t == nil {
			t = &termEntry{name: n, key: k}
			tx.terms[k] = t
		}
		t.items = append(t.items, it)
	}
}

var singular = map[string]string{"tags": "tag", "categories": "category"}

// shorten returns s, or its first runes and "…" when it is long, for a
// message.
func shorten(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// assignDirs gives every term its folder, in key order: the key, or when
// it is too long its short form (shortName), with a number added in the
// unlikely case that another term has that name already. A shortened term
// is reported in each post that has it, at the list's key. Call it once
// all terms are added, before url.
func (tx *taxonomy) assignDirs() {
	used := map[string]bool{}
	for _, t := range tx.sorted() {
		if len(t.key) <= maxName {
			used[t.key] = true
		}
	}
	for _, t := range tx.sorted() {
		if len(t.key) <= maxName {
			t.dir = t.key
			continue
		}
		dir := shortName(t.key)
		for n := 2; used[dir]; n++ {
			dir = shortName(fmt.Sprintf("%s-%d", t.key, n))
		}
		used[dir] = true
		t.dir = dir
		for _, it := range t.items {
			it.warn(tx.kind, "%s %q is %d bytes as a file name, more than the %d allowed here; its page is %s/%s/",
				singular[tx.kind], shorten(t.name), len(t.key), maxName, tx.kind, dir)
		}
	}
}

// url returns the page of a term relative to the site root.
func (tx *taxonomy) url(name string) string {
	dir := termKey(name)
	if t := tx.terms[dir]; t != nil && t.dir != "" {
		dir = t.dir
	}
	return tx.kind + "/" + dir + "/index.html"
}

// sorted returns the terms by name.
func (tx *taxonomy) sorted() []*termEntry {
	ts := make([]*termEntry, 0, len(tx.terms))
	for _, t := range tx.terms {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b *termEntry) int { return strings.Compare(a.key, b.key) })
	return ts
}
