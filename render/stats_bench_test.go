package render

import (
	"strings"
	"testing"
)

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
	r := New(WithUnknownShortcodes(UnknownKeepAsText), WithHighlighting(false))
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
