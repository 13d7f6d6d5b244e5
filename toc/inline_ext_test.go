package toc_test

import (
	"io"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/folio-md/folio/toc"
)

// markNode is an inline node of an extension toc does not know.
type markNode struct{ ast.BaseInline }

var kindMark = ast.NewNodeKind("TestMark")

func (*markNode) Kind() ast.NodeKind           { return kindMark }
func (n *markNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// TestInlineUnknownNode: an InlineFunc writes the title HTML of a node
// toc does not know; the plain text keeps its children's text, and
// without the func (or when it declines) the title keeps the children.
func TestInlineUnknownNode(t *testing.T) {
	src := []byte("## a b c\n")
	doc := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...), parser.WithInlineParsers(parser.DefaultInlineParsers()...)).Parse(text.NewReader(src))
	h := doc.FirstChild().(*ast.Heading)
	h.SetAttributeString("id", []byte("x"))
	// goldmark parses "a b c" as one text node: make it "a ", a
	// markNode holding "b", and " c".
	seg := h.FirstChild().(*ast.Text).Segment
	h.RemoveChildren(h)
	mark := &markNode{}
	mark.AppendChild(mark, ast.NewTextSegment(text.NewSegment(seg.Start+2, seg.Start+3)))
	h.AppendChild(h, ast.NewTextSegment(seg.WithStop(seg.Start+2)))
	h.AppendChild(h, mark)
	h.AppendChild(h, ast.NewTextSegment(seg.WithStart(seg.Start+3)))
	inline := func(w io.Writer, n ast.Node, src []byte) bool {
		if n.Kind() != kindMark {
			return false
		}
		_, _ = io.WriteString(w, "<mark>"+string(n.FirstChild().(*ast.Text).Segment.Value(src))+"</mark>")
		return true
	}
	got := toc.Build(doc, src, toc.Inline(inline))
	if len(got.Items) != 1 {
		t.Fatalf("items: %d", len(got.Items))
	}
	if it := got.Items[0]; it.Title != "a <mark>b</mark> c" || it.Text != "a b c" {
		t.Errorf("with InlineFunc: Title %q, Text %q", it.Title, it.Text)
	}
	if it := toc.Build(doc, src).Items[0]; it.Title != "a b c" || it.Text != "a b c" {
		t.Errorf("without: Title %q, Text %q", it.Title, it.Text)
	}
}
