package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/toc"
)

func TestAnchorize(t *testing.T) {
	tests := []struct {
		in    string
		style IDStyle
		want  string
	}{
		{"Héllo Wörld — ünïcode 日本語", IDStyleGitHub, "héllo-wörld--ünïcode-日本語"},
		{"C++ & C#", IDStyleGitHub, "c--c"},
		{"B.1", IDStyleGitHub, "b1"},
		{"Trailing hyphen -", IDStyleGitHub, "trailing-hyphen--"},
		{"-leading", IDStyleGitHub, "-leading"},
		{"Tab\there", IDStyleGitHub, "tabhere"},
		{"Hello   World!", IDStyleGitHub, "hello---world"},
		{"  padded  ", IDStyleGitHub, "padded"},
		{"Héllo Wörld — ünïcode 日本語", IDStyleGitHubASCII, "hello-world--unicode-"},
		{"ça-va", IDStyleGitHubASCII, "ca-va"},
		{"Don't quote it", IDStyleBlackfriday, "don-t-quote-it"},
		{"C++ & C#", IDStyleBlackfriday, "c-c"},
		{"foo_bar baz 123", IDStyleBlackfriday, "foo-bar-baz-123"},
		{"Héllo Wörld — ünïcode 日本語", IDStyleBlackfriday, "héllo-wörld-ünïcode-日本語"},
		{"!!!", IDStyleGitHub, ""},
		{"x", "unknown", "x"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Anchorize(tt.in, tt.style), "Anchorize(%q, %s)", tt.in, tt.style)
	}
}

func TestExtensionString(t *testing.T) {
	assert.Equal(t, "definitionlist", DefinitionList.String())
	assert.Equal(t, "Extension(99)", Extension(99).String())
}

// TestConcurrentRender shares one Renderer between many goroutines and
// checks every output equals the sequential one (run with -race).
func TestConcurrentRender(t *testing.T) {
	r := New(WithHeadingHook(func(w io.Writer, h Heading) error {
		_, err := fmt.Fprintf(w, "<h%d id=%q data-o=\"%d\">%s</h%d>\n", h.Level, h.Anchor, h.Ordinal, h.Text, h.Level)
		return err
	}))
	docs := [][]byte{
		[]byte("# A\n\n## A\n\nText <b>x</b> [l](/l).\n\n<!--more-->\n\nRest.\n"),
		[]byte("## Ça\n\n```go\nfunc f() {}\n```\n\n![i](/i.png?\"T\")\n"),
		[]byte("Para[^1].\n\n[^1]: Note.\n\n| a |\n|---|\n| 1 |\n"),
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		res, err := r.Render(d)
		require.NoError(t, err)
		want[i] = fmt.Sprintf("%s|%s|%v|%d", res.HTML, res.Summary, res.Diagnostics, res.WordCount)
	}
	const workers = 16
	got := make([][]string, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (w + k) % len(docs)
				res, err := r.Render(docs[i])
				if err != nil {
					errs[w] = err
					return
				}
				got[w] = append(got[w], fmt.Sprintf("%d:%s|%s|%v|%d", i, res.HTML, res.Summary, res.Diagnostics, res.WordCount))
			}
		}()
	}
	wg.Wait()
	for w := range workers {
		require.NoError(t, errs[w])
		for _, g := range got[w] {
			i := int(g[0] - '0')
			assert.Equal(t, fmt.Sprintf("%d:%s", i, want[i]), g)
		}
	}
}

func TestRenderErrorsArePositioned(t *testing.T) {
	r := New(WithImageHook(func(io.Writer, Image) error { return errors.New("boom") }))
	p := &post.Post{Path: "a.md", Body: []byte("x\n\ny ![i](/i.png)\n"), BodyLine: 4}
	_, err := r.RenderPost(p)
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "a.md", pe.Path)
	assert.Equal(t, 6, pe.Line)
	assert.Equal(t, 3, pe.Column)
	assert.EqualError(t, err, "a.md:6:3: render: image hook: boom")

	_, err = New().RenderPost(nil)
	assert.Error(t, err)
}

