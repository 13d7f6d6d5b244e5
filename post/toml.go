package post

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// parseTOML decodes TOML front matter into the node tree every format
// shares, with one TOML library: go-toml/v2's parser gives the syntax tree,
// whose nodes carry byte ranges, and it is turned here into nodes with
// absolute positions (tables, arrays of tables and dotted keys resolved
// here). The parser checks the syntax only, so what TOML forbids beyond it
// (a key or table defined twice, a value extended as a table, an inline
// table or a static array extended, a datetime or number out of range) is
// checked here, in one pass with a map per table: linear in the keys, where
// go-toml/v2's own decoder is quadratic in the keys of a table (60,000 keys:
// 19 s).
func parseTOML(s *source, fm []byte, fmStart, fmLine int) (root *yaml.Node, perr *ParseError) {
	defer func() {
		if r := recover(); r != nil {
			root = nil
			perr = s.errOff(fmStart, "", &fmError{msg: fmt.Sprintf("toml: internal error: %v", r), kind: ErrSyntax})
		}
	}()
	b := &tomlBuilder{s: s, start: fmStart, index: map[*yaml.Node]map[string]*yaml.Node{}, state: map[*yaml.Node]tomlState{}, tooDeep: -1}
	var p unstable.Parser
	p.Reset(fm)
	b.p = &p
	root = b.node(yaml.MappingNode, "!!map", "", 0)
	b.state[root] = tomlHeader
	cur := root
	var curPath []string
	for b.err == nil && p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			keys := keyParts(e)
			if len(keys) == 0 {
				continue
			}
			b.key = joinKeys(curPath, keys)
			t := cur
			for _, k := range keys[:len(keys)-1] {
				if t = b.dotted(t, k); t == nil {
					break
				}
			}
			if t == nil {
				break
			}
			last := keys[len(keys)-1]
			v := b.value(e.Value(), b.valueOffset(e, last), 0)
			b.setNew(t, last, v)
		case unstable.Table:
			keys := keyParts(e)
			b.key = ""
			t := root
			for _, k := range keys[:max(len(keys)-1, 0)] {
				if t = b.prefix(t, k); t == nil {
					break
				}
			}
			if t == nil || len(keys) == 0 {
				break
			}
			cur = b.header(t, keys[len(keys)-1])
			curPath = joinPath(keys)
		case unstable.ArrayTable:
			keys := keyParts(e)
			if len(keys) == 0 {
				continue
			}
			b.key = ""
			t := root
			for _, k := range keys[:len(keys)-1] {
				if t = b.prefix(t, k); t == nil {
					break
				}
			}
			if t == nil {
				break
			}
			last := keys[len(keys)-1]
			seq := b.index[t][string(last.Data)]
			switch {
			case seq == nil:
				seq = b.node(yaml.SequenceNode, "!!seq", "", int(last.Raw.Offset))
				b.state[seq] = tomlArrayOfTables
				b.set(t, b.keyNode(last), seq)
			case b.state[seq] != tomlArrayOfTables:
				b.fail(int(last.Raw.Offset), "key '%s' has already been defined", last.Data)
				continue
			}
			tbl := b.node(yaml.MappingNode, "!!map", "", int(last.Raw.Offset))
			b.state[tbl] = tomlHeader
			seq.Content = append(seq.Content, tbl)
			cur = tbl
			curPath = joinPath(keys)
		}
	}
	if err := p.Error(); err != nil {
		off := fmStart
		var key string
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			if o := cap(fm) - cap(pe.Highlight); pe.Highlight != nil && o >= 0 && o <= len(fm) {
				off = fmStart + o
			}
			key = strings.Join(pe.Key, ".")
			if key == "" {
				key = lineKey(fm, off-fmStart, curPath)
			}
		}
		return nil, s.errOff(off, key, &fmError{key: key, msg: "toml: " + lowerFirst(err.Error()), kind: ErrSyntax, err: err})
	}
	if b.err != nil {
		return nil, b.err
	}
	if b.tooDeep >= 0 {
		return nil, s.errOff(fmStart+b.tooDeep, "", &fmError{msg: fmt.Sprintf("nested deeper than %d levels", maxDepth), kind: ErrTooLarge})
	}
	return root, nil
}

