package post

import (
	"encoding"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// Decode decodes the whole front matter into v, which must be a non-nil
// pointer, with the leniency of the typed fields. Keys the target does not
// have are ignored; [Post.DecodeStrict] reports them.
//
// # Field names
//
// A struct field takes its key from the tag of the post's format (yaml,
// toml or json), else from its json tag, else from its Go name; so a
// struct tagged only with json serves posts in every format, and one
// tagged with yaml reads YAML posts as yaml.v3 would. Keys match field
// names case-insensitively, as Hugo's keys do (an exact match wins). A tag
// name of "-" skips the field. Embedded structs without a name in their
// tag have their fields promoted, as in encoding/json.
//
// # Values
//
//   - time.Time fields accept every date layout Parse accepts, quoted or
//     not, TOML dates and integers (Unix seconds); dates without a zone are
//     read in WithLocation's location. As in Parse, a date JSON cannot
//     hold (a year outside 0..9999, a zone offset of 24 hours or more) is
//     an error that wraps [ErrDate], so the target marshals to JSON.
//   - time.Duration fields accept "1h30m" (time.ParseDuration) or an
//     integer number of nanoseconds.
//   - A single value decodes into a slice as a one-element slice.
//   - Strings holding numbers or bools ("7", "true") decode into number and
//     bool fields, and scalars decode into string fields as written.
//   - Types implementing encoding.TextUnmarshaler get the scalar's text.
//   - An any (or map[string]any) receives values as in Params, but with
//     keys as written.
//   - Null sets the target to its zero value.
//
// Every value that cannot be decoded is reported, each as a *ParseError
// at the value's position that wraps [ErrType], [ErrDate] or [ErrValue];
// the other fields are still set. With several problems the error is an
// [Errors].
//
// A Post with no front matter decodes nothing. Decode may be called from
// several goroutines at once.
func (p *Post) Decode(v any) error { return p.decode(v, false) }

// DecodeStrict is [Post.Decode] that also reports every key that matches
// no struct field, each as a *ParseError at the key that wraps
// [ErrUnknownKey] and suggests the nearest field name:
//
//	content/x.md:3:1: front matter: titel: unknown key (did you mean "title"?)
//
// Keys decoded into maps and interfaces are always known.
func (p *Post) DecodeStrict(v any) error { return p.decode(v, true) }

func (p *Post) decode(v any, strict bool) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("post: Decode needs a non-nil pointer, got %T", v)
	}
	if p.root == nil || p.src == nil {
		return nil
	}
	s := *p.src
	s.lines = nil // per call: Decode may run concurrently
	d := &decoder{builder: newBuilder(&s, p.Format, p.loc, len(s.src)), strict: strict}
	root := p.root
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil
		}
		root = root.Content[0]
	}
	if root.Kind == 0 {
		return nil // empty front matter
	}
	d.decode(root, rv.Elem(), nil, 0)
	return d.err()
}

type decoder struct {
	*builder
	strict bool
}

