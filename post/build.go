package post

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// minAliasBudget is the number of values YAML aliases may expand to in a
// post of up to 25 KB; larger posts get four values per byte. A "billion
// laughs" document of a few hundred bytes stops after this many values.
const minAliasBudget = 100_000

// builder walks the node tree of a front matter once to build Params and
// the typed fields. It also serves Decode.
type builder struct {
	*source
	format    Format
	loc       *time.Location
	errs      Errors
	inAlias   int        // > 0 while walking the target of an alias
	aliasAt   *yaml.Node // the outermost alias being expanded
	aliasLeft int        // values aliases may still expand to
	budget    int
	overflow  bool
}

func newBuilder(s *source, f Format, loc *time.Location, fmLen int) *builder {
	budget := max(minAliasBudget, 4*fmLen)
	return &builder{source: s, format: f, loc: loc, aliasLeft: budget, budget: budget}
}

// maxErrors bounds the errors reported for one post.
const maxErrors = 50

func (b *builder) fail(n *yaml.Node, path *keyPath, kind error, format string, args ...any) {
	if len(b.errs) >= maxErrors {
		return
	}
	b.errs = append(b.errs, b.errAt(n, path.String(), kind, fmt.Sprintf(format, args...)))
}

// visit counts a value reached through an alias; it reports false once the
// budget is spent.
func (b *builder) visit() bool {
	if b.inAlias == 0 {
		return true
	}
	if b.aliasLeft--; b.aliasLeft >= 0 {
		return true
	}
	if !b.overflow {
		b.overflow = true
		b.fail(b.aliasAt, nil, ErrTooLarge, "YAML aliases expand to more than %d values", b.budget)
	}
	return false
}

func (b *builder) enterAlias(n *yaml.Node) {
	if b.inAlias == 0 {
		b.aliasAt = n
	}
	b.inAlias++
}

func (b *builder) leaveAlias() { b.inAlias-- }

// deref follows aliases.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	return n
}

// tag returns n's tag in short form.
func tag(n *yaml.Node) string {
	if strings.HasPrefix(n.Tag, "tag:yaml.org,2002:") {
		return "!!" + n.Tag[len("tag:yaml.org,2002:"):]
	}
	return n.Tag
}

func isMerge(k *yaml.Node) bool {
	return k.Kind == yaml.ScalarNode && tag(k) == "!!merge"
}

// each calls fn for every key and value of mapping m, YAML merge keys
// (<<) included: keys written in m win over merged ones, and among merged
// mappings the first wins.
func (b *builder) each(m *yaml.Node, fn func(k, v *yaml.Node)) {
	merges := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		if isMerge(k) {
			merges = true
			continue
		}
		fn(k, m.Content[i+1])
	}
	if !merges {
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := deref(m.Content[i]); !isMerge(k) {
			seen[k.Value] = true
		}
	}
	var merge func(src *yaml.Node, depth int)
	merge = func(src *yaml.Node, depth int) {
		if depth > 10 {
			return
		}
		for i := 0; i+1 < len(src.Content); i += 2 {
			k := deref(src.Content[i])
			if isMerge(k) {
				continue
			}
			if !seen[k.Value] && b.visit() {
				seen[k.Value] = true
				fn(k, src.Content[i+1])
			}
		}
		for i := 0; i+1 < len(src.Content); i += 2 {
			if isMerge(src.Content[i]) {
				if v := deref(src.Content[i+1]); v.Kind == yaml.MappingNode {
					merge(v, depth+1)
				}
			}
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !isMerge(m.Content[i]) {
			continue
		}
		v := m.Content[i+1]
		b.enterAlias(v)
		switch d := deref(v); d.Kind {
		case yaml.MappingNode:
			merge(d, 0)
		case yaml.SequenceNode:
			for _, e := range d.Content {
				if e := deref(e); e.Kind == yaml.MappingNode {
					merge(e, 0)
				} else {
					b.fail(e, &keyPath{key: "<<", index: -1}, ErrType, "a merge key takes mappings, got %s", kindName(e))
				}
			}
		default:
			b.fail(d, &keyPath{key: "<<", index: -1}, ErrType, "a merge key takes a mapping or a list of mappings, got %s", kindName(d))
		}
		b.leaveAlias()
	}
}

// kindName names the kind of value n holds, for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch tag(n) {
		case "!!null":
			return "null"
		case "!!bool":
			return "a bool"
		case "!!int":
			return "an integer"
		case "!!float":
			return "a number"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// mapKey returns the key of a mapping entry as a string.
func (b *builder) mapKey(k *yaml.Node, parent *keyPath) (string, bool) {
	k = deref(k)
	if k.Kind != yaml.ScalarNode {
		b.fail(k, parent, ErrType, "a key must be a string, got %s", kindName(k))
		return "", false
	}
	return k.Value, true
}

// duplicate reports key k of mapping m (lower-cased when lower is set) as
// written twice.
func (b *builder) duplicate(m, k *yaml.Node, key string, lower bool, path *keyPath) {
	if len(b.errs) >= maxErrors {
		return
	}
	first := k
	for i := 0; i+1 < len(m.Content); i += 2 {
		c := deref(m.Content[i])
		if c.Value == key || lower && strings.EqualFold(c.Value, key) {
			first = c
			break
		}
	}
	if first != k && first.Line > 0 {
		line, _ := b.posOf(b.offsetOf(first.Line+b.lineOff, first.Column))
		b.fail(k, path, ErrDuplicateKey, "duplicate key; first set at line %d", line)
		return
	}
	b.fail(k, path, ErrDuplicateKey, "duplicate key")
}