// tomlState says how a table or array came to be, which decides what may
// extend it later.
type tomlState uint8

const (
	tomlImplicit      tomlState = iota // a table named only as the prefix of a header, such as a in [a.b]
	tomlHeader                         // a table defined by its [header] (or the root)
	tomlDotted                         // a table defined by dotted keys, a.b = 1
	tomlInline                         // an inline table, or a table inside one: never extended
	tomlStatic                         // an array value, [1, 2]: never appended to by [[a]]
	tomlArrayOfTables                  // [[a]]
)

func joinPath(keys []*unstable.Node) []string {
	p := make([]string, len(keys))
	for i, k := range keys {
		p[i] = string(k.Data)
	}
	return p
}

func joinKeys(path []string, keys []*unstable.Node) string {
	return strings.Join(append(append([]string(nil), path...), joinPath(keys)...), ".")
}

// lineKey returns the bare key (a, or a.b) written before the '=' on the
// line of offset off, after the table path, for a syntax error in its
// value; "" when there is none.
func lineKey(fm []byte, off int, path []string) string {
	start := bytes.LastIndexByte(fm[:off], '\n') + 1
	before, _, ok := strings.Cut(string(fm[start:off]), "=")
	if !ok {
		return ""
	}
	var keys []string
	for _, k := range strings.Split(before, ".") {
		k = strings.TrimSpace(k)
		if k == "" || strings.TrimFunc(k, func(r rune) bool {
			return r < utf8.RuneSelf && (r == '_' || r == '-' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
		}) != "" {
			return ""
		}
		keys = append(keys, k)
	}
	return strings.Join(append(append([]string(nil), path...), keys...), ".")
}

func lowerFirst(msg string) string {
	msg = strings.TrimSuffix(msg, ".")
	if r, size := utf8.DecodeRuneInString(msg); size > 0 && len(msg) > size && unicode.IsLower(rune(msg[size])) {
		msg = string(unicode.ToLower(r)) + msg[size:]
	}
	return msg
}

type tomlBuilder struct {
	s     *source
	p     *unstable.Parser
	start int
	index map[*yaml.Node]map[string]*yaml.Node // the values of each mapping by key
	state map[*yaml.Node]tomlState             // how each table and array was made
	key   string                               // the key of the expression being read, for errors
	err   *ParseError                          // the first error TOML's rules beyond the syntax find
	// inline counts the inline tables being read.
	inline int
	// tooDeep is the offset of a value nested deeper than maxDepth, or -1.
	tooDeep int
}

func keyParts(e *unstable.Node) []*unstable.Node {
	var keys []*unstable.Node
	it := e.Key()
	for it.Next() {
		keys = append(keys, it.Node())
	}
	return keys
}

func (b *tomlBuilder) node(kind yaml.Kind, tag, value string, off int) *yaml.Node {
	line, col := b.s.posOf(b.start + off)
	return &yaml.Node{Kind: kind, Tag: tag, Value: value, Line: line, Column: col}
}

func (b *tomlBuilder) keyNode(k *unstable.Node) *yaml.Node {
	return b.node(yaml.ScalarNode, "!!str", string(k.Data), int(k.Raw.Offset))
}

func (b *tomlBuilder) set(m, k, v *yaml.Node) {
	m.Content = append(m.Content, k, v)
	idx := b.index[m]
	if idx == nil {
		idx = map[string]*yaml.Node{}
		b.index[m] = idx
	}
	idx[k.Value] = v
}

// fail records the first error of TOML's rules beyond the syntax, at
// offset off of the front matter.
func (b *tomlBuilder) fail(off int, format string, args ...any) {
	if b.err != nil {
		return
	}
	b.err = b.s.errOff(b.start+off, b.key, &fmError{key: b.key, msg: "toml: " + fmt.Sprintf(format, args...), kind: ErrSyntax})
}

// setNew sets key k of table t to v, which TOML allows once.
func (b *tomlBuilder) setNew(t *yaml.Node, k *unstable.Node, v *yaml.Node) {
	if _, dup := b.index[t][string(k.Data)]; dup {
		b.fail(int(k.Raw.Offset), "key '%s' has already been defined", k.Data)
		return
	}
	b.set(t, b.keyNode(k), v)
}

// dotted returns the table under key k of t for the dotted key a.b = v,
// creating it when absent; nil after an error (k names a value, or a table
// that dotted keys may not extend).
func (b *tomlBuilder) dotted(t *yaml.Node, k *unstable.Node) *yaml.Node {
	v := b.index[t][string(k.Data)]
	if v == nil {
		v = b.node(yaml.MappingNode, "!!map", "", int(k.Raw.Offset))
		b.state[v] = tomlDotted
		if b.inline > 0 {
			b.state[v] = tomlInline
		}
		b.set(t, b.keyNode(k), v)
		return v
	}
	st := b.state[v]
	if v.Kind == yaml.MappingNode && (st == tomlDotted || st == tomlImplicit || st == tomlInline && b.inline > 0) {
		return v
	}
	b.fail(int(k.Raw.Offset), "key '%s' has already been defined", k.Data)
	return nil
}

// prefix returns the table under key k of t for a header [k.x] or [[k.x]],
// creating it when absent; for an array of tables it returns the last one;
// nil after an error.
func (b *tomlBuilder) prefix(t *yaml.Node, k *unstable.Node) *yaml.Node {
	v := b.index[t][string(k.Data)]
	switch {
	case v == nil:
		v = b.node(yaml.MappingNode, "!!map", "", int(k.Raw.Offset))
		b.state[v] = tomlImplicit
		b.set(t, b.keyNode(k), v)
		return v
	case v.Kind == yaml.MappingNode && b.state[v] != tomlInline:
		return v
	case b.state[v] == tomlArrayOfTables && len(v.Content) > 0:
		return v.Content[len(v.Content)-1]
	}
	b.fail(int(k.Raw.Offset), "key '%s' has already been defined", k.Data)
	return nil
}

// header returns the table the header [... k] defines under t: a new one,
// or one so far only named as a prefix; nil after an error.
func (b *tomlBuilder) header(t *yaml.Node, k *unstable.Node) *yaml.Node {
	v := b.index[t][string(k.Data)]
	switch {
	case v == nil:
		v = b.node(yaml.MappingNode, "!!map", "", int(k.Raw.Offset))
		b.set(t, b.keyNode(k), v)
	case v.Kind == yaml.MappingNode && b.state[v] == tomlImplicit:
	default:
		b.fail(int(k.Raw.Offset), "key '%s' has already been defined", k.Data)
		return nil
	}
	b.state[v] = tomlHeader
	return v
}

// valueOffset returns where the value of a key-value expression starts:
// after the last key, the '=' and blanks.
func (b *tomlBuilder) valueOffset(e *unstable.Node, last *unstable.Node) int {
	data := b.p.Data()
	i := int(last.Raw.Offset + last.Raw.Length)
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '=') {
		i++
	}
	return i
}

