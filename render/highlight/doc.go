// Package highlight writes code blocks as Hugo does, highlighted by chroma:
// the fence options Hugo reads, its HTML markup, and a stylesheet for class
// output. It needs no Markdown parser; the render package uses it for
// fenced code blocks and the highlight shortcode, and a program that only
// wants Hugo-style code blocks can use it alone:
//
//	h := highlight.New(highlight.Config{Style: "github"})
//	b := highlight.ParseFence(`go {linenos=table hl_lines=[2,"4-5"] linenostart=10}`)
//	err := h.WriteBlock(w, code, &b)
//	...
//	err = h.CSS(cssFile) // once, for class output
//
// # Fence options
//
// [ParseFence] reads an info string the way Hugo does: the language, then an
// optional attribute list in braces. The attributes chroma reads are
// options: linenos (table, inline, true, false), hl_lines ([2,"4-5"] or
// "2 4-5"; lines of the block, counted from 1), linenostart, anchorlinenos,
// lineanchors, linenumbersintable, style, noclasses, tabwidth,
// guesssyntax and hl_inline. Every other attribute (file, copy, id, class, ...) is
// written on the wrapping <div class="highlight"> when it is safe there:
// event handlers, style, URL attributes and global attributes with an
// effect are left out, and [Highlighter.Check] reports them. A value that
// cannot be used is ignored and reported in [Block.Problems]; ParseFence
// never fails. [ParseOptions] reads the string form of Hugo's highlight
// shortcode, "linenos=table,hl_lines=2 4-5,linenostart=10".
//
// # Output
//
// A block in a language chroma knows is written as Hugo writes it,
// <div class="highlight"><pre tabindex="0" class="chroma"><code
// class="language-go" data-lang="go">…</code></pre></div>, with class
// names by default and style attributes with [Config.InlineStyles]. A
// language chroma does not know is written as escaped code without the
// <div>. [Config.WrapperClass] replaces the div's class "highlight", as
// Hugo's markup.highlight.wrapperClass does. A block with hl_inline=true
// is written as Hugo writes inline code, <code class="code-inline
// language-go">…</code>: no <div> (so none of the fence's attributes) and
// no <pre>. Everything taken from the fence is escaped.
//
// # Speed
//
// A language that is not a lexer's exact name (txt, jsonc, tree, ...)
// makes chroma try every lexer's file patterns; a Highlighter looks names
// up in an index of those patterns that gives chroma's answer in a few
// map lookups, and caches each name's lexer and formatter, misses
// included.
//
// # Caching
//
// With a [Config.Cache], [Highlighter.WriteBlock] (and so Highlight)
// looks each block up by its [Key], a SHA-256 of everything that
// determines its HTML: the code, the language, the fence's options and
// attributes, the Highlighter's settings, [OutputVersion] and chroma's
// version. A hit is written as it was stored; a miss is highlighted and
// put in the cache, unless chroma failed or took 200ms or more: chroma's
// regular expressions time out after 250ms (never sooner), on a loaded
// machine too, and it then writes other HTML, which a cache must not
// keep.
// [Highlighter.Check] does not depend on the cache, so the problems it
// reports are the same on a hit. [Highlighter.CacheStats] counts hits and
// misses.
//
//	cache, err := highlight.NewDirCache(".cache/highlight") // or NewMemoryCache(64 << 20)
//	...
//	h := highlight.New(highlight.Config{Style: "github", Cache: cache})
//
// [NewMemoryCache] is an LRU bounded in bytes. [NewDirCache] keeps one
// file per block, written to a temporary file and renamed into place, with
// a header (key, version, length, SHA-256 of the HTML) checked on every
// read: a truncated, altered or outdated file is removed and written
// again, never served. Several processes may share its directory.
//
// # Concurrency and errors
//
// A Highlighter, a MemoryCache and a DirCache are safe for concurrent
// use. Parsing never fails and
// writing only fails with the writer's error: if chroma fails on some
// code, the block is written as plain code. ParseOptions and
// [Highlighter.Highlight] return an *[OptionError] for a bad option
// string.
package highlight
