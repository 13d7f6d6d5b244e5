package render_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/shortcode"
)

// cachePage exercises most of a Result: front matter, a shortcode, code,
// headings for the TOC, a summary divider, a diagnostic, text.
const cachePage = `---
title: Cached
summary: "The *front matter* summary."
toc: {startLevel: 2, endLevel: 4, ordered: true}
params:
  colour: blue
---
## One {#one}

Hello {{< note >}}x{{< /note >}} and <b>raw</b> text.

<!--more-->

### Two

` + "```go\nfunc main() {}\n```\n\n```nosuchlang\nx\n```\n\n## One\n\nTom &amp; Jerry, it's \xff done.\n"

// noteV returns a note handler that writes its version and the page's
// colour param.
func noteV(v string) shortcode.Handler {
	return shortcode.Handler{Inner: shortcode.InnerOptional, Render: func(w io.Writer, c *shortcode.Call) error {
		colour := ""
		if c.Page != nil {
			colour, _ = c.Page.Params["colour"].(string)
		}
		_, err := fmt.Fprintf(w, "<span>%s %s %s</span>", v, c.Inner, colour)
		return err
	}}
}

func resultStats(r *render.Renderer) highlight.CacheStats {
	s, _ := r.CacheStats()
	return s
}

func withID(h shortcode.Handler, id string) shortcode.Handler {
	h.CacheID = id
	return h
}

func parsePost(t testing.TB, src string) *post.Post {
	t.Helper()
	p, err := post.Parse([]byte(src), post.WithPath("p.md"))
	require.NoError(t, err)
	return p
}

// sameResult checks that a cached result equals a fresh one in every
// field a caller reads, the TOC's HTML included.
func sameResult(t *testing.T, want, got *render.Result) {
	t.Helper()
	assert.Equal(t, want.HTML, got.HTML, "HTML")
	assert.Equal(t, want.Summary, got.Summary, "Summary")
	assert.Equal(t, want.Truncated, got.Truncated, "Truncated")
	assert.Equal(t, want.Plain, got.Plain, "Plain")
	assert.Equal(t, want.Text, got.Text, "Text")
	assert.Equal(t, want.SummaryText, got.SummaryText, "SummaryText")
	assert.Equal(t, want.WordCount, got.WordCount, "WordCount")
	assert.Equal(t, want.ReadingTime, got.ReadingTime, "ReadingTime")
	assert.Equal(t, want.Diagnostics, got.Diagnostics, "Diagnostics")
	assert.Equal(t, want.TOC.Items, got.TOC.Items, "TOC.Items")
	assert.Equal(t, string(want.TOC.HTML()), string(got.TOC.HTML()), "TOC.HTML")
	assert.Equal(t, string(want.TOC.Markdown()), string(got.TOC.Markdown()), "TOC.Markdown")
}

func TestResultCacheHitEqualsRender(t *testing.T) {
	t.Parallel()
	store := highlight.NewMemoryCache(1 << 20)
	opts := []render.Option{render.WithShortcodeHandler("note", withID(noteV("v1"), "note/v1"))}
	plain := render.New(opts...)
	r := render.New(append(opts, render.WithResultCache(store))...)
	p := parsePost(t, cachePage)
	want, err := plain.RenderPost(p)
	require.NoError(t, err)
	require.NotEmpty(t, want.Diagnostics)
	for range 2 {
		got, err := r.RenderPost(p)
		require.NoError(t, err)
		sameResult(t, want, got)
	}
	assert.Equal(t, highlight.CacheStats{Hits: 1, Misses: 1}, resultStats(r))

	// Render (no post) is cached under its own keys.
	md := []byte("# A\n\ntext\n")
	w, err := plain.Render(md)
	require.NoError(t, err)
	for range 2 {
		g, err := r.Render(md)
		require.NoError(t, err)
		sameResult(t, w, g)
	}
	assert.Equal(t, highlight.CacheStats{Hits: 2, Misses: 2}, resultStats(r))

	// A result from the cache is the caller's own.
	g, err := r.RenderPost(p)
	require.NoError(t, err)
	g.HTML[0] = 'X'
	g.TOC.Items[0].Title = "changed"
	g2, err := r.RenderPost(p)
	require.NoError(t, err)
	sameResult(t, want, g2)
}

