package resultcache

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/cputime"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/shortcode"
)

func encodeValue(v any, unexported bool) ([]byte, bool) {
	e := &encoder{unexported: unexported}
	e.value(reflect.ValueOf(v))
	return e.b, !e.unidentified
}

func topLevel(io.Writer, *shortcode.Call) error { return nil }
func otherTop(io.Writer, *shortcode.Call) error { return nil }

// TestEncoderTellsApart: values a template or handler could tell apart
// never encode alike.
func TestEncoderTellsApart(t *testing.T) {
	t.Parallel()
	paris, err := time.LoadLocation("Europe/Paris")
	require.NoError(t, err)
	instant := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	type pair struct{ A, B any }
	values := []any{
		nil, 0, int64(0), 0.0, 1, 1.0, uint64(1), "", "1", true, false,
		[]any{}, []any(nil), []any{nil}, []any{"a", "b"}, []any{"ab"}, []string{"a", "b"},
		map[string]any{}, map[string]any(nil), map[string]any{"a": 1}, map[string]any{"a": 1.0}, map[string]any{"b": 1},
		map[string]any{"a": map[string]any{"b": 1}}, map[string]any{"a": []any{"b", 1}},
		[]byte(nil), []byte{}, []byte("x"),
		instant, instant.In(paris), instant.Add(time.Nanosecond), time.Time{},
		pair{"a", "b"}, pair{"ab", ""}, pair{"", "ab"}, &pair{"a", "b"},
	}
	seen := map[string]int{}
	for i, v := range values {
		b, ok := encodeValue(map[string]any{"v": v}, false)
		require.True(t, ok, "%#v", v)
		if j, dup := seen[string(b)]; dup {
			t.Errorf("%#v and %#v encode alike", values[j], v)
		}
		seen[string(b)] = i
	}
}

// TestEncoderStable: map order and fresh copies do not change a key.
func TestEncoderStable(t *testing.T) {
	t.Parallel()
	m := func() map[string]any {
		out := map[string]any{}
		for _, k := range strings.Fields("a b c d e f g h i j k l m n o p") {
			out[k] = map[string]any{k: []any{k, 1, 2.5}}
		}
		return out
	}
	first, ok := encodeValue(m(), false)
	require.True(t, ok)
	for range 20 {
		b, _ := encodeValue(m(), false)
		require.Equal(t, first, b)
	}
}

// TestEncoderFunctions: a top-level function is known by its name; a
// closure or a method value is unidentified; a handler with a CacheID
// is known by it, whatever its function.
func TestEncoderFunctions(t *testing.T) {
	t.Parallel()
	type settings struct {
		f shortcode.Func
		h shortcode.Handler
	}
	enc := func(s settings) ([]byte, bool) { return encodeValue(&s, true) }
	a, ok := enc(settings{f: topLevel})
	assert.True(t, ok)
	b, ok := enc(settings{f: otherTop})
	assert.True(t, ok)
	assert.NotEqual(t, a, b)

	n := 0
	_, ok = enc(settings{f: func(io.Writer, *shortcode.Call) error { n++; return nil }})
	assert.False(t, ok, "closure")
	var buf bytes.Buffer
	_, ok = encodeValue(struct{ F func([]byte) (int, error) }{buf.Write}, true)
	assert.False(t, ok, "method value")

	closure := func(io.Writer, *shortcode.Call) error { n++; return nil }
	x, ok := enc(settings{h: shortcode.Handler{Render: closure, CacheID: "x"}})
	assert.True(t, ok)
	y, ok := enc(settings{h: shortcode.Handler{Render: topLevel, CacheID: "x"}})
	assert.True(t, ok)
	assert.Equal(t, x, y, "the CacheID names the handler")
	z, _ := enc(settings{h: shortcode.Handler{Render: closure, CacheID: "y"}})
	assert.NotEqual(t, x, z)
	v, _ := enc(settings{h: shortcode.Handler{Render: closure, CacheID: "x", Volatile: true}})
	assert.NotEqual(t, x, v)

	_, ok = encodeValue(struct{ C chan int }{make(chan int)}, true)
	assert.False(t, ok, "channel")
}

// TestEncoderSkipsStores: the caches among the settings are not part of
// the key, and a cycle ends.
func TestEncoderSkipsStores(t *testing.T) {
	t.Parallel()
	type settings struct {
		hl highlight.Config
	}
	a, ok := encodeValue(&settings{hl: highlight.Config{Cache: highlight.NewMemoryCache(10)}}, true)
	require.True(t, ok)
	e := &encoder{unexported: true, skip: map[reflect.Type]bool{storeType: true}}
	e.value(reflect.ValueOf(&settings{hl: highlight.Config{Cache: highlight.NewMemoryCache(10)}}))
	f := &encoder{unexported: true, skip: map[reflect.Type]bool{storeType: true}}
	f.value(reflect.ValueOf(&settings{}))
	assert.Equal(t, e.b, f.b)
	assert.NotEqual(t, a, e.b)

	type node struct{ Next *node }
	c := &node{}
	c.Next = c
	_, ok = encodeValue(c, false)
	assert.True(t, ok)
}

