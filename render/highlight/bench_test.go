package highlight

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
)

const corpusDir = "../../../shared/corpus/hugodocs"

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
		h := New(Config{})
		b.ReportAllocs()
		for b.Loop() {
			for _, l := range langs {
				_ = h.lookup(l)
			}
		}
		report(b)
	})
}

// BenchmarkWriteBlock writes one Go block with the default settings (the
// cached formatter) and with fence options (a formatter per block).
func BenchmarkWriteBlock(b *testing.B) {
	code := []byte(strings.Repeat("func main() {\n\tfmt.Println(\"hello\")\n}\n", 10))
	h := New(Config{})
	for _, info := range []string{"go", "go {linenos=table hl_lines=[2]}"} {
		b.Run(info, func(b *testing.B) {
			b.ReportAllocs()
			var out bytes.Buffer
			for b.Loop() {
				blk := ParseFence(info)
				out.Reset()
				if err := h.WriteBlock(&out, code, &blk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// corpusFence is one fenced code block of the corpus.
type corpusFence struct {
	info string
	code []byte
}

// corpusFences returns every fenced code block of the corpus (``` fences
// only, as corpusFenceLangs reads them).
func corpusFences(b *testing.B) []corpusFence {
	b.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus %s not found (%v): this benchmark reads the hugodocs corpus", corpusDir, err)
	}
	var fences []corpusFence
	_ = filepath.WalkDir(corpusDir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var cur *corpusFence
		for line := range bytes.Lines(src) {
			s := strings.TrimSpace(string(line))
			switch {
			case cur == nil && strings.HasPrefix(s, "```"):
				cur = &corpusFence{info: strings.TrimLeft(s, "`")}
			case cur != nil && strings.HasPrefix(s, "```"):
				fences = append(fences, *cur)
				cur = nil
			case cur != nil:
				cur.code = append(cur.code, line...)
			}
		}
		return nil
	})
	if len(fences) == 0 {
		b.Skip("no fenced code blocks found in the corpus")
	}
	return fences
}

// BenchmarkCache writes every fenced block of the corpus: without a cache
// (cold), and from a full MemoryCache and DirCache (warm). ns/op is per
// corpus; ns/block per fence.
func BenchmarkCache(b *testing.B) {
	fences := corpusFences(b)
	blocks := make([]Block, len(fences))
	for i, f := range fences {
		blocks[i] = ParseFence(f.info)
		blocks[i].Ordinal = i
	}
	run := func(b *testing.B, h *Highlighter) {
		var out bytes.Buffer
		for i := range fences { // fill the cache, if any
			_ = h.WriteBlock(&out, fences[i].code, &blocks[i])
		}
		b.ReportAllocs()
		b.ResetTimer()
		for b.Loop() {
			for i := range fences {
				out.Reset()
				if err := h.WriteBlock(&out, fences[i].code, &blocks[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(fences)), "ns/block")
	}
	b.Run("cold", func(b *testing.B) { run(b, New(Config{})) })
	b.Run("warm-memory", func(b *testing.B) { run(b, New(Config{Cache: NewMemoryCache(256 << 20)})) })
	b.Run("warm-dir", func(b *testing.B) {
		dc, err := NewDirCache(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		run(b, New(Config{Cache: dc}))
	})
}
