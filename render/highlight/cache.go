package highlight

import (
	"container/list"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
	"math"
	"runtime/debug"
	"sync"
)

// OutputVersion is the version of the HTML a Highlighter writes. It is
// part of every cache [Key], so cached blocks written by an older folio
// are not served once it changes. Folio bumps it whenever the output of
// [Highlighter.WriteBlock] changes for some input.
const OutputVersion = 2

// Key identifies the HTML of one highlighted block: the SHA-256 of a
// canonical encoding of everything that determines it: the code, its
// language, the fence's options and attributes, the Highlighter's
// settings (style name, class or inline output, line numbers, tab width,
// guessing, hl_inline, wrapper class), [OutputVersion] and the version of
// chroma in the binary.
type Key [sha256.Size]byte

// String returns k in hexadecimal.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Cache keeps highlighted blocks, by [Key], so that writing the same block
// again costs a lookup instead of a run of chroma. A Highlighter whose
// [Config.Cache] is set consults it in [Highlighter.WriteBlock]. An
// implementation must be safe for concurrent use; it may forget any entry
// at any time, but must never return HTML that was not Put under the same
// key.
//
// [NewMemoryCache] and [NewDirCache] return the two built-in ones. The
// same stores keep whole renders for render.WithResultCache: a Cache is
// a store of bytes by SHA-256 key, and the two kinds of key never meet.
type Cache interface {
	// Get returns the HTML stored under k and true, or nil and false.
	// The caller must not modify the returned slice.
	Get(k Key) (html []byte, ok bool)
	// Put stores html under k. The cache may keep html itself: the
	// caller must not modify it afterwards. Put cannot fail; a cache
	// that cannot store an entry drops it.
	Put(k Key, html []byte)
}

// CacheStats counts the lookups of a Highlighter in its Cache.
type CacheStats struct {
	Hits   int64 // blocks written from the cache
	Misses int64 // blocks highlighted and then put in the cache
	// Unsure counts the blocks written, with or without a cache, whose
	// HTML another run may not write (chroma failed or took 200 ms or
	// more) and that no cache keeps; a result cache does
	// not keep a page rendered while it grew (render.WithResultCache).
	Unsure int64
}

// chromaVersion is the version of chroma in the running binary, part of
// every key: a new chroma may lex or format differently. It is "" when
// the binary has no build information (go test binaries have it for
// their dependencies).
var chromaVersion = sync.OnceValue(func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, m := range bi.Deps {
		if m.Path == "github.com/alecthomas/chroma/v2" {
			if m.Replace != nil {
				return m.Version + "=>" + m.Replace.Path + "@" + m.Replace.Version
			}
			return m.Version
		}
	}
	return ""
})

// keyWriter builds a Key from a canonical encoding: every field is
// written with its type and length, so no two different inputs encode
// alike.
type keyWriter struct {
	sum hash.Hash
	num [9]byte
}

func newKeyWriter() *keyWriter {
	return &keyWriter{sum: sha256.New()}
}

func (w *keyWriter) uint(tag byte, v uint64) {
	w.num[0] = tag
	binary.BigEndian.PutUint64(w.num[1:], v)
	_, _ = w.sum.Write(w.num[:])
}

func (w *keyWriter) int(v int) { w.uint('i', uint64(int64(v))) }

func (w *keyWriter) bool(v bool) {
	if v {
		w.uint('b', 1)
	} else {
		w.uint('b', 0)
	}
}

func (w *keyWriter) bytes(b []byte) {
	w.uint('s', uint64(len(b)))
	_, _ = w.sum.Write(b)
}

func (w *keyWriter) string(s string) {
	w.uint('s', uint64(len(s)))
	_, _ = w.sum.Write([]byte(s))
}

// value writes an attribute value: a string, int, float64, bool, nil or
// []any of these (anything else is written as an unknown type, by tag
// only, so it never matches a known value).
func (w *keyWriter) value(v any) {
	switch v := v.(type) {
	case nil:
		w.uint('n', 0)
	case string:
		w.uint('S', 0)
		w.string(v)
	case int:
		w.uint('I', 0)
		w.int(v)
	case float64:
		w.uint('F', math.Float64bits(v))
	case bool:
		w.uint('B', 0)
		w.bool(v)
	case []any:
		w.uint('A', uint64(len(v)))
		for _, x := range v {
			w.value(x)
		}
	default:
		w.uint('?', 0)
	}
}

func (w *keyWriter) key() Key {
	var k Key
	w.sum.Sum(k[:0])
	return k
}

// MemoryCache is an in-memory [Cache] that keeps the blocks used most
// recently, up to a bound in bytes. It is safe for concurrent use.
type MemoryCache struct {
	max int64

	mu    sync.Mutex
	size  int64
	lru   list.List // of *memEntry, most recently used first
	byKey map[Key]*list.Element
}

type memEntry struct {
	key  Key
	html []byte
}

// memEntryOverhead is what an entry costs besides its HTML, roughly: the
// key, the list element and the map slot.
const memEntryOverhead = 128

// NewMemoryCache returns a MemoryCache that holds at most maxBytes bytes:
// the HTML of its entries plus a small fixed overhead per entry. When a
// Put goes over it, the entries used least recently are dropped; an entry
// larger than maxBytes is not kept at all, and with maxBytes ≤ 0 nothing
// is.
func NewMemoryCache(maxBytes int64) *MemoryCache {
	return &MemoryCache{max: maxBytes, byKey: make(map[Key]*list.Element)}
}

// Get returns the HTML stored under k, and marks it used.
func (c *MemoryCache) Get(k Key) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el := c.byKey[k]
	if el == nil {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*memEntry).html, true
}

// Put stores html under k, dropping the entries used least recently while
// the cache is over its bound. It keeps html itself, not a copy.
func (c *MemoryCache) Put(k Key, html []byte) {
	cost := int64(len(html)) + memEntryOverhead
	c.mu.Lock()
	defer c.mu.Unlock()
	if el := c.byKey[k]; el != nil {
		c.remove(el)
	}
	if cost > c.max {
		return
	}
	c.byKey[k] = c.lru.PushFront(&memEntry{key: k, html: html})
	c.size += cost
	for c.size > c.max {
		c.remove(c.lru.Back())
	}
}

func (c *MemoryCache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*memEntry)
	delete(c.byKey, e.key)
	c.size -= int64(len(e.html)) + memEntryOverhead
}

// Len returns the number of entries in c.
func (c *MemoryCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.byKey)
}

// Size returns the bytes c holds, counted as NewMemoryCache says; never
// more than its bound.
func (c *MemoryCache) Size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}
