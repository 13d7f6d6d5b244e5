package textstats

import (
	"unicode"
	"unicode/utf8"
)

// CountWords counts words by Hugo's TotalWords rule: a word is a run of
// characters that are not white space (unicode.IsSpace). With cjk set
// (Hugo's isCJKLanguage), a run that is not pure ASCII counts one word per
// rune instead.
func CountWords(plain string, cjk bool) int {
	words := 0
	inWord := false
	runes, ascii := 0, true
	for i := 0; i < len(plain); {
		c := plain[i]
		if c < utf8.RuneSelf {
			i++
			if asciiSpace[c] {
				if inWord {
					words += wordWeight(runes, ascii, cjk)
					inWord = false
				}
				continue
			}
			if !inWord {
				inWord, runes, ascii = true, 0, true
			}
			runes++
			continue
		}
		r, size := utf8.DecodeRuneInString(plain[i:])
		i += size
		if unicode.IsSpace(r) {
			if inWord {
				words += wordWeight(runes, ascii, cjk)
				inWord = false
			}
			continue
		}
		if !inWord {
			inWord, runes = true, 0
		}
		runes++
		ascii = false
	}
	if inWord {
		words += wordWeight(runes, ascii, cjk)
	}
	return words
}

// asciiSpace holds the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

func wordWeight(runes int, ascii, cjk bool) int {
	if cjk && !ascii {
		return runes
	}
	return 1
}

// ReadingTime returns the minutes needed to read words at wpm words per
// minute: ceil(words/wpm), 0 for no words, at least 1 otherwise. A wpm
// below 1 counts as 1.
func ReadingTime(words, wpm int) int {
	if words <= 0 {
		return 0
	}
	wpm = max(wpm, 1)
	return (words + wpm - 1) / wpm
}
