// Package blockattr reads block attributes, Hugo's
// markup.goldmark.parser.attribute.block: a line holding only an attribute
// list ({.class #id key="value"}) right after a block (no blank line
// between) sets those attributes on that block. It follows Hugo 0.165 with
// three changes, each reported instead of done silently:
//
//   - a line that holds an attribute list followed by text is text (Hugo
//     drops the whole line);
//   - a list after a blank line, after a fenced code block, at the start of
//     a container or after a block whose HTML has no attributes is not
//     applied (Hugo drops it silently);
//   - attributes outside the allow-list the caller gives are not set.
package blockattr

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/render/internal/htmlsafe"
	"github.com/folio-md/folio/render/internal/passthrough"
)

// KindAttributes is the kind of the node an attribute line parses to,
// before Transformer moves its attributes to the block before it.
var KindAttributes = ast.NewNodeKind("BlockAttributes")

// Attributes is an attribute line: a block with attributes and no content.
type Attributes struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (*Attributes) Kind() ast.NodeKind { return KindAttributes }

// Dump implements ast.Node.
func (a *Attributes) Dump(src []byte, level int) { ast.DumpHelper(a, src, level, nil, nil) }

// Parser is the block parser of attribute lines. Like Hugo's, it can
// interrupt a paragraph, so that "text\n{.x}" gives the paragraph "text"
// its attributes.
type Parser struct{}

// Trigger implements parser.BlockParser.
func (Parser) Trigger() []byte { return []byte{'{'} }

// Open implements parser.BlockParser: a line that is an attribute list and
// nothing else (trailing white space aside) opens an Attributes node.
func (Parser) Open(_ ast.Node, reader text.Reader, _ parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	list := util.TrimLeftSpace(line)
	if len(list) == 0 || list[0] != '{' {
		return nil, parser.NoChildren
	}
	r := text.NewReader(list)
	attrs, ok := parser.ParseAttributes(r)
	if !ok {
		return nil, parser.NoChildren
	}
	if _, end := r.Position(); len(util.TrimRightSpace(list[end.Start:])) != 0 {
		return nil, parser.NoChildren
	}
	n := &Attributes{}
	n.SetPos(seg.Start + len(line) - len(list))
	for _, a := range attrs {
		n.SetAttribute(a.Name, a.Value)
	}
	reader.AdvanceToEOL()
	return n, parser.NoChildren
}

// List reports whether b starts with an attribute list, and where it ends.
func List(b []byte) (end int, ok bool) {
	r := text.NewReader(b)
	if _, ok := parser.ParseAttributes(r); !ok {
		return 0, false
	}
	_, pos := r.Position()
	return pos.Start, true
}

// Continue implements parser.BlockParser: an attribute line is one line.
func (Parser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }

// Close implements parser.BlockParser.
func (Parser) Close(ast.Node, text.Reader, parser.Context) {}

// CanInterruptParagraph implements parser.BlockParser.
func (Parser) CanInterruptParagraph() bool { return true }

// CanAcceptIndentedLine implements parser.BlockParser.
func (Parser) CanAcceptIndentedLine() bool { return false }

// Transformer moves each attribute line's attributes to the block before
// it and removes the line, reporting what it does not apply.
type Transformer struct {
	// Allowed reports whether name may be set on blocks of kind k (from
	// Owner). Nil allows every name.
	Allowed func(k ast.NodeKind, name []byte) bool
	// Report records a warning at offset off of the parsed source.
	Report func(pc parser.Context, off int, msg string)
	// Numbers reports whether blocks of kind k write a number or boolean
	// value as written; else it is written empty (goldmark's renderers,
	// and so Hugo's, do that) and a warning says so.
	Numbers func(k ast.NodeKind) bool
}

// Owner reports whether the HTML of blocks of kind k carries attributes
// set by an attribute line: paragraphs, headings, lists, blockquotes,
// thematic breaks, tables, definition lists and (for a hook) passthrough
// blocks, as in Hugo.
func Owner(k ast.NodeKind) bool {
	switch k {
	case ast.KindParagraph, ast.KindHeading, ast.KindList, ast.KindBlockquote, ast.KindThematicBreak,
		extast.KindTable, extast.KindDefinitionList, passthrough.KindBlock:
		return true
	}
	return false
}

// Transform implements parser.ASTTransformer. It walks the blocks once.
func (t *Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var lines []*Attributes
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *Attributes:
				lines = append(lines, c)
			case *ast.Paragraph:
				t.checkParagraph(pc, c, src)
			default:
				if c.Type() == ast.TypeBlock {
					if first := c.FirstChild(); first != nil && first.Type() != ast.TypeInline {
						walk(c)
					}
				}
			}
		}
	}
	walk(doc)
	for _, a := range lines {
		t.apply(pc, a)
		a.Parent().RemoveChild(a.Parent(), a)
	}
}

