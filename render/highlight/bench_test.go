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
