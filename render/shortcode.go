package render

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/shortcode"
)

// ShortcodeFunc renders one shortcode call to w. For a call in standard
// notation ({{< name >}}) it writes HTML, inserted after the Markdown is
// rendered; for one in Markdown notation ({{% name %}}) it writes
// Markdown, rendered with the rest of the document. An error stops the
// render; it is returned wrapped in a *ShortcodeError inside a
// *post.ParseError that carries the call's position.
type ShortcodeFunc func(w io.Writer, sc *Shortcode) error

// InnerMode says whether a shortcode takes inner content: what may stand
// between {{< name >}} and {{< /name >}}.
type InnerMode uint8

const (
	// InnerNone (the zero value): a call never has a closing tag, and a
	// closing tag is an error, so no text is dropped unseen. Hugo applies
	// this rule to templates that do not use .Inner.
	InnerNone InnerMode = iota
	// InnerRequired: a call must be closed ({{< x >}}…{{< /x >}}) or
	// self-closed ({{< x />}}). Hugo applies this rule to templates that
	// use .Inner.
	InnerRequired
	// InnerOptional: a call is closed when a matching closing tag follows
	// it (before its parent's closing tag), and stands alone otherwise.
	InnerOptional
)

// String returns "none", "required" or "optional".
func (m InnerMode) String() string {
	switch m {
	case InnerNone:
		return "none"
	case InnerRequired:
		return "required"
	case InnerOptional:
		return "optional"
	}
	return fmt.Sprintf("InnerMode(%d)", uint8(m))
}

// ShortcodeHandler is a shortcode: the function that renders its calls and
// whether it takes inner content. Register it with [WithShortcode].
type ShortcodeHandler struct {
	// Render renders one call. Required.
	Render ShortcodeFunc
	// Inner says whether calls have inner content. Defaults to InnerNone.
	Inner InnerMode
}

// UnknownShortcodes says what a render does with a call to a shortcode
// that is not registered.
type UnknownShortcodes uint8

const (
	// UnknownError (the default) fails the render with an error that
	// unwraps to ErrUnknownShortcode, like Hugo.
	UnknownError UnknownShortcodes = iota
	// UnknownKeepAsText keeps the call, with its inner content and closing
	// tag, as literal text and adds a Diagnostic. The text is then part of
	// Plain, the summary and the word count, and runs through the
	// typographer and linkify; the fallbacks below do not.
	UnknownKeepAsText
	// UnknownDrop drops the call, with its inner content, and adds a
	// Diagnostic.
	UnknownDrop
	// UnknownInner drops the call's tags and keeps its inner content,
	// rendered as Markdown with the rest of the page (whatever the call's
	// notation), and adds a Diagnostic: {{< tabs >}}## One{{< /tabs >}}
	// becomes a heading of the page.
	UnknownInner
	// UnknownPlaceholder replaces the call, with its inner content, by an
	// empty element that marks where it was, and adds a Diagnostic. A call
	// alone on its line (a block) becomes
	//
	//	<div class="shortcode-unknown" data-shortcode="tabs"></div>
	//
	// and a call inside text a <span> with the same attributes. Nothing
	// the author wrote is in it but the name, so it adds no text to Plain,
	// the summary or the word count; a stylesheet can show it, for example
	// with .shortcode-unknown::before { content: "[" attr(data-shortcode) "]" }.
	UnknownPlaceholder
)

// UnknownClass is the class of the element UnknownPlaceholder writes.
const UnknownClass = "shortcode-unknown"

// Errors of shortcode processing, found with errors.Is inside the
// *post.ParseError a render returns.
var (
	// ErrUnknownShortcode: a call names a shortcode that is not registered.
	ErrUnknownShortcode = errors.New("unknown shortcode")
	// ErrShortcodeSyntax: a call is malformed (unclosed tag, mixed
	// arguments, mismatched closing tag, ...).
	ErrShortcodeSyntax = shortcode.ErrSyntax
	// ErrNoRefResolver: ref or relref was called but no resolver is set
	// (see WithRefResolver).
	ErrNoRefResolver = errors.New("no ref resolver configured (see render.WithRefResolver)")
)

