package shortcode

import (
	"html/template"
	"io"
	"text/template/parse"

	"github.com/folio-md/folio/post"
)

// Template returns a handler that executes t for each call, so
// Hugo shortcode templates can be ported: the template sees the call as
// Hugo's do, with .Get, .Inner, .InnerDeindent, .Params, .IsNamedParams,
// .Name, .Ordinal, .Position, .Parent (nil at the top level) and .Page.
// .Inner is template.HTML, as in Hugo, made by Call.InnerHTML: under
// the safe defaults the raw HTML the author wrote inside the call is
// omitted as in Markdown, and with WithUnsafeHTML it is kept as written.
// Everything else a template reads (.Get, .Params, .Page and its fields)
// is a plain value that html/template escapes by context; a template
// that marks author text as safe itself (template.HTML, a safeHTML-like
// function it adds) takes that text out of folio's policy. .Page is nil
// for Render; for
// RenderPost it has the post's fields, the typed front matter fields
// promoted (.Page.Title, .Page.Date, ...) and .Page.Params.
//
// As in Hugo, a template that mentions .Inner or .InnerDeindent takes
// inner content (InnerRequired: calls must be closed or self-closed) and
// any other takes none (InnerNone: a closing tag is an error).
//
// Hugo's template functions (markdownify, relURL, ...) do not exist in
// html/template; add the ones a template needs with t.Funcs before
// parsing it.
func Template(t *template.Template) Handler {
	mode := InnerNone
	if templateUsesInner(t) {
		mode = InnerRequired
	}
	return Handler{
		Inner: mode,
		Render: func(w io.Writer, sc *Call) error {
			return t.Execute(w, newTemplateShortcode(sc))
		},
	}
}

// templateUsesInner reports whether a template of t's set mentions
// .Inner or .InnerDeindent.
func templateUsesInner(t *template.Template) bool {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && nodeUsesInner(tt.Tree.Root) {
			return true
		}
	}
	return false
}

func nodeUsesInner(n parse.Node) bool {
	isInner := func(idents []string) bool {
		for _, id := range idents {
			if id == "Inner" || id == "InnerDeindent" {
				return true
			}
		}
		return false
	}
	switch n := n.(type) {
	case nil:
		return false
	case *parse.ListNode:
		if n == nil {
			return false
		}
		for _, c := range n.Nodes {
			if nodeUsesInner(c) {
				return true
			}
		}
	case *parse.ActionNode:
		return nodeUsesInner(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return false
		}
		for _, c := range n.Cmds {
			if nodeUsesInner(c) {
				return true
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			if nodeUsesInner(a) {
				return true
			}
		}
	case *parse.FieldNode:
		return isInner(n.Ident)
	case *parse.ChainNode:
		return isInner(n.Field) || nodeUsesInner(n.Node)
	case *parse.VariableNode:
		return isInner(n.Ident)
	case *parse.IfNode:
		return nodeUsesInner(n.Pipe) || nodeUsesInner(n.List) || nodeUsesInner(n.ElseList)
	case *parse.RangeNode:
		return nodeUsesInner(n.Pipe) || nodeUsesInner(n.List) || nodeUsesInner(n.ElseList)
	case *parse.WithNode:
		return nodeUsesInner(n.Pipe) || nodeUsesInner(n.List) || nodeUsesInner(n.ElseList)
	case *parse.TemplateNode:
		return nodeUsesInner(n.Pipe)
	}
	return false
}

// templateShortcode is the data a Template executes with.
type templateShortcode struct {
	sc     *Call
	parent *templateShortcode
	page   *templatePage
}

// templatePage is .Page: the post, with the front matter fields promoted.
type templatePage struct {
	*post.Post
	post.FrontMatter
}

func newTemplateShortcode(sc *Call) *templateShortcode {
	if sc == nil {
		return nil
	}
	t := &templateShortcode{sc: sc, parent: newTemplateShortcode(sc.Parent)}
	if sc.Page != nil {
		t.page = &templatePage{Post: sc.Page, FrontMatter: sc.Page.FrontMatter}
	}
	return t
}

// Get is Call.Get.
func (t *templateShortcode) Get(key any) any { return t.sc.Get(key) }

// Inner is the inner content, as HTML that is not escaped again: see
// Call.InnerHTML for what it may hold.
func (t *templateShortcode) Inner() template.HTML { return template.HTML(t.sc.InnerHTML()) }

// InnerDeindent is Inner with its common indentation removed.
func (t *templateShortcode) InnerDeindent() template.HTML {
	return template.HTML(deindent(t.sc.InnerHTML()))
}

// Params is Call.Params.
func (t *templateShortcode) Params() any { return t.sc.Params }

// IsNamedParams is Call.IsNamedParams.
func (t *templateShortcode) IsNamedParams() bool { return t.sc.IsNamedParams }

// Name is Call.Name.
func (t *templateShortcode) Name() string { return t.sc.Name }

// Ordinal is Call.Ordinal.
func (t *templateShortcode) Ordinal() int { return t.sc.Ordinal }

// Position is Call.Position.
func (t *templateShortcode) Position() post.Position { return t.sc.Position }

// Parent is the parent call's data, nil at the top level.
func (t *templateShortcode) Parent() *templateShortcode { return t.parent }

// Page is the post, nil for bare Markdown.
func (t *templateShortcode) Page() *templatePage { return t.page }
