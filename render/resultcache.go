package render

import (
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/toc"
)

// WithResultCache keeps whole renders in c (any highlight.Cache store:
// its keys never meet highlighted blocks'), so that rendering a document
// again costs a lookup. Render and RenderPost store each Result computed
// without error and return a stored one, equal field for field and the
// caller's own, when the document and the settings are the same: the key
// is the SHA-256 of the Markdown or every exported field of the post,
// every setting of the Renderer (read once, in New) and the running
// executable, so a program rebuilt with any change to its code starts
// afresh.
//
// A function among the settings (hook, resolver, shortcode handler) is
// known by its shortcode.Handler.CacheID or, for a top-level function,
// its name. Any other (a closure, a method value) makes the keys private
// to this Renderer, unless WithCacheIdentity names it. No key sees state
// outside the settings and the document: mark a shortcode handler that
// reads the clock, files or the network Volatile, and use no result cache
// with such a hook. A page that reads image files (WithImageFiles) or
// has a code block chroma may highlight otherwise another time
// (highlight.CacheStats.Unsure) is not stored.
func WithResultCache(c highlight.Cache) Option {
	return optionFunc(func(cf *config) { cf.results = c })
}

// WithCacheIdentity names the functions among the settings that have no
// identity of their own (closures given as hooks, resolver or handlers
// without CacheID), so that results one process stores with
// WithResultCache serve another. id must change whenever one of them
// would write something else: put in it what they close over.
func WithCacheIdentity(id string) Option {
	return optionFunc(func(cf *config) { cf.cacheID = id })
}

// CacheStats returns the lookups of r in its caches: whole renders
// (WithResultCache; a miss is a render done) and highlighted blocks.
func (r *Renderer) CacheStats() (results, blocks highlight.CacheStats) {
	if r.results != nil {
		results = r.results.Stats()
	}
	return results, r.hl.CacheStats()
}

// cachedRender is render through the result cache, when there is one.
func (r *Renderer) cachedRender(d *docState, p *post.Post) (*Result, error) {
	if r.results == nil {
		return r.render(d, p)
	}
	k, ok := r.results.Key(d.src, p)
	if res := new(Result); ok && r.results.Get(k, res) && res.TOC != nil {
		res.TOC = toc.FromItems(res.TOC.Items, r.postTOCOptions(p)...)
		return res, nil
	}
	unsure := r.hl.CacheStats().Unsure
	res, err := r.render(d, p)
	// Not stored: a page that called a Volatile shortcode, read image
	// files (WithImageFiles), or has a block chroma may highlight
	// otherwise another time (any such block during this render counts).
	if err == nil && ok && !d.exp.Volatile() && d.imageFiles == nil && r.hl.CacheStats().Unsure == unsure {
		r.results.Put(k, res)
	}
	return res, err
}
