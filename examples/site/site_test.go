package main

import (
	"bytes"
	"html"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/txtar"
	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
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

// has checks that a page contains want, without printing the whole page.
func has(t *testing.T, page, want string, msg ...any) {
	t.Helper()
	if !strings.Contains(page, want) {
		t.Errorf("the page lacks %q %v", want, msg)
	}
}

func read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	require.NoError(t, err)
	return string(b)
}

var summaryLine = regexp.MustCompile(`^site: (\d+) pages \((\d+) posts\), (\d+) skipped, (\d+) failed, (\d+) warnings(?:, \d+ of \d+ posts and \d+ code blocks from cache)?, in \S+\n$`)

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
	assert.Equal(t, []string{"15", "6", "3", "1", "0"}, m[1:6], "pages, posts, skipped, failed, warnings")

	// Hugo's paths: each file at its path under the content folder, a
	// bundle at its folder, a slug in place of the file name (one that
	// climbs is cleaned, as Hugo does), a section page per top-level
	// folder, taxonomy and term pages, feeds, the sitemap, and README.txt
	// published as a resource of the home page.
	assert.Equal(t, []string{
		"README.txt",
		"bundle/index.html",
		"categories/archive/index.html",
		"categories/archive/index.xml",
		"categories/index.html",
		"categories/index.xml",
		"categories/notes/index.html",
		"categories/notes/index.xml",
		"css/chroma.css",
		"css/site.css",
		"etc/passwd/index.html",
		"index.html",
		"index.xml",
		"notes/hello/index.html",
		"notes/index.html",
		"notes/index.xml",
		"posts/2020/hello/index.html",
		"posts/2021/newest/index.html",
		"posts/custom-slug/index.html",
		"posts/index.html",
		"posts/index.xml",
		"sitemap.xml",
		"tags/go/index.html",
		"tags/go/index.xml",
		"tags/hugo/index.html",
		"tags/hugo/index.xml",
		"tags/index.html",
		"tags/index.xml",
	}, files(t, out))

	// The index: newest first, undated last, with summaries.
	index := read(t, filepath.Join(out, "index.html"))
	var order []string
	for _, m := range regexp.MustCompile(`<h2><a href="([^"]+)/index.html">`).FindAllStringSubmatch(index, -1) {
		order = append(order, m[1])
	}
	assert.Equal(t, []string{"posts/2021/newest", "posts/2020/hello", "posts/custom-slug", "notes/hello", "etc/passwd", "bundle"}, order)
	has(t, index, "<p>The first post. It has a summary divider.</p>")
	has(t, index, `<p class="more"><a href="posts/2020/hello/index.html">Read more</a></p>`)
	has(t, index, "Old &amp; &lt;b&gt;bold&lt;/b&gt;", "titles are escaped")
	has(t, index, `<link rel="stylesheet" href="css/chroma.css">`)

	// Tag pages: "Go" and "go" are one term.
	goTag := read(t, filepath.Join(out, "tags", "go", "index.html"))
	has(t, goTag, `href="../../posts/2021/newest/index.html"`)
	has(t, goTag, `href="../../posts/2020/hello/index.html"`)
	assert.False(t, strings.Contains(goTag, "custom-slug"), "custom-slug is not tagged go")
	has(t, read(t, filepath.Join(out, "categories", "notes", "index.html")), `href="../../posts/custom-slug/index.html"`)

	// A section page lists its pages in Hugo's order.
	posts := read(t, filepath.Join(out, "posts", "index.html"))
	has(t, posts, `href="../posts/2021/newest/index.html"`)

	// A post page links its stylesheets and terms relative to itself.
	hello := read(t, filepath.Join(out, "posts", "2020", "hello", "index.html"))
	has(t, hello, `<link rel="stylesheet" href="../../../css/site.css">`)
	has(t, hello, `<a href="../../../tags/hugo/index.html">hugo</a>`)
	has(t, hello, `<pre tabindex="0" class="chroma"`)
	has(t, read(t, filepath.Join(out, "css", "chroma.css")), ".chroma")
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
	assert.Less(t, strings.Index(index, "posts/future/"), strings.Index(index, "posts/2021/newest/"), "the future post is the newest")
}

