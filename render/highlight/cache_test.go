package highlight

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// uncached writes code with info as a Highlighter without a cache does.
func uncached(t testing.TB, c Config, info string, ordinal int, code string) []byte {
	t.Helper()
	c.Cache = nil
	b := ParseFence(info)
	b.Ordinal = ordinal
	var out bytes.Buffer
	require.NoError(t, New(c).WriteBlock(&out, []byte(code), &b))
	return out.Bytes()
}

func write(t testing.TB, h *Highlighter, info string, ordinal int, code string) []byte {
	t.Helper()
	b := ParseFence(info)
	b.Ordinal = ordinal
	var out bytes.Buffer
	require.NoError(t, h.WriteBlock(&out, []byte(code), &b))
	return out.Bytes()
}

func newDirCache(t testing.TB) *DirCache {
	t.Helper()
	c, err := NewDirCache(filepath.Join(t.TempDir(), "cache"))
	require.NoError(t, err)
	return c
}

const goCode = "package main\n\nfunc main() {\n\tprintln(\"hi\")\n}\n"

func TestCacheHitAfterMiss(t *testing.T) {
	t.Parallel()
	caches := map[string]func() Cache{
		"memory": func() Cache { return NewMemoryCache(1 << 20) },
		"dir":    func() Cache { return newDirCache(t) },
	}
	infos := []string{
		"go", "go {linenos=table hl_lines=[2,\"4-5\"] linenostart=10}", "go {anchorlinenos=true linenos=inline}",
		"go {#main .wide file=\"main.go\"}", "nosuchlang", "", "tree",
	}
	for name, mk := range caches {
		for _, info := range infos {
			t.Run(name+"/"+info, func(t *testing.T) {
				t.Parallel()
				c := Config{Style: "github", Cache: mk()}
				h := New(c)
				want := uncached(t, c, info, 3, goCode)
				first := write(t, h, info, 3, goCode)
				second := write(t, h, info, 3, goCode)
				assert.Equal(t, string(want), string(first), "miss")
				assert.Equal(t, string(want), string(second), "hit")
				assert.Equal(t, CacheStats{Hits: 1, Misses: 1}, h.CacheStats())

				// Highlight goes through the same cache.
				var out bytes.Buffer
				require.NoError(t, h.Highlight(&out, []byte(goCode), "go", "linenos=table"))
				out.Reset()
				require.NoError(t, h.Highlight(&out, []byte(goCode), "go", "linenos=table"))
				assert.Equal(t, CacheStats{Hits: 2, Misses: 2}, h.CacheStats())
			})
		}
	}
}

