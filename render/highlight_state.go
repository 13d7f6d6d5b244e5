package render

import "github.com/yuin/goldmark/parser"

// stateFor returns the document state of a render (created empty when the
// highlighter runs in a caller's own goldmark).
func (h *highlighter) stateFor(pc parser.Context) *docState { return stateOf(pc) }

// fencePos returns the file line and column of off, an offset of the
// parsed source src.
func fencePos(d *docState, src []byte, off int) (line, col int) {
	if d == nil || d.src == nil {
		return lineColIn(src, off)
	}
	return d.lineCol(d.origOffset(off))
}
