package embed

import (
	"fmt"
	"net/url"
	"testing"
)

const benchURL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI"

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(benchURL); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseBaseline is url.Parse alone: the floor for Parse.
func BenchmarkParseBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		u, err := url.Parse(benchURL)
		if err != nil || u.Query().Get("v") == "" {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTML(b *testing.B) {
	v, err := Parse(benchURL)
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, 1024)
	b.ReportAllocs()
	for b.Loop() {
		if buf, err = v.AppendHTML(buf[:0], Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHTMLBaseline is an unvalidated, unescaped fmt.Sprintf iframe.
func BenchmarkHTMLBaseline(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = fmt.Sprintf(`<div style="position:relative;padding-bottom:56.25%%"><iframe src="https://www.youtube-nocookie.com/embed/%s?start=%d" title="%s" loading="lazy"></iframe></div>`, rick, 90, "YouTube video")
	}
}

func BenchmarkFromHTML(b *testing.B) {
	in := []byte(embed2019)
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := FromHTML(in); !ok {
			b.Fatal("not recognised")
		}
	}
}
