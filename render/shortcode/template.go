package shortcode

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"slices"
	"strings"
	"sync"
	"text/template/parse"

	"github.com/folio-md/folio/post"
)

// Template returns a handler that executes t for each call, so
// Hugo shortcode templates can be ported: the template sees the call as
// Hugo's do, with .Get, .Inner, .InnerDeindent, .Params, .IsNamedParams,
// .Name, .Ordinal, .Position, .Parent (nil at the top level), .Page,
// .RenderString and .Site.Params.
// .Inner is template.HTML, as in Hugo, made by Call.InnerHTML: under
// the safe defaults the raw HTML the author wrote inside the call is
// omitted as in Markdown, and with WithUnsafeHTML it is kept as written.
// Everything else a template reads (.Get, .Params, .Page and its fields)
// is a plain value that html/template escapes by context; a template
// that marks author text as safe itself (template.HTML, a function of its
// own) takes that text out of folio's policy, while folio's safeHTML
// (see [Funcs]) keeps it in. .Page is nil for Render; for
// RenderPost it has the post's fields, the typed front matter fields
// promoted (.Page.Title, .Page.Date, ...), .Page.Params,
// .Page.RenderString and .Page.Site.
//
// .RenderString MARKDOWN renders MARKDOWN with the renderer's settings,
// without its wrapping <p> when it is a single paragraph, as Hugo's does;
// .RenderString (dict "display" "block") MARKDOWN keeps it (a map with
// "display": "block" as first argument). .Site.Params are the site params
// of render.WithSiteParams (keys lower-cased); .Site has nothing else.
//
// As in Hugo, a template that mentions .Inner or .InnerDeindent takes
// inner content (InnerRequired: calls must be closed or self-closed) and
// any other takes none (InnerNone: a closing tag is an error).
//
// Hugo's template functions do not exist in html/template: parse t with
// [Funcs] (or with [ParseTemplate]) to have folio's, and add others with
// t.Funcs before parsing. Template binds markdownify and safeHTML to the
// call being run, replacing any function of those names t was parsed
// with; for that it runs clones of t, so t must not have been executed
// (if it has, t runs as it is, and markdownify fails). An error of
// execution names what the template used that does not exist, such as
// .Site.Title.
//
// The handler's CacheID (render.WithResultCache) is a hash of the text
// of t and its associated templates. The functions t calls are known by
// their names only: set CacheID yourself when a function of your own may
// write differently for the same arguments (it reads settings), or
// Volatile when it reads the clock, files or the network.
func Template(t *template.Template) Handler {
	mode := InnerNone
	if templateUsesInner(t) {
		mode = InnerRequired
	}
	run := func(w io.Writer, sc *Call) error {
		return templateError(t.Name(), t.Execute(w, newTemplateShortcode(sc)))
	}
	if templateUsesIdent(t, "markdownify", "safeHTML") {
		pool := &sync.Pool{}
		run = func(w io.Writer, sc *Call) error {
			b, _ := pool.Get().(*boundTemplate)
			if b == nil {
				c, err := t.Clone()
				if err != nil { // t has been executed: run it as it is
					return templateError(t.Name(), t.Execute(w, newTemplateShortcode(sc)))
				}
				b = &boundTemplate{t: c, st: &funcState{}}
				c.Funcs(template.FuncMap{
					"markdownify": funcsFor(b.st)["markdownify"],
					"safeHTML":    funcsFor(b.st)["safeHTML"],
				})
			}
			b.st.call = sc
			err := b.t.Execute(w, newTemplateShortcode(sc))
			b.st.call = nil
			pool.Put(b)
			return templateError(t.Name(), err)
		}
	}
	return Handler{Inner: mode, Render: run, CacheID: templateID(t)}
}