// TestResultCacheNeverStale renders one post with one shared store under
// renderers that differ in one setting each, the cached one after the
// fresh one, and checks that each gets its own output.
func TestResultCacheNeverStale(t *testing.T) {
	t.Parallel()
	note := func(v string) render.Option {
		return render.WithShortcodeHandler("note", withID(noteV(v), "note/"+v))
	}
	resolver := func(prefix string) render.Option {
		return render.WithRefResolver(func(r shortcode.Ref) (string, error) { return prefix + r.Path, nil })
	}
	const page = "---\ntitle: T\n---\n## H\n\n{{< note >}}i{{< /note >}} [l](/x) {{< param colour >}} {{< ref \"a.md\" >}}\n\n```go {linenos=table}\nfunc f() {}\n```\n\n" +
		"<i>raw</i>, a few words to count for the summary and reading time.\n"
	base := []render.Option{note("v1"), resolver("/a/"), render.WithSiteParams(map[string]any{"colour": "red"})}
	variants := map[string][]render.Option{
		"base":             nil,
		"unsafe":           {render.WithUnsafeHTML()},
		"style":            {render.WithHighlight(highlight.Config{Style: "github"})},
		"inline styles":    {render.WithHighlight(highlight.Config{InlineStyles: true})},
		"line numbers":     {render.WithHighlight(highlight.Config{LineNumbers: highlight.LineNumbersInline})},
		"summary length":   {render.WithSummaryLength(3)},
		"hugo":             {render.HugoCompat()},
		"handler version":  {note("v2")},
		"site params":      {render.WithSiteParams(map[string]any{"colour": "green"})},
		"ref resolver":     {resolver("/b/")},
		"link hook":        {render.WithLinkHook(func(w io.Writer, l render.Link) error { _, err := io.WriteString(w, "LINK"); return err })},
		"no typographer":   {render.WithoutExtensions(render.Typographer)},
		"toc levels":       {render.WithTOCLevels(1, 6)},
		"reading speed":    {render.WithReadingSpeed(1, 1)},
		"ID style":         {render.WithIDStyle(render.IDStyleBlackfriday)},
		"unknown handler":  {render.WithShortcodeHandler("note", noteV("v1"))}, // no ID: a closure, private
		"without handlers": {render.WithoutShortcodeHandlers("param")},
	}
	store := highlight.NewMemoryCache(1 << 22)
	// Fill the store under every variant first, then check every one.
	for _, extra := range variants {
		r := render.New(append(append(append([]render.Option{}, base...), extra...), render.WithResultCache(store))...)
		_, _ = r.RenderPost(parsePost(t, page))
	}
	for name, extra := range variants {
		opts := append(append([]render.Option{}, base...), extra...)
		want, wantErr := render.New(opts...).RenderPost(parsePost(t, page))
		for range 2 {
			got, err := render.New(append(opts, render.WithResultCache(store))...).RenderPost(parsePost(t, page))
			if wantErr != nil {
				assert.Error(t, err, name)
				continue
			}
			require.NoError(t, err, name)
			assert.Equal(t, string(want.HTML), string(got.HTML), name)
			assert.Equal(t, string(want.Summary), string(got.Summary), name)
			assert.Equal(t, want.ReadingTime, got.ReadingTime, name)
			assert.Equal(t, string(want.TOC.HTML()), string(got.TOC.HTML()), name)
		}
	}
}

