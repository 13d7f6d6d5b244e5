package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

const corpusDir = "../../../shared/corpus/hugodocs"

// BenchmarkSiteBuild builds the corpus site: without a cache, and again
// over a full cache (every post from it).
func BenchmarkSiteBuild(b *testing.B) {
	if _, err := os.Stat(corpusDir); err != nil {
		b.Skipf("corpus not found at %s: %v", corpusDir, err)
	}
	args := func(out, cache string) []string {
		a := []string{"-src", corpusDir, "-out", out, "-stub-unknown", "-drafts", "-future", "-expired", "-q"}
		if cache == "" {
			return append(a, "-no-cache")
		}
		return append(a, "-cache", cache)
	}
	b.Run("cold", func(b *testing.B) {
		out := b.TempDir()
		b.ReportAllocs()
		for b.Loop() {
			if code := run(args(out, ""), nil, io.Discard, io.Discard); code != 0 {
				b.Fatal(code)
			}
		}
	})
	b.Run("warm", func(b *testing.B) {
		out, cache := b.TempDir(), filepath.Join(b.TempDir(), "cache")
		run(args(out, cache), nil, io.Discard, io.Discard)
		b.ReportAllocs()
		for b.Loop() {
			if code := run(args(out, cache), nil, io.Discard, io.Discard); code != 0 {
				b.Fatal(code)
			}
		}
	})
}