// ShortcodeError is the cause of a failed shortcode call: the Err of the
// *post.ParseError a render returns, which carries the call's position.
//
//	var se *render.ShortcodeError
//	if errors.As(err, &se) { ... se.Name ... }
type ShortcodeError struct {
	Name string // the shortcode's name; "" when the call has none
	Err  error  // ErrUnknownShortcode, an error wrapping ErrShortcodeSyntax, or the handler's error
}

// Error returns `shortcode "name": cause`.
func (e *ShortcodeError) Error() string {
	var se *shortcode.Error
	if errors.As(e.Err, &se) {
		return se.Error() // already names the shortcode
	}
	if e.Name == "" {
		return "shortcode: " + e.Err.Error()
	}
	return fmt.Sprintf("shortcode %q: %v", e.Name, e.Err)
}

// Unwrap returns e.Err.
func (e *ShortcodeError) Unwrap() error { return e.Err }

// Ref is what a ref or relref call asks a [RefResolver] for.
type Ref struct {
	Path         string     // the page reference: "about.md", "/blog/post", "#anchor", ...
	Lang         string     // the lang argument, "" if not given
	OutputFormat string     // the outputFormat argument, "" if not given
	Relative     bool       // relref (a path relative to the site root) rather than ref (an absolute URL)
	Page         *post.Post // the page being rendered; nil for Render
	Position     Position   // where the call is
}

// RefResolver turns a ref or relref call into a URL. The URL is
// HTML-escaped when it is written.
type RefResolver func(ref Ref) (string, error)

// shortcodeConfig holds the registered shortcode handlers and options.
// The map is built for each New call and never changed after New returns.
type shortcodeConfig struct {
	disabled bool
	handlers map[string]ShortcodeHandler
	unknown  UnknownShortcodes
	// unknownHandler renders calls to unregistered names when its Render
	// is set (WithUnknownShortcodeHandler).
	unknownHandler ShortcodeHandler
	inline         bool // run inline shortcodes (WithInlineShortcodes)
	ref            RefResolver
	embed          embed.Options
	// hugoMarkup: built-ins write the white space of Hugo's templates
	// (HugoCompat).
	hugoMarkup bool
	site       map[string]any // lower-cased deep copy; read only
}

func defaultShortcodeConfig() shortcodeConfig {
	return shortcodeConfig{handlers: builtinShortcodes()}
}

// innerMode tells the parser how name takes inner content.
func (c *shortcodeConfig) innerMode(name string) shortcode.InnerMode {
	h, ok := c.handlers[name]
	if !ok {
		// Unknown names, and inline shortcodes: a closed call defines
		// one, a call without a closing tag runs the definition.
		return shortcode.InnerOptional
	}
	switch h.Inner {
	case InnerRequired:
		return shortcode.InnerRequired
	case InnerOptional:
		return shortcode.InnerOptional
	}
	return shortcode.InnerNone
}

// WithShortcode registers h under name, replacing a built-in or an
// earlier registration of the same name. Names are letters, digits, '_',
// '-' and '/' (for namespaces such as "blog/note"). A handler whose Render
// is nil removes the shortcode, as WithoutShortcode does.
func WithShortcode(name string, h ShortcodeHandler) Option {
	return optionFunc(func(c *config) {
		if h.Render == nil {
			delete(c.sc.handlers, name)
			return
		}
		c.sc.handlers[name] = h
	})
}

// WithoutShortcode removes the shortcodes names (built-in or registered
// earlier); calls to them are then unknown.
func WithoutShortcode(names ...string) Option {
	return optionFunc(func(c *config) {
		for _, n := range names {
			delete(c.sc.handlers, n)
		}
	})
}

// WithShortcodes turns shortcode processing on (the default) or off. When
// off, the shortcode syntax is left as text and Markdown renders it.
func WithShortcodes(on bool) Option {
	return optionFunc(func(c *config) { c.sc.disabled = !on })
}

// WithUnknownShortcodes sets what a call to an unregistered shortcode
// does: UnknownError (the default) fails the render, as Hugo does; the
// others (UnknownKeepAsText, UnknownDrop, UnknownInner,
// UnknownPlaceholder) render the page and add a Diagnostic with the
// call's position for each call, so a migration never stops on a page.
// A closing tag pairs with an unknown call when one follows it (before the
// closing tag of the call it is in); otherwise the call stands alone.
func WithUnknownShortcodes(u UnknownShortcodes) Option {
	return optionFunc(func(c *config) { c.sc.unknown = u })
}

