// Package toc builds tables of contents from a goldmark AST whose headings
// carry IDs, and writes them as HTML, Markdown or JSON.
package toc
