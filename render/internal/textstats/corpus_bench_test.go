package textstats_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/internal/textstats"
	"github.com/folio-md/folio/render/shortcode"
)

// hugoDocs is the hugodocs corpus, which lives outside the repository.
const hugoDocs = "../../../../shared/corpus/hugodocs"

// corpusHTML renders every post of the corpus as the render package's
// corpus tests do, and returns the HTML of each and their total size.
func corpusHTML(b *testing.B) (pages [][]byte, size int) {
	b.Helper()
	if _, err := os.Stat(hugoDocs); err != nil {
		b.Skipf("hugodocs corpus not found at %s (it lives outside the repository): %v", hugoDocs, err)
	}
	r := render.New(render.WithUnknownShortcodes(shortcode.UnknownKeepAsText), render.WithHighlighting(false))
	fsys := os.DirFS(hugoDocs)
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		p, err := post.ParseFile(fsys, path)
		if err != nil {
			return err
		}
		res, err := r.RenderPost(p)
		if err != nil {
			return err
		}
		pages = append(pages, res.HTML)
		size += len(res.HTML)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if len(pages) == 0 {
		b.Fatal("no posts in the corpus")
	}
	return pages, size
}

// BenchmarkTextStatsCorpus runs the text statistics over the HTML of every
// corpus post, and the byte-by-byte reference over the same HTML.
func BenchmarkTextStatsCorpus(b *testing.B) {
	pages, size := corpusHTML(b)
	for _, bc := range []struct {
		name string
		f    func([]byte, int, bool) (string, int, int)
	}{{"textStats", textstats.Stats}, {"reference", textstats.StatsRef}} {
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