func (b *tomlBuilder) value(v *unstable.Node, off, depth int) *yaml.Node {
	if v.Raw.Length > 0 || v.Kind == unstable.String {
		off = int(v.Raw.Offset)
	}
	switch v.Kind {
	case unstable.String:
		return b.node(yaml.ScalarNode, "!!str", string(v.Data), off)
	case unstable.Bool:
		return b.node(yaml.ScalarNode, "!!bool", string(v.Data), off)
	case unstable.Integer:
		s := strings.ReplaceAll(string(v.Data), "_", "")
		i, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			b.fail(off, "integer %s is out of the range of 64-bit signed integers", v.Data)
		}
		return b.node(yaml.ScalarNode, "!!int", strconv.FormatInt(i, 10), off)
	case unstable.Float:
		s := strings.ReplaceAll(string(v.Data), "_", "")
		switch strings.TrimLeft(s, "+") {
		case "inf":
			s = ".inf"
		case "-inf":
			s = "-.inf"
		case "nan", "-nan":
			s = ".nan"
		default:
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				b.fail(off, "float %s is out of range", v.Data)
			}
		}
		return b.node(yaml.ScalarNode, "!!float", s, off)
	case unstable.LocalDate, unstable.LocalDateTime, unstable.DateTime:
		t := tomlTime(string(v.Data))
		if !validTOMLTime(t, tomlDateLayouts) {
			b.failDate(off, v.Data)
		}
		return b.node(yaml.ScalarNode, "!!timestamp", t, off)
	case unstable.LocalTime:
		if !validTOMLTime(string(v.Data), tomlTimeLayouts) {
			b.failDate(off, v.Data)
		}
		return b.node(yaml.ScalarNode, "!!str", string(v.Data), off)
	case unstable.Array:
		if o, ok := b.arrayOffset(v); ok {
			off = o
		}
		n := b.node(yaml.SequenceNode, "!!seq", "", off)
		b.state[n] = tomlStatic
		if depth > maxDepth {
			b.tooDeep = off
			return n
		}
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			n.Content = append(n.Content, b.value(c, off, depth+1))
		}
		return n
	case unstable.InlineTable:
		n := b.node(yaml.MappingNode, "!!map", "", off)
		b.state[n] = tomlInline
		if depth > maxDepth {
			b.tooDeep = off
			return n
		}
		b.inline++
		defer func() { b.inline-- }()
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			keys := keyParts(kv)
			if len(keys) == 0 {
				continue
			}
			t := n
			for _, k := range keys[:len(keys)-1] {
				if t = b.dotted(t, k); t == nil {
					return n
				}
			}
			last := keys[len(keys)-1]
			b.setNew(t, last, b.value(kv.Value(), b.valueOffset(kv, last), depth+1))
		}
		return n
	}
	return b.node(yaml.ScalarNode, "!!str", string(v.Data), off)
}

