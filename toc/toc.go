package toc

import (
	"encoding/json"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/folio-md/folio/internal/astattr"
)

// TOC is a table of contents: the top-level entries in document order.
//
// A TOC made by [Build] remembers the options it was built with and uses them
// as the defaults of [TOC.HTML] and [TOC.Markdown]. A TOC made by hand or
// decoded from JSON is written as its Items stand.
type TOC struct {
	Items []*Item `json:"items"`

	cfg config
}

// Item is one entry of a table of contents.
//
// An Item whose ID, Title and Text are all empty is a placeholder: Hugo's
// empty entry for a skipped level (see [CollapseSkipped]) or, in [Hugo] mode,
// a heading without text. HTML writes it as an empty <li>.
type Item struct {
	ID    string  `json:"id"`              // the heading's id attribute; "" when the heading has none
	Title string  `json:"title"`           // HTML, inline markup kept, links reduced to their text
	Text  string  `json:"text"`            // plain text, entities resolved, whitespace collapsed
	Level int     `json:"level"`           // 1 for h1 ... 6 for h6
	Items []*Item `json:"items,omitempty"` // entries nested under this one
}

func (it *Item) placeholder() bool {
	return it.ID == "" && it.Title == "" && it.Text == ""
}

// Build walks doc, whose headings already carry IDs, and returns its table of
// contents. src is the source doc was parsed from. A nil doc gives an empty
// TOC; Build never returns nil and never panics.
//
// Every ATX and setext heading is visited in document order, including those
// inside block quotes and list items. A heading's ID is its "id" attribute
// (a []byte or string value, as goldmark's parser.WithAutoHeadingID and
// folio's render package set it). A heading is left out when:
//
//   - it has the class no-toc, notoc or no_toc (written {.no-toc} with
//     goldmark's parser.WithAttribute); its ID is kept in the document and the
//     headings after it are still included, nesting under the nearest earlier
//     included heading of a shallower level;
//   - its level is outside StartLevel..EndLevel (not with SingleList(false),
//     which keeps every level and leaves the range to the output methods);
//   - it has no text (unless in [Hugo] mode, where it becomes an empty entry).
//
// A heading with text but no id is included without a link.
//
// Title is the heading's inline content as HTML: code spans, emphasis, strong
// emphasis and strikethrough keep their elements (<code>, <em>, <strong>,
// <del>), entities from goldmark's typographer (&rsquo;, &hellip;, ...) are
// kept, text is escaped, links and autolinks are reduced to their text,
// images to their alt text (Hugo keeps <img>; an image inside a TOC link is
// rarely wanted and its URL would need vetting), raw HTML is dropped (as Hugo
// does with unsafe = false) and footnote references are dropped. Whitespace
// is collapsed to single spaces. Text is the same content as plain text.
func Build(doc ast.Node, src []byte, opts ...Option) *TOC {
	cfg := newConfig(config{}, opts)
	flat := collect(doc, src, &cfg)
	return &TOC{Items: shape(flat, cfg), cfg: cfg}
}

// FromHeadings is Build for the headings of a document that the caller has
// already found, in document order: a renderer that walks the document for
// its own reasons saves Build's walk.
func FromHeadings(heads []*ast.Heading, src []byte, opts ...Option) *TOC {
	cfg := newConfig(config{}, opts)
	flat := make([]*Item, 0, len(heads))
	for _, h := range heads {
		if it := itemOf(h, src, &cfg); it != nil {
			flat = append(flat, it)
		}
	}
	return &TOC{Items: shape(flat, cfg), cfg: cfg}
}

// FromItems returns the TOC whose entries are items, taken as Build
// shaped them with opts: the Items of a TOC that Build or FromHeadings
// returned with the same opts, stored and read back. Its HTML and
// Markdown, without options, write as that TOC's do. items are used as
// they are, not copied.
func FromItems(items []*Item, opts ...Option) *TOC {
	return &TOC{Items: items, cfg: newConfig(config{}, opts)}
}

// excludeClasses are the classes that keep a heading out of the TOC.
var excludeClasses = []string{"no-toc", "notoc", "no_toc"}

// collect returns one childless Item per heading, in document order.
func collect(doc ast.Node, src []byte, cfg *config) []*Item {
	if doc == nil {
		return nil
	}
	var flat []*Item
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			// Inline content holds no headings.
			if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if it := itemOf(h, src, cfg); it != nil {
			flat = append(flat, it)
		}
		return ast.WalkSkipChildren, nil
	})
	return flat
}

// itemOf returns the childless Item of a heading, or nil when the heading
// stays out of the TOC.
func itemOf(h *ast.Heading, src []byte, cfg *config) *Item {
	if h == nil || Excluded(h) {
		return nil
	}
	title, text := inlineContent(h, src, cfg.inline)
	if text == "" && title == "" && !cfg.keepEmpty {
		return nil
	}
	return &Item{ID: astattr.Of(h, "id"), Title: title, Text: text, Level: min(max(h.Level, 1), 6)}
}

// Excluded reports whether Build leaves the heading out of the table of
// contents because of a no-toc, notoc or no_toc class.
func Excluded(h *ast.Heading) bool {
	if h == nil {
		return false
	}
	for f := range strings.FieldsSeq(astattr.Of(h, "class")) {
		for _, c := range excludeClasses {
			if f == c {
				return true
			}
		}
	}
	return false
}