// checkParagraph reports a paragraph that starts with an attribute list
// followed by text: it stays text.
func (t *Transformer) checkParagraph(pc parser.Context, p *ast.Paragraph, src []byte) {
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	seg := lines.At(0)
	line := util.TrimLeftSpace(seg.Value(src))
	if len(line) == 0 || line[0] != '{' {
		return
	}
	if end, ok := List(line); ok {
		t.report(pc, seg.Start+seg.Len()-len(line), fmt.Sprintf("attribute list %s is followed by text on its line: written as text (Hugo drops the line)", clip(line[:end])))
	}
}

func (t *Transformer) apply(pc parser.Context, a *Attributes) {
	prev := a.PreviousSibling()
	switch {
	case prev == nil:
		t.report(pc, a.Pos(), "attribute list follows no block: not applied")
		return
	case a.HasBlankPreviousLines():
		t.report(pc, a.Pos(), "attribute list after a blank line: not applied (write it on the line right after the block)")
		return
	case prev.Kind() == ast.KindFencedCodeBlock:
		t.report(pc, a.Pos(), "attribute list after a code fence: not applied (put attributes on the fence line: ```go {.class})")
		return
	case !Owner(prev.Kind()):
		t.report(pc, a.Pos(), fmt.Sprintf("attribute list after a block of kind %s: not applied (its HTML has no attributes)", prev.Kind()))
		return
	}
	for _, at := range a.Attributes() {
		if t.Allowed != nil && !t.Allowed(prev.Kind(), at.Name) {
			t.report(pc, a.Pos(), fmt.Sprintf("attribute %q is not written (allowed: id, class, lang, dir, title, translate, role, data-*)", at.Name))
			continue
		}
		if prev.Kind() == ast.KindHeading && string(at.Name) == "id" {
			t.report(pc, a.Pos(), "an attribute line cannot set a heading's id: not applied (write {#id} at the end of the heading line)")
			continue
		}
		if _, set := prev.Attribute(at.Name); set {
			t.report(pc, a.Pos(), fmt.Sprintf("attribute %q is already set on the block: not changed", at.Name))
			continue
		}
		if _, isBytes := at.Value.([]byte); !isBytes && (t.Numbers == nil || !t.Numbers(prev.Kind())) {
			t.report(pc, a.Pos(), fmt.Sprintf("attribute %s has a value that is not a string: written empty, as Hugo does (quote it: %s=\"...\")", at.Name, at.Name))
		}
		prev.SetAttribute(at.Name, at.Value)
	}
}

func (t *Transformer) report(pc parser.Context, off int, msg string) {
	if t.Report != nil {
		t.Report(pc, off, msg)
	}
}

// clip returns b as a string of at most 40 bytes, cut on a rune boundary.
func clip(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) <= 40 {
		return string(b)
	}
	s := string(b[:40])
	return strings.ToValidUTF8(s, "") + "…"
}

// Extension adds Parser and t to a goldmark.Markdown. prio is t's
// priority.
type Extension struct {
	T    *Transformer
	Prio int
}

// Extend implements goldmark.Extender.
func (e Extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(Parser{}, 100)),
		parser.WithASTTransformers(util.Prioritized(e.T, e.Prio)),
	)
}

// Element-specific attributes an attribute line may set besides the
// global allow-list, as goldmark's renderers (and so Hugo) write them;
// none holds a URL (a blockquote's cite does, and is not written).
var (
	listAttrs  = util.NewBytesFilterString("start,reversed,type")
	ruleAttrs  = util.NewBytesFilterString("align,color,noshade,size,width")
	tableAttrs = util.NewBytesFilterString("align,bgcolor,border,cellpadding,cellspacing,frame,rules,summary,width")
)

// Policy is folio's allow-list for attribute lines.
type Policy struct {
	Styles    bool // style is allowed (render.WithStyleAttributes)
	TableHook bool // tables are written by a hook, which takes folio's attributes
}

// Allowed reports whether an attribute line may set name on a block of
// kind k: htmlsafe's allow-list, less what the block's renderer would
// drop anyway (goldmark's write no aria-*), plus the element's own
// harmless attributes.
func (p Policy) Allowed(k ast.NodeKind, name []byte) bool {
	switch {
	case k == ast.KindList && listAttrs.Contains(name),
		k == ast.KindThematicBreak && ruleAttrs.Contains(name),
		k == extast.KindTable && !p.TableHook && tableAttrs.Contains(name):
		return true
	case !htmlsafe.Attr(name, p.Styles):
		return false
	case k == ast.KindHeading, k == extast.KindTable && p.TableHook, k == passthrough.KindBlock:
		return true // folio's renderers and hooks take aria-*
	}
	return !bytes.HasPrefix(bytes.ToLower(name), []byte("aria-"))
}

// WritesNumbers reports whether blocks of kind k write a number or a
// boolean attribute value as written: folio's headings and hooks do,
// goldmark's renderers write it empty.
func (p Policy) WritesNumbers(k ast.NodeKind) bool {
	return k == ast.KindHeading || k == passthrough.KindBlock || k == extast.KindTable && p.TableHook
}
