// Package textstats derives Hugo's text statistics from rendered HTML:
// the plain text (.Plain), the word count (.WordCount), the reading time
// (.ReadingTime) and where an automatic summary ends, by folio's rule
// (Stats, AutoSummary: whole top-level blocks, never a tag cut open) and
// by Hugo 0.165's (HugoSummaryEnd, HugoAutoSummary: the "</p>" where
// Hugo's own word count reaches the length).
//
// # The plain-text rule
//
// Plain text is Hugo's StripHTML of the HTML: "\n" becomes a space,
// "</p>", "<br>" and "<br />" become "\n", tags and comments are removed
// (with the content of script and style elements), character references
// are kept as written, and each run of white space is cut to its first
// character. A '<' that starts no tag or comment ("I <3 Go") is text.
// Stats applies this rule, counts words on the result and finds the
// summary's end in one pass over the bytes, without regular expressions.
//
// Words are runs of characters that are not white space
// (unicode.IsSpace). With cjk (Hugo's isCJKLanguage), a run that is not
// pure ASCII counts one word per rune.
//
// Every function is safe for concurrent use. The fast scanner in Stats is
// held to a byte-by-byte reference by FuzzTextStats.
package textstats
