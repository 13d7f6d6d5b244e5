package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMain points the user's cache folder (the default of -cache) at a
// temporary one, so that tests never write to the real one.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "folio-site-test-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CACHE_HOME", dir)
	os.Setenv("HOME", dir) // macOS: ~/Library/Caches
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

var cacheLine = regexp.MustCompile(`, (\d+) of (\d+) posts and (\d+) code blocks from cache, in `)

// buildSite runs the site over src into out with extra flags and returns
// the posts and code blocks that came from the cache (-1 without a cache
// part in the summary line).
func buildSite(t *testing.T, src, out string, extra ...string) (posts, total, blocks int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	args := append([]string{"-src", src, "-out", out, "-q"}, extra...)
	code := run(args, nil, &stdout, &stderr)
	require.Contains(t, []int{0, 1}, code, stderr.String()) // blog.txtar has a broken post
	m := cacheLine.FindStringSubmatch(stdout.String())
	if m == nil {
		return -1, -1, -1
	}
	posts, _ = strconv.Atoi(m[1])
	total, _ = strconv.Atoi(m[2])
	blocks, _ = strconv.Atoi(m[3])
	return posts, total, blocks
}

// tree returns every file under dir with its bytes.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		m[filepath.ToSlash(rel)] = string(b)
		return err
	}))
	return m
}

// sameTree checks that two output folders hold the same files, byte for
// byte, naming the first that differs.
func sameTree(t *testing.T, want, got string) {
	t.Helper()
	w, g := tree(t, want), tree(t, got)
	require.NotEmpty(t, w)
	for name, b := range w {
		if g[name] != b {
			t.Errorf("%s differs between %s and %s", name, want, got)
		}
	}
	assert.Len(t, g, len(w), "files")
}

// TestSiteCache builds a site without a cache, then twice with one (into
// new folders and into the same one): every build writes the same bytes,
// and the second renders nothing. Then one post changes: only it is
// rendered again, and the output is that of a build without a cache.
func TestSiteCache(t *testing.T) {
	src := extract(t, "testdata/blog.txtar")
	cache := filepath.Join(t.TempDir(), "cache")
	outs := t.TempDir()
	out := func(name string) string { return filepath.Join(outs, name) }

	posts, _, _ := buildSite(t, src, out("cold"), "-no-cache")
	assert.Equal(t, -1, posts, "no cache part in the summary line without a cache")
	buildSite(t, src, out("cold2"), "-cache", "")
	sameTree(t, out("cold"), out("cold2"))

	posts, total, _ := buildSite(t, src, out("first"), "-cache", cache)
	assert.Zero(t, posts)
	require.Positive(t, total)
	sameTree(t, out("cold"), out("first"))

	posts, total2, blocks := buildSite(t, src, out("second"), "-cache", cache)
	assert.Equal(t, total, posts, "the second build renders nothing")
	assert.Equal(t, total, total2)
	assert.Zero(t, blocks, "nothing rendered, so nothing highlighted")
	sameTree(t, out("cold"), out("second"))

	// Into the same folder: nothing changes.
	before := tree(t, out("second"))
	posts, _, _ = buildSite(t, src, out("second"), "-cache", cache)
	assert.Equal(t, total, posts)
	assert.Equal(t, before, tree(t, out("second")))

	// One post changes: a word of its text, a line of a code block.
	hello := filepath.Join(src, "posts", "2020", "hello.md")
	b, err := os.ReadFile(hello)
	require.NoError(t, err)
	b = bytes.Replace(b, []byte("The first post."), []byte("The first post, edited."), 1)
	b = bytes.Replace(b, []byte("```go\npackage main\n```"), []byte("```go\npackage main\n```\n\n```go\nfunc edited() {}\n```"), 1)
	require.NoError(t, os.WriteFile(hello, b, 0o644))
	posts, total3, blocks := buildSite(t, src, out("second"), "-cache", cache)
	assert.Equal(t, total-1, posts, "only the edited post is rendered")
	assert.Equal(t, total, total3)
	assert.Equal(t, 1, blocks, "its unchanged code block comes from the cache")
	buildSite(t, src, out("edited-cold"), "-no-cache")
	sameTree(t, out("edited-cold"), out("second"))
}