// TestCacheKeyChanges writes variants of one block through one shared
// cache: every change that can change the HTML must miss, and give the
// HTML an uncached Highlighter writes.
func TestCacheKeyChanges(t *testing.T) {
	t.Parallel()
	type variant struct {
		name    string
		cfg     Config
		info    string
		ordinal int
		code    string
	}
	base := variant{"base", Config{}, "go", 0, goCode}
	with := func(name string, f func(v *variant)) variant {
		v := base
		v.name = name
		f(&v)
		return v
	}
	variants := []variant{
		base,
		with("code", func(v *variant) { v.code += "// more\n" }),
		with("lang", func(v *variant) { v.info = "c" }),
		with("lang case", func(v *variant) { v.info = "Go" }),
		with("unknown lang", func(v *variant) { v.info = "nosuchlang" }),
		with("style", func(v *variant) { v.cfg.Style = "github" }),
		with("inline", func(v *variant) { v.cfg.InlineStyles = true }),
		with("inline+style", func(v *variant) { v.cfg.InlineStyles, v.cfg.Style = true, "github" }),
		with("line numbers table", func(v *variant) { v.cfg.LineNumbers = LineNumbersTable }),
		with("line numbers inline", func(v *variant) { v.cfg.LineNumbers = LineNumbersInline }),
		with("tab width", func(v *variant) { v.cfg.TabWidth = 8 }),
		with("guess", func(v *variant) { v.cfg.GuessSyntax = true; v.info = "" }),
		with("no lang", func(v *variant) { v.info = "" }),
		with("fence linenos", func(v *variant) { v.info = "go {linenos=table}" }),
		with("fence linenos inline", func(v *variant) { v.info = "go {linenos=inline}" }),
		with("fence hl_lines", func(v *variant) { v.info = "go {hl_lines=[2]}" }),
		with("fence hl_lines 3", func(v *variant) { v.info = "go {hl_lines=[3]}" }),
		with("fence linenostart", func(v *variant) { v.info = "go {linenos=table linenostart=5}" }),
		with("fence anchors", func(v *variant) { v.info = "go {linenos=table anchorlinenos=true}" }),
		with("fence anchors ordinal", func(v *variant) { v.info = "go {linenos=table anchorlinenos=true}"; v.ordinal = 1 }),
		with("fence lineanchors", func(v *variant) { v.info = "go {linenos=table anchorlinenos=true lineanchors=x}" }),
		with("fence style", func(v *variant) { v.info = "go {style=dracula}" }),
		with("fence noclasses", func(v *variant) { v.info = "go {noclasses=true}" }),
		with("fence tabwidth", func(v *variant) { v.info = "go {tabwidth=2}" }),
		with("fence guesssyntax", func(v *variant) { v.info = "nosuchlang {guesssyntax=true}" }),
		with("fence linenumbersintable", func(v *variant) { v.info = "go {linenos=true linenumbersintable=false}" }),
		with("fence id", func(v *variant) { v.info = "go {#x}" }),
		with("fence class", func(v *variant) { v.info = "go {.x}" }),
		with("fence attr", func(v *variant) { v.info = `go {file="a.go"}` }),
		with("fence attr value", func(v *variant) { v.info = `go {file="b.go"}` }),
		with("fence attr int", func(v *variant) { v.info = `go {file=1}` }),
		with("fence attr string 1", func(v *variant) { v.info = `go {file="1"}` }),
		with("fence attrs order", func(v *variant) { v.info = `go {file="a.go" title=t}` }),
		with("fence attrs order 2", func(v *variant) { v.info = `go {title=t file="a.go"}` }),
		with("fence hl_inline", func(v *variant) { v.info = "go {hl_inline=true}" }),
		with("fence hl_inline inline styles", func(v *variant) { v.info = "go {hl_inline=true}"; v.cfg.InlineStyles = true }),
		with("wrapper class", func(v *variant) { v.cfg.WrapperClass = "code" }),
		with("wrapper class 2", func(v *variant) { v.cfg.WrapperClass = "highlight x" }),
	}
	mc := NewMemoryCache(1 << 24)
	keys := map[Key]string{}  // variant name by key
	htmls := map[string]Key{} // key by uncached HTML
	for _, v := range variants {
		c := v.cfg
		c.Cache = mc
		h := New(c)
		b := ParseFence(v.info)
		b.Ordinal = v.ordinal
		k := h.blockKey(trimFinalNewlines([]byte(v.code)), &b)
		want := string(uncached(t, v.cfg, v.info, v.ordinal, v.code))
		other, seen := keys[k]
		if seen {
			// Two ways to say the same (linenos=table in the fence or
			// in the Config) may share a key, if the HTML is the same.
			assert.Equal(t, k, htmls[want], "%s: same key as %s, different HTML", v.name, other)
		} else {
			if k2, dup := htmls[want]; dup {
				t.Logf("%s: same HTML as %s, another key", v.name, keys[k2])
			}
			keys[k] = v.name
			htmls[want] = k
		}
		got := write(t, h, v.info, v.ordinal, v.code)
		if seen {
			assert.Equal(t, CacheStats{Hits: 1}, h.CacheStats(), v.name)
		} else {
			assert.Equal(t, CacheStats{Misses: 1}, h.CacheStats(), v.name)
		}
		assert.Equal(t, want, string(got), v.name)
	}
	assert.Greater(t, len(keys), len(variants)-6, "variants with a key of their own")

	// What cannot change the HTML does not change the key: the ordinal
	// without line anchors, final blank lines, a problem in the fence.
	h := New(Config{Cache: mc})
	same := func(name, info string, ordinal int, code string) {
		t.Helper()
		b := ParseFence(info)
		b.Ordinal = ordinal
		k := h.blockKey(trimFinalNewlines([]byte(code)), &b)
		assert.Equal(t, "base", keys[k], name)
	}
	same("ordinal", "go", 7, goCode)
	same("blank lines", "go", 0, goCode+"\n\n")
	same("bad fence", "go {", 0, goCode)
}

