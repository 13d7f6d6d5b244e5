// Package toc builds tables of contents from a goldmark AST whose headings
// carry IDs, and writes them as HTML, Markdown or JSON.
//
// The package's name clashes with go.abhg.dev/goldmark/toc; import one of
// them under another name when both are needed:
//
//	import foliotoc "github.com/folio-md/folio/toc"
//
// # Usage
//
// Parse with any goldmark that sets heading IDs, then build and write:
//
//	doc := md.Parser().Parse(text.NewReader(src))
//	t := toc.Build(doc, src)             // h2 and h3, as Hugo
//	nav := t.HTML()                      // <nav id="TableOfContents">…</nav>
//	readme := t.Markdown()               // - [Title](#id)
//	data, err := json.Marshal(t)         // {"items":[…]}
//
// A renderer that has already found the document's headings, in document
// order, passes them to [FromHeadings] instead and saves Build's walk.
//
// [Extender] does the same inside a caller's goldmark.Markdown and can replace
// a paragraph that holds only a chosen marker (Extender.Marker) with the HTML;
// [Get] returns the result.
//
// # Options
//
//	option               default  applies to
//	StartLevel(n)        2        Build (selection) and output (narrowing)
//	EndLevel(n)          3        Build (selection) and output (narrowing); -1 = all
//	Ordered(on)          false    output: <ol> / "1."
//	CollapseSkipped(on)  true     tree shape: "## A", "#### B" puts B under A
//	SingleList(on)       true     tree shape: several h1s still give one list
//	Hugo()                        CollapseSkipped(false), SingleList(false), empty headings kept
//
// The two shape options fix Hugo's most-reported table-of-contents bugs: the
// empty <li> wrappers a skipped level produces (Hugo issue #7128) and the
// separate lists of a page with several h1s. [Hugo] restores both, and then
// HTML writes the bytes Hugo writes:
//
//	## A            Hugo()                              default
//	#### B          <li><a href="#a">A</a>              <li><a href="#a">A</a>
//	                  <ul>                                <ul>
//	                    <li>                                <li><a href="#b">B</a></li>
//	                      <ul>                            </ul>
//	                        <li><a href="#b">B</a></li>
//	                      ...
//
// (with EndLevel(4); with Hugo's default end level 3 only <li></li> remains
// under A, while the default shape leaves B out and A without a list).
//
// # Excluding a heading
//
// A heading with the class no-toc, notoc or no_toc ("## Changelog {.no-toc}"
// with goldmark's parser.WithAttribute) is left out; it keeps its ID, and the
// headings after it are still included.
//
// # Duplicate IDs
//
// [DuplicateIDs] reports id attributes used more than once in a document,
// with their nodes, so a caller can turn them into positioned warnings;
// [TOC.Duplicates] does the same for a TOC's entries.
//
// # Concurrency and errors
//
// Build, the output methods and an Extender passed to goldmark.New are safe
// for concurrent use; a TOC is a plain value that is not changed by its
// methods. Nothing in this package returns an error or panics on any input:
// every goldmark AST gives a TOC, possibly empty.
package toc