var (
	timeType          = reflect.TypeFor[time.Time]()
	durationType      = reflect.TypeFor[time.Duration]()
	textUnmarshalType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path *keyPath, depth int) {
	if !d.visit() {
		return
	}
	if depth > maxDepth {
		d.fail(n, path, ErrTooLarge, "nested deeper than %d levels", maxDepth)
		return
	}
	if n.Kind == yaml.AliasNode {
		d.enterAlias(n)
		d.decode(deref(n), v, path, depth+1)
		d.leaveAlias()
		return
	}
	null := n.Kind == yaml.ScalarNode && tag(n) == "!!null"
	if v.Kind() == reflect.Pointer {
		if null {
			v.SetZero()
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		d.decode(n, v.Elem(), path, depth+1)
		return
	}
	if null {
		v.SetZero()
		return
	}
	t := v.Type()
	switch {
	case t == timeType:
		if tm, ok := d.asDate(n, path); ok {
			v.Set(reflect.ValueOf(tm))
		}
		return
	case t == durationType:
		d.duration(n, v, path)
		return
	case n.Kind == yaml.ScalarNode && v.CanAddr() && reflect.PointerTo(t).Implements(textUnmarshalType):
		u := v.Addr().Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText([]byte(n.Value)); err != nil && len(d.errs) < maxErrors {
			d.errs = append(d.errs, d.errAt(n, path.String(), ErrValue, fmt.Sprintf("cannot use %q as %s: %v", n.Value, t, err)))
		}
		return
	}
	switch v.Kind() {
	case reflect.Interface:
		if t.NumMethod() != 0 {
			d.fail(n, path, ErrType, "cannot decode into %s", t)
			return
		}
		if x := d.value(n, false, path, depth); x != nil {
			v.Set(reflect.ValueOf(x))
		} else {
			v.SetZero()
		}
	case reflect.String:
		if s, ok := d.asString(n, path); ok {
			v.SetString(s)
		}
	case reflect.Bool:
		if x, ok := d.asBool(n, path); ok {
			v.SetBool(x)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		d.int(n, v, path)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		d.uint(n, v, path)
	case reflect.Float32, reflect.Float64:
		d.float(n, v, path)
	case reflect.Slice:
		d.slice(n, v, path, depth)
	case reflect.Array:
		d.array(n, v, path, depth)
	case reflect.Map:
		d.mapping(n, v, path, depth)
	case reflect.Struct:
		d.structure(n, v, path, depth)
	default:
		d.fail(n, path, ErrType, "cannot decode into %s", t)
	}
}

func (d *decoder) scalarOnly(n *yaml.Node, path *keyPath, want string) bool {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, path, ErrType, "want %s, got %s", want, kindName(n))
		return false
	}
	return true
}

func (d *decoder) int(n *yaml.Node, v reflect.Value, path *keyPath) {
	if !d.scalarOnly(n, path, "an integer") {
		return
	}
	var i int64
	ok := false
	switch tag(n) {
	case "!!int":
		switch x := mustInt(n.Value).(type) {
		case int:
			i, ok = int64(x), true
		case int64:
			i, ok = x, true
		}
	case "!!float":
		f, fok := yamlFloat(n.Value)
		if fok && f == math.Trunc(f) && f >= -(1<<63) && f < 1<<63 {
			i, ok = int64(f), true
		}
	case "!!str":
		x, err := strconv.ParseInt(strings.TrimSpace(n.Value), 10, 64)
		i, ok = x, err == nil
	}
	if !ok || v.OverflowInt(i) {
		d.fail(n, path, ErrType, "cannot use %q as %s", n.Value, v.Type())
		return
	}
	v.SetInt(i)
}

func (d *decoder) uint(n *yaml.Node, v reflect.Value, path *keyPath) {
	if !d.scalarOnly(n, path, "an integer") {
		return
	}
	var u uint64
	ok := false
	switch tag(n) {
	case "!!int":
		switch x := mustInt(n.Value).(type) {
		case int:
			u, ok = uint64(x), x >= 0
		case int64:
			u, ok = uint64(x), x >= 0
		case uint64:
			u, ok = x, true
		}
	case "!!float":
		f, fok := yamlFloat(n.Value)
		if fok && f == math.Trunc(f) && f >= 0 && f < 1<<64 {
			u, ok = uint64(f), true
		}
	case "!!str":
		x, err := strconv.ParseUint(strings.TrimSpace(n.Value), 10, 64)
		u, ok = x, err == nil
	}
	if !ok || v.OverflowUint(u) {
		d.fail(n, path, ErrType, "cannot use %q as %s", n.Value, v.Type())
		return
	}
	v.SetUint(u)
}

func (d *decoder) float(n *yaml.Node, v reflect.Value, path *keyPath) {
	if !d.scalarOnly(n, path, "a number") {
		return
	}
	var f float64
	ok := false
	switch tag(n) {
	case "!!float":
		f, ok = yamlFloat(n.Value)
	case "!!int":
		switch x := mustInt(n.Value).(type) {
		case int:
			f, ok = float64(x), true
		case int64:
			f, ok = float64(x), true
		case uint64:
			f, ok = float64(x), true
		}
	case "!!str":
		x, err := strconv.ParseFloat(strings.TrimSpace(n.Value), 64)
		f, ok = x, err == nil
	}
	if !ok || v.OverflowFloat(f) {
		d.fail(n, path, ErrType, "cannot use %q as %s", n.Value, v.Type())
		return
	}
	v.SetFloat(f)
}