// TestResultCacheFrontMatter: posts that differ only in front matter
// (path, summary, params read by a shortcode, isCJKLanguage, toc levels,
// title) never share an entry.
func TestResultCacheFrontMatter(t *testing.T) {
	t.Parallel()
	body := "## A\n\n### B\n\n{{< note >}}{{< /note >}} 漢字漢字 words here\n"
	fms := []string{
		"---\ntitle: A\n---\n",
		"---\ntitle: B\n---\n",
		"---\ntitle: A\nsummary: S\n---\n",
		"---\ntitle: A\nparams: {colour: red}\n---\n",
		"---\ntitle: A\nparams: {colour: blue}\n---\n",
		"---\ntitle: A\nisCJKLanguage: true\n---\n",
		"---\ntitle: A\ntoc: {endLevel: 2}\n---\n",
		"---\ntitle: A\n\n---\n",           // the body starts a line later
		"---\ntitle: A\ncount: 1\n---\n",   // an int ...
		"---\ntitle: A\ncount: 1.0\n---\n", // ... and a float
	}
	count := shortcode.Handler{Inner: shortcode.InnerOptional, CacheID: "count", Render: func(w io.Writer, c *shortcode.Call) error {
		_, err := fmt.Fprintf(w, "%s|%T|%v|%v", c.Page.FrontMatter.Title, c.Page.Params["count"], c.Page.Params["colour"], c.Page.BodyLine)
		return err
	}}
	opts := []render.Option{render.WithShortcodeHandler("note", count)}
	store := highlight.NewMemoryCache(1 << 20)
	cached := render.New(append(opts, render.WithResultCache(store))...)
	plain := render.New(opts...)
	for range 2 {
		for _, fm := range fms {
			p := parsePost(t, fm+body)
			want, err := plain.RenderPost(p)
			require.NoError(t, err)
			got, err := cached.RenderPost(p)
			require.NoError(t, err)
			sameResult(t, want, got)
		}
	}
	// The path is in the diagnostics: another path, another entry.
	p := parsePost(t, fms[0]+body+"<b>x</b>\n")
	q := *p
	q.Path = "other.md"
	a, err := cached.RenderPost(p)
	require.NoError(t, err)
	b, err := cached.RenderPost(&q)
	require.NoError(t, err)
	require.NotEmpty(t, b.Diagnostics)
	assert.Equal(t, "other.md", b.Diagnostics[0].Path)
	assert.Equal(t, "p.md", a.Diagnostics[0].Path)
	assert.Equal(t, int64(len(fms)+2), resultStats(cached).Misses)
}

// TestResultCacheIdentity: renderers whose handlers are closures without
// CacheID do not share entries, even with the same code; with a CacheID
// or WithCacheIdentity they do.
func TestResultCacheIdentity(t *testing.T) {
	t.Parallel()
	src := []byte("{{< note >}}x{{< /note >}}\n")
	store := highlight.NewMemoryCache(1 << 20)
	hits := func(opts ...render.Option) int64 {
		r := render.New(append(opts, render.WithResultCache(store))...)
		_, err := r.Render(src)
		require.NoError(t, err)
		return resultStats(r).Hits
	}
	h := noteV("v1")
	assert.Zero(t, hits(render.WithShortcodeHandler("note", h)))
	assert.Zero(t, hits(render.WithShortcodeHandler("note", h)), "a closure is private to its Renderer")
	assert.Zero(t, hits(render.WithShortcodeHandler("note", h), render.WithCacheIdentity("site v1")))
	assert.Equal(t, int64(1), hits(render.WithShortcodeHandler("note", h), render.WithCacheIdentity("site v1")))
	assert.Zero(t, hits(render.WithShortcodeHandler("note", h), render.WithCacheIdentity("site v2")))
	assert.Zero(t, hits(render.WithShortcodeHandler("note", withID(h, "a"))))
	assert.Equal(t, int64(1), hits(render.WithShortcodeHandler("note", withID(h, "a"))))
	// A top-level function is known by its name.
	top := shortcode.Handler{Render: topLevelNote, Inner: shortcode.InnerOptional}
	assert.Zero(t, hits(render.WithShortcodeHandler("note", top)))
	assert.Equal(t, int64(1), hits(render.WithShortcodeHandler("note", top)))
	assert.Zero(t, hits(render.WithShortcodeHandler("note", shortcode.Handler{Render: otherTopLevelNote, Inner: shortcode.InnerOptional})))
}

func topLevelNote(w io.Writer, c *shortcode.Call) error {
	_, err := io.WriteString(w, "top "+c.Inner)
	return err
}

