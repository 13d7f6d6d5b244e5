// Package render turns Markdown with Hugo shortcodes into HTML, on goldmark
// with Hugo's defaults, and yields the table of contents, summary, plain
// text, word count and reading time from the same parse.
package render
