package content_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/folio-md/folio/internal/cputime"
	"github.com/folio-md/folio/post/content"
)

// maxGrowth is the most t(10n)/t(n) may be: linear is about 10 (n log n
// sorting a little more), quadratic 100.
const maxGrowth = 25

// site generators for TestLinear: n pages shaped to stress one loop.
var linearSites = []struct {
	name string
	cfg  content.Config
	gen  func(n int) fstest.MapFS
}{
	{"one section, shared tags, aliases", content.Config{}, func(n int) fstest.MapFS {
		fs := fstest.MapFS{}
		for i := range n {
			fs[fmt.Sprintf("content/posts/p%d.md", i)] = file(fmt.Sprintf(
				"---\ntitle: Post %d\ndate: 2020-01-%02d\ntags: [a, b, t%d]\naliases: [old%d]\nweight: %d\n---\n", i, i%28+1, i, i, i%3))
		}
		return fs
	}},
	{"many sections and bundles", content.Config{Permalinks: content.Permalinks{Page: map[string]string{"s1": "/:sections/:year/:slug/"}}}, func(n int) fstest.MapFS {
		fs := fstest.MapFS{}
		for i := range n {
			fs[fmt.Sprintf("content/s%d/_index.md", i%50)] = file("---\ntitle: S\n---\n")
			fs[fmt.Sprintf("content/s%d/sub%d/_index.md", i%50, i)] = file("---\ntitle: Sub\n---\n")
			fs[fmt.Sprintf("content/s%d/sub%d/b/index.md", i%50, i)] = file("---\ntitle: B\n---\n")
			fs[fmt.Sprintf("content/s%d/sub%d/b/img.png", i%50, i)] = file("x")
		}
		return fs
	}},
	{"three languages", content.Config{Languages: []content.Language{{Code: "en", Weight: 1}, {Code: "fr", Weight: 2}, {Code: "de", Weight: 3}}}, func(n int) fstest.MapFS {
		fs := fstest.MapFS{}
		for i := range n {
			for _, l := range []string{"", ".fr", ".de"} {
				fs[fmt.Sprintf("content/posts/p%d%s.md", i, l)] = file(fmt.Sprintf("---\ntitle: P %d\ntranslationKey: k%d\ncategories: [c%d]\n---\n", i, i, i%7))
			}
		}
		return fs
	}},
}

func TestLinear(t *testing.T) {
	n := 100
	if testing.Short() || raceEnabled {
		n = 40
	}
	for _, tc := range linearSites {
		// On disk: fstest.MapFS lists a folder by scanning every file.
		small, large := onDisk(t, tc.gen(n)), onDisk(t, tc.gen(10*n))
		load := func(fs fs.FS) func() {
			return func() {
				site, err := content.Load(fs, tc.cfg)
				if err != nil || len(site.Pages) < n {
					t.Fatalf("%s: %v", tc.name, err)
				}
				// Resolve a reference from every page.
				for _, p := range site.Pages {
					if _, err := site.RelRef(p, "", "/"); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		t1, t10 := cputime.Pair(load(small), load(large))
		g := cputime.Growth(t1, t10)
		t.Logf("%s: n=%d %v, 10n %v, growth %.1f", tc.name, n, t1, t10, g)
		if g > maxGrowth && !raceEnabled {
			t.Errorf("%s: 10x the pages took %.1fx the time (max %d)", tc.name, g, maxGrowth)
		}
	}
}

// onDisk writes m into a temporary folder and returns it as an fs.FS.
func onDisk(tb testing.TB, m fstest.MapFS) fs.FS {
	tb.Helper()
	dir := tb.TempDir()
	for name, f := range m {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return os.DirFS(dir)
}

func BenchmarkLoad(b *testing.B) {
	fs := onDisk(b, linearSites[0].gen(1000))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := content.Load(fs, content.Config{}); err != nil {
			b.Fatal(err)
		}
	}
}
