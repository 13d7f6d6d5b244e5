package post

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxDepth bounds the nesting of front matter values.
const maxDepth = 1000

// jsonParser turns a JSON object into the node tree every format shares,
// with absolute positions.
type jsonParser struct {
	s     *source
	fm    []byte
	start int // offset of fm in the file
	dec   *json.Decoder
}

func parseJSON(s *source, fm []byte, fmStart int) (*yaml.Node, *ParseError) {
	// Validate first: json.Unmarshal's SyntaxError has an exact offset,
	// the token stream's does not.
	var raw json.RawMessage
	if err := json.Unmarshal(fm, &raw); err != nil {
		off := len(fm)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = max(int(se.Offset)-1, 0)
		}
		msg := "json: " + strings.TrimPrefix(err.Error(), "json: ")
		return nil, s.errOff(fmStart+min(off, len(fm)), "", &fmError{msg: msg, kind: ErrSyntax, err: err})
	}
	p := &jsonParser{s: s, fm: fm, start: fmStart, dec: json.NewDecoder(bytes.NewReader(fm))}
	p.dec.UseNumber()
	n, err := p.value(0)
	if err != nil {
		return nil, err
	}
	return n, nil
}

// next returns the offset in fm where the next token starts.
func (p *jsonParser) next() int {
	i := int(p.dec.InputOffset())
	for i < len(p.fm) {
		switch p.fm[i] {
		case ' ', '\t', '\r', '\n', ':', ',':
			i++
			continue
		}
		break
	}
	return i
}

func (p *jsonParser) node(kind yaml.Kind, tag, value string, off int) *yaml.Node {
	line, col := p.s.posOf(p.start + off)
	return &yaml.Node{Kind: kind, Tag: tag, Value: value, Line: line, Column: col}
}

// fail reports an error from the token stream, which cannot happen once
// the object is valid JSON, at the token that caused it.
func (p *jsonParser) fail(off int, err error) *ParseError {
	return p.s.errOff(p.start+min(off, len(p.fm)), "", &fmError{msg: "json: " + strings.TrimPrefix(err.Error(), "json: "), kind: ErrSyntax, err: err})
}

func (p *jsonParser) value(depth int) (*yaml.Node, *ParseError) {
	off := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.fail(off, err)
	}
	if depth > maxDepth {
		return nil, p.s.errOff(p.start+off, "", &fmError{msg: fmt.Sprintf("nested deeper than %d levels", maxDepth), kind: ErrTooLarge})
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := p.node(yaml.MappingNode, "!!map", "", off)
			for p.dec.More() {
				koff := p.next()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, p.fail(koff, err)
				}
				ks, ok := kt.(string)
				if !ok {
					return nil, p.fail(koff, errors.New("object key is not a string"))
				}
				k := p.node(yaml.ScalarNode, "!!str", ks, koff)
				v, perr := p.value(depth + 1)
				if perr != nil {
					return nil, perr
				}
				n.Content = append(n.Content, k, v)
			}
			if _, err := p.dec.Token(); err != nil {
				return nil, p.fail(p.next(), err)
			}
			return n, nil
		case '[':
			n := p.node(yaml.SequenceNode, "!!seq", "", off)
			for p.dec.More() {
				v, perr := p.value(depth + 1)
				if perr != nil {
					return nil, perr
				}
				n.Content = append(n.Content, v)
			}
			if _, err := p.dec.Token(); err != nil {
				return nil, p.fail(p.next(), err)
			}
			return n, nil
		}
		return nil, p.fail(off, fmt.Errorf("unexpected %q", rune(t)))
	case string:
		return p.node(yaml.ScalarNode, "!!str", t, off), nil
	case json.Number:
		tag := "!!int"
		if strings.ContainsAny(string(t), ".eE") {
			tag = "!!float"
		}
		return p.node(yaml.ScalarNode, tag, string(t), off), nil
	case bool:
		v := "false"
		if t {
			v = "true"
		}
		return p.node(yaml.ScalarNode, "!!bool", v, off), nil
	case nil:
		return p.node(yaml.ScalarNode, "!!null", "null", off), nil
	}
	return nil, p.fail(off, fmt.Errorf("unexpected token %v", tok))
}
