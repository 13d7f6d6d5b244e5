// Package shortcode finds Hugo shortcode calls in Markdown and parses them
// into a tree, with no dependency on a Markdown parser.
//
//	nodes, err := shortcode.Parse(src, shortcode.ParseOptions{Inner: modeOf})
//
// The syntax is Hugo's: {{< name args >}} (standard notation) and
// {{% name args %}} (Markdown notation), closing tags {{< /name >}},
// self-closing tags {{< name />}}, and the escape form {{</* name */>}},
// which stands for the literal text {{< name >}}.
//
// # Code is left alone
//
// Unlike Hugo, which lexes shortcodes before it knows anything about
// Markdown, Parse does not execute calls inside code: fenced code blocks
// (``` and ~~~), indented code blocks and code spans keep their text. The
// escape form is still recognised there, because Hugo's documentation
// writes its examples that way inside code fences.
//
// Block structure is found by a line scanner that follows CommonMark where
// it matters for code and approximates the rest:
//   - Block quote markers (>) are stripped before a line is looked at.
//   - A fence opens on a line indented at most 3 columns more than the
//     list item it is in (0 outside lists), and closes on a line of the same
//     character, at least as long, indented at most 3 columns more than that
//     list item, with only white space after it. The end of a list item does
//     not close a fence.
//   - An indented code block starts on a line indented 4 or more columns
//     past the content of the innermost list item, when the line before it
//     is blank or not paragraph text (a heading, a fence, a thematic
//     break); it ends at the first non-blank line indented less.
//   - List items (-, +, * and 1. or 1) markers) are tracked as a stack of
//     content indents. After a blank line, a line indented less than an
//     item's content closes that item. Lazy continuation lines keep their
//     items open.
//   - A code span opens at a run of backticks not preceded by a backslash
//     and closes at the next run of exactly as many backticks before the
//     next blank line; an unmatched run is literal text.
//   - HTML blocks are not recognised: shortcodes inside them run, as in Hugo.
//
// A shortcode call is lexed as a whole where it starts, so its arguments
// and the lines they span are never mistaken for Markdown; its inner
// content is scanned as Markdown like the rest of the document.
//
// # Errors
//
// Every error is an [*SyntaxError] with the byte offset of the fault; it unwraps
// to [ErrSyntax]. Parse never panics.
//
// # Concurrency
//
// Parse keeps no state between calls and may be called from many goroutines.
package shortcode