func otherTopLevelNote(w io.Writer, c *shortcode.Call) error {
	_, err := io.WriteString(w, "other "+c.Inner)
	return err
}

// TestResultCacheVolatile: a page that calls a Volatile handler is
// rendered every time; others are cached.
func TestResultCacheVolatile(t *testing.T) {
	t.Parallel()
	var n atomic.Int64
	clock := shortcode.Handler{CacheID: "clock", Volatile: true, Render: func(w io.Writer, _ *shortcode.Call) error {
		_, err := fmt.Fprintf(w, "tick %d", n.Add(1))
		return err
	}}
	r := render.New(render.WithShortcodeHandler("clock", clock), render.WithResultCache(highlight.NewMemoryCache(1<<20)))
	a, err := r.Render([]byte("{{< clock >}}\n"))
	require.NoError(t, err)
	b, err := r.Render([]byte("{{< clock >}}\n"))
	require.NoError(t, err)
	assert.NotEqual(t, string(a.HTML), string(b.HTML))
	for range 2 {
		_, err = r.Render([]byte("no clock\n"))
		require.NoError(t, err)
	}
	assert.Equal(t, highlight.CacheStats{Hits: 1, Misses: 3}, resultStats(r))
}

// TestResultCacheErrorsNotStored: a render that fails is not stored.
func TestResultCacheErrorsNotStored(t *testing.T) {
	t.Parallel()
	r := render.New(render.WithResultCache(highlight.NewMemoryCache(1 << 20)))
	for range 2 {
		_, err := r.Render([]byte("{{< nosuch >}}\n"))
		require.Error(t, err)
	}
	assert.Equal(t, highlight.CacheStats{Misses: 2}, resultStats(r))
}

// dirFiles returns the entry files of a DirCache directory.
func dirFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".") {
			files = append(files, p)
		}
		return err
	}))
	return files
}

// TestResultCacheCorruptFiles damages the stored files in every way a
// crash or a disk can, and checks that each is ignored and rewritten.
func TestResultCacheCorruptFiles(t *testing.T) {
	t.Parallel()
	damage := map[string]func([]byte) []byte{
		"truncated":   func(b []byte) []byte { return b[:len(b)/2] },
		"empty":       func([]byte) []byte { return nil },
		"flipped":     func(b []byte) []byte { b = bytes.Clone(b); b[len(b)-3] ^= 0x20; return b },
		"extra bytes": func(b []byte) []byte { return append(bytes.Clone(b), "junk"...) },
	}
	for name, f := range damage {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			p := parsePost(t, cachePage)
			opts := []render.Option{render.WithShortcodeHandler("note", withID(noteV("v1"), "note"))}
			want, err := render.New(opts...).RenderPost(p)
			require.NoError(t, err)
			open := func() (*render.Renderer, *highlight.DirCache) {
				store, err := highlight.NewDirCache(dir)
				require.NoError(t, err)
				return render.New(append(opts, render.WithResultCache(store))...), store
			}
			r, _ := open()
			_, err = r.RenderPost(p)
			require.NoError(t, err)
			files := dirFiles(t, dir)
			require.Len(t, files, 1)
			good, err := os.ReadFile(files[0])
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(files[0], f(good), 0o644))

			r, store := open() // another run of the program
			got, err := r.RenderPost(p)
			require.NoError(t, err)
			sameResult(t, want, got)
			assert.Equal(t, highlight.CacheStats{Misses: 1}, resultStats(r))
			assert.Equal(t, int64(1), store.Stats().Corrupt)
			again, err := os.ReadFile(files[0])
			require.NoError(t, err)
			assert.Equal(t, good, again, "rewritten")

			r, _ = open()
			got, err = r.RenderPost(p)
			require.NoError(t, err)
			sameResult(t, want, got)
			assert.Equal(t, highlight.CacheStats{Hits: 1}, resultStats(r))
		})
	}
}

// concurrentPosts are posts for the concurrency tests.
func concurrentPosts(t testing.TB) []*post.Post {
	var ps []*post.Post
	for i := range 20 {
		ps = append(ps, parsePost(t, fmt.Sprintf("---\ntitle: P%d\n---\n## H%d\n\n```go\nvar x = %d\n```\n\n{{< note >}}%d{{< /note >}}\n", i, i, i, i)))
	}
	return ps
}