// value converts n into a Params value: map[string]any (keys lower-cased
// when lower is set), []string, []any, string, bool, int, int64, uint64,
// float64, time.Time or nil.
func (b *builder) value(n *yaml.Node, lower bool, path *keyPath, depth int) any {
	if !b.visit() {
		return nil
	}
	if depth > maxDepth {
		b.fail(n, path, ErrTooLarge, "nested deeper than %d levels", maxDepth)
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		b.enterAlias(n)
		v := b.value(deref(n), lower, path, depth+1)
		b.leaveAlias()
		return v
	case yaml.ScalarNode:
		return b.scalar(n, path)
	case yaml.MappingNode:
		return b.mapping(n, lower, path, depth)
	case yaml.SequenceNode:
		return b.sequence(n, path, depth)
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return b.value(n.Content[0], lower, path, depth)
		}
	}
	return nil
}

func (b *builder) mapping(n *yaml.Node, lower bool, path *keyPath, depth int) map[string]any {
	m := make(map[string]any, len(n.Content)/2)
	b.each(n, func(k, v *yaml.Node) {
		key, ok := b.mapKey(k, path)
		if !ok {
			return
		}
		p := &keyPath{parent: path, key: key, index: -1}
		if lower {
			key = strings.ToLower(key)
		}
		if _, dup := m[key]; dup {
			b.duplicate(n, deref(k), key, lower, p)
			return
		}
		m[key] = b.value(v, lower, p, depth+1)
	})
	return m
}

// sequence converts a list: []string when every element is a string
// (an empty list included), []any otherwise. Maps inside lists keep the
// case of their keys, as in Hugo.
func (b *builder) sequence(n *yaml.Node, path *keyPath, depth int) any {
	strs := true
	for _, c := range n.Content {
		if !b.isString(deref(c)) {
			strs = false
			break
		}
	}
	if strs {
		out := make([]string, len(n.Content))
		for i, c := range n.Content {
			alias := c.Kind == yaml.AliasNode
			if alias {
				b.enterAlias(c)
			}
			ok := b.visit()
			if alias {
				b.leaveAlias()
			}
			if !ok {
				break
			}
			out[i] = deref(c).Value
		}
		return out
	}
	out := make([]any, len(n.Content))
	for i, c := range n.Content {
		out[i] = b.value(c, false, &keyPath{parent: path, index: i}, depth+1)
	}
	return out
}

// isString reports whether scalar n becomes a Go string.
func (b *builder) isString(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	switch tag(n) {
	case "!!null", "!!bool", "!!int":
		return false
	case "!!float":
		v, ok := yamlFloat(n.Value)
		return ok && (math.IsInf(v, 0) || math.IsNaN(v))
	case "!!timestamp":
		return b.format != FormatTOML
	}
	return true
}

func (b *builder) scalar(n *yaml.Node, path *keyPath) any {
	switch tag(n) {
	case "!!null":
		return nil
	case "!!bool":
		if v, ok := yamlBool(n.Value); ok {
			return v
		}
		b.fail(n, path, ErrType, "cannot use %q as a bool", n.Value)
	case "!!int":
		if v, ok := yamlInt(n.Value); ok {
			return v
		}
		b.fail(n, path, ErrType, "cannot use %q as an integer", n.Value)
	case "!!float":
		if v, ok := yamlFloat(n.Value); ok {
			if math.IsInf(v, 0) || math.IsNaN(v) {
				// JSON cannot encode these; keep the text.
				return n.Value
			}
			return v
		}
		b.fail(n, path, ErrType, "cannot use %q as a number", n.Value)
	case "!!timestamp":
		// YAML keeps unquoted dates as strings, as Hugo does; TOML dates
		// are dates, unless JSON cannot hold them (a zone offset of 24
		// hours, which go-toml reads): then they stay text too, so that
		// nothing written is lost and Params still marshals to JSON.
		if b.format == FormatTOML {
			if t, ok := parseDate(n.Value, b.loc); ok && dateProblem(t) == "" {
				return t
			}
		}
	}
	return n.Value
}

func yamlBool(s string) (bool, bool) {
	switch s {
	case "true", "True", "TRUE":
		return true, true
	case "false", "False", "FALSE":
		return false, true
	}
	return false, false
}

// yamlInt reads a YAML or TOML integer: int when it fits, else int64 or
// uint64.
func yamlInt(s string) (any, bool) {
	plain := strings.ReplaceAll(s, "_", "")
	if i, err := strconv.ParseInt(plain, 0, 64); err == nil {
		if i == int64(int(i)) {
			return int(i), true
		}
		return i, true
	}
	if u, err := strconv.ParseUint(plain, 0, 64); err == nil {
		return u, true
	}
	return nil, false
}

func yamlFloat(s string) (float64, bool) {
	switch strings.TrimPrefix(s, "+") {
	case ".inf", ".Inf", ".INF":
		return math.Inf(1), true
	case "-.inf", "-.Inf", "-.INF":
		return math.Inf(-1), true
	case ".nan", ".NaN", ".NAN":
		return math.NaN(), true
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64)
	return f, err == nil
}