func TestDirCacheCorrupt(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		corrupt func(data []byte) []byte
	}{
		{"empty", func([]byte) []byte { return nil }},
		{"truncated header", func(d []byte) []byte { return d[:dirHeaderSize-1] }},
		{"truncated html", func(d []byte) []byte { return d[:len(d)-1] }},
		{"header only", func(d []byte) []byte { return d[:dirHeaderSize] }},
		{"flipped html byte", func(d []byte) []byte { d[len(d)-10] ^= 0x20; return d }},
		{"flipped checksum byte", func(d []byte) []byte { d[dirHeaderSize-1] ^= 1; return d }},
		{"flipped key byte", func(d []byte) []byte { d[len(dirMagic)+8] ^= 1; return d }},
		{"bad magic", func(d []byte) []byte { d[0] = 'F'; return d }},
		{"wrong output version", func(d []byte) []byte {
			binary.BigEndian.PutUint32(d[len(dirMagic)+4:], OutputVersion+1)
			return d
		}},
		{"wrong file format", func(d []byte) []byte {
			binary.BigEndian.PutUint32(d[len(dirMagic):], dirFormat+1)
			return d
		}},
		{"wrong length", func(d []byte) []byte {
			binary.BigEndian.PutUint64(d[len(dirMagic)+8+len(Key{}):], uint64(len(d)))
			return d
		}},
		{"appended", func(d []byte) []byte { return append(d, "<script>"...) }},
		{"another key's sound entry", func([]byte) []byte { return encodeEntry(Key{1}, []byte("<p>evil</p>")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dc := newDirCache(t)
			c := Config{Cache: dc}
			h := New(c)
			want := uncached(t, c, "go {linenos=table}", 0, goCode)
			require.Equal(t, string(want), string(write(t, h, "go {linenos=table}", 0, goCode)))

			b := ParseFence("go {linenos=table}")
			_, file := dc.path(h.blockKey([]byte(goCode), &b))
			data, err := os.ReadFile(file)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(file, tt.corrupt(data), 0o644))

			assert.Equal(t, string(want), string(write(t, h, "go {linenos=table}", 0, goCode)), "after corruption")
			assert.Equal(t, CacheStats{Misses: 2}, h.CacheStats(), "a corrupt entry is a miss")
			assert.Equal(t, DirCacheStats{Corrupt: 1}, dc.Stats())

			// The entry was written again, soundly, and is served.
			data, err = os.ReadFile(file)
			require.NoError(t, err)
			html, err := decodeEntry(h.blockKey([]byte(goCode), &b), data)
			require.NoError(t, err)
			assert.Equal(t, string(want), string(html))
			assert.Equal(t, string(want), string(write(t, h, "go {linenos=table}", 0, goCode)))
			assert.Equal(t, CacheStats{Hits: 1, Misses: 2}, h.CacheStats())
		})
	}
}

func TestDirCacheSurvivesRestart(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "c")
	dc, err := NewDirCache(dir)
	require.NoError(t, err)
	first := write(t, New(Config{Cache: dc}), "go", 0, goCode)

	dc2, err := NewDirCache(dir) // a new process, say
	require.NoError(t, err)
	h := New(Config{Cache: dc2})
	assert.Equal(t, string(first), string(write(t, h, "go", 0, goCode)))
	assert.Equal(t, CacheStats{Hits: 1}, h.CacheStats())
}

func TestNewDirCacheError(t *testing.T) {
	t.Parallel()
	f := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(f, nil, 0o644))
	_, err := NewDirCache(filepath.Join(f, "sub"))
	assert.Error(t, err)
}

// blockSet is a set of distinct blocks for the concurrency tests.
func blockSet(n int) (infos, codes []string) {
	kinds := []string{"go", "go {linenos=table hl_lines=[1]}", "python", "nosuchlang", "js {#x}"}
	for i := range n {
		infos = append(infos, kinds[i%len(kinds)])
		codes = append(codes, fmt.Sprintf("x := %d\nprint(\"%s\")\n", i, strings.Repeat("y", i)))
	}
	return infos, codes
}