func TestRenderEmptyAndNil(t *testing.T) {
	for _, in := range [][]byte{nil, {}, []byte("\n\n"), []byte("<!--more-->")} {
		res, err := New().Render(in)
		require.NoError(t, err)
		assert.NotNil(t, res.TOC)
		assert.Equal(t, 0, res.WordCount)
		assert.Equal(t, 0, res.ReadingTime)
	}
}

func TestMarkdownify(t *testing.T) {
	r := New()
	got, err := r.markdownify([]byte("A *caption* with [a link](/x)"), nil, 0, "")
	require.NoError(t, err)
	assert.Equal(t, `A <em>caption</em> with <a href="/x">a link</a>`, string(got))
	got, err = r.markdownify([]byte("One\n\nTwo"), nil, 0, "")
	require.NoError(t, err)
	assert.Equal(t, "<p>One</p>\n<p>Two</p>\n", string(got))
}

func TestCloseOpenTags(t *testing.T) {
	assert.Equal(t, "<ul>\n<li>a</li>\n</ul>\n", string(closeOpenTags([]byte("<ul>\n<li>a"))))
	assert.Equal(t, "<p>x <img src=\"y\"></p>\n", string(closeOpenTags([]byte("<p>x <img src=\"y\">"))))
	assert.Equal(t, "<p>done</p>\n", string(closeOpenTags([]byte("<p>done</p>\n\n"))))
	assert.Empty(t, closeOpenTags([]byte("  \n")))
	// A stray end tag closes nothing; one that matches deeper closes what
	// it encloses.
	assert.Equal(t, "<div><em>a</b></em></div>\n", string(closeOpenTags([]byte("<div><em>a</b>"))))
	assert.Equal(t, "<div><em><b>a</em> b</div>\n", string(closeOpenTags([]byte("<div><em><b>a</em> b"))))
	assert.Equal(t, "<div><div><em>x</div></div>\n", string(closeOpenTags([]byte("<div><div><em>x</div>"))))
}

// TestExtenderInOwnGoldmark plugs the Extender into a caller's goldmark
// with GFM, and checks IDs, raw HTML policy, TOC, diagnostics and meta.
func TestExtenderInOwnGoldmark(t *testing.T) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, &Extender{IDStyle: IDStyleBlackfriday}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	src := []byte("---\ntitle: T\ntags: [a, b]\n---\n\n# Héllo Wörld\n\n## Custom {#mine}\n\n<div>x</div>\n\n<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe>\n\n```go\nx := 1\n```\n")
	ctx := parser.NewContext()
	var buf bytes.Buffer
	require.NoError(t, md.Convert(src, &buf, parser.WithContext(ctx)))
	out := buf.String()
	assert.NotContains(t, out, "title: T", "front matter must not render as text")
	assert.Contains(t, out, `<h1 id="héllo-wörld">Héllo Wörld</h1>`)
	assert.Contains(t, out, `<h2 id="mine">Custom</h2>`)
	assert.Contains(t, out, "<!-- raw HTML omitted -->\n")
	assert.Contains(t, out, "youtube-nocookie.com/embed/dQw4w9WgXcQ")
	assert.Contains(t, out, `class="chroma"`)
	m := meta.Get(ctx)
	assert.Equal(t, "T", m["title"])
	tc := toc.Get(ctx)
	require.NotNil(t, tc)
	require.NotEmpty(t, tc.Items)
	ds := DiagnosticsOf(ctx)
	require.Len(t, ds, 2)
	assert.Equal(t, 10, ds[0].Line)
	assert.Equal(t, "raw HTML <div> omitted", ds[0].Message)
	assert.Contains(t, ds[1].Message, "youtube iframe")

	// UnsafeHTML, with goldmark's XHTML option read by folio's renderer.
	md = goldmark.New(goldmark.WithExtensions(&Extender{UnsafeHTML: true}), goldmark.WithRendererOptions(html.WithXHTML()))
	buf.Reset()
	require.NoError(t, md.Convert([]byte("<b>x</b> ![a](/a.png)"), &buf))
	assert.Equal(t, "<p><b>x</b> <img src=\"/a.png\" alt=\"a\" /></p>\n", buf.String())
}