func concurrentOptions(store highlight.Cache) []render.Option {
	return []render.Option{
		render.WithShortcodeHandler("note", shortcode.Handler{Render: topLevelNote, Inner: shortcode.InnerOptional}),
		render.WithHighlight(highlight.Config{Cache: store}),
		render.WithResultCache(store),
	}
}

// TestResultCacheConcurrent renders the same posts from many goroutines,
// each with its own Renderer, over one directory; run it with -race.
func TestResultCacheConcurrent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ps := concurrentPosts(t)
	plain := render.New(render.WithShortcodeHandler("note", shortcode.Handler{Render: topLevelNote, Inner: shortcode.InnerOptional}))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			store, err := highlight.NewDirCache(dir)
			if !assert.NoError(t, err) {
				return
			}
			r := render.New(concurrentOptions(store)...)
			for range 3 {
				for _, p := range ps {
					got, err := r.RenderPost(p)
					if !assert.NoError(t, err) {
						return
					}
					want, _ := plain.RenderPost(p)
					assert.Equal(t, string(want.HTML), string(got.HTML))
				}
			}
			assert.Zero(t, store.Stats().Corrupt)
		})
	}
	wg.Wait()
}

// TestResultCacheTwoProcesses runs this test binary twice at once over one
// directory (TestResultCacheHelperProcess), then reads every entry back.
func TestResultCacheTwoProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts two processes")
	}
	dir := t.TempDir()
	var cmds []*exec.Cmd
	for range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestResultCacheHelperProcess$")
		cmd.Env = append(os.Environ(), "FOLIO_RESULT_CACHE_DIR="+dir)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		require.NoError(t, cmd.Start())
		cmds = append(cmds, cmd)
	}
	for _, cmd := range cmds {
		require.NoError(t, cmd.Wait())
	}
	store, err := highlight.NewDirCache(dir)
	require.NoError(t, err)
	r := render.New(concurrentOptions(store)...)
	for _, p := range concurrentPosts(t) {
		_, err := r.RenderPost(p)
		require.NoError(t, err)
	}
	// The same executable: the helpers' entries serve this process.
	assert.Equal(t, int64(20), resultStats(r).Hits)
	assert.Zero(t, store.Stats().Corrupt)
}

func TestResultCacheHelperProcess(t *testing.T) {
	dir := os.Getenv("FOLIO_RESULT_CACHE_DIR")
	if dir == "" {
		t.Skip("helper of TestResultCacheTwoProcesses")
	}
	store, err := highlight.NewDirCache(dir)
	require.NoError(t, err)
	plain := render.New(render.WithShortcodeHandler("note", shortcode.Handler{Render: topLevelNote, Inner: shortcode.InnerOptional}))
	for range 20 {
		r := render.New(concurrentOptions(store)...)
		for _, p := range concurrentPosts(t) {
			got, err := r.RenderPost(p)
			require.NoError(t, err)
			want, _ := plain.RenderPost(p)
			require.Equal(t, string(want.HTML), string(got.HTML))
		}
	}
	require.Zero(t, store.Stats().Corrupt)
}

// TestResultCacheNotStored: a page that reads image files is rendered
// every time; the same Renderer caches its other pages.
func TestResultCacheNotStored(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// A 1×1 GIF: its size is read from the file, which no key sees.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.gif"), []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), 0o644))
	r := render.New(render.WithImageFiles(render.ImageFiles{FS: os.DirFS(dir)}), render.WithResultCache(highlight.NewMemoryCache(1<<20)))
	for range 2 {
		_, err := r.Render([]byte("![a](a.gif)\n"))
		require.NoError(t, err)
	}
	assert.Equal(t, highlight.CacheStats{Misses: 2}, resultStats(r))
	for range 2 {
		_, err := r.Render([]byte("text\n"))
		require.NoError(t, err)
	}
	assert.Equal(t, highlight.CacheStats{Hits: 1, Misses: 3}, resultStats(r))
}
