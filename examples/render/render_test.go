package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/examples/internal/page"
	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/render"
)

// styleElement matches the page's inline stylesheets, which the golden
// files leave out (TestStylesheets checks them).
var styleElement = regexp.MustCompile(`(?s)<style>\n.*?</style>`)

const styleElided = "<style>/* page.CSS() and the chroma stylesheet: see TestStylesheets */</style>"

// TestGolden runs the program on each testdata/*.txt case: the comment is
// the command line (the input file's name is appended), the first section
// the input file; the outputs are stdout, stderr and the exit code.
func TestGolden(t *testing.T) {
	pattern, err := filepath.Abs("testdata/*.txt") // the cases run in a temporary folder
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range golden.Load(t, pattern) {
		t.Run(c.Name, func(t *testing.T) {
			t.Chdir(t.TempDir()) // paths in messages are the relative input name
			require.NoError(t, os.WriteFile(c.Input.Name, c.Input.Data, 0o644))
			args := append(strings.Fields(string(c.Comment)), c.Input.Name)
			var stdout, stderr bytes.Buffer
			code := run(args, nil, &stdout, &stderr)
			out := styleElement.ReplaceAll(stdout.Bytes(), []byte(styleElided))
			c.Check(t, *update,
				golden.Output{Name: "stdout", Data: out},
				golden.Output{Name: "stderr", Data: stderr.Bytes()},
				golden.Output{Name: "exit", Data: []byte(strconv.Itoa(code))},
			)
		})
	}
}

// TestSample renders the built-in sample with no argument: a complete page
// with the table of contents, both video embeds, highlighted code, the
// figure and the featured image.
func TestSample(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run(nil, nil, &stdout, &stderr))
	// The sample is clean: a first run prints no warning.
	assert.Empty(t, stderr.String())
	html := stdout.String()
	for _, want := range []string{
		"<!DOCTYPE html>",
		"<title>Moving a 2019 Hugo blog to folio</title>",
		`<meta name="description" content="What happens to front matter`,
		`<meta property="og:image" content="/images/moving-a-hugo-blog-card.png">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`<nav id="TableOfContents">`,
		`href="#why-render-posts-from-go-at-all"`,
		`<h2 id="why-render-posts-from-go-at-all">`,
		`<h4 id="featured_image-and-images">`,
		`<pre tabindex="0" class="chroma"`,
		`<span class="kn">package</span>`,
		"0RKpf3rK57I", // the youtube shortcode
		"oV9rvDllKEg", // the shortcode that replaces the hand-written 2019 iframe
		"<figcaption>From a post file to a page: parse, render, publish</figcaption>",
		`<figure class="featured"><img src="data:image/svg&#43;xml,`,
		`<time datetime="2019-09-09T00:00:00Z">9 September 2019</time>`,
		"Updated <time",
		"By Ada Lindqvist, Tomás Ferreira",
		"min read",
	} {
		assert.True(t, strings.Contains(html, want), "the page lacks %q", want)
	}
	assert.Equal(t, 2, strings.Count(html, "<iframe"), "two video embeds")
	assert.False(t, strings.Contains(html, "raw HTML omitted"), "raw HTML omitted")
	assert.False(t, strings.Contains(html, "ZgotmplZ"), "html/template rejected a value")
}

// TestSampleJSON checks the JSON form of the sample: the schema's field
// names and the values that matter.
func TestSampleJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-format", "json"}, nil, &stdout, &stderr), stderr.String())
	var doc map[string]any
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &doc))
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	assert.ElementsMatch(t, []string{"path", "format", "frontMatter", "params", "html", "toc", "summary",
		"truncated", "plain", "text", "summaryText", "wordCount", "readingTime", "diagnostics"}, keys)
	assert.Equal(t, "sample.md", doc["path"])
	assert.Equal(t, "yaml", doc["format"])
	fm := doc["frontMatter"].(map[string]any)
	assert.Equal(t, "2019-09-09T00:00:00Z", fm["date"])
	assert.Equal(t, true, fm["toc"])
	assert.Equal(t, []any{"hugo", "go", "markdown", "migration"}, fm["tags"])
	assert.Equal(t, true, doc["truncated"])
	assert.GreaterOrEqual(t, doc["readingTime"], 2.0)
	assert.NotEmpty(t, doc["toc"])
	assert.Equal(t, []any{}, doc["diagnostics"])
}

// TestStylesheets checks that the page inlines its own stylesheet and the
// style's highlighting stylesheet, each once.
func TestStylesheets(t *testing.T) {
	for _, style := range []string{"monokai", "github"} {
		var stdout, stderr bytes.Buffer
		require.Equal(t, 0, run([]string{"-style", style}, nil, &stdout, &stderr), stderr.String())
		html := stdout.String()
		assert.Equal(t, 1, strings.Count(html, "<style>"))
		assert.Equal(t, 1, strings.Count(html, string(page.CSS())), "page CSS once")
		var code bytes.Buffer
		require.NoError(t, render.New(Options(style, false)...).CSS(&code))
		assert.Equal(t, 1, strings.Count(html, code.String()), "chroma CSS for %s once", style)
	}
}

func TestFlags(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.md")
	require.NoError(t, os.WriteFile(good, []byte("---\ntitle: Good\n---\n\nHello.\n"), 0o644))
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stderr string
	}{
		{name: "help", args: []string{"-h"}, code: 0, stderr: "usage: render"},
		{name: "bad format", args: []string{"-format", "xml"}, code: 2, stderr: `unknown -format "xml"`},
		{name: "bad style", args: []string{"-style", "nope"}, code: 2, stderr: `unknown style "nope"; known styles: `},
		{name: "two files", args: []string{good, good}, code: 2, stderr: "more than one file"},
		{name: "bad flag", args: []string{"-x"}, code: 2, stderr: "flag provided but not defined: -x"},
		{name: "missing file", args: []string{filepath.Join(dir, "nope.md")}, code: 1, stderr: "render: open "},
		{name: "stdin", args: []string{"-"}, stdin: "---\ntitle: [\n---\n", code: 1, stderr: "<stdin>:3:1: "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			assert.Equal(t, tc.code, code)
			assert.Contains(t, stderr.String(), tc.stderr)
		})
	}
}

// TestOutputFile checks -o: the page goes to the file, nothing to stdout.
func TestOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.html")
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"-o", out}, nil, &stdout, &stderr), stderr.String())
	assert.Empty(t, stdout.String())
	data, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(data, []byte("<!DOCTYPE html>")))
}