// WithUnknownShortcodeHandler renders every call to an unregistered
// shortcode with h, which sees the call's name, arguments, inner content
// and position as a registered handler does, and adds a Diagnostic with
// the call's position for each call. It overrides WithUnknownShortcodes.
// h.Inner is not used: calls to unknown names pair with a closing tag
// when one follows them (InnerOptional). A handler whose Render is nil
// removes it.
func WithUnknownShortcodeHandler(h ShortcodeHandler) Option {
	return optionFunc(func(c *config) { c.sc.unknownHandler = h })
}

// WithInlineShortcodes runs inline shortcodes, as Hugo's
// enableInlineShortcodes = true does. Only use it for trusted input: the
// author writes the template. A call {{< name.inline >}}…{{< /name.inline >}}
// defines the shortcode name.inline for the rest of the page, its inner
// text being an html/template that runs with the same data as a template
// of ShortcodeTemplate (.Get, .Inner, .Params, .Name, .Page, ...), and
// writes its output; a later call without a closing tag
// ({{< name.inline />}} or {{< name.inline args >}}) runs the earlier
// definition again with its own arguments, and is an error without one.
// Hugo's template functions do not exist in these templates.
//
// Without it (the default, as in Hugo), each inline shortcode call
// writes nothing and adds a Diagnostic.
func WithInlineShortcodes(on bool) Option {
	return optionFunc(func(c *config) { c.sc.inline = on })
}

// WithRefResolver sets the resolver of the ref and relref shortcodes.
// Without one, a call to either is an error (ErrNoRefResolver).
func WithRefResolver(f RefResolver) Option {
	return optionFunc(func(c *config) { c.sc.ref = f })
}

// WithSiteParams gives the param shortcode the site's parameters (Hugo's
// site params), used when a key is not in the post's front matter, as
// Hugo's .Param does. Keys are case-insensitive. The map is copied, so the
// Renderer stays immutable whatever the caller does with it afterwards.
func WithSiteParams(params map[string]any) Option {
	site, _ := copyParams(params).(map[string]any)
	return optionFunc(func(c *config) { c.sc.site = site })
}

// copyParams deep-copies maps and slices, lower-casing map keys.
func copyParams(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, x := range v {
			m[strings.ToLower(k)] = copyParams(x)
		}
		return m
	case []any:
		s := make([]any, len(v))
		for i, x := range v {
			s[i] = copyParams(x)
		}
		return s
	case []string:
		return append([]string(nil), v...)
	}
	return v
}

// WithEmbedOptions sets the base options of the youtube and vimeo
// shortcodes, and of the embeds that replace hand-written YouTube and Vimeo
// iframes; a shortcode call's arguments (autoplay, class, title, ...) are
// applied on top. The default is embed's zero Options: privacy-enhanced,
// lazily loaded, responsive. embed.Options{Wrapper: embed.WrapperHugo}
// gives the markup of Hugo's own shortcodes byte for byte.
func WithEmbedOptions(o embed.Options) Option {
	return optionFunc(func(c *config) { c.sc.embed = o })
}

// Shortcode is one call, as its handler sees it. The handler must not
// keep it after returning.
type Shortcode struct {
	// Name is the shortcode's name as written in the call.
	Name string
	// Markdown is true for a call in Markdown notation ({{% name %}}),
	// whose output is Markdown.
	Markdown bool
	// IsNamedParams is true when the arguments are named (name=value).
	IsNamedParams bool
	// Params holds the arguments as Hugo's .Params does: a []any of the
	// positional arguments, or a map[string]any of the named ones, or nil
	// when there are none. Quoted values are strings; unquoted ones are
	// typed bool, int, float64 or string.
	Params any
	// Inner is the text between the opening and the closing tag, with the
	// calls inside it already run: the Markdown output of {{% %}} calls,
	// and a placeholder (letters and digits) for the HTML output of
	// {{< >}} calls, replaced when the page is finished. "" when the call
	// has no closing tag. It is what the author wrote: a handler of a
	// {{< >}} call that writes it as HTML must escape it, render it with
	// RenderMarkdown, or use InnerHTML.
	Inner string
	// Parent is the call this one is nested in, nil at the top level. Its
	// Inner is not known yet when the child runs.
	Parent *Shortcode
	// Ordinal is the zero-based index of the call among the calls of its
	// parent, or of the page for a top-level call, whatever their names.
	Ordinal int
	// Position is where the call starts in the source file.
	Position Position
	// Page is the post being rendered; nil for Render.
	Page *post.Post

	r     *Renderer
	d     *docState
	off   int // offset of the call in the source
	end   int // offset of the end of the call (its closing tag's) in the source
	isTOC bool
	// discardsInner: the call is an unknown shortcode whose fallback
	// writes nothing of its inner content (UnknownDrop, UnknownPlaceholder).
	discardsInner bool
	// asHTML and asMarkdown make the output HTML or Markdown whatever
	// the call's notation (the fallbacks of unknown shortcodes).
	asHTML, asMarkdown bool
	// authored locates the author's own text in Inner (the rest is the
	// output of nested calls).
	authored []innerSpan
}

