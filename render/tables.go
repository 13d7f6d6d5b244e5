package render

import (
	"io"
	"maps"
	"slices"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/internal/astattr"
	"github.com/folio-md/folio/post"
)

// TableBlock is a table as a table hook receives it, as Hugo's render-table hook does.
type TableBlock struct {
	// THead holds the header rows (GFM tables have one), THead[row][cell].
	THead [][]TableCell
	// TBody holds the body rows; every row has as many cells as the header.
	TBody [][]TableCell
	// Attributes are the table's attributes (allow-listed), nil if none.
	Attributes map[string]string
	Ordinal    int           // zero-based index among the tables of the document
	Position   post.Position // where the table starts
	Post       *post.Post    // the post being rendered; nil for Render
}

// TableCell is one cell of a TableBlock.
type TableCell struct {
	// Alignment is "left", "center", "right", or "" for none, from the
	// delimiter row (:--, :-:, --:).
	Alignment string
	// Text is the cell's content rendered as HTML, under the same raw
	// HTML and URL policy as the rest of the document.
	Text string
}

// TableHook writes the whole HTML of a table (<table> included) to w, like
// LinkHook; ErrDefault asks for goldmark's table markup.
type TableHook func(w io.Writer, t TableBlock) error

// WithTableHook renders every table with h instead of goldmark's markup,
// like Hugo's render-table hook. HugoCompat sets a hook that writes the
// markup of Hugo's embedded table template; WithTableHook after it
// replaces that.
func WithTableHook(h TableHook) Option { return optionFunc(func(c *config) { c.tableHook = h }) }

func (r *coreRenderer) renderTable(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*extast.Table)
	d := stateAt(w, n)
	t := TableBlock{
		Attributes: r.safeAttrs(n),
		Ordinal:    d.tables,
		Position:   d.position(nodePos(n)),
		Post:       d.page,
	}
	d.tables++
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []TableCell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cell, ok := c.(*extast.TableCell)
			if !ok {
				continue
			}
			text, err := r.childrenHTML(d, source, cell)
			if err != nil {
				return ast.WalkStop, err
			}
			cells = append(cells, TableCell{Alignment: alignment(cell.Alignment), Text: text})
		}
		if _, head := row.(*extast.TableHeader); head {
			t.THead = append(t.THead, cells)
		} else {
			t.TBody = append(t.TBody, cells)
		}
	}
	done, err := runHook(w, d, nodePos(n), "table", func(w io.Writer) error { return r.ext.TableHook(w, t) })
	if err != nil {
		return ast.WalkStop, err
	}
	if done {
		return ast.WalkSkipChildren, nil
	}
	r.writeGoldmarkTable(w, t) // ErrDefault
	return ast.WalkSkipChildren, nil
}

// writeGoldmarkTable writes t as goldmark's table extension does, for a
// hook that returned ErrDefault.
func (r *coreRenderer) writeGoldmarkTable(w util.BufWriter, t TableBlock) {
	m := &goldmarkTableMarkup
	if r.xhtml {
		m = &goldmarkXHTMLMarkup
	}
	b := make([]byte, 0, 256)
	b = append(b, "<table"...)
	b = appendSortedAttrs(b, t.Attributes)
	b = append(b, ">\n<thead>\n"...)
	b = m.appendRows(b, t.THead, "th")
	b = append(b, "</thead>\n"...)
	if len(t.TBody) > 0 {
		b = append(b, "<tbody>\n"...)
		b = m.appendRows(b, t.TBody, "td")
		b = append(b, "</tbody>\n"...)
	}
	b = append(b, "</table>\n"...)
	_, _ = w.Write(b)
}

// tableMarkup is the white space and alignment attribute of one table
// markup: Hugo's template's or goldmark's.
type tableMarkup struct {
	row, cell string // indentation of <tr> and of cells
	align     string // the attribute before the alignment, up to its value
}

var (
	hugoTableMarkup     = tableMarkup{row: "\t\t\t", cell: "\t\t\t\t\t", align: ` style="text-align: `}
	goldmarkTableMarkup = tableMarkup{align: ` style="text-align:`}
	goldmarkXHTMLMarkup = tableMarkup{align: ` align="`}
)

// appendRows appends rows of tag cells ("th" or "td").
func (m *tableMarkup) appendRows(b []byte, rows [][]TableCell, tag string) []byte {
	for _, row := range rows {
		b = append(b, m.row...)
		b = append(b, "<tr>\n"...)
		for _, c := range row {
			b = append(b, m.cell...)
			b = append(b, '<')
			b = append(b, tag...)
			if c.Alignment != "" {
				b = append(b, m.align...)
				b = append(b, c.Alignment...)
				b = append(b, '"')
			}
			b = append(b, '>')
			b = append(b, c.Text...)
			b = append(b, "</"...)
			b = append(b, tag...)
			b = append(b, ">\n"...)
		}
		b = append(b, m.row...)
		b = append(b, "</tr>\n"...)
	}
	return b
}

// appendSortedAttrs appends attrs as ` name="value"` in name order, the
// values escaped.
func appendSortedAttrs(b []byte, attrs map[string]string) []byte {
	for _, k := range slices.Sorted(maps.Keys(attrs)) {
		b = append(b, ' ')
		b = append(b, k...)
		b = append(b, `="`...)
		b = append(b, util.EscapeHTML([]byte(attrs[k]))...)
		b = append(b, '"')
	}
	return b
}

// alignment names a cell alignment as Hugo's hook context does.
func alignment(a extast.Alignment) string {
	switch a {
	case extast.AlignLeft:
		return "left"
	case extast.AlignCenter:
		return "center"
	case extast.AlignRight:
		return "right"
	}
	return ""
}

// safeAttrs returns n's attributes that pass the attribute allow-list,
// nil if none.
func (r *coreRenderer) safeAttrs(n ast.Node) map[string]string {
	var m map[string]string
	for _, a := range n.Attributes() {
		if !r.attrAllowed(a.Name, nil) {
			continue
		}
		if m == nil {
			m = make(map[string]string)
		}
		m[string(a.Name)] = astattr.Text(a.Value)
	}
	return m
}

// writeHugoTable writes t in the markup of the table template Hugo has
// embedded since v0.134: tab indentation, one element per line,
// style="text-align: X", an empty <tbody> kept.
func writeHugoTable(w io.Writer, t TableBlock) error {
	b := make([]byte, 0, 256)
	b = append(b, "<table"...)
	b = appendSortedAttrs(b, t.Attributes)
	b = append(b, ">\n\t<thead>\n"...)
	b = hugoTableMarkup.appendRows(b, t.THead, "th")
	b = append(b, "\t</thead>\n\t<tbody>\n"...)
	b = hugoTableMarkup.appendRows(b, t.TBody, "td")
	b = append(b, "\t</tbody>\n</table>\n"...)
	_, err := w.Write(b)
	return err
}
