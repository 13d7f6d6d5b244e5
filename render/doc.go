// Package render turns Markdown with Hugo shortcodes into HTML, on goldmark
// with Hugo's defaults, and yields the table of contents, summary, plain
// text, word count and reading time from the same parse.
//
//	r := render.New()                 // once; safe for concurrent use
//	res, err := r.RenderPost(p)       // p from post.Parse / post.ParseFile
//	if err != nil { ... }             // a *post.ParseError: path:line:col
//	page.Content = res.HTML
//	page.Summary = res.Summary
//	for _, d := range res.Diagnostics { log.Print(d) } // path:line:col: message
//
// # What it renders like
//
// A Renderer renders as Hugo's goldmark does with its default settings:
// tables, strikethrough, linkify (https:// for www. names), task lists,
// definition lists, footnotes (Hugo's markup) and the typographer are on
// (turn any off with [WithoutExtensions]); heading attributes
// ({#id .class key=value}) are read on headings; raw HTML is omitted
// unless [WithUnsafeHTML] is given. Code blocks are highlighted with
// chroma by package [github.com/folio-md/folio/render/highlight] (see
// [WithHighlight], [WithCodeBlockHook] and [WithCodeBlockHookFor]; GoAT
// and Mermaid diagrams by package
// [github.com/folio-md/folio/render/diagram], see [WithGoAT] and
// [WithMermaid]); shortcodes are run before
// goldmark parses, by package [github.com/folio-md/folio/render/shortcode],
// which holds the handler, call and template types that [WithShortcodeHandler]
// registers.
//
// # Heading IDs
//
// Headings get IDs by Hugo's styles ([IDStyleGitHub], the default,
// [IDStyleGitHubASCII] and [IDStyleBlackfriday]), unique within the
// document (-1, -2, ...), and the same IDs serve the TOC and the heading
// hook. By default folio fixes two Hugo warts: the ID text is made from
// all the inline text of the heading (Hugo uses only the first child of
// an emphasis, link or code span, so "## *foo `bar` baz* end" gets
// "foo--end" where GitHub and folio give "foo-bar-baz-end"), and {#custom}
// IDs are reserved before automatic IDs are made, so an automatic ID
// never equals a custom one. Both differences only change anchors that
// Hugo made lossy or duplicate; [WithHugoIDs] gives Hugo's IDs byte for
// byte for sites that must keep every old anchor. Duplicate IDs that
// remain (two equal custom IDs) are reported as Diagnostics.
//
// # Built-in renderings
//
// What Hugo sites write as render hooks, built in and off by default:
// [WithGitHubAlerts] (GitHub's alert markup for "> [!NOTE]" quotes,
// styled by [AlertCSS]), [WithHeadingAnchors] (a link to each heading),
// [WithImageFiles] (width and height read from the image files, lazy
// loading) and [WithLinks] (rel and target on external links, links to
// Markdown files resolved through [WithRefResolver]). Each changes only
// the default rendering: a hook of the same kind ([WithBlockquoteHook],
// [WithHeadingHook], [WithImageHook], [WithLinkHook]) replaces it and
// falls back to it by returning [ErrDefault].
//
// # Hugo's opt-in syntax
//
// What Hugo sites switch on is off by default here too: [WithEmoji]
// (enableEmoji), [WithPassthrough] with [WithPassthroughHook] (the
// passthrough extension and render-passthrough), [WithExtras] (==mark==,
// ++ins++, ~sub~, ^sup^, ~~del~~), [WithBlockAttributes] (attribute lines
// after blocks) and [WithDefinitionTermIDs] (autoDefinitionTermID, IDs in
// the heading ID set, listed in Result.Identifiers). With [HugoCompat]
// each writes what Hugo 0.165 writes with the setting on, except where
// Hugo is unsafe or loses text silently: passthrough text is made inert
// unless [WithUnsafeHTML], attribute lines keep to the attribute
// allow-list, and what is not applied is reported (see each option).
//
// # Summaries
//
// Result.Summary follows Hugo's precedence: the content before the first
// <!--more--> outside code, trimmed (an inline divider splits its
// paragraph or heading; "## <!--more-->" leaves an empty heading, as in
// Hugo); else the post's front matter summary, rendered as Markdown
// without shortcodes and with a single <p> stripped (Truncated is then
// false, as in Hugo); else whole top-level blocks up to
// [WithSummaryLength] words (70), or under [HugoCompat] Hugo's own
// paragraph-based cut (see [Result]). ReadingTime is ceil(words/212), or
// words/500 for CJK text, the speeds Hugo documents; [WithHugoReadingTime]
// gives the 213 and 501 of Hugo v0.165 and earlier.
//
// # Plain text
//
// Result.Plain is Hugo's .Plain: the content without tags, its character
// references kept as written ("Tom &amp; Jerry"), so that it matches
// Hugo's byte for byte. Result.Text is the same text with the references
// decoded ("Tom & Jerry"), and Result.SummaryText the summary's text,
// decoded: use these for search indexes, feeds and meta descriptions.
// Text and SummaryText are not HTML; escape them before writing them
// into a page.
//
// # Security
//
// With the defaults, untrusted Markdown cannot put script into the page,
// and folio is never less safe than plain goldmark with its defaults, both
// through New and through Extender:
//
//   - Raw HTML is written as "<!-- raw HTML omitted -->" (comments are
//     dropped) with a Diagnostic naming the tag, "raw HTML <iframe>
//     omitted" (for a block, its first tag), and so is raw HTML inside a template shortcode's .Inner;
//     hand-written YouTube or Vimeo iframes become folio's validated embed.
//   - Every URL folio writes (links, images, autolinks, linkify, reference
//     definitions, Blackfriday image titles, figure src, link and
//     attrlink, and shortcode output that lands in a URL attribute) passes
//     one check, on the bytes written: after character references are
//     resolved, with what browsers ignore in a scheme removed, and once
//     more after percent-decoding. Only http, https, mailto, tel, relative
//     URLs and, for images, data:image/png, gif, jpeg and webp are allowed
//     ([WithURLSchemes] adds more); any other URL is written as empty.
//   - Attributes from input (headings, code fences) are allow-listed: id,
//     class, lang, dir, title, translate, role, aria-* and data-* (fences
//     also file and copy). style needs [WithStyleAttributes]; event
//     handlers are never written. Every attribute value is escaped.
//   - The output of a {{< >}} shortcode is HTML only in element content.
//     In an attribute value it becomes its escaped plain text (and a URL
//     attribute is checked again), and inside a tag elsewhere it is
//     dropped. Its placeholder has a random prefix per render, so no
//     input can forge one, and a placeholder no call made is an error.
//   - Every pass over the input is linear in its size.
//
// Each removal is a Diagnostic, so nothing disappears unseen.
// [WithUnsafeHTML] (Extender.UnsafeHTML, or goldmark's html.WithUnsafe in
// an Extender) turns off the raw HTML policy and the URL check, for
// trusted input only; attributes stay allow-listed. What folio does not
// police: the HTML written by render hooks and by the caller's own Go
// shortcode handlers ([shortcode.Call].Inner is the author's text; write
// it escaped, through Call.RenderMarkdown or as Call.InnerHTML).
//
// # Concurrency
//
// A Renderer is immutable after New and safe for concurrent use by any
// number of goroutines; every per-document value lives in the goldmark
// parser.Context of one call. Hooks may be called concurrently for
// different documents and must be safe for that.
//
// # Errors
//
// Render and RenderPost return a *post.ParseError (errors.As) carrying the
// path, line and column in the source file of the construct at fault, for
// a failing render hook or shortcode; a shortcode's error inside it is a
// [*shortcode.Error], which unwraps to [shortcode.ErrUnknown],
// [shortcode.ErrSyntax] or the handler's own error. Warnings are not
// errors: they are Result.Diagnostics, with the same positions.
//
// Every render failure of input is that one type: render has no error
// type of its own, on purpose. A program reads a post and renders it, and
// both steps fail at a place in the same file, so one errors.As target
// covers the whole pipeline and prints one way (path:line:col: message),
// whichever step failed:
//
//	p, err := post.ParseFile(fsys, name)
//	if err == nil {
//		res, err = r.RenderPost(p)
//	}
//	var pe *post.ParseError
//	if errors.As(err, &pe) { ... pe.Path, pe.Line, pe.Column ... }
//
// Package post is where folio's position vocabulary lives ([post.Position]
// in hooks and shortcode calls, [post.ParseError] for failures), and
// package shortcode, which render imports and which expands calls on its
// own too, returns the same type; a render.Error would have to be a
// second type for the same thing, converted at the boundary. The cause
// tells what failed: errors.Is with a hook's own error, or with
// shortcode.ErrUnknown or shortcode.ErrSyntax. A render error's Key is
// empty (it names front matter keys only). Render(nil post) and other
// misuse by the program are plain errors.
//
// A configuration error is not an input error: New keeps its signature
// and records it (a shortcode name no call can match, given to
// [WithShortcodeHandler]); [Renderer.Err] returns it, and every Render
// and RenderPost fails with it, unpositioned. It unwraps to
// [shortcode.ErrInvalidName].
//
// # Inside your own goldmark
//
// [Extender] brings IDs, hooks, the raw HTML policy, iframe embeds,
// Blackfriday image titles, highlighting and the TOC into a
// goldmark.Markdown you build; [toc.Get], [DiagnosticsOf] and
// [FrontMatterOf] (YAML, TOML or JSON front matter, decoded by package
// post) read the results from the parser.Context, [SetSource] gives it
// the document's path and first line, and goldmark-meta's meta.Get keeps
// reading the YAML front matter.
package render
