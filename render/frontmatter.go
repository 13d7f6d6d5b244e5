package render

import (
	"bytes"
	"errors"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/post"
)

// SetSource tells the Extender where the document converted with pc
// comes from: its file path (for Diagnostics and front matter errors) and
// the 1-based line of that file where the converted source starts (1 for
// a whole file, p.BodyLine for the body of a post parsed by package post).
// Call it before Convert:
//
//	ctx := parser.NewContext()
//	render.SetSource(ctx, "content/hello.md", 1)
//	err := md.Convert(src, &buf, parser.WithContext(ctx))
//
// Without it, Diagnostics have no path and count lines from 1.
func SetSource(pc parser.Context, path string, firstLine int) {
	d := stateOf(pc)
	d.path = path
	d.lineBase = max(firstLine, 1) - 1
}

// FrontMatterOf returns the front matter of the document converted with
// pc through an Extender, decoded by package post (post.Parse on the
// source): YAML (---), TOML (+++) or JSON ({...}). p is nil when the
// document has none, when the Extender's NoMeta is set, or when decoding
// failed; err is then the *post.ParseError (with the path given to
// SetSource), also reported as a Diagnostic. The front matter is not
// rendered. YAML front matter stays readable with goldmark-meta's
// meta.Get too.
func FrontMatterOf(pc parser.Context) (p *post.Post, err error) {
	f, ok := pc.Get(frontMatterKey).(*frontMatterResult)
	if !ok {
		return nil, nil
	}
	return f.post, f.err
}

var frontMatterKey = parser.NewContextKey()

// frontMatterResult is the front matter of one document.
type frontMatterResult struct {
	post      *post.Post // nil when there is none or on error
	err       error
	bodyStart int // offset of the body in the source; 0 when there is no front matter
}

// frontMatter parses the front matter of source once per document.
func frontMatter(pc parser.Context, source []byte) *frontMatterResult {
	if f, ok := pc.Get(frontMatterKey).(*frontMatterResult); ok {
		return f
	}
	d := stateOf(pc)
	f := &frontMatterResult{}
	p, err := post.Parse(source, post.WithPath(d.path))
	switch {
	case err != nil:
		f.err = err
		f.bodyStart = guessBodyStart(source)
		off := 0
		var pe *post.ParseError
		if errors.As(err, &pe) {
			off = pe.Offset
		}
		d.noteSource(off, "front matter: "+errMessage(err))
	case p.Format != post.FormatNone:
		f.post = p
		f.bodyStart = len(source) - len(p.Body)
	}
	pc.Set(frontMatterKey, f)
	return f
}

// errMessage is err's message without the "path:line:col: " a Diagnostic
// already shows.
func errMessage(err error) string {
	var pe *post.ParseError
	if errors.As(err, &pe) && pe.Err != nil {
		return pe.Err.Error()
	}
	return err.Error()
}

// guessBodyStart finds the end of a TOML or JSON front matter that does
// not decode: after the closing "+++" line, or after the first line that
// starts with '}' (the first line itself when it ends with '}'); 0 when
// there is none.
func guessBodyStart(src []byte) int {
	start := len(src) - len(bytes.TrimLeft(src, "\ufeff \t\r\n"))
	var closing func(line []byte, first bool) bool
	switch rest := src[start:]; {
	case bytes.HasPrefix(rest, []byte("+++")):
		closing = func(l []byte, first bool) bool { return !first && string(bytes.TrimSpace(l)) == "+++" }
	case bytes.HasPrefix(rest, []byte("{")) && !bytes.HasPrefix(rest, []byte("{{")):
		closing = func(l []byte, first bool) bool {
			if first {
				return bytes.HasSuffix(bytes.TrimSpace(l), []byte("}"))
			}
			return bytes.HasPrefix(l, []byte("}"))
		}
	default:
		return 0
	}
	for i, first := start, true; i < len(src); first = false {
		end := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j + 1
		}
		if closing(src[i:end], first) {
			return end
		}
		i = end
	}
	return 0
}

// frontMatterParser skips a TOML or JSON front matter at the start of the
// document (goldmark-meta takes YAML), so that it is not rendered.
type frontMatterParser struct{}

var kindFrontMatter = ast.NewNodeKind("FolioFrontMatter")

// frontMatterNode is the skipped front matter; it renders nothing.
type frontMatterNode struct{ ast.BaseBlock }

func (n *frontMatterNode) Kind() ast.NodeKind { return kindFrontMatter }

func (n *frontMatterNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (frontMatterParser) Trigger() []byte { return []byte{'+', '{'} }

func (frontMatterParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	if _, isDoc := parent.(*ast.Document); !isDoc || parent.ChildCount() > 0 {
		return nil, parser.NoChildren
	}
	_, seg := reader.PeekLine()
	f := frontMatter(pc, reader.Source())
	if f.post != nil && f.post.Format == post.FormatYAML || seg.Start >= f.bodyStart {
		return nil, parser.NoChildren
	}
	reader.Advance(seg.Len())
	return &frontMatterNode{}, parser.NoChildren
}

func (frontMatterParser) Continue(n ast.Node, reader text.Reader, pc parser.Context) parser.State {
	f := frontMatter(pc, reader.Source())
	_, seg := reader.PeekLine()
	if seg.Start >= f.bodyStart || seg.Len() == 0 {
		return parser.Close
	}
	reader.Advance(seg.Len())
	if seg.Stop >= f.bodyStart {
		return parser.Close
	}
	return parser.Continue | parser.NoChildren
}

func (frontMatterParser) Close(ast.Node, text.Reader, parser.Context) {}
func (frontMatterParser) CanInterruptParagraph() bool                 { return false }
func (frontMatterParser) CanAcceptIndentedLine() bool                 { return false }

// frontMatterRenderer renders a skipped front matter as nothing.
type frontMatterRenderer struct{}

func (frontMatterRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFrontMatter, func(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
		return ast.WalkSkipChildren, nil
	})
}