// TestSiteStubs: a site-specific shortcode fails its post with the call's
// position; -stub NAME renders it as a placeholder that keeps its inner
// text; -stub-unknown renders any unknown call as an empty placeholder
// element with a warning.
func TestSiteStubs(t *testing.T) {
	src := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(src, "a.md"),
		[]byte("---\ntitle: A\n---\n\nSince {{< new-in 0.150 >}} and\n\n{{< note >}}inner **text**{{< /note >}}\n"), 0o644))
	for _, tc := range []struct {
		name   string
		flags  []string
		code   int
		stderr string
		page   []string
	}{
		{name: "default", code: 1, stderr: "a.md:5:7: "},
		{name: "stub both", flags: []string{"-stub", "new-in, note"}, code: 0, page: []string{
			`<span class="shortcode-stub" data-shortcode="new-in"><code>new-in</code> </span>`,
			`<span class="shortcode-stub" data-shortcode="note"><code>note</code> inner **text**</span>`,
		}},
		{name: "stub unknown", flags: []string{"-stub-unknown"}, code: 0, stderr: "warning: ", page: []string{
			`Since <span class="shortcode-unknown" data-shortcode="new-in"></span> and`,
			`<div class="shortcode-unknown" data-shortcode="note"></div>`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"-src", src, "-out", out}, tc.flags...), nil, &stdout, &stderr)
			assert.Equal(t, tc.code, code, stderr.String())
			assert.Contains(t, stderr.String(), tc.stderr)
			if len(tc.page) > 0 {
				p := read(t, filepath.Join(out, "a", "index.html"))
				for _, want := range tc.page {
					has(t, p, want)
				}
			}
		})
	}
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

// TestCorpus builds the Hugo documentation corpus (992 real posts that use
// many site-specific shortcodes) with -stub-unknown, and with -drafts
// -future -expired so that the count does not depend on today's date (two
// posts have an expiryDate in November 2026): every post is built, none
// fails.
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
	code := run([]string{"-src", corpus, "-out", out, "-stub-unknown", "-drafts", "-future", "-expired", "-q"}, nil, &stdout, &stderr)
	t.Logf("%s(%v)", stdout.String(), time.Since(start))
	require.Equal(t, 0, code, stderr.String())
	m := summaryLine.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, stdout.String())
	built, _ := strconv.Atoi(m[2])
	skipped, _ := strconv.Atoi(m[3])
	assert.Equal(t, "0", m[4], "failed")
	// The docs' _common snippets and glossary terms are left unrendered by
	// their sections' cascade (build render never), as in Hugo.
	site, err := content.Load(os.DirFS(corpus), content.Config{ContentDir: ".", BuildDrafts: true, BuildFuture: true, BuildExpired: true})
	require.NoError(t, err)
	notRendered := len(site.Headless)
	for _, p := range site.Pages {
		if p.Post != nil && p.OutputPath == "" {
			notRendered++
		}
	}
	assert.Equal(t, posts, built+notRendered, "every post built, or not rendered by its build options")
	assert.Equal(t, 789, built)
	assert.Equal(t, 0, skipped)
	pages, _ := strconv.Atoi(m[1])
	var written, aliases int
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			written++
			if strings.Contains(read(t, p), `<meta http-equiv="refresh"`) {
				aliases++ // the corpus's aliases (281 redirects; "/functions/lang.merge" is a folder, as in Hugo)
			}
		}
		return err
	}))
	assert.Equal(t, pages, written-aliases, "every page is written, each to its own file")
	assert.Equal(t, 281, aliases, "an alias page per alias")
}

// FuzzShortName checks that a path segment always becomes one of at
// most maxName bytes, cut at a whole character, that shortName keeps
// unchanged.
func FuzzShortName(f *testing.F) {
	for _, s := range []string{"Hello World", "../../etc/passwd", "-my-slug-", "日本語", "a/b\\c", "..", "%2e%2e", "x\x00y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := content.Urlize(s)
		long := strings.Repeat(u+"-", 1+300/(len(u)+1))
		for _, v := range []string{u, long} {
			n := shortName(v)
			if len(n) > maxName || !utf8.ValidString(n) && utf8.ValidString(v) || shortName(n) != n {
				t.Fatalf("shortName(%q) = %q: too long, cut inside a rune, or not stable", v, n)
			}
		}
	})
}

