package toc

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

const corpusDir = "../../shared/corpus/hugodocs"

// corpusPosts returns the Markdown files of the corpus with their front
// matter cut off, or skips the test when the corpus is absent.
func corpusPosts(tb testing.TB) map[string][]byte {
	tb.Helper()
	if _, err := os.Stat(corpusDir); err != nil {
		tb.Skipf("corpus %s not found; these tests read the hugodocs posts from ../shared/corpus", corpusDir)
	}
	posts := map[string][]byte{}
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		posts[p] = body(b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return posts
}

// body cuts a YAML or TOML front matter block off b.
func body(b []byte) []byte {
	for _, delim := range []string{"---", "+++"} {
		if bytes.HasPrefix(b, []byte(delim+"\n")) {
			if i := bytes.Index(b[4:], []byte("\n"+delim+"\n")); i >= 0 {
				return b[4+i+5:]
			}
		}
	}
	return b
}

// TestCorpus checks the properties on every corpus post.
func TestCorpus(t *testing.T) {
	posts := corpusPosts(t)
	headings, entries := 0, 0
	for p, src := range posts {
		checkProperties(t, src)
		if t.Failed() {
			t.Fatalf("first failure in %s", p)
		}
		doc := propMD.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := n.(*ast.Heading); ok && entering {
				headings++
			}
			return ast.WalkContinue, nil
		})
		entries += len(flatten(Build(doc, src).Items, nil))
	}
	t.Logf("%d posts, %d headings, %d default TOC entries (h2-h3)", len(posts), headings, entries)
}

const benchPost = "en/contribute/documentation/index.md"

func BenchmarkBuildHTML(b *testing.B) {
	src, ok := corpusPosts(b)[filepath.Join(corpusDir, benchPost)]
	if !ok {
		b.Skipf("%s not in the corpus", benchPost)
	}
	doc := propMD.Parser().Parse(text.NewReader(src))
	// Baseline: only finding the headings, which any TOC must do.
	b.Run("walk-baseline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			n := 0
			_ = ast.Walk(doc, func(n2 ast.Node, entering bool) (ast.WalkStatus, error) {
				if _, ok := n2.(*ast.Heading); ok && entering {
					n++
				}
				return ast.WalkContinue, nil
			})
		}
	})
	b.Run("Build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Build(doc, src)
		}
	})
	b.Run("Build+HTML", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Build(doc, src).HTML()
		}
	})
	b.Run("Build+HTML-Hugo", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Build(doc, src, Hugo()).HTML()
		}
	})
}
