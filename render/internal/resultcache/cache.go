// Package resultcache keeps whole renders in a byte store: the keys
// (a Renderer's settings fingerprint and a document's canonical
// encoding) and the exact encoding of a result. Package render wires it
// in with render.WithResultCache.
package resultcache

import (
	"crypto/rand"
	"reflect"
	"sync/atomic"

	"github.com/folio-md/folio/render/highlight"
)

// Cache looks results up in a store under keys made from one Renderer's
// settings. It is safe for concurrent use.
type Cache struct {
	store  highlight.Cache
	prefix []byte
	// Identified reports whether the settings had an identity every
	// process shares; false when a closure (or another value the key
	// cannot see) made the key private to this Cache.
	Identified bool

	hits, misses atomic.Int64
}

// New returns a Cache over store for a renderer whose settings are
// *settings (read once, now, unexported fields included; the types in
// skip left out) and whose results are of type result. identity, when
// not empty, stands for whatever in the settings has no identity of its
// own (closures, channels); when it is empty such settings make the keys
// private to this Cache, by a random part no other Cache shares.
func New(store highlight.Cache, settings any, identity string, result reflect.Type, skip ...reflect.Type) *Cache {
	e := &encoder{unexported: true, skip: map[reflect.Type]bool{storeType: true}}
	for _, t := range skip {
		e.skip[t] = true
	}
	e.value(reflect.ValueOf(settings))
	exe := executable()
	var private [32]byte
	c := &Cache{store: store, Identified: !e.unidentified || identity != ""}
	if !c.Identified {
		_, _ = rand.Read(private[:])
	}
	sig := typeSignature(nil, result, map[reflect.Type]bool{})
	k := keyOf([]byte("folio render result"), []byte{formatVersion}, exe[:], sig, e.b, []byte(identity), private[:])
	c.prefix = k[:]
	return c
}

// Key returns the key of a render of markdown (doc nil) or of the
// document *doc (a post: its exported fields, read by the rules of the
// settings; markdown is then its body, and only sizes the encoding). ok is false when doc holds a value the key cannot see: such
// a render is not cached.
func (c *Cache) Key(markdown []byte, doc any) (k highlight.Key, ok bool) {
	if doc == nil || reflect.ValueOf(doc).Kind() == reflect.Pointer && reflect.ValueOf(doc).IsNil() {
		return keyOf(c.prefix, []byte{'m'}, markdown), true
	}
	e := &encoder{b: make([]byte, 0, 1024+len(markdown))}
	e.value(reflect.ValueOf(doc))
	if e.unidentified {
		c.misses.Add(1)
		return k, false
	}
	return keyOf(c.prefix, []byte{'p'}, e.b), true
}

// Get decodes the entry under k into *v and reports whether it did. An
// entry that does not decode is a miss.
func (c *Cache) Get(k highlight.Key, v any) bool {
	data, ok := c.store.Get(k)
	if ok {
		d := &decoder{b: data}
		if d.value(reflect.ValueOf(v).Elem(), 0) == nil && len(d.b) == 0 {
			c.hits.Add(1)
			return true
		}
		reflect.ValueOf(v).Elem().SetZero()
	}
	c.misses.Add(1)
	return false
}

// Put stores *v under k; a value it cannot encode is not stored.
func (c *Cache) Put(k highlight.Key, v any) {
	if b, err := encode(nil, reflect.ValueOf(v).Elem(), 0); err == nil {
		c.store.Put(k, b)
	}
}

// Stats returns the lookups served from the store (hits) and the renders
// done (misses, uncacheable documents included).
func (c *Cache) Stats() highlight.CacheStats {
	return highlight.CacheStats{Hits: c.hits.Load(), Misses: c.misses.Load()}
}