func (d *decoder) duration(n *yaml.Node, v reflect.Value, path *keyPath) {
	if !d.scalarOnly(n, path, "a duration") {
		return
	}
	if tag(n) == "!!int" {
		if i, ok := mustInt(n.Value).(int); ok {
			v.SetInt(int64(i))
			return
		}
	}
	x, err := time.ParseDuration(strings.TrimSpace(n.Value))
	if err != nil {
		d.fail(n, path, ErrType, "cannot use %q as a duration", n.Value)
		return
	}
	v.SetInt(int64(x))
}

func (d *decoder) slice(n *yaml.Node, v reflect.Value, path *keyPath, depth int) {
	if n.Kind == yaml.ScalarNode {
		if v.Type().Elem().Kind() == reflect.Uint8 {
			v.SetBytes([]byte(n.Value))
			return
		}
		// One value where a list is expected: a one-element list.
		s := reflect.MakeSlice(v.Type(), 1, 1)
		d.decode(n, s.Index(0), path, depth+1)
		v.Set(s)
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.fail(n, path, ErrType, "want a list, got %s", kindName(n))
		return
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, c := range n.Content {
		d.decode(c, s.Index(i), &keyPath{parent: path, index: i}, depth+1)
	}
	v.Set(s)
}

func (d *decoder) array(n *yaml.Node, v reflect.Value, path *keyPath, depth int) {
	if n.Kind != yaml.SequenceNode {
		d.fail(n, path, ErrType, "want a list, got %s", kindName(n))
		return
	}
	if len(n.Content) > v.Len() {
		d.fail(n, path, ErrValue, "want at most %d values, got %d", v.Len(), len(n.Content))
		return
	}
	v.SetZero()
	for i, c := range n.Content {
		d.decode(c, v.Index(i), &keyPath{parent: path, index: i}, depth+1)
	}
}

func (d *decoder) mapping(n *yaml.Node, v reflect.Value, path *keyPath, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, ErrType, "want a map, got %s", kindName(n))
		return
	}
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		d.fail(n, path, ErrType, "cannot decode into %s: keys must be strings", t)
		return
	}
	if v.IsNil() {
		v.Set(reflect.MakeMapWithSize(t, len(n.Content)/2))
	}
	seen := make(map[string]bool, len(n.Content)/2)
	d.each(n, func(k, val *yaml.Node) {
		key, ok := d.mapKey(k, path)
		if !ok {
			return
		}
		p := &keyPath{parent: path, key: key, index: -1}
		if seen[key] {
			d.duplicate(n, deref(k), key, false, p)
			return
		}
		seen[key] = true
		e := reflect.New(t.Elem()).Elem()
		d.decode(val, e, p, depth+1)
		v.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), e)
	})
}

func (d *decoder) structure(n *yaml.Node, v reflect.Value, path *keyPath, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, ErrType, "want a map, got %s", kindName(n))
		return
	}
	info := fieldsOf(v.Type(), formatTag(d.format))
	seen := map[int]*yaml.Node{}
	d.each(n, func(k, val *yaml.Node) {
		key, ok := d.mapKey(k, path)
		if !ok {
			return
		}
		p := &keyPath{parent: path, key: key, index: -1}
		i, found := info.lookup(key)
		if !found {
			if d.strict && len(d.errs) < maxErrors {
				msg := "unknown key"
				if s := info.suggest(key); s != "" {
					msg += fmt.Sprintf(" (did you mean %q?)", s)
				}
				d.errs = append(d.errs, d.errAt(deref(k), p.String(), ErrUnknownKey, msg))
			}
			return
		}
		if first := seen[i]; first != nil {
			line, _ := d.posOf(d.offsetOf(first.Line+d.lineOff, first.Column))
			d.fail(deref(k), p, ErrDuplicateKey, "duplicate key; field %s is already set at line %d", info.fields[i].name, line)
			return
		}
		seen[i] = deref(k)
		f, err := fieldByIndex(v, info.fields[i].index)
		if err != nil {
			d.fail(deref(k), p, ErrType, "%v", err)
			return
		}
		d.decode(val, f, p, depth+1)
	})
}

