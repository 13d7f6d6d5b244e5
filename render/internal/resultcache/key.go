package resultcache

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"debug/elf"
	"encoding/binary"
	"io"
	"math"
	"os"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"sync"
	"time"
	"unsafe"

	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/shortcode"
)

// formatVersion is the version of the key and entry encodings; part of
// every key.
const formatVersion = 1

// maxDepth bounds the nesting the encoder follows; deeper values are
// unidentified (settings) or uncacheable (posts).
const maxDepth = 256

// executable returns an identity of the running program: its Go build ID
// where the file is ELF and has one (the linker's hash of the program's
// inputs and content, read in well under a millisecond), else the
// SHA-256 of the file (tens of milliseconds for a 20 MB program). Every
// key holds it, so a program built again with changed code (folio's,
// goldmark's, chroma's or its own hooks and handlers) never reads what
// the old one stored. When the file cannot be read, the identity is
// random: the cache then only serves this process.
var executable = sync.OnceValue(func() [sha256.Size]byte {
	var id [sha256.Size]byte
	name, err := os.Executable()
	if err == nil {
		if b := goBuildID(name); b != nil {
			return sha256.Sum256(append([]byte("go build ID\x00"), b...))
		}
		if f, err := os.Open(name); err == nil {
			defer f.Close()
			h := sha256.New()
			_, _ = h.Write([]byte("file\x00"))
			if _, err := io.Copy(h, f); err == nil {
				h.Sum(id[:0])
				return id
			}
		}
	}
	_, _ = rand.Read(id[:])
	return id
})

// goBuildID returns the Go build ID in the ELF note the linker writes
// (owner "Go", type 4), or nil when the file has none (another format, a
// build with -buildid=).
func goBuildID(name string) []byte {
	f, err := elf.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	s := f.Section(".note.go.buildid")
	if s == nil {
		return nil
	}
	d, err := s.Data()
	if err != nil || len(d) < 16 {
		return nil
	}
	nameSize, descSize, typ := f.ByteOrder.Uint32(d), f.ByteOrder.Uint32(d[4:]), f.ByteOrder.Uint32(d[8:])
	if nameSize != 4 || typ != 4 || string(d[12:16]) != "Go\x00\x00" || descSize == 0 || uint64(descSize) > uint64(len(d)-16) {
		return nil
	}
	return d[16 : 16+descSize]
}

var (
	timeType    = reflect.TypeFor[time.Time]()
	handlerType = reflect.TypeFor[shortcode.Handler]()
	storeType   = reflect.TypeFor[highlight.Cache]()
)

// closureName matches the names the Go toolchain gives function values
// that may carry state: closures (outer.func1), method values (T.M-fm)
// and go statement wrappers.
var closureName = regexp.MustCompile(`\.(func|gowrap)\d+|-fm$`)

// encoder writes a canonical encoding of a value: every value with its
// kind, type and length, so that no two different values encode alike.
type encoder struct {
	b []byte
	// unexported: read unexported struct fields too (a Renderer's
	// settings); a post's encoding reads exported fields only.
	unexported bool
	// skip are types left out of the encoding (caches, derived state).
	skip map[reflect.Type]bool
	// unidentified is set when the value holds something whose behaviour
	// the encoding cannot capture: a closure, a channel, an unsafe
	// pointer, a value nested too deep.
	unidentified bool
	seen         map[uintptr]int
	depth        int
}

func (e *encoder) tag(t byte, n uint64) {
	e.b = append(e.b, t)
	e.b = binary.AppendUvarint(e.b, n)
}

func (e *encoder) str(s string) {
	e.tag('s', uint64(len(s)))
	e.b = append(e.b, s...)
}

// typeNames caches typeName, which the encoder asks for every value.
var typeNames sync.Map // reflect.Type → string

// typeName returns the full name of t: its package path and name, or
// its literal form (map[string]interface {}) for an unnamed type.
func typeName(t reflect.Type) string {
	if n, ok := typeNames.Load(t); ok {
		return n.(string)
	}
	n := t.String()
	if t.Name() != "" {
		n = t.PkgPath() + "." + t.Name()
	}
	typeNames.Store(t, n)
	return n
}

// fast encodes the values front matter is made of without reflection,
// and reports whether v was one. Each is written as value would write it.
func (e *encoder) fast(v any) bool {
	switch v := v.(type) {
	case string:
		e.str("string")
		e.str(v)
	case bool:
		e.tag('b', boolBit(v))
	case int:
		e.tag('I', uint64(v))
		e.str("int")
	case int64:
		e.tag('I', uint64(v))
		e.str("int64")
	case uint64:
		e.tag('U', v)
		e.str("uint64")
	case float64:
		e.tag('F', math.Float64bits(v))
		e.str("float64")
	case []byte:
		e.str("[]uint8")
		if v == nil {
			e.tag('n', 0)
			return true
		}
		e.tag('l', uint64(len(v)))
		e.b = append(e.b, v...)
	case []string:
		e.str("[]string")
		if v == nil {
			e.tag('n', 0)
			return true
		}
		e.tag('l', uint64(len(v)))
		for _, s := range v {
			e.str("string")
			e.str(s)
		}
	default:
		return false
	}
	return true
}

// readable returns v as a value whose Interface method works: a value
// read through unexported fields is made readable again when it is
// addressable. The encoder only reads through it.
func readable(v reflect.Value) (reflect.Value, bool) {
	if v.CanInterface() {
		return v, true
	}
	if v.CanAddr() {
		return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem(), true
	}
	return v, false
}

