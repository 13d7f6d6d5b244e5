package bench

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/shortcode"
)

// processCPU returns the CPU time (user and system) of this process so
// far: the measure of work on a machine whose other processes take wall
// time at random.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// corpusOptions are the render options of BenchmarkCorpus's
// folio-highlight: the corpus's site-specific shortcodes kept as text.
func corpusOptions(extra ...render.Option) []render.Option {
	return append([]render.Option{
		render.WithUnknownShortcodes(shortcode.UnknownKeepAsText),
		render.WithSiteParams(map[string]any{"minVersion": "0.112.0"}),
	}, extra...)
}

// renderAll renders every post of docs with r.
func renderAll(b *testing.B, r *render.Renderer, docs []document) {
	for _, d := range docs {
		if _, err := r.RenderPost(d.post); err != nil {
			b.Fatalf("%s: %v", d.path, err)
		}
	}
}

// BenchmarkCache measures what the caches save on the corpus. Each
// sub-benchmark renders the whole corpus per operation (ns/post is per
// post), and reports cpu-ns/op, the process's CPU time.
//
//   - render/cold: highlighting, no cache (BenchmarkCorpus's folio-highlight).
//   - render/warm-highlight: a full highlight.MemoryCache: every code block
//     comes from it, the rest of the pipeline runs.
//   - render/unchanged-results-memory, -dir: re-rendering an unchanged
//     corpus with a full whole-render cache (render.WithResultCache) in
//     memory, or in a highlight.DirCache (each post read from a file and
//     checked).
//   - speedup/*: the same against render/cold, interleaved pass by pass and
//     timed in CPU time, as the metric "x" (how many times faster).
func BenchmarkCache(b *testing.B) {
	docs := loadCorpus(b)
	cpuRun := func(b *testing.B, r *render.Renderer) {
		b.ReportAllocs()
		c0 := processCPU()
		for b.Loop() {
			renderAll(b, r, docs)
		}
		b.ReportMetric(float64(processCPU()-c0)/float64(b.N), "cpu-ns/op")
		perPost(b, len(docs))
	}
	warmHighlight := func() *render.Renderer {
		r := render.New(corpusOptions(render.WithHighlight(highlight.Config{Cache: highlight.NewMemoryCache(1 << 30)}))...)
		renderAll(b, r, docs)
		return r
	}
	results := func(store highlight.Cache) *render.Renderer {
		r := render.New(corpusOptions(render.WithResultCache(store))...)
		renderAll(b, r, docs)
		return r
	}
	dirStore := func(b *testing.B) highlight.Cache {
		s, err := highlight.NewDirCache(b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		return s
	}

	b.Run("render/cold", func(b *testing.B) { cpuRun(b, render.New(corpusOptions()...)) })
	b.Run("render/warm-highlight", func(b *testing.B) { cpuRun(b, warmHighlight()) })
	b.Run("render/unchanged-results-memory", func(b *testing.B) { cpuRun(b, results(highlight.NewMemoryCache(1<<30))) })
	b.Run("render/unchanged-results-dir", func(b *testing.B) { cpuRun(b, results(dirStore(b))) })

	speedup := func(b *testing.B, warm *render.Renderer) {
		cold := render.New(corpusOptions()...)
		var tc, tw time.Duration
		flip := false
		for b.Loop() {
			flip = !flip
			for _, side := range [2]bool{flip, !flip} {
				r, acc := cold, &tc
				if side {
					r, acc = warm, &tw
				}
				c0 := processCPU()
				renderAll(b, r, docs)
				*acc += processCPU() - c0
			}
		}
		b.ReportMetric(float64(tc)/float64(tw), "x")
	}
	b.Run("speedup/warm-highlight", func(b *testing.B) { speedup(b, warmHighlight()) })
	b.Run("speedup/unchanged-results-memory", func(b *testing.B) { speedup(b, results(highlight.NewMemoryCache(1<<30))) })
	b.Run("speedup/unchanged-results-dir", func(b *testing.B) { speedup(b, results(dirStore(b))) })
}

var (
	siteOnce sync.Once
	siteBin  string
	siteErr  error
)

// siteBinary builds examples/site once, into a folder that outlives the
// benchmarks of this run.
func siteBinary(b *testing.B) string {
	siteOnce.Do(func() {
		dir, err := os.MkdirTemp("", "folio-bench-site-")
		if err != nil {
			siteErr = err
			return
		}
		siteBin = filepath.Join(dir, "site")
		out, err := exec.Command("go", "build", "-C", "..", "-o", siteBin, "./examples/site").CombinedOutput()
		if err != nil {
			siteErr = fmt.Errorf("go build ./examples/site: %v\n%s", err, out)
		}
	})
	if siteErr != nil {
		b.Fatal(siteErr)
	}
	return siteBin
}

// siteRun is one build of the site: its wall and CPU time.
func siteRun(b *testing.B, bin, src, out string, flags ...string) (wall, cpu time.Duration) {
	args := append([]string{"-src", src, "-out", out, "-stub-unknown", "-drafts", "-future", "-expired", "-q"}, flags...)
	cmd := exec.Command(bin, args...)
	t0 := time.Now()
	msg, err := cmd.CombinedOutput()
	wall = time.Since(t0)
	if err != nil {
		b.Fatalf("site %s: %v\n%s", strings.Join(args, " "), err, msg)
	}
	return wall, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}

// copyCorpus copies the corpus's posts to a new folder, for builds that
// edit a post.
func copyCorpus(b *testing.B) string {
	dst := b.TempDir()
	err := filepath.WalkDir(corpusDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(corpusDir, p)
		name := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, data, 0o644)
	})
	if err != nil {
		b.Fatal(err)
	}
	return dst
}