// innerSpan says that Inner[start:end] is author text from offset src of
// the source.
type innerSpan struct{ start, end, src int }

// Get returns an argument as Hugo's .Get does: key is an int (the index of
// a positional argument) or a string (the name of a named one). It
// returns nil when there are no arguments or key is of the other kind, and
// "" when the argument is missing.
func (sc *Shortcode) Get(key any) any {
	switch p := sc.Params.(type) {
	case []any:
		i, ok := key.(int)
		if !ok {
			return nil
		}
		if i < 0 || i >= len(p) {
			return ""
		}
		return p[i]
	case map[string]any:
		k, ok := key.(string)
		if !ok {
			return nil
		}
		v, ok := p[k]
		if !ok {
			return ""
		}
		return v
	}
	return nil
}

// Has reports whether the argument key (an int or a string, see Get) was
// given.
func (sc *Shortcode) Has(key any) bool {
	switch p := sc.Params.(type) {
	case []any:
		i, ok := key.(int)
		return ok && i >= 0 && i < len(p)
	case map[string]any:
		k, ok := key.(string)
		if !ok {
			return false
		}
		_, ok = p[k]
		return ok
	}
	return false
}

// GetString returns the argument key formatted as text ("" when missing):
// strings as they are, numbers and bools in Go's default format.
func (sc *Shortcode) GetString(key any) string {
	switch v := sc.Get(key).(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// GetBool returns the argument key as a bool: true, false, 1, 0 or those
// as strings ("true", "false", "1", "0"). A missing argument gives def;
// anything else is an error naming the argument.
func (sc *Shortcode) GetBool(key any, def bool) (bool, error) {
	if !sc.Has(key) {
		return def, nil
	}
	switch v := sc.Get(key).(type) {
	case bool:
		return v, nil
	case int:
		if v == 0 || v == 1 {
			return v == 1, nil
		}
	case string:
		switch v {
		case "true", "1":
			return true, nil
		case "false", "0":
			return false, nil
		}
	}
	return def, &ArgError{Key: key, Err: fmt.Errorf("want true or false, got %s", showArg(sc.Get(key)))}
}

// GetInt returns the argument key as an int: an int, or a string of
// decimal digits. A missing argument gives def; anything else is an
// error naming the argument.
func (sc *Shortcode) GetInt(key any, def int) (int, error) {
	if !sc.Has(key) {
		return def, nil
	}
	switch v := sc.Get(key).(type) {
	case int:
		return v, nil
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n, nil
		}
	}
	return def, &ArgError{Key: key, Err: fmt.Errorf("want an integer, got %s", showArg(sc.Get(key)))}
}

// ArgError is a handler's error about one argument. GetBool and GetInt
// return it; a handler may return one too. The render positions it at the
// argument rather than at the call.
type ArgError struct {
	Key any   // the argument: an int index or a string name
	Err error // what is wrong with it
}

// Error returns `argument KEY: cause`.
func (e *ArgError) Error() string { return "argument " + argName(e.Key) + ": " + e.Err.Error() }

// Unwrap returns e.Err.
func (e *ArgError) Unwrap() error { return e.Err }

func argName(key any) string {
	if s, ok := key.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(key)
}

func showArg(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%v (%T)", v, v)
}

// InnerHTML returns Inner as HTML that may be written under the
// renderer's raw HTML policy: without WithUnsafeHTML, raw HTML the author
// wrote in it is omitted as it is in Markdown (each tag becomes
// "<!-- raw HTML omitted -->" with a Diagnostic, comments are dropped, and
// any other '<' is escaped), while the output of nested calls is kept.
// With WithUnsafeHTML, and for a call in Markdown notation ({{% %}}, whose
// output is rendered as Markdown under the same policy), it is Inner.
// ShortcodeTemplate gives it to templates as .Inner.
func (sc *Shortcode) InnerHTML() string {
	if sc.Markdown || sc.r == nil || sc.r.cfg.unsafe || len(sc.authored) == 0 {
		return sc.Inner
	}
	var b []byte
	last := 0
	for _, sp := range sc.authored {
		b = append(b, sc.Inner[last:sp.start]...)
		b = omitRawHTML(b, sc.Inner[sp.start:sp.end], func(off int) {
			if sc.d != nil {
				sc.d.noteSource(sp.src+off, "raw HTML omitted (in the inner content of shortcode "+strconv.Quote(sc.Name)+")")
			}
		})
		last = sp.end
	}
	return string(append(b, sc.Inner[last:]...))
}

// omitRawHTML appends s to dst with its raw HTML omitted as in Markdown:
// a comment is dropped, a tag (or a declaration or processing instruction)
// becomes "<!-- raw HTML omitted -->" and is reported at its offset in s
// (a closing tag is not reported again),
// and any other '<' is escaped, so that nothing in s can open markup.
func omitRawHTML(dst []byte, s string, report func(off int)) []byte {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			return append(dst, s[i:]...)
		}
		dst = append(dst, s[i:i+k]...)
		j := i + k
		rest := s[j:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			if e := strings.Index(rest[4:], "-->"); e >= 0 {
				i = j + 4 + e + 3
				continue
			}
		case len(rest) > 1 && (isASCIILetter(rest[1]) || rest[1] == '!' || rest[1] == '?' ||
			rest[1] == '/' && len(rest) > 2 && isASCIILetter(rest[2])):
			if e := tagEnd(rest); e > 0 {
				dst = append(dst, omitted...)
				if rest[1] != '/' { // a closing tag is not reported again
					report(j)
				}
				i = j + e
				continue
			}
		}
		dst = append(dst, "&lt;"...)
		i = j + 1
	}
	return dst
}