// templateID is the CacheID of Template(t): a hash of the text of t and
// of every template associated with it, by name. Functions are known by
// their names only (see Template).
func templateID(t *template.Template) string {
	ts := t.Templates()
	slices.SortFunc(ts, func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
	h := sha256.New()
	fmt.Fprintf(h, "%q\n", t.Name())
	for _, x := range ts {
		if x.Tree != nil && x.Tree.Root != nil {
			fmt.Fprintf(h, "%q %q\n", x.Name(), x.Tree.Root.String())
		}
	}
	return "folio/template/" + hex.EncodeToString(h.Sum(nil))
}

// boundTemplate is a clone of a Template's template whose markdownify and
// safeHTML work for st.call; one goroutine uses it at a time.
type boundTemplate struct {
	t  *template.Template
	st *funcState
}

// ParseTemplate parses text as an html/template named name, with the
// functions of [Funcs], for [Template]:
//
//	t, err := shortcode.ParseTemplate("note", `<aside>{{ .Inner | markdownify }}</aside>`)
//	if err != nil { ... }
//	r := render.New(render.WithShortcodeHandler("note", shortcode.Template(t)))
//
// A function the template calls that neither html/template nor Funcs
// defines is an error naming it: `shortcode template "note": function
// "relURL" not defined (...)`, which unwraps to the html/template error.
func ParseTemplate(name, text string) (*template.Template, error) {
	t, err := template.New(name).Funcs(Funcs()).Parse(text)
	if err != nil {
		return nil, parseTemplateError(name, err)
	}
	return t, nil
}

// TemplateError is an error of a shortcode template that says, in folio's
// words, what the template used that does not exist; it unwraps to the
// html/template or text/template error.
type TemplateError struct {
	Name string // the template's name
	Msg  string // what is wrong
	Err  error  // html/template's error
}

// Error returns `shortcode template "name": message`.
func (e *TemplateError) Error() string {
	return fmt.Sprintf("shortcode template %q: %s", e.Name, e.Msg)
}

// Unwrap returns e.Err.
func (e *TemplateError) Unwrap() error { return e.Err }

var (
	undefinedFunc  = regexp.MustCompile(`function "([^"]+)" not defined`)
	undefinedField = regexp.MustCompile(`^(.*)can't evaluate field (\w+) in type \*shortcode\.(template\w+)$`)
)

// parseTemplateError names the undefined function of a parse error.
func parseTemplateError(name string, err error) error {
	if m := undefinedFunc.FindStringSubmatch(err.Error()); m != nil {
		return &TemplateError{Name: name, Err: err, Msg: fmt.Sprintf(
			"function %q not defined (folio's shortcode.Funcs: %s; add others with t.Funcs before Parse): %v",
			m[1], strings.Join(funcNames, ", "), err)}
	}
	return err
}

// dataFields names what the template data of each type offers.
var dataFields = map[string]string{
	"templateShortcode": ".Get, .Inner, .InnerDeindent, .Params, .IsNamedParams, .Name, .Ordinal, .Position, .Parent, .Page, .RenderString, .Site",
	"templatePage":      "the post's fields, its front matter's (.Title, .Date, ...), .Params, .RenderString, .Site",
	"templateSite":      ".Params",
}

// templateError turns an execution error about a field or method the
// data does not have into a [*TemplateError] that names it.
func templateError(name string, err error) error {
	if err == nil {
		return nil
	}
	if m := undefinedField.FindStringSubmatch(err.Error()); m != nil {
		what := map[string]string{"templateShortcode": "a shortcode call", "templatePage": ".Page", "templateSite": ".Site"}[m[3]]
		return &TemplateError{Name: name, Err: err, Msg: fmt.Sprintf(
			"%s.%s is not defined in folio: %s has %s", m[1], m[2], what, dataFields[m[3]])}
	}
	return err
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

// templateUsesIdent reports whether a template of t's set calls one of
// the functions names.
func templateUsesIdent(t *template.Template, names ...string) bool {
	for _, tt := range t.Templates() {
		if tt.Tree != nil && nodeUsesIdent(tt.Tree.Root, names) {
			return true
		}
	}
	return false
}

func nodeUsesIdent(n parse.Node, names []string) bool {
	found := false
	var walk func(parse.Node)
	walk = func(n parse.Node) {
		if found || n == nil {
			return
		}
		switch n := n.(type) {
		case *parse.IdentifierNode:
			found = slices.Contains(names, n.Ident)
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.TemplateNode:
			walk(n.Pipe)
		}
	}
	walk(n)
	return found
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
	sc *Call
}

// templateSite is .Site.
type templateSite struct {
	Params map[string]any // the site params (render.WithSiteParams)
}

func newTemplateShortcode(sc *Call) *templateShortcode {
	if sc == nil {
		return nil
	}
	t := &templateShortcode{sc: sc, parent: newTemplateShortcode(sc.Parent)}
	if sc.Page != nil {
		t.page = &templatePage{Post: sc.Page, FrontMatter: sc.Page.FrontMatter, sc: sc}
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

// RenderString is Hugo's .RenderString: see Template.
func (t *templateShortcode) RenderString(args ...any) (template.HTML, error) {
	return renderString(t.sc, args)
}

// Site is Hugo's .Site, with only its Params.
func (t *templateShortcode) Site() *templateSite { return siteOf(t.sc) }

// RenderString is Hugo's .Page.RenderString: see Template.
func (p *templatePage) RenderString(args ...any) (template.HTML, error) {
	return renderString(p.sc, args)
}

// Site is Hugo's .Page.Site, with only its Params.
func (p *templatePage) Site() *templateSite { return siteOf(p.sc) }

func siteOf(c *Call) *templateSite {
	if c == nil || c.x == nil {
		return &templateSite{}
	}
	return &templateSite{Params: c.x.cfg.SiteParams}
}

// renderString renders [OPTIONS] MARKDOWN for c, as Hugo's RenderString.
func renderString(c *Call, args []any) (template.HTML, error) {
	if len(args) == 0 || len(args) > 2 {
		return "", fmt.Errorf("RenderString: want [OPTIONS] MARKDOWN, got %d arguments", len(args))
	}
	block := false
	if len(args) == 2 {
		opts, ok := args[0].(map[string]any)
		if !ok {
			return "", fmt.Errorf("RenderString: options must be a map, got %T", args[0])
		}
		switch d := toText(opts["display"]); d {
		case "", "inline":
		case "block":
			block = true
		default:
			return "", fmt.Errorf("RenderString: display must be \"inline\" or \"block\", got %q", d)
		}
	}
	s, err := c.renderMarkdown(toText(args[len(args)-1]), !block)
	return template.HTML(s), err
}
