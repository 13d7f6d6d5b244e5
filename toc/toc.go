package toc

import (
	"github.com/yuin/goldmark/ast"
)

// TOC is a table of contents: the top-level entries in document order.
type TOC struct {
	Items []*Item `json:"items"`
}

// Item is one entry of a table of contents.
type Item struct {
	ID    string  `json:"id"`              // the heading's id attribute
	Title string  `json:"title"`           // HTML, inline markup kept, links reduced to their text
	Text  string  `json:"text"`            // plain text
	Level int     `json:"level"`           // 1 for h1 ... 6 for h6
	Items []*Item `json:"items,omitempty"` // entries nested under this one
}

// Option configures Build and the output methods.
type Option interface{ apply(*config) }

type config struct {
	startLevel, endLevel int
	ordered              bool
}

// Build walks doc, whose headings already carry IDs, and returns its table of contents.
func Build(doc ast.Node, src []byte, opts ...Option) *TOC {
	return &TOC{}
}

// HTML writes the table of contents as a <nav id="TableOfContents"> element.
func (t *TOC) HTML(opts ...Option) []byte {
	return []byte(`<nav id="TableOfContents"></nav>`)
}