// fieldByIndex is reflect.Value.FieldByIndex that allocates nil embedded
// struct pointers on the way.
func fieldByIndex(v reflect.Value, index []int) (reflect.Value, error) {
	for i, x := range index {
		if i > 0 && v.Kind() == reflect.Pointer {
			if v.IsNil() {
				if !v.CanSet() {
					return reflect.Value{}, fmt.Errorf("cannot set embedded pointer to unexported struct %s", v.Type().Elem())
				}
				v.Set(reflect.New(v.Type().Elem()))
			}
			v = v.Elem()
		}
		v = v.Field(x)
	}
	return v, nil
}

func formatTag(f Format) string {
	switch f {
	case FormatTOML:
		return "toml"
	case FormatJSON:
		return "json"
	}
	return "yaml"
}

type field struct {
	name  string
	index []int
}

type structInfo struct {
	fields  []field
	exact   map[string]int
	folded  map[string]int
	ordered []string // names, for suggestions
}

func (s *structInfo) lookup(key string) (int, bool) {
	if i, ok := s.exact[key]; ok {
		return i, true
	}
	i, ok := s.folded[strings.ToLower(key)]
	return i, ok
}

// suggest returns the field name nearest to key, or "" when none is near.
func (s *structInfo) suggest(key string) string {
	lk := strings.ToLower(key)
	best, bestD := "", max(1, min(3, len(lk)/3+1))+1
	for _, name := range s.ordered {
		if dist := editDistance(lk, strings.ToLower(name)); dist < bestD {
			best, bestD = name, dist
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours cost 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		if a == b {
			return 0
		}
		return max(len(ra), len(rb))
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

type infoKey struct {
	t   reflect.Type
	tag string
}

var infoCache sync.Map // infoKey → *structInfo

func fieldsOf(t reflect.Type, tagName string) *structInfo {
	k := infoKey{t, tagName}
	if s, ok := infoCache.Load(k); ok {
		return s.(*structInfo)
	}
	s := &structInfo{exact: map[string]int{}, folded: map[string]int{}}
	type candidate struct {
		field
	}
	var cands []candidate
	var walk func(t reflect.Type, index []int, depth int, visited map[reflect.Type]bool)
	walk = func(t reflect.Type, index []int, depth int, visited map[reflect.Type]bool) {
		if visited[t] {
			return
		}
		visited[t] = true
		defer delete(visited, t)
		for i := range t.NumField() {
			f := t.Field(i)
			name, tagged, inline, skip := fieldName(f, tagName)
			if skip {
				continue
			}
			idx := append(index[:len(index):len(index)], i)
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if (inline || f.Anonymous && !tagged) && ft.Kind() == reflect.Struct {
				walk(ft, idx, depth+1, visited)
				continue
			}
			if !f.IsExported() {
				continue
			}
			cands = append(cands, candidate{field{name, idx}})
		}
	}
	walk(t, nil, 0, map[reflect.Type]bool{})
	// The shallowest field wins a name; among equals, a tagged one, then
	// the first.
	for _, c := range cands {
		if j, ok := s.exact[c.name]; ok {
			prev := s.fields[j]
			if len(prev.index) <= len(c.index) {
				continue
			}
			s.fields[j] = c.field
			continue
		}
		s.exact[c.name] = len(s.fields)
		s.fields = append(s.fields, c.field)
		s.ordered = append(s.ordered, c.name)
	}
	for i, f := range s.fields {
		lk := strings.ToLower(f.name)
		if _, ok := s.folded[lk]; !ok {
			s.folded[lk] = i
		}
	}
	v, _ := infoCache.LoadOrStore(k, s)
	return v.(*structInfo)
}

// fieldName returns the key of struct field f: from the tag of the post's
// format, else from the json tag, else the Go name. inline reports a
// ",inline" (or ",squash") option.
func fieldName(f reflect.StructField, tagName string) (name string, tagged, inline, skip bool) {
	for _, tn := range []string{tagName, "json"} {
		tv, ok := f.Tag.Lookup(tn)
		if !ok {
			continue
		}
		n, opts, _ := strings.Cut(tv, ",")
		if n == "-" && opts == "" {
			return "", false, false, true
		}
		for o := range strings.SplitSeq(opts, ",") {
			if o == "inline" || o == "squash" {
				return f.Name, false, true, false
			}
		}
		if n != "" {
			return n, true, false, false
		}
	}
	return f.Name, false, false, false
}
