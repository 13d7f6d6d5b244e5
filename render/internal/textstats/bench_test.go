package textstats

import (
	"strings"
	"testing"
)

// BenchmarkTextStats runs the text statistics over a long rendered page.
func BenchmarkTextStats(b *testing.B) {
	para := "<p>Lorem ipsum <em>dolor</em> sit amet, <a href=\"https://example.com/x\">consectetur</a> adipiscing elit &rsquo;quote&rsquo;.</p>\n"
	html := []byte(strings.Repeat(para, 200) + "<pre><code>x := 1\n</code></pre>\n")
	b.SetBytes(int64(len(html)))
	b.Run("Plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Plain(html)
		}
	})
	plain := Plain(html)
	b.Run("CountWords", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = CountWords(plain, false)
		}
	})
	b.Run("AutoSummary", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, _ = AutoSummary(html, 70, false)
		}
	})
}