// tagEnd returns the length of the tag that starts s, up to its '>'
// outside quoted attribute values, or 0 when it has no end.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return 0
}

// InnerDeindent returns Inner with the indentation common to its non-blank
// lines removed, as Hugo's .InnerDeindent does: a shortcode's content
// indented inside a list item comes out flush left.
func (sc *Shortcode) InnerDeindent() string {
	return deindent(sc.Inner)
}

func deindent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	common := -1
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if n := len(l) - len(t); common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, l := range lines {
		if len(l) >= common && strings.TrimLeft(l[:common], " \t") == "" {
			l = l[common:]
		} else {
			l = strings.TrimLeft(l, " \t")
		}
		b.WriteString(l)
	}
	return b.String()
}

// RenderMarkdown renders Markdown with the renderer's settings (no
// shortcodes) and returns the HTML; when the result is a single paragraph
// its <p> is removed, as Hugo's markdownify does. Handlers use it for
// captions and for inner content written in Markdown.
func (sc *Shortcode) RenderMarkdown(markdown string) (string, error) {
	if sc.r == nil {
		return "", errors.New("render: Shortcode.RenderMarkdown outside a render")
	}
	b, err := sc.r.markdownify([]byte(markdown), sc.d, sc.off, fmt.Sprintf("in shortcode %q", sc.Name))
	return string(b), err
}

// expansion is src with every shortcode call run: the Markdown goldmark
// parses, plus what is needed to finish the HTML and map positions back.
type expansion struct {
	src    []byte
	edits  []edit  // in order of start
	orig   []byte  // the source before expansion
	prefix []byte  // of every placeholder: random letters absent from orig; made with the first
	outs   []scOut // the output of each {{< >}} call, by placeholder number
	plains []plainOut
}

// edit records that src[orig:origEnd] became source()[start:end].
type edit struct {
	start, end    int
	orig, origEnd int
}

type scOut struct {
	html []byte
	toc  bool   // the toc shortcode: replaced by the TOC's HTML
	name string // the shortcode's name, for diagnostics
	off  int    // the call's offset in the source
	// quiet: the call is inside an unknown call whose inner content is
	// dropped, so its output is not expected in the HTML.
	quiet bool
}

