package render_test

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// countingCache counts the hits of a highlight.Cache.
type countingCache struct {
	highlight.Cache
	hits atomic.Int64
}

func (c *countingCache) Get(k highlight.Key) ([]byte, bool) {
	html, ok := c.Cache.Get(k)
	if ok {
		c.hits.Add(1)
	}
	return html, ok
}

// TestHighlightCacheKeepsDiagnostics renders a page twice with a block
// cache: the second render writes its blocks from the cache, and must
// still warn about them.
func TestHighlightCacheKeepsDiagnostics(t *testing.T) {
	t.Parallel()
	src := []byte("```go {linenos=maybe onclick=\"x()\"}\nfunc f() {}\n```\n\n```nosuchlang\ncode\n```\n")
	cache := &countingCache{Cache: highlight.NewMemoryCache(1 << 20)}
	r := render.New(render.WithHighlight(highlight.Config{Cache: cache}))
	first, err := r.Render(src)
	require.NoError(t, err)
	require.NotEmpty(t, first.Diagnostics)
	second, err := r.Render(src)
	require.NoError(t, err)
	assert.Positive(t, cache.hits.Load(), "hits")
	assert.Equal(t, string(first.HTML), string(second.HTML))
	assert.Equal(t, first.Diagnostics, second.Diagnostics)

	uncached, err := render.New(render.WithHighlight(highlight.Config{})).Render(src)
	require.NoError(t, err)
	assert.Equal(t, uncached.Diagnostics, second.Diagnostics)
	assert.Equal(t, string(uncached.HTML), string(second.HTML))
}
