// Package position turns byte offsets of a source text into line and
// column numbers, the one way folio does it: post's errors and Position,
// render's diagnostics and errors, and the shortcode errors all count
// alike.
//
// # How positions count
//
//   - Lines are 1-based. Only '\n' ends a line. In a "\r\n" line break the
//     '\r' is the last byte of the line it ends (so an offset at that '\r'
//     has the column after the line's text), and the '\n' starts no
//     column of its own line either: it is the line's end. A lone '\r'
//     ends no line, as in every calculator folio had before this package.
//   - Columns are 1-based and count bytes, as go/token's do: a tab is one
//     column, and so is each byte of a multi-byte rune.
//   - A UTF-8 byte order mark (EF BB BF) at the start of a file is not
//     counted: the first byte after it is column 1 of line 1, and the
//     offsets inside it are column 1 too. This is what editors show and
//     what [post.ParseError] has always documented. A BOM counts only where
//     the text is the start of its file (its first line is 1); a body
//     that starts further down a file has no BOM of its own.
//   - Offsets outside the text are clamped to it: below 0 is 0, past the
//     end is the end.
//
// # Cost
//
// An [Index] answers offsets asked in increasing order with one forward
// pass over the text in all, allocating nothing. The first offset asked
// behind the furthest one so far builds a table of line starts (one pass,
// one int per line) which later out-of-order offsets search in O(log
// lines). Either way a document's positions cost time linear in its size,
// up to that logarithm.
//
// An Index is not safe for concurrent use: it keeps its cursor and table.
// It is cheap to make one per document or per call.
//
// [post.ParseError]: https://pkg.go.dev/github.com/folio-md/folio/post#ParseError
package position