// plainOut is the plain text of an output, once made.
type plainOut struct {
	text string
	done bool
}

// hasTOC reports whether a toc shortcode asks for the TOC's HTML.
func (x *expansion) hasTOC() bool {
	for _, o := range x.outs {
		if o.toc {
			return true
		}
	}
	return false
}

// expandShortcodes runs every shortcode call in d.src.
func (r *Renderer) expandShortcodes(d *docState) (*expansion, error) {
	x := &expansion{src: d.src, orig: d.src}
	c := &r.cfg.sc
	if c.disabled {
		return x, nil
	}
	nodes, err := shortcode.Parse(d.src, shortcode.Options{Inner: c.innerMode})
	if err != nil {
		var se *shortcode.Error
		if errors.As(err, &se) {
			return nil, d.errorAtSource(se.Off, &ShortcodeError{Name: se.Name, Err: se})
		}
		return nil, d.errorAtSource(0, err)
	}
	if len(nodes) == 0 {
		return x, nil
	}
	e := &expander{r: r, d: d, x: x}
	// The expanded source is made at the first call that changes the
	// text: a site's own shortcodes kept as text change nothing.
	var out []byte
	last := 0
	for _, n := range nodes {
		if e.keptAsText(n) {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(d.src)+len(d.src)/8)
		}
		out = append(out, d.src[last:n.Start]...)
		start := len(out)
		if out, err = e.node(out, n, nil, 0); err != nil {
			return nil, err
		}
		x.edits = append(x.edits, edit{start: start, end: len(out), orig: n.Start, origEnd: n.End})
		last = n.End
	}
	if out != nil {
		x.src = append(out, d.src[last:]...)
	}
	return x, nil
}

// maxShortcodeDepth bounds how deeply calls may nest. The inner content
// of a nested {{% %}} call is rendered at each level, so an unbounded depth
// would cost time quadratic in the input; real pages nest a few levels.
const maxShortcodeDepth = 64

// errTooDeep: calls nest deeper than maxShortcodeDepth.
var errTooDeep = fmt.Errorf("%w: calls nested more than %d levels deep", ErrShortcodeSyntax, maxShortcodeDepth)

// keptAsText reports whether n is a call of an unknown shortcode that is
// kept as text, with its Diagnostic.
func (e *expander) keptAsText(n *shortcode.Node) bool {
	c := &e.r.cfg.sc
	if n.Kind == shortcode.Escape || c.unknown != UnknownKeepAsText {
		return false
	}
	if _, ok := c.handlers[n.Name]; ok {
		return false
	}
	e.d.noteSource(n.Start, "unknown shortcode "+strconv.Quote(n.Name)+" kept as text")
	return true
}

type expander struct {
	r *Renderer
	d *docState
	x *expansion
	// inline holds the page's inline shortcode definitions, by name
	// (WithInlineShortcodes).
	inline map[string]*template.Template
}

// position returns the file position of offset off of the source, in
// time linear over the document's calls in whatever order they come.
func (e *expander) position(off int) Position {
	line, col := e.d.lineColSource(off)
	return Position{Path: e.d.path, Line: line, Column: col}
}

