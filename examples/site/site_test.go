package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/tools/txtar"
)

// extract writes the files of a txtar archive under a new folder.
func extract(t *testing.T, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(archive)
	require.NoError(t, err)
	dir := t.TempDir()
	for _, f := range a.Files {
		name := filepath.Join(dir, filepath.FromSlash(f.Name))
		require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
		require.NoError(t, os.WriteFile(name, f.Data, 0o644))
	}
	return dir
}

// files lists the files under dir as sorted slash paths.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	require.NoError(t, fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return err
	}))
	slices.Sort(out)
	return out
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

var summaryLine = regexp.MustCompile(`^site: (\d+) pages \((\d+) posts\), (\d+) skipped, (\d+) failed, (\d+) warnings, in \S+\n$`)

func TestSite(t *testing.T) {
	src := extract(t, "testdata/blog.txtar")
	out := filepath.Join(t.TempDir(), "public")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-src", src, "-out", out, "-title", "Test blog"}, nil, &stdout, &stderr)

	// The broken post fails with its position; the rest is built.
	assert.Equal(t, 1, code)
	broken := filepath.Join(src, "posts", "broken.md")
	assert.Regexp(t, "^"+regexp.QuoteMeta(broken)+`:3:\d+: `, stderr.String())
	assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one error line: %s", stderr.String())
	m := summaryLine.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, stdout.String())
	assert.Equal(t, []string{"11", "6", "3", "1", "0"}, m[1:6], "pages, posts, skipped, failed, warnings")

	assert.Equal(t, []string{
		"categories/archive/index.html",
		"categories/notes/index.html",
		"css/chroma.css",
		"css/site.css",
		"index.html",
		"posts/bundle/index.html",
		"posts/custom-slug/index.html",
		"posts/etc-passwd/index.html",
		"posts/hello/index.html",
		"posts/newest/index.html",
		"posts/notes-hello/index.html",
		"tags/go/index.html",
		"tags/hugo/index.html",
	}, files(t, out))

	// The index: newest first, undated last, with summaries.
	index := read(t, filepath.Join(out, "index.html"))
	var order []string
	for _, m := range regexp.MustCompile(`<h2><a href="posts/([^/]+)/index.html">`).FindAllStringSubmatch(index, -1) {
		order = append(order, m[1])
	}
	assert.Equal(t, []string{"newest", "hello", "custom-slug", "notes-hello", "etc-passwd", "bundle"}, order)
	assert.Contains(t, index, "<p>The first post. It has a summary divider.</p>")
	assert.Contains(t, index, `<p class="more"><a href="posts/hello/index.html">Read more</a></p>`)
	assert.Contains(t, index, "Old &amp; &lt;b&gt;bold&lt;/b&gt;", "titles are escaped")
	assert.Contains(t, index, `<link rel="stylesheet" href="css/chroma.css">`)

	// Tag pages: "Go" and "go" are one term.
	goTag := read(t, filepath.Join(out, "tags", "go", "index.html"))
	assert.Contains(t, goTag, `href="../../posts/newest/index.html"`)
	assert.Contains(t, goTag, `href="../../posts/hello/index.html"`)
	assert.NotContains(t, goTag, "custom-slug")
	assert.Contains(t, read(t, filepath.Join(out, "categories", "notes", "index.html")), `href="../../posts/custom-slug/index.html"`)

	// A post page links its stylesheets and terms relative to itself.
	hello := read(t, filepath.Join(out, "posts", "hello", "index.html"))
	assert.Contains(t, hello, `<link rel="stylesheet" href="../../css/site.css">`)
	assert.Contains(t, hello, `<a href="../../tags/hugo/index.html">hugo</a>`)
	assert.Contains(t, hello, `<pre tabindex="0" class="chroma"`)
	assert.Contains(t, read(t, filepath.Join(out, "css", "chroma.css")), ".chroma")
}

