package textstats

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// statsRef is the first, straightforward Stats: byte by byte, every
// kept byte written on its own. FuzzTextStats holds the fast one to it.
func statsRef(html []byte, limit int, cjk bool) (plain string, words, cut int) {
	var out strings.Builder
	out.Grow(len(html) / 2)
	cut = -1
	wasSpace := false                      // the plain text ends in white space
	inWord, runes, ascii := false, 0, true // the word being read
	depth := 0                             // open elements, for the summary
	endWord := func() {
		if inWord {
			words += wordWeight(runes, ascii, cjk)
			inWord = false
		}
	}
	for i := 0; i < len(html); {
		c := html[i]
		// A run of ordinary ASCII bytes is copied at once; it is one word
		// or part of one.
		if refOrdinary[c] {
			j := i + 1
			for j < len(html) && refOrdinary[html[j]] {
				j++
			}
			out.Write(html[i:j])
			wasSpace = false
			if !inWord {
				inWord, runes, ascii = true, 0, true
			}
			runes += j - i
			i = j
			continue
		}
		if c == '<' {
			if end, ok := skipMarkup(html, i); ok {
				if hasPrefixAt(html, i, "</p>") || hasPrefixAt(html, i, "<br>") || hasPrefixAt(html, i, "<br />") {
					if !wasSpace {
						out.WriteByte('\n')
						wasSpace = true
					}
					endWord()
				}
				if limit > 0 && cut < 0 {
					closing := html[i+1] == '/'
					if closing || isASCIILetter(html[i+1]) {
						name := tagNameBytes(html, i)
						switch {
						case closing:
							depth = max(depth-1, 0)
						case IsVoid(name) || selfClosed(html[i:end]) || rawTextElement(name) != "":
							// void, self-closed, or skipped whole
						default:
							depth++
						}
						if depth == 0 {
							// A top-level element ended: count the word it
							// may end in too.
							n := words
							if inWord {
								n += wordWeight(runes, ascii, cjk)
							}
							if n >= limit {
								cut = end
							}
						}
					}
				}
				i = end
				continue
			}
			// A '<' that starts no markup is text.
		}
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				if !wasSpace {
					if c == '\n' {
						c = ' '
					}
					out.WriteByte(c)
				}
				wasSpace = true
				endWord()
				continue
			}
			out.WriteByte(c) // '<' as text
			wasSpace = false
			if !inWord {
				inWord, runes, ascii = true, 0, true
			}
			runes++
			continue
		}
		r, size := utf8.DecodeRune(html[i:])
		sp := r != utf8.RuneError && unicode.IsSpace(r)
		if !sp || !wasSpace {
			out.Write(html[i : i+size])
		}
		wasSpace = sp
		i += size
		if sp {
			endWord()
			continue
		}
		if !inWord {
			inWord, runes = true, 0
		}
		runes++
		ascii = false
	}
	endWord()
	return out.String(), words, cut
}

var refOrdinary = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c != '<' && !asciiSpace[c]
	}
	return t
}()
