// Package passthrough brings Hugo's passthrough extension
// (github.com/gohugoio/hugo-goldmark-extensions/passthrough) into a
// goldmark.Markdown with two changes: the inline parser remembers, per
// block, from where on a closing delimiter is known to be missing, so that
// many unclosed openers cost one scan instead of one each (the upstream
// parser scans to the end of the block for every opener: quadratic), and
// no renderer is added: the caller registers its own for KindInline and
// KindBlock (render does, with its passthrough hook).
//
// The nodes are upstream's: *passthrough.PassthroughInline and
// *passthrough.PassthroughBlock.
package passthrough

import (
	"bytes"
	"io"
	"unicode/utf8"

	hgp "github.com/gohugoio/hugo-goldmark-extensions/passthrough"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/render/internal/gmcapture"
)

// The node kinds of inline and block passthroughs (upstream's).
var (
	KindInline = hgp.KindPassthroughInline
	KindBlock  = hgp.KindPassthroughBlock
)

// Delimiters is an opening and a closing delimiter (upstream's type).
type Delimiters = hgp.Delimiters

// Upstream's priorities: its inline parser and its transformer.
const (
	prioParser      = 201
	prioTransformer = 0
)

// Extend adds the passthrough parser and transformer for these delimiters
// to m. Block delimiters are also recognised inline (and win over inline
// ones), as upstream does.
func Extend(m goldmark.Markdown, inline, block []Delimiters) {
	if len(inline) == 0 && len(block) == 0 {
		return
	}
	cfg := gmcapture.ParserConfig(hgp.New(hgp.Config{InlineDelimiters: inline, BlockDelimiters: block}))
	all := append(append([]Delimiters(nil), block...), inline...)
	var opts []parser.Option
	for _, p := range cfg.InlineParsers {
		if ip, ok := p.Value.(parser.InlineParser); ok {
			opts = append(opts, parser.WithInlineParsers(util.Prioritized(&memoParser{inner: ip, delims: all}, prioParser)))
		}
	}
	for _, t := range cfg.ASTTransformers {
		opts = append(opts, parser.WithASTTransformers(util.Prioritized(t.Value, prioTransformer)))
	}
	m.Parser().AddOptions(opts...)
}

// memoParser is upstream's inline parser behind a memo of missing
// closers: after an opener found no closer, an opener with the same
// closing delimiter further on in the same block cannot find one either,
// and is returned as text at once, as upstream would return it.
type memoParser struct {
	inner  parser.InlineParser
	delims []Delimiters // block delimiters first, as upstream matches them
}

func (p *memoParser) Trigger() []byte { return p.inner.Trigger() }

var memoKey = parser.NewContextKey()

// memo is the per-document state: the block being parsed and, per closing
// delimiter, the offset from which it is known to be missing.
type memo struct {
	block    ast.Node
	noCloser map[string]int
}

func (p *memoParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	d := opener(p.delims, line)
	if d == nil {
		return p.inner.Parse(parent, block, pc)
	}
	m, _ := pc.Get(memoKey).(*memo)
	if m == nil {
		m = &memo{noCloser: map[string]int{}}
		pc.Set(memoKey, m)
	}
	if m.block != parent {
		m.block = parent
		clear(m.noCloser)
	}
	after := seg.Start + len(d.Open)
	if from, ok := m.noCloser[d.Close]; ok && after >= from {
		block.Advance(len(d.Open))
		return ast.NewTextSegment(seg.WithStop(after))
	}
	n := p.inner.Parse(parent, block, pc)
	if t, ok := n.(*ast.Text); ok && t.Segment.Start == seg.Start && t.Segment.Stop == after {
		if from, ok := m.noCloser[d.Close]; !ok || after < from {
			m.noCloser[d.Close] = after
		}
	}
	return n
}

// opener returns the first delimiter pair whose opener starts line.
func opener(delims []Delimiters, line []byte) *Delimiters {
	for i := range delims {
		if len(delims[i].Open) > 0 && bytes.HasPrefix(line, []byte(delims[i].Open)) {
			return &delims[i]
		}
	}
	return nil
}

// Content returns what a passthrough node holds: its text as written,
// delimiters included (what Hugo writes without a hook); the text between
// the delimiters (a hook's Inner); whether it is a block; and its
// delimiters. ok is false for any other node.
func Content(n ast.Node, src []byte) (raw, inner []byte, block bool, d Delimiters, ok bool) {
	switch n := n.(type) {
	case *hgp.PassthroughInline:
		raw = n.Segment.Value(src)
		if n.Delimiters != nil {
			d = *n.Delimiters
		}
	case *hgp.PassthroughBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if lines.Len() == 1 {
				raw = seg.Value(src)
			} else {
				raw = append(raw, seg.Value(src)...)
			}
		}
		if n.Delimiters != nil {
			d = *n.Delimiters
		}
		block = true
	default:
		return nil, nil, false, d, false
	}
	inner = raw
	if len(inner) >= len(d.Open)+len(d.Close) {
		inner = inner[len(d.Open) : len(inner)-len(d.Close)]
	}
	return raw, inner, block, d, true
}

// WriteSafe writes text as HTML element content that cannot open markup:
// a '<' that would start a tag, an end tag, a comment or a declaration
// (followed by a letter, '/', '!' or '?', or ending the text) is written
// as "&lt;", and a NUL as U+FFFD. Everything else is written as it is, so
// that a TeX renderer reading the page's text sees what the author wrote,
// character references included, as it would with Hugo's raw output.
func WriteSafe(w io.Writer, text []byte) {
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '<' && (i+1 == len(text) || opensMarkup(text[i+1])):
			_, _ = w.Write(text[start:i])
			_, _ = io.WriteString(w, "&lt;")
			start = i + 1
		case c == 0:
			_, _ = w.Write(text[start:i])
			_, _ = io.WriteString(w, string(utf8.RuneError))
			start = i + 1
		}
	}
	_, _ = w.Write(text[start:])
}

func opensMarkup(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c == '/' || c == '!' || c == '?'
}

// Pos returns the offset where passthrough n starts in the source; -1
// for any other node.
func Pos(n ast.Node) int {
	switch n := n.(type) {
	case *hgp.PassthroughInline:
		return n.Segment.Start
	case *hgp.PassthroughBlock:
		if n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		return n.Pos()
	}
	return -1
}