// hammer writes every block of the set rounds times from goroutines
// goroutines, through Highlighters on caches in turn, and returns their
// stats and the first wrong cache hit. Chroma's HTML itself may differ
// from run to run on a loaded machine (the race detector, two cores):
// when one of its regular expressions times out (250ms), it writes an
// error token or tries its next rule. So a block written without a hit
// may differ; what a hit returns may not.
func hammer(t testing.TB, caches []Cache, goroutines, rounds int) (CacheStats, error) {
	infos, codes := blockSet(24)
	want := blockSetHTML(t, Config{}, infos, codes)
	byKey := map[Key]string{}
	ref := New(Config{})
	for i := range infos {
		b := ParseFence(infos[i])
		byKey[ref.blockKey(trimFinalNewlines([]byte(codes[i])), &b)] = want[i]
	}
	errs := make(chan error, goroutines*len(infos)*rounds+1)
	hs := make([]*Highlighter, len(caches))
	for i, c := range caches {
		hs[i] = New(Config{Cache: verifyingCache{c, byKey, errs}})
	}
	var glitches atomic.Int64
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			h := hs[g%len(hs)]
			var out bytes.Buffer
			for r := range rounds {
				for j := range infos {
					i := (j + g + r) % len(infos)
					b := ParseFence(infos[i])
					out.Reset()
					if err := h.WriteBlock(&out, []byte(codes[i]), &b); err != nil {
						errs <- err
						return
					}
					if out.String() != want[i] {
						glitches.Add(1)
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	if n := glitches.Load(); n > 0 {
		t.Logf("chroma wrote %d blocks differently (regexp timeouts under load)", n)
	}
	var s CacheStats
	for _, h := range hs {
		s.Hits += h.CacheStats().Hits
		s.Misses += h.CacheStats().Misses
	}
	return s, <-errs
}

// verifyingCache checks every hit against the right HTML.
type verifyingCache struct {
	Cache
	want map[Key]string
	errs chan<- error
}

func (c verifyingCache) Get(k Key) ([]byte, bool) {
	html, ok := c.Cache.Get(k)
	if ok && string(html) != c.want[k] {
		c.errs <- fmt.Errorf("cache hit %v: got %q, want %q", k, html, c.want[k])
	}
	return html, ok
}

// blockSetHTML returns the HTML of a block set, uncached.
func blockSetHTML(t testing.TB, c Config, infos, codes []string) []string {
	want := make([]string, len(infos))
	for i := range infos {
		want[i] = string(uncached(t, c, infos[i], 0, codes[i]))
		require.NotContains(t, want[i], `class="err"`, "block %d: an error token", i)
	}
	return want
}

// checkCached checks that c holds nothing but the right HTML for the
// block set written through h.
func checkCached(t testing.TB, h *Highlighter, c Cache) {
	t.Helper()
	infos, codes := blockSet(24)
	want := blockSetHTML(t, h.Config(), infos, codes)
	for i := range infos {
		b := ParseFence(infos[i])
		if html, ok := c.Get(h.blockKey(trimFinalNewlines([]byte(codes[i])), &b)); ok {
			assert.Equal(t, want[i], string(html), "cached block %d", i)
		}
	}
}

// TestCacheKeepsErrorTokens: a lexer that gives an error token in less
// than maxSureDuration gives it on every run (a timed-out expression
// takes 250ms), so the block is cached like any other.
func TestCacheKeepsErrorTokens(t *testing.T) {
	t.Parallel()
	mc := NewMemoryCache(1 << 20)
	h := New(Config{Cache: mc})
	const code = "x := a $ b\n"
	first := write(t, h, "go", 0, code)
	require.Contains(t, string(first), `class="err"`)
	assert.Equal(t, string(first), string(write(t, h, "go", 0, code)))
	if st := h.CacheStats(); st.Unsure == 0 { // unsure only if the machine was too slow
		assert.Equal(t, CacheStats{Hits: 1, Misses: 1}, st)
		assert.Equal(t, 1, mc.Len())
	}
}

func TestCacheConcurrent(t *testing.T) {
	t.Parallel()
	rounds := 20
	if raceEnabled {
		rounds = 5
	}
	t.Run("memory", func(t *testing.T) {
		t.Parallel()
		mc := NewMemoryCache(8 << 10) // small: evictions happen
		s, err := hammer(t, []Cache{mc}, 8, rounds)
		require.NoError(t, err)
		assert.Equal(t, int64(8*rounds*24), s.Hits+s.Misses)
		assert.Positive(t, s.Hits)
		assert.LessOrEqual(t, mc.Size(), int64(8<<10))
		checkCached(t, New(Config{}), mc)
	})
	t.Run("dir", func(t *testing.T) {
		t.Parallel()
		dc := newDirCache(t)
		s, err := hammer(t, []Cache{dc}, 8, rounds)
		require.NoError(t, err)
		assert.Positive(t, s.Hits)
		assert.Equal(t, DirCacheStats{}, dc.Stats())
		checkCached(t, New(Config{}), dc)
	})
	t.Run("two dir caches on one dir", func(t *testing.T) {
		t.Parallel()
		// Two DirCache values on one directory stand for two processes:
		// they share nothing but the files, and write the same keys at
		// once.
		dir := filepath.Join(t.TempDir(), "c")
		a, err := NewDirCache(dir)
		require.NoError(t, err)
		b, err := NewDirCache(dir)
		require.NoError(t, err)
		_, err = hammer(t, []Cache{a, b}, 8, rounds)
		require.NoError(t, err)
		assert.Equal(t, DirCacheStats{}, a.Stats())
		assert.Equal(t, DirCacheStats{}, b.Stats())
		assertSoundDir(t, dir)
		checkCached(t, New(Config{}), b)
	})
}

// assertSoundDir checks that every file in a DirCache directory is a
// sound entry under its name, and that no temporary file is left.
func assertSoundDir(t *testing.T, dir string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		rel, _ := filepath.Rel(dir, path)
		name := strings.TrimSuffix(strings.ReplaceAll(filepath.ToSlash(rel), "/", ""), ".html")
		var k Key
		if n, err := hex.Decode(k[:], []byte(name)); err != nil || n != len(k) {
			t.Errorf("%s: not a cache entry's name", rel)
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if _, err := decodeEntry(k, data); err != nil {
			t.Errorf("%s: %v", rel, err)
		}
		return nil
	})
	require.NoError(t, err)
	assert.Positive(t, n, "entries")
}

// TestDirCacheProcesses runs this test binary several times at once on one
// cache directory (see TestDirCacheHelperProcess).
func TestDirCacheProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "c")
	const procs = 4
	cmds := make([]*exec.Cmd, procs)
	outs := make([]bytes.Buffer, procs)
	for i := range cmds {
		cmds[i] = exec.Command(os.Args[0], "-test.run=^TestDirCacheHelperProcess$", "-test.count=1")
		cmds[i].Env = append(os.Environ(), "FOLIO_HL_CACHE_DIR="+dir, "FOLIO_HL_CACHE_ID="+strconv.Itoa(i))
		cmds[i].Stdout, cmds[i].Stderr = &outs[i], &outs[i]
		require.NoError(t, cmds[i].Start())
	}
	for i, c := range cmds {
		assert.NoError(t, c.Wait(), "process %d:\n%s", i, outs[i].String())
	}
	assertSoundDir(t, dir)
	dc, err := NewDirCache(dir)
	require.NoError(t, err)
	checkCached(t, New(Config{}), dc)
}

