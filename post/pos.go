package post

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/folio-md/folio/internal/position"
)

// source maps the positions of front matter nodes to the whole file. YAML
// nodes carry lines relative to the front matter and columns in runes (as
// yaml.v3 counts them, after a BOM); the nodes folio builds for TOML and
// JSON carry absolute lines and byte columns, counted as package position
// counts them.
type source struct {
	src      []byte
	path     string
	lineOff  int  // added to a node's Line
	runeCols bool // node columns count runes
	lines    *position.Index
}

// index returns the positions of src, made on first use (only errors and
// node positions need it).
func (s *source) index() *position.Index {
	if s.lines == nil {
		s.lines = position.NewIndex(s.src, 1)
	}
	return s.lines
}

// offsetOf returns the byte offset in src of a 1-based line and column as
// the node carries them.
func (s *source) offsetOf(line, col int) int {
	if !s.runeCols {
		return s.index().Offset(position.Position{Line: line, Column: col})
	}
	off, end := s.index().Line(line)
	for i := 1; i < col && off < end; i++ {
		_, size := utf8.DecodeRune(s.src[off:end])
		off += size
	}
	return off
}

// posOf returns the absolute line and byte column of an offset.
func (s *source) posOf(off int) (line, col int) {
	return s.index().LineCol(off)
}

// errAt builds a ParseError at node n.
func (s *source) errAt(n *yaml.Node, key string, kind error, msg string) *ParseError {
	off := s.offsetOf(n.Line+s.lineOff, n.Column)
	return s.errOff(off, key, &fmError{key: key, msg: msg, kind: kind})
}

// errOff builds a ParseError at a byte offset.
func (s *source) errOff(off int, key string, err error) *ParseError {
	line, col := s.posOf(off)
	return &ParseError{Path: s.path, Line: line, Column: col, Key: key, Err: err, Offset: off}
}

// keyPath is the path of a value in the front matter, built only when an
// error needs it.
type keyPath struct {
	parent *keyPath
	key    string
	index  int // for a list element, when key is ""
}

func (p *keyPath) String() string {
	if p == nil {
		return ""
	}
	var parts []*keyPath
	for q := p; q != nil; q = q.parent {
		parts = append(parts, q)
	}
	var b strings.Builder
	for i := len(parts) - 1; i >= 0; i-- {
		if i == len(parts)-5 && len(parts) > 12 {
			// A deep path keeps its first 4 and last 6 parts.
			b.WriteString(".…")
			i = 5
		}
		q := parts[i]
		if q.key == "" && q.index >= 0 {
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(q.index))
			b.WriteByte(']')
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(q.key)
	}
	return b.String()
}

// Position returns where key is written in the front matter: the line and
// column of the key, or for a list element of the element itself, counted
// as in [ParseError] (1-based, in the whole file, the column in bytes). A
// program can then report a problem it finds in a value, such as a slug
// too long for a file name, at the place the author wrote it.
//
// key is a path in the form of [ParseError.Key]: "slug", "params.series",
// "tags[2]". Keys match case-insensitively, as Hugo's do (an exact match
// wins), and keys merged in with YAML's << are found too. ok is false when
// the front matter has no such key. Position may be called from several
// goroutines at once.
func (p *Post) Position(key string) (line, col int, ok bool) {
	parts, ok := splitKeyPath(key)
	if !ok || p.root == nil || p.src == nil {
		return 0, 0, false
	}
	n := p.root
	if n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			return 0, 0, false
		}
		n = n.Content[0]
	}
	var at *yaml.Node
	for _, part := range parts {
		n = deref(n)
		if part.key == "" {
			if n.Kind != yaml.SequenceNode || part.index >= len(n.Content) {
				return 0, 0, false
			}
			n = n.Content[part.index]
			at = n
			continue
		}
		if n.Kind != yaml.MappingNode {
			return 0, 0, false
		}
		k, v := findKey(n, part.key, 0)
		if k == nil {
			return 0, 0, false
		}
		at, n = k, v
	}
	s := *p.src
	s.lines = nil // per call: Position may run concurrently
	line, col = s.posOf(s.offsetOf(at.Line+s.lineOff, at.Column))
	return line, col, true
}

// splitKeyPath splits a key path such as "params.toc[1].startLevel" into
// keys and list indexes (keyPath's parts, with key "" for an index).
func splitKeyPath(path string) ([]keyPath, bool) {
	var parts []keyPath
	for path != "" {
		if path[0] == '[' {
			end := strings.IndexByte(path, ']')
			if end < 0 || len(parts) == 0 {
				return nil, false
			}
			i, err := strconv.Atoi(path[1:end])
			if err != nil || i < 0 {
				return nil, false
			}
			parts = append(parts, keyPath{index: i})
			path = path[end+1:]
			if path != "" && path[0] != '[' && path[0] != '.' {
				return nil, false
			}
			path = strings.TrimPrefix(path, ".")
			continue
		}
		end := strings.IndexAny(path, ".[")
		if end < 0 {
			end = len(path)
		}
		if end == 0 {
			return nil, false
		}
		parts = append(parts, keyPath{key: path[:end], index: -1})
		path = path[end:]
		if strings.HasPrefix(path, ".") {
			path = path[1:]
			if path == "" {
				return nil, false
			}
		}
	}
	return parts, len(parts) > 0
}

// findKey returns the key and value nodes of key in mapping m: a key
// written as key, else one equal to it ignoring case, else one merged in
// with <<.
func findKey(m *yaml.Node, key string, depth int) (k, v *yaml.Node) {
	if depth > maxDepth {
		return nil, nil
	}
	for _, exact := range []bool{true, false} {
		for i := 0; i+1 < len(m.Content); i += 2 {
			c := deref(m.Content[i])
			if c.Kind == yaml.ScalarNode && !isMerge(c) && (c.Value == key || !exact && strings.EqualFold(c.Value, key)) {
				return m.Content[i], m.Content[i+1]
			}
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if !isMerge(deref(m.Content[i])) {
			continue
		}
		switch d := deref(m.Content[i+1]); d.Kind {
		case yaml.MappingNode:
			if k, v := findKey(d, key, depth+1); k != nil {
				return k, v
			}
		case yaml.SequenceNode:
			for _, e := range d.Content {
				if e := deref(e); e.Kind == yaml.MappingNode {
					if k, v := findKey(e, key, depth+1); k != nil {
						return k, v
					}
				}
			}
		}
	}
	return nil, nil
}
