package render

import (
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/toc"
)

// WithResultCache keeps whole renders in c, so that rendering a document
// again costs a lookup: Render and RenderPost store each Result they
// compute without error and return a stored one when the document and
// the settings are the same. highlight.NewMemoryCache and
// highlight.NewDirCache are stores for it too (the keys never collide
// with highlighted blocks'). A Result from the cache equals the one the
// render gives, field for field, and is the caller's own.
//
// The key is the SHA-256 of: the Markdown, or every exported field of
// the post (path, body, body line, format, front matter, params); every
// setting of the Renderer, read once in New (options, site params,
// shortcode handlers, goldmark extensions and options, hooks); and the
// running executable, so a program built again, with any change to
// folio, goldmark, chroma or its own code, starts afresh.
//
// Functions are settings too. A shortcode.Handler with a CacheID, and a
// hook, resolver or handler that is a top-level function, are known by
// that ID or name. Any other function (a closure, a method value) has
// no identity that outlives the Renderer: its results are then stored
// under keys no other Renderer or process makes, unless
// WithCacheIdentity names them. What the key cannot see is state outside
// the settings and the document: a hook or handler that reads the clock,
// files or the network, or state that changes while the Renderer lives.
// Mark such a shortcode handler Volatile (its pages are not cached) and
// do not use a result cache with such a hook.
func WithResultCache(c highlight.Cache) Option {
	return optionFunc(func(cf *config) { cf.results = c })
}

// WithCacheIdentity names the functions among the Renderer's settings
// that have no identity of their own (closures given as hooks, a ref
// resolver or shortcode handlers without CacheID), so that results stored
// by one process with WithResultCache serve another. id must change
// whenever any of them would write something else: put in it the
// settings they close over (a site's base URL, the list of pages a ref
// resolver knows).
func WithCacheIdentity(id string) Option {
	return optionFunc(func(cf *config) { cf.cacheID = id })
}

// CacheStats returns the lookups of r in its caches: whole renders
// (WithResultCache; a hit is a render served from the cache, a miss one
// done) and highlighted blocks (highlight.Config.Cache). Zero without.
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
	var doc any
	if p != nil {
		doc = p
	}
	k, ok := r.results.Key(d.src, doc)
	if res := new(Result); ok && r.results.Get(k, res) {
		var items []*toc.Item
		if res.TOC != nil {
			items = res.TOC.Items
		}
		res.TOC = toc.FromItems(items, r.postTOCOptions(p)...)
		return res, nil
	}
	res, err := r.render(d, p)
	if err == nil && ok && !d.exp.Volatile() {
		r.results.Put(k, res)
	}
	return res, err
}