// shape arranges childless items into a tree as c asks. It copies the items
// it keeps and never changes flat.
func shape(flat []*Item, c config) []*Item {
	root := &Item{}
	base := 0 // the level of the virtual root
	if c.single {
		base = c.startLevel - 1
	}
	stack := []*Item{root}
	for _, f := range flat {
		if c.single && !c.inRange(f.Level) {
			continue
		}
		n := &Item{ID: f.ID, Title: f.Title, Text: f.Text, Level: f.Level}
		if c.collapse {
			// The parent is the nearest earlier entry of a shallower level.
			for len(stack) > 1 && stack[len(stack)-1].Level >= n.Level {
				stack = stack[:len(stack)-1]
			}
			p := stack[len(stack)-1]
			p.Items = append(p.Items, n)
			stack = append(stack, n)
			continue
		}
		// Hugo's shape: an entry at level L sits at depth L below the root,
		// under the last entry of each shallower depth, with placeholders
		// where a depth has no entry yet.
		p := root
		for d := base + 1; d < n.Level; d++ {
			if len(p.Items) == 0 {
				p.Items = append(p.Items, &Item{Level: d})
			}
			p = p.Items[len(p.Items)-1]
		}
		p.Items = append(p.Items, n)
	}
	return root.Items
}

// flatten lists the entries of items in document order, without children and
// without placeholders.
func flatten(items []*Item, out []*Item) []*Item {
	for _, it := range items {
		if it == nil {
			continue
		}
		if !it.placeholder() {
			out = append(out, &Item{ID: it.ID, Title: it.Title, Text: it.Text, Level: it.Level})
		}
		out = flatten(it.Items, out)
	}
	return out
}

// view returns the entries to write for the output options opts and the
// resolved options.
func (t *TOC) view(opts []Option) ([]*Item, config) {
	if t == nil {
		return nil, newConfig(config{}, opts)
	}
	c := newConfig(t.cfg, opts)
	base := t.cfg
	if !base.set {
		base = defaultConfig()
	}
	if c.sameShape(base) {
		return t.Items, c
	}
	return shape(flatten(t.Items, nil), c), c
}

// groups splits entries into the lists written at one place. With a single
// list the entries are one list as they stand. Otherwise (Hugo's model) the
// level range is applied here: entries deeper than the end level are
// dropped, and each entry above the start level gives way to its own lists.
func groups(items []*Item, c config, out [][]*Item) [][]*Item {
	if c.single {
		var list []*Item
		for i, it := range items {
			if it == nil { // only in a TOC made by hand
				if list == nil {
					list = append(make([]*Item, 0, len(items)), items[:i]...)
				}
				continue
			}
			if list != nil {
				list = append(list, it)
			}
		}
		if list == nil {
			list = items
		}
		if len(list) > 0 {
			out = append(out, list)
		}
		return out
	}
	var cur []*Item
	for _, it := range items {
		switch {
		case it == nil:
		case c.endLevel >= 0 && it.Level > c.endLevel:
		case it.Level < c.startLevel:
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			out = groups(it.Items, c, out)
		default:
			cur = append(cur, it)
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// MarshalJSON writes the TOC as {"items":[...]}; an empty TOC is
// {"items":[]}. Each item is {"id","title","text","level"} plus "items" when
// it has children. The JSON holds the entries as built; output options do not
// apply to it.
func (t TOC) MarshalJSON() ([]byte, error) {
	items := t.Items
	if items == nil {
		items = []*Item{}
	}
	return json.Marshal(struct {
		Items []*Item `json:"items"`
	}{items})
}

// Duplicates returns the IDs that more than one entry of the TOC carries, in
// the order of their first use. Placeholders and entries without an ID are
// not counted. See [DuplicateIDs] for the whole document.
func (t *TOC) Duplicates() []string {
	if t == nil {
		return nil
	}
	seen := map[string]int{}
	var order []string
	var walk func([]*Item)
	walk = func(items []*Item) {
		for _, it := range items {
			if it == nil {
				continue
			}
			if it.ID != "" {
				seen[it.ID]++
				if seen[it.ID] == 2 {
					order = append(order, it.ID)
				}
			}
			walk(it.Items)
		}
	}
	walk(t.Items)
	return order
}

// Duplicate is an ID carried by more than one node of a document.
type Duplicate struct {
	ID    string
	Nodes []ast.Node // every node with the ID, in document order; the first is the original
}

// DuplicateIDs returns the id attributes that more than one node of doc
// carries, in the order of their first use, with every node that carries
// each. Headings left out of the TOC count too: an ID is a page-wide name.
func DuplicateIDs(doc ast.Node) []Duplicate {
	if doc == nil {
		return nil
	}
	nodes := map[string][]ast.Node{}
	var order []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Attributes() == nil {
			return ast.WalkContinue, nil
		}
		id := astattr.Of(n, "id")
		if id == "" {
			return ast.WalkContinue, nil
		}
		if len(nodes[id]) == 1 {
			order = append(order, id)
		}
		nodes[id] = append(nodes[id], n)
		return ast.WalkContinue, nil
	})
	out := make([]Duplicate, 0, len(order))
	for _, id := range order {
		out = append(out, Duplicate{ID: id, Nodes: nodes[id]})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
