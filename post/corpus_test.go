package post

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// corpusDir holds the Hugo documentation posts (see ../shared/corpus/README.txt).
const corpusDir = "../../shared/corpus/hugodocs"

type corpusPost struct {
	path string
	src  []byte
}

func loadCorpus(tb testing.TB) []corpusPost {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("corpus not found at %s (it lives next to the repository, in ../shared/corpus): %v", corpusDir, err)
	}
	var posts []corpusPost
	err := filepath.WalkDir(corpusDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, path)
		posts = append(posts, corpusPost{filepath.ToSlash(rel), src})
		return nil
	})
	if err != nil {
		tb.Fatalf("reading the corpus: %v", err)
	}
	return posts
}

// TestCorpus parses every post of the Hugo documentation: all 992 have
// YAML front matter and must parse without error; 945 have a title (the
// other 47 are snippets included by shortcodes).
func TestCorpus(t *testing.T) {
	posts := loadCorpus(t)
	if len(posts) != 992 {
		t.Fatalf("%d corpus posts, want 992", len(posts))
	}
	formats := map[Format]int{}
	titled := 0
	for _, c := range posts {
		p, err := Parse(c.src, WithPath(c.path))
		if err != nil {
			t.Errorf("Parse(%s): %v", c.path, err)
			continue
		}
		formats[p.Format]++
		if p.FrontMatter.Title != "" {
			titled++
		}
		checkPost(t, p, c.src)
		var m map[string]any
		if err := p.Decode(&m); err != nil {
			t.Errorf("%s: Decode: %v", c.path, err)
		}
	}
	deepEqual(t, formats, map[Format]int{FormatYAML: 992}, "posts per format")
	equal(t, titled, 945, "posts with a title")
}

// BenchmarkParse parses the front matter of every corpus post per
// iteration. The floor sub-benchmark decodes the same YAML text into a
// map[string]any with yaml.v3 alone: the least any YAML front matter
// reader must do.
func BenchmarkParse(b *testing.B) {
	posts := loadCorpus(b)
	fms := make([][]byte, len(posts))
	for i, c := range posts {
		sp, perr := splitFrontMatter(c.src, DefaultMaxSize)
		if perr != nil {
			b.Fatalf("%s: splitFrontMatter: %v", c.path, perr)
		}

		fms[i] = c.src[sp.fmStart:sp.fmEnd]
	}
	var size int64
	for _, c := range posts {
		size += int64(len(c.src))
	}
	b.Run("folio", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for _, c := range posts {
				if _, err := Parse(c.src); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("floor-yaml.Unmarshal", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for _, fm := range fms {
				var m map[string]any
				if err := yaml.Unmarshal(fm, &m); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
