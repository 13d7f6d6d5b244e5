package render

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"

	"github.com/folio-md/folio/render/shortcode"
)

const corpusDir = "../../shared/corpus/hugodocs"

// corpusFenceLangs returns the language word of every fenced code block in
// the corpus, in order (so frequent names come often, as in a real site).
func corpusFenceLangs(b *testing.B) []string {
	b.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus %s not found (%v): this benchmark reads the hugodocs corpus", corpusDir, err)
	}
	var langs []string
	_ = filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		open := false
		for line := range bytes.Lines(src) {
			s := strings.TrimSpace(string(line))
			if !strings.HasPrefix(s, "```") {
				continue
			}
			if !open {
				if fi := parseFenceInfo(strings.TrimLeft(s, "`")); fi.lang != "" {
					langs = append(langs, fi.lang)
				}
			}
			open = !open
		}
		return nil
	})
	if len(langs) == 0 {
		b.Skip("no fenced code blocks found in the corpus")
	}
	return langs
}

// BenchmarkLexerLookup looks up the language of every fence of the corpus:
// chroma's lexers.Get (what goldmark-highlighting and an uncached renderer
// do per block), folio's index without the cache, and folio's cached
// lookup. ns/op is per corpus; ns/lookup per fence.
func BenchmarkLexerLookup(b *testing.B) {
	langs := corpusFenceLangs(b)
	report := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(langs)), "ns/lookup")
	}
	b.Run("chroma-Get", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range langs {
				_ = lexers.Get(l)
			}
		}
		report(b)
	})
	b.Run("folio-index-uncached", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range langs {
				_ = findLexer(l)
			}
		}
		report(b)
	})
	b.Run("folio-cached", func(b *testing.B) {
		h := newHighlighter(defaultHighlightConfig())
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range langs {
				_ = h.lookup(l)
			}
		}
		report(b)
	})
}

// BenchmarkTextStats runs the text statistics over a long rendered page.
func BenchmarkTextStats(b *testing.B) {
	para := "<p>Lorem ipsum <em>dolor</em> sit amet, <a href=\"https://example.com/x\">consectetur</a> adipiscing elit &rsquo;quote&rsquo;.</p>\n"
	html := []byte(strings.Repeat(para, 200) + "<pre><code>x := 1\n</code></pre>\n")
	b.SetBytes(int64(len(html)))
	b.Run("plainText", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = plainText(html)
		}
	})
	plain := plainText(html)
	b.Run("countWords", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = countWords(plain, false)
		}
	})
	b.Run("autoSummary", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = autoSummary(html, 70, false)
		}
	})
}

// BenchmarkTextStatsCorpus runs the text statistics over the HTML of every
// corpus post, and the byte-by-byte reference over the same HTML.
func BenchmarkTextStatsCorpus(b *testing.B) {
	r := New(WithUnknownShortcodes(shortcode.UnknownKeepAsText), WithHighlighting(false))
	var pages [][]byte
	size := 0
	for _, cp := range loadCorpus(b) {
		res, err := r.RenderPost(cp.p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, res.HTML)
		size += len(res.HTML)
	}
	for _, bc := range []struct {
		name string
		f    func([]byte, int, bool) (string, int, int)
	}{{"textStats", textStats}, {"reference", textStatsRef}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					bc.f(p, 70, false)
				}
			}
		})
	}
}