// BenchmarkSite builds the corpus as a site with examples/site, a
// process per build, and reports each build's CPU time (cpu-ns/op) and
// wall time (ns/op):
//
//   - no-cache: -no-cache.
//   - first: an empty cache, which the build fills.
//   - second: the same site again over the full cache, into the same
//     output folder.
//   - edited-post: one post's text and one of its code blocks changed
//     before each build, over the cache of the builds before.
//   - workers-1, workers-2: -no-cache builds on 1 and 2 workers (-j); the
//     metric "posts/s" is the throughput; speedup-j2-over-j1 alternates
//     the two and reports their ratio, "x".
func BenchmarkSite(b *testing.B) {
	loadCorpus(b) // skips without the corpus
	bin := siteBinary(b)
	src := copyCorpus(b)
	report := func(b *testing.B, cpu time.Duration) {
		b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
	}
	b.Run("no-cache", func(b *testing.B) {
		out := b.TempDir()
		var cpu time.Duration
		for b.Loop() {
			_, c := siteRun(b, bin, src, out, "-no-cache")
			cpu += c
		}
		report(b, cpu)
	})
	b.Run("first", func(b *testing.B) {
		var cpu time.Duration
		for b.Loop() {
			b.StopTimer()
			out, cache := b.TempDir(), b.TempDir()
			b.StartTimer()
			_, c := siteRun(b, bin, src, out, "-cache", cache)
			cpu += c
		}
		report(b, cpu)
	})
	out, cache := b.TempDir(), b.TempDir()
	b.Run("second", func(b *testing.B) {
		siteRun(b, bin, src, out, "-cache", cache)
		var cpu time.Duration
		for b.Loop() {
			_, c := siteRun(b, bin, src, out, "-cache", cache)
			cpu += c
		}
		report(b, cpu)
	})
	b.Run("edited-post", func(b *testing.B) {
		name := filepath.Join(src, "en", "functions", "strings", "Contains.md")
		orig, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		defer os.WriteFile(name, orig, 0o644)
		siteRun(b, bin, src, out, "-cache", cache)
		var cpu time.Duration
		n := 0
		for b.Loop() {
			b.StopTimer()
			n++
			edited := strings.Replace(string(orig), "```go-html-template\n", fmt.Sprintf("```go-html-template\n{{/* edit %d */}}\n", n), 1)
			edited += fmt.Sprintf("\nEdited %d.\n", n)
			if err := os.WriteFile(name, []byte(edited), 0o644); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			_, c := siteRun(b, bin, src, out, "-cache", cache)
			cpu += c
		}
		report(b, cpu)
	})
	posts := len(loadCorpus(b))
	for _, j := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers-%d", j), func(b *testing.B) {
			out := b.TempDir()
			var cpu time.Duration
			for b.Loop() {
				_, c := siteRun(b, bin, src, out, "-no-cache", "-j", fmt.Sprint(j))
				cpu += c
			}
			report(b, cpu)
			b.ReportMetric(float64(posts)*float64(b.N)/b.Elapsed().Seconds(), "posts/s")
		})
	}
	// -j 2 against -j 1, builds alternating, as the metric "x": the wall
	// time of one worker over that of two.
	b.Run("speedup-j2-over-j1", func(b *testing.B) {
		out := b.TempDir()
		var w1, w2 time.Duration
		for b.Loop() {
			w, _ := siteRun(b, bin, src, out, "-no-cache", "-j", "1")
			w1 += w
			w, _ = siteRun(b, bin, src, out, "-no-cache", "-j", "2")
			w2 += w
		}
		b.ReportMetric(float64(w1)/float64(w2), "x")
	})
}

// BenchmarkScaling renders the corpus (highlighting, no cache) with one
// shared Renderer on 1 and 2 goroutines, each taking the next post; the
// metric "posts/s" is the throughput, and "x" on workers-2 its ratio to
// workers-1 measured in alternating passes.
func BenchmarkScaling(b *testing.B) {
	docs := loadCorpus(b)
	r := render.New(corpusOptions()...)
	pass := func(workers int) time.Duration {
		t0 := time.Now()
		next := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := range next {
					if _, err := r.RenderPost(docs[i].post); err != nil {
						b.Errorf("%s: %v", docs[i].path, err)
					}
				}
			})
		}
		for i := range docs {
			next <- i
		}
		close(next)
		wg.Wait()
		return time.Since(t0)
	}
	for _, j := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers-%d", j), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				pass(j)
			}
			b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "posts/s")
		})
	}
	b.Run("speedup-2-over-1", func(b *testing.B) {
		var t1, t2 time.Duration
		for b.Loop() {
			t1 += pass(1)
			t2 += pass(2)
		}
		b.ReportMetric(float64(t1)/float64(t2), "x")
	})
}