// TestSiteLongNames builds a site with slugs, tags and categories far
// longer than a file name may be (255 bytes), in ASCII and in multi-byte
// text: they are shortened to at most maxName bytes with a warning at
// their key, every page is written, and every link uses the short names.
func TestSiteLongNames(t *testing.T) {
	long := strings.Repeat("long-slug-", 30)  // 300 bytes
	longer := long + "but-a-different-ending" // the same first 300 bytes
	tag := strings.Repeat("t", 300)           // 300 bytes
	wide := strings.Repeat("日本語", 100)        // 300 runes, 900 bytes
	cat := strings.Repeat("é", 150)           // 150 runes, 300 bytes
	src := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(src, "posts"), 0o755))
	write := func(name, content string) {
		require.NoError(t, os.WriteFile(filepath.Join(src, "posts", name), []byte(content), 0o644))
	}
	write("long.md", "---\ntitle: Long\nslug: "+long+"\ntags: ["+tag+", go, "+wide+"]\ncategories: ["+cat+"]\ndate: 2020-01-03\n---\n\nLong.\n")
	write("longer.md", "+++\ntitle = \"Longer\"\ndate = 2020-01-02\nslug = \""+longer+"\"\ntags = [\""+tag+"\"]\n+++\n\nLonger.\n")
	write("wide.md", "{\n\"title\": \"Wide\",\n\"date\": \"2020-01-01\",\n\"slug\": \""+wide+"\"\n}\n\nWide.\n")
	write("normal.md", "---\ntitle: Normal\ndate: 2019-01-01\ntags: [go]\n---\n\nNormal.\n")

	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := run([]string{"-src", src, "-out", out, "-j", "2"}, nil, &stdout, &stderr)
	require.Equal(t, 0, code, stderr.String())
	m := summaryLine.FindStringSubmatch(stdout.String())
	require.NotNil(t, m, stdout.String())
	// 4 posts, the index, the posts section, the two taxonomies, tags
	// go, tag, wide, and the category.
	assert.Equal(t, []string{"12", "4", "0", "0", "7"}, m[1:6], "pages, posts, skipped, failed, warnings")

	// The names: short, whole runes, readable, stable and distinct.
	slugLong, slugLonger, slugWide := shortName(long[:len(long)-1]), shortName(longer), shortName(wide)
	tagShort, wideShort, catShort := shortName(tag), shortName(wide), shortName(cat)
	names := []string{slugLong, slugLonger, slugWide, tagShort, wideShort, catShort}
	for _, n := range names {
		assert.LessOrEqual(t, len(n), maxName, n)
		assert.True(t, utf8.ValidString(n), "%q is cut inside a rune", n)
		assert.Equal(t, n, content.Urlize(n), "a short name is a clean path segment")
	}
	assert.True(t, strings.HasPrefix(slugLong, "long-slug-long-slug-"), slugLong)
	assert.True(t, strings.HasPrefix(slugWide, "日本語日本語"), slugWide)
	assert.True(t, strings.HasPrefix(catShort, "éééé"), catShort)
	assert.NotEqual(t, slugLong, slugLonger, "two long slugs with the same start")
	var html []string
	for _, f := range files(t, out) {
		if !strings.HasSuffix(f, ".xml") {
			html = append(html, f)
		}
	}
	assert.ElementsMatch(t, []string{
		"categories/" + catShort + "/index.html",
		"categories/index.html",
		"css/chroma.css",
		"css/site.css",
		"index.html",
		"posts/index.html",
		"posts/" + slugLong + "/index.html",
		"posts/" + slugLonger + "/index.html",
		"posts/normal/index.html",
		"posts/" + slugWide + "/index.html",
		"tags/go/index.html",
		"tags/index.html",
		"tags/" + tagShort + "/index.html",
		"tags/" + wideShort + "/index.html",
	}, html)

	// The warnings, each at its key: the slug's in each format, the tag
	// list's (once per long tag), the category list's.
	longMD, longerMD, wideMD := filepath.Join(src, "posts", "long.md"), filepath.Join(src, "posts", "longer.md"), filepath.Join(src, "posts", "wide.md")
	warnings := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	assert.ElementsMatch(t, []string{
		longMD + ":3:1: warning: slug is 299 bytes as a file name, more than the 200 allowed here; the post is written to posts/" + slugLong + "/",
		longMD + ":4:1: warning: tag \"" + tag[:40] + "…\" is 300 bytes as a file name, more than the 200 allowed here; its page is tags/" + tagShort + "/",
		longMD + ":4:1: warning: tag \"" + strings.Repeat("日本語", 13) + "日…\" is 900 bytes as a file name, more than the 200 allowed here; its page is tags/" + wideShort + "/",
		longMD + ":5:1: warning: category \"" + strings.Repeat("é", 40) + "…\" is 300 bytes as a file name, more than the 200 allowed here; its page is categories/" + catShort + "/",
		longerMD + ":4:1: warning: slug is 322 bytes as a file name, more than the 200 allowed here; the post is written to posts/" + slugLonger + "/",
		longerMD + ":5:1: warning: tag \"" + tag[:40] + "…\" is 300 bytes as a file name, more than the 200 allowed here; its page is tags/" + tagShort + "/",
		wideMD + ":4:1: warning: slug is 900 bytes as a file name, more than the 200 allowed here; the post is written to posts/" + slugWide + "/",
	}, warnings)

	// Every link uses the short names, and leads to a page.
	index := read(t, filepath.Join(out, "index.html"))
	indexLinks := links(t, index)
	for _, slug := range []string{slugLong, slugLonger, slugWide, "normal"} {
		assert.Contains(t, indexLinks, "posts/"+slug+"/index.html")
	}
	assert.Contains(t, indexLinks, "tags/"+tagShort+"/index.html")
	assert.Contains(t, indexLinks, "tags/"+wideShort+"/index.html")
	assert.Contains(t, indexLinks, "categories/"+catShort+"/index.html")
	tagLinks := links(t, read(t, filepath.Join(out, "tags", tagShort, "index.html")))
	assert.Contains(t, tagLinks, "../../posts/"+slugLong+"/index.html")
	assert.Contains(t, tagLinks, "../../posts/"+slugLonger+"/index.html")
	assert.Contains(t, links(t, read(t, filepath.Join(out, "tags", "go", "index.html"))), "../../posts/normal/index.html")
	assert.Contains(t, links(t, read(t, filepath.Join(out, "categories", catShort, "index.html"))), "../../posts/"+slugLong+"/index.html")
	post := read(t, filepath.Join(out, "posts", slugLong, "index.html"))
	postLinks := links(t, post)
	assert.Contains(t, postLinks, "../../tags/"+tagShort+"/index.html")
	assert.Contains(t, postLinks, "../../tags/"+wideShort+"/index.html")
	assert.Contains(t, postLinks, "../../categories/"+catShort+"/index.html")
	has(t, post, tag, "the page shows the tag in full")
	for _, page := range files(t, out) {
		if !strings.HasSuffix(page, ".html") {
			continue
		}
		for _, l := range links(t, read(t, filepath.Join(out, filepath.FromSlash(page)))) {
			if strings.HasSuffix(l, "/index.html") {
				assert.FileExists(t, filepath.Join(out, filepath.FromSlash(path.Dir(page)), filepath.FromSlash(l)), "a link in %s", page)
			}
		}
	}

	// A second build writes the same names.
	out2 := t.TempDir()
	require.Equal(t, 0, run([]string{"-src", src, "-out", out2, "-q"}, nil, &stdout, &stderr))
	assert.Equal(t, files(t, out), files(t, out2))
}

