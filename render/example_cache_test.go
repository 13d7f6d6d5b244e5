package render_test

import (
	"fmt"
	"log"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// A store behind both caches: an unchanged post is read back whole, and
// a changed one highlights only its changed blocks. Use
// highlight.NewDirCache for a store that outlives the process.
func ExampleWithResultCache() {
	store := highlight.NewMemoryCache(64 << 20)
	r := render.New(
		render.WithHighlight(highlight.Config{Cache: store}),
		render.WithResultCache(store),
	)
	src := "---\ntitle: Hello\n---\n## Code\n\n```go\nfunc main() {}\n```\n"
	for _, s := range []string{src, src, src + "\nOne more line.\n"} {
		p, err := post.Parse([]byte(s), post.WithPath("hello.md"))
		if err != nil {
			log.Fatal(err)
		}
		res, err := r.RenderPost(p)
		if err != nil {
			log.Fatal(err)
		}
		results, blocks := r.CacheStats()
		fmt.Printf("%d words; posts: %d from cache, %d rendered; blocks: %d from cache\n",
			res.WordCount, results.Hits, results.Misses, blocks.Hits)
	}
	// Output:
	// 4 words; posts: 0 from cache, 1 rendered; blocks: 0 from cache
	// 4 words; posts: 1 from cache, 1 rendered; blocks: 0 from cache
	// 7 words; posts: 1 from cache, 2 rendered; blocks: 1 from cache
}