// TestCorpus renders every post of the Hugo docs corpus.
func TestCorpus(t *testing.T) {
	const root = "../../shared/corpus/hugodocs"
	fsys := os.DirFS(root)
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (it lives outside the repository): %v", root, err)
	}
	var files []string
	require.NoError(t, walkMarkdown(fsys, ".", &files))
	require.NotEmpty(t, files)
	// The Hugo docs use site-specific shortcodes (code-toggle, new-in, ...)
	// that folio does not have: keep those calls as text.
	r := New(WithUnknownShortcodes(shortcode.UnknownKeepAsText))
	var rendered, diags, parseErrs int
	kinds := map[string]int{}
	for _, name := range files {
		p, err := post.ParseFile(fsys, name)
		if err != nil {
			parseErrs++
			t.Logf("post.ParseFile(%s): %v", name, err)
			continue
		}
		res, err := r.RenderPost(p)
		if err != nil {
			t.Errorf("RenderPost(%s): %v", name, err)
			continue
		}
		rendered++
		diags += len(res.Diagnostics)
		for _, d := range res.Diagnostics {
			assert.Equal(t, name, d.Path)
			assert.GreaterOrEqual(t, d.Line, p.BodyLine, "%s", d)
			k := d.Message
			if i := strings.IndexAny(k, "\"(:"); i > 0 {
				k = k[:i]
			}
			kinds[strings.TrimSpace(k)]++
		}
	}
	t.Logf("corpus: %d files, %d rendered, %d front matter errors, %d diagnostics", len(files), rendered, parseErrs, diags)
	for k, n := range kinds {
		t.Logf("  %5d  %s", n, k)
	}
	assert.GreaterOrEqual(t, rendered, len(files)*95/100, "most posts must render")
	assert.Less(t, diags, 20*len(files), "diagnostics should stay rare")
}

func walkMarkdown(fsys fs.FS, dir string, out *[]string) error {
	return fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			*out = append(*out, p)
		}
		return nil
	})
}

// benchDoc is a typical post without code blocks (highlighting has its
// own benchmarks): headings, emphasis, links, a list, a table, footnotes.
var benchDoc = []byte(strings.Repeat(`## Getting started with *folio*

Folio turns Hugo posts into HTML. See [the docs](https://example.com/docs "Docs") or www.example.com
for "more" -- and don't forget the footnote[^1].

- [x] parse front matter
- [ ] render the body with ![an image](/img.png?"Caption")

| Name | Value |
|------|-------|
| a    | 1     |

[^1]: A note.

`, 8))

// BenchmarkRender compares a full folio render (IDs, TOC, summary, plain
// text, word count) with plain goldmark using the same extensions.
func BenchmarkRender(b *testing.B) {
	b.Run("folio", func(b *testing.B) {
		r := New()
		b.ReportAllocs()
		b.SetBytes(int64(len(benchDoc)))
		for b.Loop() {
			if _, err := r.Render(benchDoc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("goldmark", func(b *testing.B) {
		md := goldmark.New(
			goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote, extension.Typographer),
			goldmark.WithParserOptions(parser.WithAttribute(), parser.WithAutoHeadingID()),
		)
		var buf bytes.Buffer
		b.ReportAllocs()
		b.SetBytes(int64(len(benchDoc)))
		for b.Loop() {
			buf.Reset()
			if err := md.Convert(benchDoc, &buf); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestTabbedJavascriptLinkIsRemoved(t *testing.T) {
	t.Parallel()
	res, err := New().Render([]byte("[x](<java\tscript:alert(1)>) and [y](< javascript:alert(1)>)\n"))
	require.NoError(t, err)
	assert.NotContains(t, strings.ToLower(string(res.HTML)), "script:")
	assert.Len(t, res.Diagnostics, 2)
}

func TestCodeBlockHookErrorHasPath(t *testing.T) {
	t.Parallel()
	p, err := post.Parse([]byte("---\ntitle: T\n---\n\nText.\n\n```go\nx := 1\n```\n"), post.WithPath("content/a.md"))
	require.NoError(t, err)
	r := New(WithCodeBlockHook(func(io.Writer, CodeBlock) error { return errors.New("no") }))
	_, err = r.RenderPost(p)
	require.Error(t, err)
	assert.Equal(t, "content/a.md:7:1: code block hook: no", err.Error())
}
