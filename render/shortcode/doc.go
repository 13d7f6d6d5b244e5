// Package shortcode runs Hugo shortcodes: it finds the calls in a page,
// hands each to its handler, and puts the output back into the page,
// with no dependency on a Markdown parser or renderer. Package render
// uses it; its options (render.WithShortcodeHandler, ...) take the types here.
//
// # Handlers
//
// A [Handler] renders the calls of one shortcode: its [Func] gets a
// [*Call] with the arguments (Get, GetString, GetInt, GetBool, Params),
// the inner content (Inner, InnerDeindent, InnerHTML), the page, the
// position, and what the renderer offers through the call (RenderMarkdown,
// Param, ResolveRef, URLAllowed, Warnf, MarkTOC). The built-in shortcodes
// (package builtin) use nothing else. [Template] adapts a Hugo shortcode
// template written for html/template; parse it with [ParseTemplate], or
// with [Funcs] passed to t.Funcs before Parse, to have the Hugo template
// functions that make sense without a site: markdownify, safeHTML (under
// the raw HTML policy), urlize, default, dict, humanize, lower, upper,
// title, and html/template's print, printf and println (see [Funcs]).
//
//	note := shortcode.Handler{
//		Inner: shortcode.InnerRequired,
//		Render: func(w io.Writer, c *shortcode.Call) error {
//			body, err := c.RenderMarkdown(c.Inner)
//			if err != nil {
//				return err
//			}
//			_, err = fmt.Fprintf(w, "<aside>%s</aside>", body)
//			return err
//		},
//	}
//	r := render.New(render.WithShortcodeHandler("note", note))
//
// # Expansion
//
// [Expand] runs every call of a page for a renderer, the [Host]: the
// output of a {{% %}} call is Markdown, put in place at once; the output
// of a {{< >}} call is HTML, kept behind a placeholder (a random prefix
// per page, the call's number and 'z') that no input can forge. The
// renderer parses [Expansion.Markdown], then [Expansion.Finish] replaces
// each placeholder in the HTML by context: the HTML itself in element
// content (a placeholder alone in a paragraph takes the <p> with it, as
// in Hugo); its escaped plain text in an attribute value, a comment or
// the text of script, style, textarea and title; nothing elsewhere in a
// tag. URL attributes that the output holds or that a placeholder lands
// in are checked against the renderer's URL policy (Host.URLAllowed) and
// emptied when refused. Each replacement and removal is a Diagnostic.
//
// Offsets are byte offsets of the page source; the Host turns them into
// file positions ([post.Position]), and [Expansion.SourceOffset] maps an
// offset of the expanded Markdown back to the source.
//
// # Parsing
//
// [Parse] finds the calls and escapes of a source and returns them as a
// tree of [Node] values:
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
// Every error of Parse is a [*SyntaxError] with the byte offset of the
// fault; it unwraps to [ErrSyntax]. An error of Expand is a
// *post.ParseError at the fault whose Err is an [*Error] naming the
// shortcode, which unwraps to [ErrUnknown], [ErrSyntax] or the handler's
// own error (an [*ArgError] is positioned at its argument). Nothing
// panics on input.
//
// # Concurrency
//
// Parse and Expand keep no state between calls and may be called from
// many goroutines; a [Config] is only read. An [Expansion] and its calls
// belong to one render.
package shortcode
