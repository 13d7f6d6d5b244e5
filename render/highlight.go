package render

import "io"

// highlightConfig holds the highlighting options. Owned by highlight.go.
type highlightConfig struct{}

func defaultHighlightConfig() highlightConfig { return highlightConfig{} }

// highlighter renders code blocks with chroma. Built once per Renderer.
type highlighter struct{}

func newHighlighter(c highlightConfig) *highlighter { return &highlighter{} }

func (h *highlighter) writeCSS(w io.Writer) error { return nil }