// TestDirCacheHelperProcess is one process of TestDirCacheProcesses; it
// does nothing when run by itself.
func TestDirCacheHelperProcess(t *testing.T) {
	dir := os.Getenv("FOLIO_HL_CACHE_DIR")
	if dir == "" {
		t.Skip("run by TestDirCacheProcesses")
	}
	dc, err := NewDirCache(dir)
	require.NoError(t, err)
	_, err = hammer(t, []Cache{dc}, 4, 5)
	require.NoError(t, err)
	assert.Equal(t, DirCacheStats{}, dc.Stats())
	checkCached(t, New(Config{}), dc)
}

func TestMemoryCacheEvictsByBytes(t *testing.T) {
	t.Parallel()
	entry := func(n int) []byte { return bytes.Repeat([]byte{'x'}, n) }
	cost := func(n int) int64 { return int64(n) + memEntryOverhead }

	c := NewMemoryCache(cost(100) + cost(200) + cost(300))
	c.Put(Key{1}, entry(100))
	c.Put(Key{2}, entry(200))
	c.Put(Key{3}, entry(300))
	assert.Equal(t, 3, c.Len())
	assert.Equal(t, cost(100)+cost(200)+cost(300), c.Size())

	_, ok := c.Get(Key{1}) // 1 is now the most recently used; 2 the least
	require.True(t, ok)
	c.Put(Key{4}, entry(150)) // over by 150+overhead: 2 goes
	_, ok = c.Get(Key{2})
	assert.False(t, ok, "least recently used entry kept")
	for _, k := range []Key{{1}, {3}, {4}} {
		_, ok := c.Get(k)
		assert.True(t, ok, "entry %d dropped", k[0])
	}
	assert.Equal(t, cost(100)+cost(300)+cost(150), c.Size())

	c.Put(Key{5}, entry(int(c.max))) // larger than the bound: not kept, nothing dropped
	_, ok = c.Get(Key{5})
	assert.False(t, ok)
	assert.Equal(t, 3, c.Len())

	c.Put(Key{1}, entry(10)) // replacing an entry counts its new size
	html, ok := c.Get(Key{1})
	require.True(t, ok)
	assert.Len(t, html, 10)
	assert.Equal(t, cost(10)+cost(300)+cost(150), c.Size())

	c.Put(Key{6}, entry(int(c.max-memEntryOverhead))) // fills it: everything else goes
	assert.Equal(t, 1, c.Len())
	assert.Equal(t, c.max, c.Size())

	none := NewMemoryCache(0)
	none.Put(Key{1}, nil)
	assert.Equal(t, 0, none.Len())
}
