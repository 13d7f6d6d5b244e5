package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// cacheConfig is what the cache flags set.
type cacheConfig struct {
	dir string // "" for no cache
	off bool   // -no-cache
}

// defaultCacheDir is folio/site under the user's cache folder
// ($XDG_CACHE_HOME or ~/.cache on Linux), or "" when there is none.
func defaultCacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "folio", "site")
}

// flags adds -cache and -no-cache to fs.
func (cc *cacheConfig) flags(fs *flag.FlagSet) {
	fs.StringVar(&cc.dir, "cache", defaultCacheDir(), "keep rendered posts and highlighted code in `dir`, for the next build; \"\" for none")
	fs.BoolVar(&cc.off, "no-cache", false, "use no cache (as -cache \"\")")
}

// newRenderer returns the site's Renderer: with a cache in the -cache
// folder, a rebuild renders only the posts that changed, and highlights
// only the code blocks that changed in them. Both caches share one
// directory store (their keys never collide); the store checks every
// entry it reads, so a damaged file costs one render, never a wrong page.
func (c *config) newRenderer(extra ...render.Option) (*render.Renderer, error) {
	opts := append(renderOptions(c), extra...)
	if c.cache.off || c.cache.dir == "" {
		return render.New(opts...), nil
	}
	store, err := highlight.NewDirCache(c.cache.dir)
	if err != nil {
		return nil, fmt.Errorf("cache: %w", err)
	}
	hl := highlight.Config{Style: c.style, Cache: store}
	return render.New(append(opts, render.WithHighlight(hl), render.WithResultCache(store))...), nil
}

// siteIdentity names the site's ref resolver and link hook for the result
// cache (render.WithCacheIdentity): what they write depends on where every
// page, alias and resource is published, so a hash of those is their
// identity. A page added, moved or renamed changes it, and every post is
// rendered again; an edit inside a post does not.
func siteIdentity(site *content.Site) string {
	h := sha256.New()
	pages := slices.Concat(site.Pages, site.Unlisted, site.Headless, site.Skipped)
	for _, p := range pages {
		fmt.Fprintf(h, "page %v %q %q %q %q %q %q %q\n", p.Kind, p.Path, p.File, p.FSPath, p.Lang, p.RelPermalink, p.Permalink, p.OutputPath)
	}
	for _, a := range site.Aliases {
		fmt.Fprintf(h, "alias %q %q %q %q\n", a.Path, a.OutputPath, a.Target, a.Lang)
	}
	for _, r := range site.Resources {
		fmt.Fprintf(h, "resource %q %q %q %q %q\n", r.Name, r.FSPath, r.Lang, r.RelPermalink, r.OutputPath)
	}
	return "examples/site " + hex.EncodeToString(h.Sum(nil))
}

// cacheStats is what the cache saved in one build.
type cacheStats struct {
	on           bool
	posts, total int   // posts from the cache, of all rendered
	blocks       int64 // code blocks from the cache, in the posts rendered
}

func readCacheStats(r *render.Renderer, c *config) cacheStats {
	rs, hs := r.CacheStats()
	return cacheStats{
		on:     !c.cache.off && c.cache.dir != "",
		posts:  int(rs.Hits),
		total:  int(rs.Hits + rs.Misses),
		blocks: hs.Hits,
	}
}

// String is the part of the summary line about the cache: ", 12 of 14
// posts and 3 code blocks from cache", or "" without a cache.
func (s cacheStats) String() string {
	if !s.on {
		return ""
	}
	return fmt.Sprintf(", %d of %d posts and %d code blocks from cache", s.posts, s.total, s.blocks)
}

// writeIfChanged writes data to the file name unless the file holds
// data already: a rebuild leaves the pages that did not change alone
// (their times too, which rsync and web caches read), and reading a file
// costs less than writing it.
func writeIfChanged(name string, data []byte) error {
	if f, err := os.Open(name); err == nil {
		same := false
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() && fi.Size() == int64(len(data)) {
			old := make([]byte, len(data)+1) // one more: a file that grew since Stat differs
			n, err := io.ReadFull(f, old)
			same = err == io.ErrUnexpectedEOF && n == len(data) && bytes.Equal(old[:n], data)
		}
		_ = f.Close()
		if same {
			return nil
		}
	}
	return os.WriteFile(name, data, 0o644)
}
