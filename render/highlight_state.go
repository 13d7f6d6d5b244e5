package render

import "github.com/yuin/goldmark/parser"

// stateFor returns the document state of a render, or nil when the
// highlighter runs inside a plain goldmark (no folio render).
func (h *highlighter) stateFor(pc parser.Context) *docState { return nil }