// TestSitePublishFlags builds the drafts, future and expired posts on request.
func TestSitePublishFlags(t *testing.T) {
	src := extract(t, "testdata/blog.txtar")
	require.NoError(t, os.Remove(filepath.Join(src, "posts", "broken.md")))
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-src", src, "-out", out, "-drafts", "-future", "-expired", "-j", "1"}, nil, &stdout, &stderr)
	assert.Equal(t, 0, code, stderr.String())
	m := summaryLine.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, stdout.String())
	assert.Equal(t, []string{"9", "0", "0"}, []string{m[2], m[3], m[4]}, "posts, skipped, failed")
	for _, slug := range []string{"draft", "future", "expired"} {
		assert.FileExists(t, filepath.Join(out, "posts", slug, "index.html"))
	}
	index := read(t, filepath.Join(out, "index.html"))
	assert.Less(t, strings.Index(index, "posts/future/"), strings.Index(index, "posts/newest/"), "the future post is the newest")
}

func TestSiteFlags(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{name: "help", args: []string{"-h"}, code: 0, stderr: "usage: site"},
		{name: "no src", args: []string{"-out", "x"}, code: 2, stderr: "-src and -out are required"},
		{name: "extra argument", args: []string{"-src", "a", "-out", "b", "c"}, code: 2, stderr: "-src and -out are required"},
		{name: "bad style", args: []string{"-src", "a", "-out", "b", "-style", "nope"}, code: 2, stderr: `unknown style "nope"`},
		{name: "missing src", args: []string{"-src", filepath.Join(t.TempDir(), "nope"), "-out", t.TempDir()}, code: 1, stderr: "no such file or directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, tc.code, run(tc.args, nil, &stdout, &stderr))
			assert.Contains(t, stderr.String(), tc.stderr)
		})
	}
}

func TestURLize(t *testing.T) {
	for in, want := range map[string]string{
		"Hello World":        "hello-world",
		"../../etc/passwd":   "etc-passwd",
		"-my-slug-":          "my-slug",
		"C++ & C#":           "c-c",
		"Héllo Wörld":        "héllo-wörld",
		"file.name_v2":       "file.name_v2",
		"...":                "",
		"<script>":           "script",
		"日本語":                "日本語",
		"  spaced   out  ":   "spaced-out",
		"a/b\\c":             "a-b-c",
		"new-in 0.150":       "new-in-0.150",
		"x' onmouseover='y":  "x-onmouseover-y",
		"%2e%2e":             "2e-2e",
		"CamelCase Is Lower": "camelcase-is-lower",
	} {
		assert.Equal(t, want, urlize(in), "urlize(%q)", in)
	}
}

// TestCorpus builds the Hugo documentation corpus (992 real posts that use
// many site-specific shortcodes) with -stub-unknown: every post is built
// or skipped as unpublished, none fails.
func TestCorpus(t *testing.T) {
	const corpus = "../../../shared/corpus/hugodocs"
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not found at %s (it lives beside the repository): %v", corpus, err)
	}
	var posts int
	require.NoError(t, filepath.WalkDir(corpus, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".md") {
			posts++
		}
		return err
	}))
	require.Equal(t, 992, posts, "the corpus has 992 posts")

	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := run([]string{"-src", corpus, "-out", out, "-stub-unknown", "-q"}, nil, &stdout, &stderr)
	t.Logf("%s(%v)", stdout.String(), time.Since(start))
	require.Equal(t, 0, code, stderr.String())
	m := summaryLine.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, stdout.String())
	built, _ := strconv.Atoi(m[2])
	skipped, _ := strconv.Atoi(m[3])
	assert.Equal(t, "0", m[4], "failed")
	assert.Equal(t, posts, built+skipped)
	assert.Equal(t, 0, skipped, "the corpus has no draft, future or expired post")
	pages, err := filepath.Glob(filepath.Join(out, "posts", "*", "index.html"))
	require.NoError(t, err)
	assert.Len(t, pages, built, "one page per post")
}
