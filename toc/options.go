package toc

import (
	"io"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// Option configures Build and the output methods (HTML, Markdown).
//
// Options passed to Build choose the headings and the shape of the tree and
// are remembered by the TOC as the defaults of its output methods. Options
// passed to an output method override those defaults for that call only; see
// [TOC.HTML] for what a change of level range or shape at output time does.
//
// The interface is sealed: only this package implements it. Each option has a
// String method that prints it as Go code, for test output.
type Option interface {
	apply(*config)
	String() string
}

// config is the resolved set of options.
type config struct {
	set        bool // false in a TOC built by hand or decoded from JSON
	startLevel int
	endLevel   int // -1 = no limit
	ordered    bool
	collapse   bool
	single     bool
	keepEmpty  bool // keep headings without text (Hugo)
	inline     InlineFunc
}

func defaultConfig() config {
	return config{set: true, startLevel: 2, endLevel: 3, collapse: true, single: true}
}

func newConfig(base config, opts []Option) config {
	c := base
	if !c.set {
		c = defaultConfig()
	}
	for _, o := range opts {
		if o != nil {
			o.apply(&c)
		}
	}
	return c
}

// shape reports whether two configs build the same tree.
func (c config) sameShape(d config) bool {
	return c.startLevel == d.startLevel && c.endLevel == d.endLevel &&
		c.collapse == d.collapse && c.single == d.single && c.keepEmpty == d.keepEmpty
}

// inRange reports whether a heading level is selected.
func (c config) inRange(level int) bool {
	return level >= c.startLevel && (c.endLevel < 0 || level <= c.endLevel)
}

type optionFunc struct {
	name string
	fn   func(*config)
}

func (o optionFunc) apply(c *config) { o.fn(c) }
func (o optionFunc) String() string  { return o.name }

func clampLevel(n int) int {
	return min(max(n, 1), 6)
}

// StartLevel sets the shallowest heading level in the table of contents:
// 1 for h1 up to 6 for h6. The default is 2, as in Hugo. Values below 1 count
// as 1 and values above 6 as 6.
func StartLevel(n int) Option {
	return optionFunc{"StartLevel(" + strconv.Itoa(n) + ")", func(c *config) { c.startLevel = clampLevel(n) }}
}

// EndLevel sets the deepest heading level in the table of contents, inclusive.
// The default is 3, as in Hugo; -1 (or any negative value) means no limit.
// Values above 6 count as 6 and 0 as 1. An end level below the start level
// selects nothing.
func EndLevel(n int) Option {
	return optionFunc{"EndLevel(" + strconv.Itoa(n) + ")", func(c *config) {
		if n < 0 {
			c.endLevel = -1
		} else {
			c.endLevel = clampLevel(n)
		}
	}}
}

// Ordered makes HTML write <ol> lists instead of <ul> and Markdown write
// "1." items instead of "-". The default is false. It only affects output.
func Ordered(on bool) Option {
	return optionFunc{"Ordered(" + strconv.FormatBool(on) + ")", func(c *config) { c.ordered = on }}
}

// CollapseSkipped chooses what a skipped heading level does. With true (the
// default) an entry nests directly under the nearest earlier entry of a
// shallower level: "## A" then "#### B" puts B right under A. With false the
// tree follows Hugo, which inserts an empty placeholder entry for each missing
// level; HTML writes a placeholder as an empty <li> (Hugo issue #7128). With
// SingleList(true) only the selected headings make placeholders, so a heading
// below the end level leaves none behind; with SingleList(false), as in
// Hugo, every heading does.
func CollapseSkipped(on bool) Option {
	return optionFunc{"CollapseSkipped(" + strconv.FormatBool(on) + ")", func(c *config) { c.collapse = on }}
}

// SingleList chooses what headings above the start level do. With true (the
// default) the table of contents is one list, however many h1 headings the
// document has, and Items holds only the selected levels. With false it
// follows Hugo: every h1 (and the first heading of the document) starts a row,
// each heading above the start level gets its own list, so a document with
// several h1s gives several sibling lists; Items then holds Hugo's whole tree,
// every heading at every level, and the level range is applied by the output
// methods (like Hugo's .Fragments.ToHTML).
func SingleList(on bool) Option {
	return optionFunc{"SingleList(" + strconv.FormatBool(on) + ")", func(c *config) { c.single = on }}
}

// InlineFunc writes the title HTML of an inline node of a heading that the
// table of contents otherwise reduces: an *ast.RawHTML (dropped by
// default), an *ast.Image (its alt text by default), or a node of an
// extension the table of contents does not know, such as an emoji (its
// children by default; the plain text keeps them). It reports whether it
// wrote n; false keeps the default. What it writes is not escaped.
type InlineFunc func(w io.Writer, n ast.Node, src []byte) bool

// Inline sets how titles render raw HTML and images (see InlineFunc); the
// plain text (Item.Text) is not affected. A renderer uses it to write them
// as the page does: render.HugoCompat keeps inline raw HTML under unsafe
// HTML and images as <img> elements, as Hugo's .TableOfContents does,
// each through the same raw HTML and URL policy as the content.
func Inline(f InlineFunc) Option {
	return optionFunc{"Inline(...)", func(c *config) { c.inline = f }}
}

// Hugo asks for Hugo's exact table of contents: it is CollapseSkipped(false)
// and SingleList(false) together, and headings without text are kept (as
// empty <li> elements, like Hugo's). With Hugo and the default levels, HTML
// writes the same bytes as Hugo's .TableOfContents for the same headings and
// titles. One difference is kept on purpose: a heading with text but no ID
// (possible only when heading IDs are off) is written as its title without a
// link, where Hugo writes a link to "#", the top of the page.
// Options after Hugo in the list still apply, so Hugo(), EndLevel(-1) is
// Hugo's output with endLevel = -1.
func Hugo() Option {
	return optionFunc{"Hugo()", func(c *config) {
		c.collapse = false
		c.single = false
		c.keepEmpty = true
	}}
}