type sample struct {
	B     []byte
	N     []byte
	S     string
	I     int
	T     bool
	P     *sample
	L     []*sample
	E     []string
	inner int
}

// TestCodecRoundTrip: what encode writes decodes to the same value,
// bytes that are not UTF-8 and nil against empty included; damaged
// entries fail.
func TestCodecRoundTrip(t *testing.T) {
	t.Parallel()
	v := sample{B: []byte("a\xffb"), S: "s\xfe", I: -42, T: true, E: []string{},
		P: &sample{I: 1}, L: []*sample{nil, {S: "x", N: []byte{}}}, inner: 9}
	b, err := encode(nil, reflect.ValueOf(v), 0)
	require.NoError(t, err)
	var got sample
	d := &decoder{b: b}
	require.NoError(t, d.value(reflect.ValueOf(&got).Elem(), 0))
	assert.Empty(t, d.b)
	v.inner = 0
	assert.Equal(t, v, got)
	assert.Nil(t, got.N)
	assert.NotNil(t, got.E)
	assert.NotNil(t, got.L[1].N)

	for i := range b {
		var x sample
		d := &decoder{b: b[:i]}
		assert.Error(t, d.value(reflect.ValueOf(&x).Elem(), 0), "cut at %d", i)
	}
	_, err = encode(nil, reflect.ValueOf(struct{ M map[string]int }{}), 0)
	assert.Error(t, err)
}

// FuzzDecode: no input makes the decoder panic or allocate beyond its
// input's size, and what it decodes encodes and decodes back to itself.
func FuzzDecode(f *testing.F) {
	b, _ := encode(nil, reflect.ValueOf(sample{S: "x", L: []*sample{{I: 2}}}), 0)
	f.Add(b)
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, data []byte) {
		var x sample
		d := &decoder{b: data}
		if d.value(reflect.ValueOf(&x).Elem(), 0) != nil {
			return
		}
		// Varints may be written longer than encode writes them: the
		// value, not the bytes, must come back.
		again, err := encode(nil, reflect.ValueOf(x), 0)
		if err != nil {
			t.Fatal(err)
		}
		var y sample
		if err := (&decoder{b: again}).value(reflect.ValueOf(&y).Elem(), 0); err != nil || !reflect.DeepEqual(x, y) {
			t.Fatalf("decoded %+v, re-encoded and decoded %+v (%v)", x, y, err)
		}
	})
}

// TestEncoderLinear: the key of front matter with n keys, each a list,
// against 10n (map keys are sorted: n log n).
func TestEncoderLinear(t *testing.T) {
	gen := func(n int) map[string]any {
		m := make(map[string]any, n)
		for i := range n {
			m[fmt.Sprintf("key%07d", i)] = []any{i, "v", map[string]any{"x": 1.5}}
		}
		return m
	}
	n := 5000
	if raceEnabled {
		n /= 10
	}
	small, large := gen(n), gen(10*n)
	enc := func(m map[string]any) func() { return func() { encodeValue(m, false) } }
	var t1, t10 time.Duration
	for try := 1; try <= 3; try++ {
		t1, t10 = cputime.Pair(enc(small), enc(large))
		if raceEnabled || cputime.Growth(t1, t10) <= 25 {
			break
		}
	}
	t.Logf("%v for n=%d, %v for 10n: %.1fx", t1, n, t10, cputime.Growth(t1, t10))
	if !raceEnabled {
		assert.LessOrEqual(t, cputime.Growth(t1, t10), 25.0, "superlinear")
	}
}

// TestExecutableBuildID: the test binary has a Go build ID, which is its
// identity; it is the same on every call.
func TestExecutableBuildID(t *testing.T) {
	name, err := os.Executable()
	require.NoError(t, err)
	id := goBuildID(name)
	if runtime.GOOS == "linux" {
		require.NotEmpty(t, id, "a Go test binary on Linux has a build ID")
		assert.Contains(t, string(id), "/")
	}
	assert.Equal(t, executable(), executable())
	assert.Nil(t, goBuildID(filepath.Join(t.TempDir(), "missing")))
	notELF := filepath.Join(t.TempDir(), "x")
	require.NoError(t, os.WriteFile(notELF, []byte("#!/bin/sh\n"), 0o755))
	assert.Nil(t, goBuildID(notELF))
}