// links returns the targets of the page's href attributes, unescaped.
func links(t *testing.T, page string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(page, -1) {
		u, err := url.PathUnescape(html.UnescapeString(m[1]))
		require.NoError(t, err, m[1])
		out = append(out, u)
	}
	return out
}

func TestShortName(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		prefix string // the result starts with it
	}{
		{name: "ascii", in: strings.Repeat("a", 300), prefix: strings.Repeat("a", 187) + "-"},
		{name: "two-byte runes", in: strings.Repeat("é", 150), prefix: strings.Repeat("é", 93) + "-"},
		{name: "three-byte runes", in: strings.Repeat("日", 100), prefix: strings.Repeat("日", 62) + "-"},
		{name: "four-byte runes", in: strings.Repeat("😀", 60), prefix: strings.Repeat("😀", 46) + "-"},
		{name: "dash at the cut", in: strings.Repeat("a", 186) + "-" + strings.Repeat("b", 100), prefix: strings.Repeat("a", 186) + "-"},
		{name: "dot at the cut", in: strings.Repeat("a", 185) + ".-" + strings.Repeat("b", 100), prefix: strings.Repeat("a", 185) + "-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := shortName(tc.in)
			assert.LessOrEqual(t, len(got), maxName)
			assert.True(t, utf8.ValidString(got), "shortName(%q) = %q cuts a rune", tc.in, got)
			assert.True(t, strings.HasPrefix(got, tc.prefix), "shortName(%q) = %q, want the prefix %q", tc.in, got, tc.prefix)
			assert.Regexp(t, `-[0-9a-f]{12}$`, got)
			assert.Equal(t, got, shortName(tc.in), "stable")
			assert.NotEqual(t, got, shortName(tc.in+"x"), "distinct")
		})
	}
	for _, s := range []string{"", "hello", strings.Repeat("a", maxName), strings.Repeat("é", maxName/2)} {
		assert.Equal(t, s, shortName(s), "a name of at most %d bytes is kept", maxName)
	}
}