// node appends what n stands for to out: an escape's text, a {{% %}}
// call's Markdown output, or a {{< >}} call's placeholder.
func (e *expander) node(out []byte, n *shortcode.Node, parent *Shortcode, level int) ([]byte, error) {
	src := e.d.src
	if n.Kind == shortcode.Escape {
		return append(out, n.Text...), nil
	}
	if e.keptAsText(n) {
		return append(out, src[n.Start:n.End]...), nil
	}
	h, ok := e.r.cfg.sc.handlers[n.Name]
	discards := false // a fallback that writes nothing of the inner content
	if !ok {
		var err error
		if h, discards, err = e.fallback(n, parent); err != nil {
			return nil, err
		}
	}
	if level >= maxShortcodeDepth {
		return nil, e.d.errorAtSource(n.Start, &ShortcodeError{Name: n.Name, Err: errTooDeep})
	}
	sc := &Shortcode{
		Name:          n.Name,
		Markdown:      n.Notation == shortcode.Markdown,
		IsNamedParams: n.Named,
		Parent:        parent,
		Ordinal:       n.Ordinal,
		Position:      e.position(n.Start),
		Page:          e.d.page,
		r:             e.r,
		d:             e.d,
		off:           n.Start,
		end:           n.End,
		discardsInner: discards,
	}
	if len(n.Args) > 0 {
		if n.Named {
			m := make(map[string]any, len(n.Args))
			for _, a := range n.Args {
				m[a.Name] = a.Value
			}
			sc.Params = m
		} else {
			l := make([]any, len(n.Args))
			for i, a := range n.Args {
				l[i] = a.Value
			}
			sc.Params = l
		}
	}
	if n.CloseStart >= 0 {
		var inner []byte
		last := n.TagEnd
		for _, c := range n.Children {
			sc.authored = append(sc.authored, innerSpan{len(inner), len(inner) + c.Start - last, last})
			inner = append(inner, src[last:c.Start]...)
			var err error
			if inner, err = e.node(inner, c, sc, level+1); err != nil {
				return nil, err
			}
			last = c.End
		}
		sc.authored = append(sc.authored, innerSpan{len(inner), len(inner) + n.CloseStart - last, last})
		inner = append(inner, src[last:n.CloseStart]...)
		if sc.Markdown && level > 0 {
			// Hugo renders the inner content of a nested {{% %}} call as
			// Markdown, without its <p> when it is a single line.
			b, err := e.r.fragment(inner, e.d, n.Start, fmt.Sprintf("in shortcode %q", n.Name))
			if err != nil {
				return nil, e.d.errorAtSource(n.Start, &ShortcodeError{Name: n.Name, Err: err})
			}
			if bytes.IndexByte(inner, '\n') < 0 {
				b = trimShortHTML(b)
			}
			inner = b
			sc.authored = nil // rendered: no raw author text is left
		}
		sc.Inner = string(inner)
	}
	var buf bytes.Buffer
	if err := h.Render(&buf, sc); err != nil {
		var pe *post.ParseError
		if errors.As(err, &pe) {
			return nil, err // already positioned (a nested render)
		}
		return nil, e.d.errorAtSource(argOffset(n, err), &ShortcodeError{Name: n.Name, Err: err})
	}
	if sc.isTOC || sc.asHTML || !sc.Markdown && !sc.asMarkdown {
		return e.x.placeholder(out, scOut{html: buf.Bytes(), toc: sc.isTOC, name: n.Name, off: n.Start, quiet: sc.inDiscarded()}), nil
	}
	if ind := callIndent(src, n.Start); ind != nil {
		// As Hugo does, Markdown output of a call indented on its line (in
		// a list item, say) gets the same indentation on each of its
		// following lines, so that it stays where the call is.
		return appendIndented(out, buf.Bytes(), ind), nil
	}
	return append(out, buf.Bytes()...), nil
}

// maxReindent bounds the indentation callIndent returns, so that
// re-indenting costs at most a constant per output byte.
const maxReindent = 128

// callIndent returns the spaces and tabs between the start of the line
// and a call at src[start], or nil when there is other text before it, no
// indentation, or more than maxReindent bytes of it.
func callIndent(src []byte, start int) []byte {
	i := start
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == start || i > 0 && src[i-1] != '\n' || start-i > maxReindent {
		return nil
	}
	return src[i:start]
}

// appendIndented appends b to out with ind after each line break that is
// followed by a non-blank line.
func appendIndented(out, b, ind []byte) []byte {
	for len(b) > 0 {
		k := bytes.IndexByte(b, '\n')
		if k < 0 {
			return append(out, b...)
		}
		out = append(out, b[:k+1]...)
		b = b[k+1:]
		if len(b) > 0 && b[0] != '\n' && !(b[0] == '\r' && len(b) > 1 && b[1] == '\n') {
			out = append(out, ind...)
		}
	}
	return out
}

// argOffset returns the offset of the argument an *ArgError names, or of
// the call.
func argOffset(n *shortcode.Node, err error) int {
	var ae *ArgError
	if !errors.As(err, &ae) {
		return n.Start
	}
	pos := 0
	for _, a := range n.Args {
		if k, ok := ae.Key.(string); ok && a.Name == k {
			return a.Off
		}
		if k, ok := ae.Key.(int); ok && a.Name == "" {
			if pos == k {
				return a.Off
			}
			pos++
		}
	}
	return n.Start
}

