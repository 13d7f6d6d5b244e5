package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/frontmatter"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

const corpusDir = "../../shared/corpus/hugodocs"

// document is one corpus file: the whole file, the parsed post and its
// Markdown body. Parsing is done once, outside the timed loops, so that
// every renderer gets the same Markdown.
type document struct {
	path string
	src  []byte
	post *post.Post
	body []byte
}

// loadCorpus reads every .md file of the corpus, or skips the benchmark.
func loadCorpus(b *testing.B) []document {
	b.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus %s not found (%v): the cross-library benchmarks need the hugodocs corpus beside the repository", corpusDir, err)
	}
	var docs []document
	err := filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		p, err := post.Parse(src, post.WithPath(path))
		if err != nil {
			return err
		}
		docs = append(docs, document{path: path, src: src, post: p, body: p.Body})
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(docs) == 0 {
		b.Skipf("corpus %s has no .md files", corpusDir)
	}
	return docs
}

// goldmarkOptions are the extensions Hugo turns on by default, with
// automatic heading IDs: the plain baseline.
func goldmarkOptions(extra ...goldmark.Extender) []goldmark.Option {
	return []goldmark.Option{
		goldmark.WithExtensions(append([]goldmark.Extender{
			extension.GFM, extension.DefinitionList, extension.Footnote, extension.Typographer,
		}, extra...)...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	}
}

func perPost(b *testing.B, posts int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(posts), "ns/post")
}

func BenchmarkCorpus(b *testing.B) {
	docs := loadCorpus(b)

	goldmarkRun := func(md goldmark.Markdown) func(b *testing.B) {
		return func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					buf.Reset()
					if err := md.Convert(d.body, &buf); err != nil {
						b.Fatal(err)
					}
				}
			}
			perPost(b, len(docs))
		}
	}
	folioRun := func(r *render.Renderer) func(b *testing.B) {
		return func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					if _, err := r.RenderPost(d.post); err != nil {
						b.Fatalf("%s: %v", d.path, err)
					}
				}
			}
			perPost(b, len(docs))
		}
	}

	b.Run("render/goldmark", goldmarkRun(goldmark.New(goldmarkOptions()...)))
	// The corpus calls site-specific shortcodes (code-toggle, include, ...):
	// folio keeps them as text with a Diagnostic, as the baseline does.
	// The param shortcode reads minVersion from the site's params.
	keep := render.WithUnknownShortcodes(shortcode.UnknownKeepAsText)
	site := render.WithSiteParams(map[string]any{"minVersion": "0.112.0"})
	b.Run("render/folio-nohighlight", folioRun(render.New(keep, site, render.WithHighlighting(false))))
	b.Run("render/folio-highlight", folioRun(render.New(keep, site)))
	b.Run("render/goldmark-highlighting", goldmarkRun(goldmark.New(goldmarkOptions(
		highlighting.NewHighlighting(
			highlighting.WithStyle("monokai"),
			highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
		),
	)...)))

	// Interleaved: each post is rendered by both sides in turn, in
	// alternating order, and the ratio of the summed times is reported, so
	// that load on a shared machine falls on both sides alike.
	convert := func(md goldmark.Markdown) func(d document) error {
		var buf bytes.Buffer
		return func(d document) error {
			buf.Reset()
			return md.Convert(d.body, &buf)
		}
	}
	renderWith := func(r *render.Renderer) func(d document) error {
		return func(d document) error {
			_, err := r.RenderPost(d.post)
			return err
		}
	}
	b.Run("ratio/folio-nohighlight-over-goldmark", func(b *testing.B) {
		ratio(b, docs, convert(goldmark.New(goldmarkOptions()...)),
			renderWith(render.New(keep, site, render.WithHighlighting(false))))
	})
	// The same, with the shortcode syntax left as text, as goldmark leaves
	// it: the render pipeline alone, without expanding shortcodes.
	b.Run("ratio/folio-nohighlight-textshortcodes-over-goldmark", func(b *testing.B) {
		ratio(b, docs, convert(goldmark.New(goldmarkOptions()...)),
			renderWith(render.New(render.WithShortcodeSyntax(false), render.WithHighlighting(false))))
	})
	b.Run("ratio/folio-highlight-over-goldmark-highlighting", func(b *testing.B) {
		ratio(b, docs, convert(goldmark.New(goldmarkOptions(
			highlighting.NewHighlighting(
				highlighting.WithStyle("monokai"),
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			),
		)...)), renderWith(render.New(keep, site)))
	})

	// The cost of HugoCompat (Hugo's tables, summaries, inline styles and
	// TOC shape) against folio's defaults, both highlighting.
	b.Run("ratio/folio-hugocompat-over-folio", func(b *testing.B) {
		ratio(b, docs, renderWith(render.New(keep, site)), renderWith(render.New(render.HugoCompat(), keep, site)))
	})

	b.Run("frontmatter/folio-post", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				if _, err := post.Parse(d.src); err != nil {
					b.Fatalf("%s: %v", d.path, err)
				}
			}
		}
		perPost(b, len(docs))
	})
	b.Run("frontmatter/goldmark-meta", func(b *testing.B) {
		// goldmark-meta only works inside a goldmark parse; parsing the
		// Markdown is part of its cost, so the body is parsed, not rendered.
		md := goldmark.New(goldmark.WithExtensions(meta.Meta))
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				ctx := parser.NewContext()
				md.Parser().Parse(textReader(d.src), parser.WithContext(ctx))
				if _, err := meta.TryGet(ctx); err != nil {
					b.Fatalf("%s: %v", d.path, err)
				}
			}
		}
		perPost(b, len(docs))
	})
	b.Run("frontmatter/adrg-frontmatter", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, d := range docs {
				var v map[string]any
				if _, err := frontmatter.Parse(bytes.NewReader(d.src), &v); err != nil {
					b.Fatalf("%s: %v", d.path, err)
				}
			}
		}
		perPost(b, len(docs))
	})
}

func textReader(src []byte) text.Reader { return text.NewReader(src) }

// ratio reports, as the metric "x", the time cand takes over the time base
// takes on the same posts, timed post by post in alternating order.
func ratio(b *testing.B, docs []document, base, cand func(document) error) {
	var tb, tc time.Duration
	flip := false
	for b.Loop() {
		for _, d := range docs {
			flip = !flip
			for _, side := range [2]bool{flip, !flip} {
				f, acc := base, &tb
				if side {
					f, acc = cand, &tc
				}
				t0 := time.Now()
				if err := f(d); err != nil {
					b.Fatalf("%s: %v", d.path, err)
				}
				*acc += time.Since(t0)
			}
		}
	}
	b.ReportMetric(float64(tc)/float64(tb), "x")
}
