package textstats

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// AutoSummary returns the leading top-level blocks of html whose words
// reach limit, by Hugo's rule since v0.134: whole blocks are taken until
// the running word count reaches limit, and the block that crosses it is
// included whole. Words are counted in text only (tags, attribute values,
// comments and script/style content are not), with the CJK rule of
// CountWords. The cut is always between two top-level elements, so no tag
// is left open, and a nested list or blockquote is one block.
//
// truncated reports whether the summary is shorter than html (white space
// after the last block does not count). With limit < 1 the summary is
// empty. Where Hugo ends a summary only after a </p> (and may cut inside a
// list whose items are paragraphs), folio ends it after any top-level
// block.
func AutoSummary(html []byte, limit int, cjk bool) (summary []byte, truncated bool) {
	if limit < 1 {
		return nil, len(bytes.TrimSpace(html)) > 0
	}
	_, _, cut := Stats(html, limit, cjk)
	return SummaryAt(html, cut)
}

// SummaryAt returns the automatic summary that ends at cut (see
// Stats): the whole content when cut is -1.
func SummaryAt(html []byte, cut int) (summary []byte, truncated bool) {
	if cut < 0 {
		return html, false
	}
	return cutSummary(html, cut)
}

// cutSummary returns html[:end], and whether anything but white space follows.
func cutSummary(html []byte, end int) ([]byte, bool) {
	rest := html[end:]
	if len(bytes.TrimSpace(rest)) == 0 {
		return html, false
	}
	return html[:end:end], true
}

// HugoSummaryEnd returns where Hugo 0.165's automatic summary ends
// (page.ExtractSummaryFromHTML): the offset after the "</p>" that closes
// the paragraph in which the running word count reaches limit, or -1 when
// it never does (then the summary is the whole content). Like Hugo, it
// counts the words of everything between one "</p>" and the next, tags
// included, quirks and all:
//
//   - words are split at Unicode white space; a word that looks like a
//     tag ("<h2", "</em>", ">") or starts like an attribute (id="...">Text)
//     is not counted, so the first word of a heading or of a link is not;
//   - the last rune before each "</p>" is never read, so a paragraph
//     ending in a one-letter word ("a b c") does not count that word;
//   - text after the last "</p>" is never counted;
//   - with cjk, a word counts its runes (after its tags are stripped)
//     unless it is pure ASCII.
//
// The cut may fall inside a list or blockquote whose items are
// paragraphs; the caller closes what it leaves open. One pass over
// html[:end].
func HugoSummaryEnd(html []byte, limit int, cjk bool) int {
	if limit < 1 {
		return -1
	}
	closing := []byte("</p>")
	count := 0
	for j := 0; j < len(html); {
		k := bytes.Index(html[j:], closing)
		if k < 0 {
			return -1
		}
		s := html[j : j+k]
		wi := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRune(s[i:])
			// Hugo ranges over a string: an invalid byte is U+FFFD, whose
			// length it takes as 3 when it looks for the last rune.
			if unicode.IsSpace(r) || i+utf8.RuneLen(r) == len(s) {
				count += hugoWordWeight(s[wi:i], cjk)
				wi = i
				if count >= limit {
					break
				}
			}
			i += size
		}
		if count >= limit {
			return j + k + len(closing)
		}
		j += k + len(closing) - 1 // Hugo resumes at the '>' of "</p>"
	}
	return -1
}

// hugoWordWeight is what one white-space-separated token adds to Hugo's
// summary word count (see HugoSummaryEnd).
func hugoWordWeight(word []byte, cjk bool) int {
	word = bytes.TrimSpace(word)
	if len(word) == 0 || probablyHTMLToken(word) {
		return 0
	}
	if !cjk {
		return 1
	}
	ascii := true
	for _, c := range word {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return 1 // stripping tags from ASCII leaves ASCII
	}
	w := word
	if bytes.ContainsAny(word, "<>") {
		w = []byte(Plain(word))
	}
	if n := utf8.RuneCount(w); n != len(w) {
		return n
	}
	return 1
}

// probablyHTMLToken reports whether a token is one Hugo's summary does not
// count: ">", a tag such as "<p", "<em>" or "</em>" (^</?[A-Za-z]+>?$), or
// the start of an attribute (^[A-Za-z]+=["']).
func probablyHTMLToken(w []byte) bool {
	if len(w) == 1 && w[0] == '>' {
		return true
	}
	if w[0] == '<' {
		i := 1
		if i < len(w) && w[i] == '/' {
			i++
		}
		start := i
		for i < len(w) && isASCIILetter(w[i]) {
			i++
		}
		if i == start {
			return false
		}
		return i == len(w) || i == len(w)-1 && w[i] == '>'
	}
	i := 0
	for i < len(w) && isASCIILetter(w[i]) {
		i++
	}
	return i > 0 && i+1 < len(w) && w[i] == '=' && (w[i+1] == '"' || w[i+1] == '\'')
}

// HugoAutoSummary is the automatic summary under HugoCompat: the content
// up to HugoSummaryEnd, trimmed of white space, byte for byte Hugo's: a
// cut inside a list or blockquote leaves them open, as in Hugo. truncated
// is Hugo's: the summary is not the whole content.
func HugoAutoSummary(html []byte, limit int, cjk bool) (summary []byte, truncated bool) {
	content := bytes.TrimSpace(html)
	end := HugoSummaryEnd(html, limit, cjk)
	if end < 0 {
		return content, false
	}
	summary = bytes.TrimSpace(html[:end])
	return summary, !bytes.Equal(summary, content)
}