// placeholder appends the placeholder of a new output to out.
func (x *expansion) placeholder(out []byte, o scOut) []byte {
	if x.prefix == nil {
		x.prefix = newPlaceholderPrefix(x.orig)
	}
	out = append(out, x.prefix...)
	out = strconv.AppendInt(out, int64(len(x.outs)), 10)
	x.outs = append(x.outs, o)
	return append(out, 'z')
}

// source returns the Markdown goldmark parses.
func (x *expansion) source() []byte { return x.src }

// origOffset maps an offset of source() to an offset of the original src:
// an offset inside the output of a call maps to the call's start.
func (x *expansion) origOffset(off int) int {
	i := sort.Search(len(x.edits), func(i int) bool { return x.edits[i].start > off }) - 1
	if i < 0 {
		return off
	}
	e := x.edits[i]
	if off < e.end {
		return e.orig
	}
	return e.origEnd + off - e.end
}

// nextPlaceholder finds the next well-formed placeholder in b from i,
// with a number below limit: its start, end and number; start is -1 when
// there is none.
func (x *expansion) nextPlaceholder(b []byte, i, limit int) (start, end, idx int) {
	for i < len(b) {
		k := bytes.Index(b[i:], x.prefix)
		if k < 0 {
			break
		}
		start = i + k
		if end, idx, ok := x.placeholderEnd(b, start, limit); ok {
			return start, end, idx
		}
		i = start + 1
	}
	return -1, 0, 0
}

// placeholderEnd reads the placeholder at b[i:], which starts with the
// prefix: its end and output number; ok is false unless the prefix is
// followed by digits, a number below limit, and 'z'.
func (x *expansion) placeholderEnd(b []byte, i, limit int) (end, idx int, ok bool) {
	j := i + len(x.prefix)
	n := 0
	for j < len(b) && b[j] >= '0' && b[j] <= '9' && n <= limit {
		n = n*10 + int(b[j]-'0')
		j++
	}
	if j == i+len(x.prefix) || j >= len(b) || b[j] != 'z' || n >= limit {
		return 0, 0, false
	}
	return j + 1, n, true
}

// plain returns s with each placeholder replaced by the plain text of its
// output (for heading IDs and TOC text); a toc call adds nothing.
func (x *expansion) plain(s []byte) []byte {
	return x.plainBelow(s, len(x.outs))
}

func (x *expansion) plainBelow(s []byte, limit int) []byte {
	if len(x.outs) == 0 {
		return s
	}
	start, end, idx := x.nextPlaceholder(s, 0, limit)
	if start < 0 {
		return s
	}
	var out []byte
	last := 0
	for start >= 0 {
		out = append(out, s[last:start]...)
		out = append(out, x.plainOf(idx)...)
		last = end
		start, end, idx = x.nextPlaceholder(s, end, limit)
	}
	return append(out, s[last:]...)
}

// plainOf returns the plain text of output i, made once: its HTML's text
// with the outputs nested in it replaced by theirs.
func (x *expansion) plainOf(i int) string {
	if x.plains == nil {
		x.plains = make([]plainOut, len(x.outs))
	}
	p := &x.plains[i]
	if !p.done {
		if !x.outs[i].toc {
			p.text = string(x.plainBelow([]byte(htmlText(x.outs[i].html)), i))
		}
		p.done = true
	}
	return p.text
}

// htmlText returns the text of an HTML fragment: tags and comments
// dropped, entities decoded, white space runs made single spaces.
func htmlText(b []byte) string {
	var sb strings.Builder
	for i := 0; i < len(b); {
		switch {
		case bytes.HasPrefix(b[i:], []byte("<!--")):
			k := bytes.Index(b[i+4:], []byte("-->"))
			if k < 0 {
				i = len(b)
			} else {
				i += 4 + k + 3
			}
		case b[i] == '<':
			k := bytes.IndexByte(b[i:], '>')
			if k < 0 {
				sb.Write(b[i:])
				i = len(b)
			} else {
				i += k + 1
			}
		default:
			k := bytes.IndexByte(b[i:], '<')
			if k < 0 {
				k = len(b) - i
			}
			sb.Write(b[i : i+k])
			i += k
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(sb.String())), " ")
}

// inDiscarded reports whether sc is nested in a call whose inner content
// is discarded. Nesting is at most maxShortcodeDepth deep.
func (sc *Shortcode) inDiscarded() bool {
	for p := sc.Parent; p != nil; p = p.Parent {
		if p.discardsInner {
			return true
		}
	}
	return false
}