// value encodes v.
func (e *encoder) value(v reflect.Value) {
	if !v.IsValid() {
		e.tag('z', 0)
		return
	}
	if rv, ok := readable(v); ok {
		v = rv // read through unexported fields: clean, so that what is inside reads too
	}
	switch v.Kind() {
	case reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Uint64, reflect.Float64, reflect.Slice:
		if v.CanInterface() && e.fast(v.Interface()) {
			return
		}
	}
	t := v.Type()
	if e.skip[t] {
		e.tag('k', 0)
		return
	}
	if e.depth > maxDepth {
		e.unidentified = true
		return
	}
	e.depth++
	defer func() { e.depth-- }()
	switch t {
	case timeType:
		if !v.CanInterface() {
			e.unidentified = true
			return
		}
		tm := v.Interface().(time.Time)
		e.tag('t', 0)
		e.str(tm.Format(time.RFC3339Nano))
		e.str(tm.Location().String())
		return
	case handlerType:
		if id := v.FieldByName("CacheID").String(); id != "" {
			// The handler names itself: its function is not read.
			e.tag('h', 0)
			e.str(id)
			e.tag('i', v.FieldByName("Inner").Uint())
			e.tag('v', boolBit(v.FieldByName("Volatile").Bool()))
			return
		}
	}
	switch v.Kind() {
	case reflect.Bool:
		e.tag('b', boolBit(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.tag('I', uint64(v.Int()))
		e.str(typeName(t))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		e.tag('U', v.Uint())
		e.str(typeName(t))
	case reflect.Float32, reflect.Float64:
		e.tag('F', math.Float64bits(v.Float()))
		e.str(typeName(t))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		e.tag('C', math.Float64bits(real(c)))
		e.tag('c', math.Float64bits(imag(c)))
	case reflect.String:
		e.str(typeName(t))
		e.str(v.String())
	case reflect.Array:
		e.tag('a', uint64(v.Len()))
		e.str(typeName(t))
		for i := range v.Len() {
			e.value(v.Index(i))
		}
	case reflect.Slice:
		e.str(typeName(t))
		if v.IsNil() {
			e.tag('n', 0)
			return
		}
		e.tag('l', uint64(v.Len()))
		if t.Elem().Kind() == reflect.Uint8 {
			e.b = append(e.b, v.Bytes()...)
			return
		}
		for i := range v.Len() {
			e.value(v.Index(i))
		}
	case reflect.Map:
		e.mapValue(v)
	case reflect.Struct:
		e.str(typeName(t))
		e.tag('S', uint64(t.NumField()))
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() && !e.unexported {
				continue
			}
			e.str(f.Name)
			e.value(v.Field(i))
		}
	case reflect.Pointer:
		if v.IsNil() {
			e.tag('n', 0)
			return
		}
		if n, ok := e.seen[v.Pointer()]; ok {
			e.tag('r', uint64(n)) // the same pointer again: a back reference
			return
		}
		if e.seen == nil {
			e.seen = make(map[uintptr]int)
		}
		e.seen[v.Pointer()] = len(e.seen)
		e.tag('p', 0)
		e.value(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			e.tag('n', 0)
			return
		}
		e.tag('x', 0)
		e.str(typeName(v.Elem().Type()))
		e.value(v.Elem())
	case reflect.Func:
		if v.IsNil() {
			e.tag('n', 0)
			return
		}
		// A top-level function holds no state: its name identifies it
		// (and the executable its code). A closure or method value may
		// hold any state, which the encoding cannot see.
		name := ""
		if f := runtime.FuncForPC(v.Pointer()); f != nil {
			name = f.Name()
		}
		if name == "" || closureName.MatchString(name) {
			e.unidentified = true
			return
		}
		e.tag('f', 0)
		e.str(name)
	default: // Chan, UnsafePointer, Uintptr
		e.unidentified = true
	}
}

// mapValue encodes a map with its entries sorted by the encoding of
// their keys.
func (e *encoder) mapValue(v reflect.Value) {
	e.str(typeName(v.Type()))
	if v.IsNil() {
		e.tag('n', 0)
		return
	}
	e.tag('m', uint64(v.Len()))
	type entry struct {
		key []byte
		val reflect.Value
	}
	entries := make([]entry, 0, v.Len())
	for it := v.MapRange(); it.Next(); {
		k := &encoder{unexported: e.unexported, skip: e.skip, depth: e.depth}
		k.value(it.Key())
		e.unidentified = e.unidentified || k.unidentified
		entries = append(entries, entry{k.b, it.Value()})
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key, b.key) })
	for _, en := range entries {
		e.b = append(e.b, en.key...)
		e.value(en.val)
	}
}

func boolBit(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// typeSignature writes the shape of t (field names and kinds, recursively)
// so that entries stored for another layout of Result are never decoded.
func typeSignature(b []byte, t reflect.Type, seen map[reflect.Type]bool) []byte {
	b = append(b, typeName(t)...)
	b = append(b, '/')
	b = append(b, t.Kind().String()...)
	if seen[t] {
		return b
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		b = typeSignature(append(b, '['), t.Elem(), seen)
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if f.IsExported() {
				b = append(append(append(b, '{'), f.Name...), ':')
				b = typeSignature(b, f.Type, seen)
			}
		}
	}
	return b
}

// keyOf hashes the pieces of a key.
func keyOf(parts ...[]byte) highlight.Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	for _, p := range parts {
		_, _ = h.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		_, _ = h.Write(p)
	}
	var k highlight.Key
	h.Sum(k[:0])
	return k
}
