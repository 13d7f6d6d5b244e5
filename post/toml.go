package post

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	btoml "github.com/BurntSushi/toml"
	"github.com/pelletier/go-toml/v2/unstable"
	"go.yaml.in/yaml/v3"
)

// parseTOML decodes TOML front matter into the node tree every format
// shares. BurntSushi/toml validates the document first: its errors carry
// a byte offset and the last key, and it stays linear where go-toml/v2's
// decoder is quadratic in the number of keys of a table (60,000 keys: 0.3 s
// against 11 s). Then go-toml/v2's parser gives the syntax tree, whose
// nodes carry byte ranges, and it is turned into nodes with absolute
// positions (tables, arrays of tables and dotted keys resolved here).
func parseTOML(s *source, fm []byte, fmStart, fmLine int) (root *yaml.Node, perr *ParseError) {
	defer func() {
		if r := recover(); r != nil {
			root = nil
			perr = s.errOff(fmStart, "", &fmError{msg: fmt.Sprintf("toml: internal error: %v", r), kind: ErrSyntax})
		}
	}()
	var m map[string]any
	if _, err := btoml.Decode(string(fm), &m); err != nil {
		off := fmStart
		var key string
		msg := strings.TrimPrefix(err.Error(), "toml: ")
		if pe, ok := err.(btoml.ParseError); ok {
			off = fmStart + min(max(pe.Position.Start, 0), len(fm))
			key = pe.LastKey
			msg = strings.TrimSuffix(pe.Message, ".")
			if r, size := utf8.DecodeRuneInString(msg); size > 0 && len(msg) > size && unicode.IsLower(rune(msg[size])) {
				msg = string(unicode.ToLower(r)) + msg[size:]
			}
		}
		kind := ErrSyntax
		if strings.Contains(msg, "invalid datetime") {
			kind = ErrDate
		}
		return nil, s.errOff(off, key, &fmError{key: key, msg: "toml: " + msg, kind: kind, err: err})
	}
	b := &tomlBuilder{s: s, start: fmStart, index: map[*yaml.Node]map[string]*yaml.Node{}, tooDeep: -1}
	var p unstable.Parser
	p.Reset(fm)
	b.p = &p
	root = b.node(yaml.MappingNode, "!!map", "", 0)
	cur := root
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			keys := keyParts(e)
			if len(keys) == 0 {
				continue
			}
			t := cur
			for _, k := range keys[:len(keys)-1] {
				t = b.table(t, k)
			}
			last := keys[len(keys)-1]
			v := b.value(e.Value(), b.valueOffset(e, last), 0)
			b.set(t, b.key(last), v)
		case unstable.Table:
			t := root
			for _, k := range keyParts(e) {
				t = b.table(t, k)
			}
			cur = t
		case unstable.ArrayTable:
			keys := keyParts(e)
			if len(keys) == 0 {
				continue
			}
			t := root
			for _, k := range keys[:len(keys)-1] {
				t = b.table(t, k)
			}
			last := keys[len(keys)-1]
			seq := b.index[t][string(last.Data)]
			if seq == nil || seq.Kind != yaml.SequenceNode {
				seq = b.node(yaml.SequenceNode, "!!seq", "", int(last.Raw.Offset))
				b.set(t, b.key(last), seq)
			}
			tbl := b.node(yaml.MappingNode, "!!map", "", int(last.Raw.Offset))
			seq.Content = append(seq.Content, tbl)
			cur = tbl
		}
	}
	if err := p.Error(); err != nil {
		return nil, s.errOff(fmStart, "", &fmError{msg: "toml: " + err.Error(), kind: ErrSyntax, err: err})
	}
	if b.tooDeep >= 0 {
		return nil, s.errOff(fmStart+b.tooDeep, "", &fmError{msg: fmt.Sprintf("nested deeper than %d levels", maxDepth), kind: ErrTooLarge})
	}
	return root, nil
}

type tomlBuilder struct {
	s     *source
	p     *unstable.Parser
	start int
	index map[*yaml.Node]map[string]*yaml.Node // the values of each mapping by key
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

func (b *tomlBuilder) key(k *unstable.Node) *yaml.Node {
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

// table returns the table under key k of t, creating it when absent; for
// an array of tables it returns the last one.
func (b *tomlBuilder) table(t *yaml.Node, k *unstable.Node) *yaml.Node {
	v := b.index[t][string(k.Data)]
	switch {
	case v == nil:
		v = b.node(yaml.MappingNode, "!!map", "", int(k.Raw.Offset))
		b.set(t, b.key(k), v)
	case v.Kind == yaml.SequenceNode && len(v.Content) > 0 && v.Content[len(v.Content)-1].Kind == yaml.MappingNode:
		v = v.Content[len(v.Content)-1]
	case v.Kind != yaml.MappingNode:
		// Not reachable for a document go-toml accepted; keep going on a
		// detached table rather than fail.
		v = b.node(yaml.MappingNode, "!!map", "", int(k.Raw.Offset))
	}
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
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			s = strconv.FormatInt(i, 10)
		}
		return b.node(yaml.ScalarNode, "!!int", s, off)
	case unstable.Float:
		s := strings.ReplaceAll(string(v.Data), "_", "")
		switch strings.TrimLeft(s, "+") {
		case "inf":
			s = ".inf"
		case "-inf":
			s = "-.inf"
		case "nan", "-nan":
			s = ".nan"
		}
		return b.node(yaml.ScalarNode, "!!float", s, off)
	case unstable.LocalDate, unstable.LocalDateTime, unstable.DateTime:
		return b.node(yaml.ScalarNode, "!!timestamp", tomlTime(string(v.Data)), off)
	case unstable.LocalTime:
		return b.node(yaml.ScalarNode, "!!str", string(v.Data), off)
	case unstable.Array:
		if o, ok := b.arrayOffset(v); ok {
			off = o
		}
		n := b.node(yaml.SequenceNode, "!!seq", "", off)
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
		if depth > maxDepth {
			b.tooDeep = off
			return n
		}
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
				t = b.table(t, k)
			}
			last := keys[len(keys)-1]
			b.set(t, b.key(last), b.value(kv.Value(), b.valueOffset(kv, last), depth+1))
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