// TestSiteLongFileNames: a file name and a folder name of 240 bytes,
// which make path segments longer than maxName: both pages (and the
// section of the folder) are written under short names, each page with a
// warning at the top of its file.
func TestSiteLongFileNames(t *testing.T) {
	base := strings.Repeat("n", 240) + ".md"
	dir := strings.Repeat("d", 240)
	src := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(src, dir), 0o755))
	for _, name := range []string{base, filepath.Join(dir, base)} {
		require.NoError(t, os.WriteFile(filepath.Join(src, name), []byte("---\ntitle: T\n---\n\nText.\n"), 0o644))
	}
	out := t.TempDir()
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-src", src, "-out", out}, nil, &stdout, &stderr), stderr.String())
	n, d := shortName(strings.Repeat("n", 240)), shortName(dir)
	var html []string
	for _, f := range files(t, out) {
		if !strings.HasSuffix(f, ".xml") {
			html = append(html, f)
		}
	}
	assert.ElementsMatch(t, []string{
		"categories/index.html",
		"css/chroma.css",
		"css/site.css",
		d + "/index.html",
		d + "/" + n + "/index.html",
		"index.html",
		n + "/index.html",
		"tags/index.html",
	}, html)
	assert.ElementsMatch(t, []string{
		filepath.Join(src, dir, base) + ":1:1: warning: the name of the file is 240 bytes as a path segment, more than the 200 allowed here; the post is written to " + d + "/" + n + "/",
		filepath.Join(src, base) + ":1:1: warning: the name of the file is 240 bytes as a path segment, more than the 200 allowed here; the post is written to " + n + "/",
	}, strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n"))
}

// TestStubUnknownPlainIsClean: with -stub-unknown, unknown calls leave
// nothing in the plain text (search indexes, descriptions) or the word
// count: no shortcode syntax, no names, no arguments.
func TestStubUnknownPlainIsClean(t *testing.T) {
	r := render.New(renderOptions(&config{style: highlight.DefaultStyle, stubUnknown: true})...)
	res, err := r.Render([]byte("Since {{< new-in 0.150 >}} and {{% tip %}}x{{% /tip %}}.\n\n{{< tabs >}}\nhidden\n{{< /tabs >}}\n"))
	require.NoError(t, err)
	assert.Equal(t, "Since and .\n", res.Plain)
	assert.Equal(t, 3, res.WordCount)
	assert.Len(t, res.Diagnostics, 3)
}

// TestSiteMissingSrcNamesIt: a -src that does not exist is named in the
// error as the user gave it, not as "." (the root of its os.DirFS).
func TestSiteMissingSrcNamesIt(t *testing.T) {
	src := filepath.Join(t.TempDir(), "nonexistent")
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 1, run([]string{"-src", src, "-out", t.TempDir()}, nil, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "stat "+src+": no such file or directory")
	assert.NotContains(t, stderr.String(), "stat .:")
}

// TestSiteParams: the param shortcode reads the site's [params] from its
// configuration, as in Hugo, nested keys and any case included.
func TestSiteParams(t *testing.T) {
	src := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(src, "content"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(src, "hugo.toml"), []byte("title = 'S'\n[params]\nAuthor = 'Ann <a>'\n[params.social]\ngitHub = 'ann'\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(src, "content", "p.md"), []byte("---\ntitle: P\n---\n\nBy {{< param \"author\" >}} ({{< param \"Social.GitHub\" >}}).\n"), 0o644))
	out := t.TempDir()
	buildSite(t, src, out, "-no-cache")
	has(t, read(t, filepath.Join(out, "p", "index.html")), "By Ann &lt;a&gt; (ann).")
}

// TestSiteStatic: the site's static folder is copied as it is, as Hugo
// copies it; a page at the same file wins.
func TestSiteStatic(t *testing.T) {
	src := t.TempDir()
	write := fileWriter(t, src)
	write("hugo.toml", "title = 'S'\n")
	write("content/p.md", "---\ntitle: P\n---\n\n![logo](/images/logo.svg)\n")
	write("static/images/logo.svg", "<svg/>")
	write("static/robots.txt", "User-agent: *\n")
	write("static/p/index.html", "static, not the page")
	out := t.TempDir()
	buildSite(t, src, out, "-no-cache")
	assert.Equal(t, "<svg/>", read(t, filepath.Join(out, "images", "logo.svg")))
	assert.Equal(t, "User-agent: *\n", read(t, filepath.Join(out, "robots.txt")))
	has(t, read(t, filepath.Join(out, "p", "index.html")), "<h1>P</h1>")
}

// fileWriter returns a func that writes a file under root, making its
// folders.
func fileWriter(t *testing.T, root string) func(name, text string) {
	return func(name, text string) {
		t.Helper()
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, name), []byte(text), 0o644))
	}
}