// arrayOffset finds the '[' of an array, which the parser gives no range:
// back from its first element over blanks.
func (b *tomlBuilder) arrayOffset(v *unstable.Node) (int, bool) {
	it := v.Children()
	for it.Next() {
		c := it.Node()
		if c.Kind == unstable.Comment {
			continue
		}
		var o int
		switch {
		case c.Kind == unstable.Array:
			var ok bool
			if o, ok = b.arrayOffset(c); !ok {
				return 0, false
			}
		case c.Raw.Length > 0 || c.Kind == unstable.String:
			o = int(c.Raw.Offset)
		default:
			return 0, false
		}
		data := b.p.Data()
		for i := o - 1; i >= 0; i-- {
			switch data[i] {
			case ' ', '\t', '\r', '\n':
				continue
			case '[':
				return i, true
			}
			return 0, false
		}
		return 0, false
	}
	return 0, false
}

// tomlTime writes a TOML date or date-time in a form the date layouts
// read: 'T' between date and time, upper-case 'Z'.
func tomlTime(s string) string {
	if len(s) > 10 && (s[10] == ' ' || s[10] == 't') {
		s = s[:10] + "T" + s[11:]
	}
	if strings.HasSuffix(s, "z") {
		s = s[:len(s)-1] + "Z"
	}
	return s
}

// The layouts of TOML's dates and times, after tomlTime; seconds may be
// left out (TOML 1.1).
var (
	tomlDateLayouts = []string{"2006-01-02", "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04", "2006-01-02T15:04Z07:00"}
	tomlTimeLayouts = []string{"15:04:05.999999999", "15:04"}
)

// validTOMLTime reports whether s is a date or time in one of layouts, its
// fields in range (no month 13, no February 30).
func validTOMLTime(s string, layouts []string) bool {
	for _, l := range layouts {
		if _, err := time.Parse(l, s); err == nil {
			return true
		}
	}
	return false
}

func (b *tomlBuilder) failDate(off int, raw []byte) {
	b.fail(off, "invalid datetime: %q", raw)
	if b.err != nil {
		if fe, ok := b.err.Err.(*fmError); ok && fe.kind == ErrSyntax && strings.Contains(fe.msg, "invalid datetime") {
			fe.kind = ErrDate
		}
	}
}