// TestSiteCacheCorrupt damages every file of a full cache: the next build
// reads none of them, writes the same site, and rewrites the cache.
func TestSiteCacheCorrupt(t *testing.T) {
	src := extract(t, "testdata/blog.txtar")
	cache := filepath.Join(t.TempDir(), "cache")
	outs := t.TempDir()
	_, total, _ := buildSite(t, src, filepath.Join(outs, "a"), "-cache", cache)
	n := 0
	require.NoError(t, filepath.WalkDir(cache, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err == nil {
			b[len(b)-1] ^= 1
			err = os.WriteFile(p, b[:len(b)-n%2], 0o644) // flipped, and every other one cut short
		}
		n++
		return err
	}))
	require.Positive(t, n)
	posts, _, blocks := buildSite(t, src, filepath.Join(outs, "b"), "-cache", cache)
	assert.Zero(t, posts)
	assert.Zero(t, blocks)
	sameTree(t, filepath.Join(outs, "a"), filepath.Join(outs, "b"))
	posts, _, _ = buildSite(t, src, filepath.Join(outs, "c"), "-cache", cache)
	assert.Equal(t, total, posts, "the cache was rewritten")
	sameTree(t, filepath.Join(outs, "a"), filepath.Join(outs, "c"))
}

// TestSiteCacheDefault: without -cache the cache is under the user's
// cache folder.
func TestSiteCacheDefault(t *testing.T) {
	src := extract(t, "testdata/blog.txtar")
	buildSite(t, src, filepath.Join(t.TempDir(), "a"))
	posts, total, _ := buildSite(t, src, filepath.Join(t.TempDir(), "b"))
	assert.Equal(t, total, posts)
	d, err := os.UserCacheDir()
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(d, "folio", "site"))
	assert.NoError(t, err)
}

// TestSiteDeterministic builds the same site three times in one process
// (Go randomises map order on each range): the pages hold nothing that
// depends on map order or on the time of the build.
func TestSiteDeterministic(t *testing.T) {
	src := extract(t, "testdata/blog.txtar")
	outs := t.TempDir()
	for i := range 3 {
		buildSite(t, src, filepath.Join(outs, strconv.Itoa(i)), "-no-cache", "-drafts", "-future", "-expired")
	}
	sameTree(t, filepath.Join(outs, "0"), filepath.Join(outs, "1"))
	sameTree(t, filepath.Join(outs, "0"), filepath.Join(outs, "2"))
}

// TestSiteWorkersSameFiles builds a site where two posts are written to
// one file and two aliases to another, on one worker and on four, into an
// empty folder and over a built one: every build writes the same files,
// the first post (as post/content's warning says) and the later alias.
func TestSiteWorkersSameFiles(t *testing.T) {
	src := t.TempDir()
	write := fileWriter(t, src)
	write("content/a.md", "---\ntitle: Alpha\nurl: /same/\naliases: [/old/]\n---\n\nAlpha.\n")
	write("content/b.md", "---\ntitle: Beta\nurl: /same/\n---\n\nBeta.\n")
	write("content/c.md", "---\ntitle: Gamma\naliases: [/old/]\n---\n\nGamma.\n")
	for i := range 12 {
		write(fmt.Sprintf("content/posts/p%d.md", i), fmt.Sprintf("---\ntitle: Post %d\n---\n\n```go\nfunc f%d() {}\n```\n", i, i))
	}
	outs := t.TempDir()
	out := func(name string) string { return filepath.Join(outs, name) }
	buildSite(t, src, out("j1"), "-no-cache", "-j", "1")
	page := read(t, filepath.Join(out("j1"), "same", "index.html"))
	has(t, page, "<h1>Alpha</h1>")
	has(t, read(t, filepath.Join(out("j1"), "old", "index.html")), "c/index.html", "the later alias")
	for _, j := range []string{"1", "4"} {
		for i := range 3 {
			name := out(fmt.Sprintf("j%s-%d", j, i))
			buildSite(t, src, name, "-no-cache", "-j", j)
			sameTree(t, out("j1"), name)
			buildSite(t, src, name, "-no-cache", "-j", j) // over its own output
			sameTree(t, out("j1"), name)
		}
	}
}
