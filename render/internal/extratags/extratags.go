// Package extratags brings Hugo's extras extension
// (github.com/gohugoio/hugo-goldmark-extensions/extras: ==mark==,
// ++insert++, ~sub~, ^sup^, ~~delete~~) into a goldmark.Markdown with its
// own parsers and renderers, the parsers behind one change: each sees only
// the few bytes of the line it needs. Upstream copies the rest of the line
// at every '=', '+', '~' or '^', which makes a long line quadratic.
package extratags

import (
	"github.com/gohugoio/hugo-goldmark-extensions/extras"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/render/internal/gmcapture"
)

// Kinds are the node kinds of the tags.
var Kinds = []ast.NodeKind{extras.KindDelete, extras.KindInsert, extras.KindMark, extras.KindSubscript, extras.KindSuperscript}

// Extend adds the tags c enables to m.
func Extend(m goldmark.Markdown, c extras.Config) {
	pc := gmcapture.ParserConfig(extras.New(c))
	for _, p := range pc.InlineParsers {
		if ip, ok := p.Value.(parser.InlineParser); ok {
			m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(windowParser{ip}, p.Priority)))
		}
	}
	for _, on := range []struct {
		on  bool
		tag extras.InlineTag
	}{
		{c.Superscript.Enable, extras.SuperscriptTag},
		{c.Subscript.Enable, extras.SubscriptTag},
		{c.Insert.Enable, extras.InsertTag},
		{c.Mark.Enable, extras.MarkTag},
		{c.Delete.Enable, extras.DeleteTag},
	} {
		if on.on {
			m.Renderer().AddOptions(renderer.WithNodeRenderers(
				util.Prioritized(extras.NewInlineTagHTMLRenderer(on.tag), on.tag.RenderPriority)))
		}
	}
}

// windowParser runs an upstream tag parser on a reader whose line ends a
// few bytes after the delimiter run: all a delimiter scan reads is the
// run (a run of three or more is never a tag) and the character after it.
type windowParser struct{ parser.InlineParser }

func (p windowParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	return p.InlineParser.Parse(parent, windowReader{block}, pc)
}

type windowReader struct{ text.Reader }

// window is the longest run a scan needs to see (a longer one is no tag)
// plus the longest UTF-8 encoding of the character after it.
const window = 3 + 4

func (r windowReader) PeekLine() ([]byte, text.Segment) {
	line, seg := r.Reader.PeekLine()
	if len(line) <= window {
		return line, seg
	}
	run := 1
	for run < 3 && line[run] == line[0] {
		run++
	}
	n := min(len(line), run+4)
	return line[:n], seg.WithStop(seg.Start + n)
}
