package textstats

import (
	"encoding/binary"
	"math/bits"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Plain returns html as plain text by Hugo's StripHTML rule:
//
//  1. "\n" becomes a space; "</p>", "<br>" and "<br />" become "\n";
//  2. tags and comments are removed, with the content of <script> and
//     <style> elements; entities are not decoded ("&rsquo;" stays);
//  3. each run of white space is cut to its first character.
//
// A '<' that does not start a tag or comment ("I <3 Go") is text.
func Plain(html []byte) string {
	plain, _, _ := Stats(html, 0, false)
	return plain
}

// Stats makes one pass over rendered HTML and returns what Plain,
// CountWords and AutoSummary would: the plain text, its word count (Hugo's
// rules, CJK when cjk is set) and, when limit > 0, the offset after the
// top-level element in which the running word count reached limit, or -1
// when the content has fewer words. Word boundaries are those of the
// plain text, so the summary counts words exactly as WordCount does.
func Stats(html []byte, limit int, cjk bool) (plain string, words, cut int) {
	// The plain text is built in a pooled buffer and copied out at its
	// size, which is about 60% of the HTML's. The plain text is never
	// longer than the HTML; the fast path stores eight bytes at a time
	// and needs eight more.
	scratch := plainPool.Get().(*[]byte)
	t := textScan{html: html, out: *scratch, limit: limit, cjk: cjk, cut: -1}
	if len(t.out) < len(html)+8 {
		t.out = make([]byte, len(html)+8)
	}
	t.run()
	plain = string(t.out[:t.n])
	if len(t.out) <= 1<<20 { // a huge document's buffer is not kept
		*scratch = t.out
		plainPool.Put(scratch)
	}
	return plain, t.words, t.cut
}

var plainPool = sync.Pool{New: func() any { return new([]byte) }}

// textScan is the state of Stats. The loop over bytes is split into
// one method per kind of byte run, so that each loop keeps its few
// variables in registers.
type textScan struct {
	html []byte
	// The plain text so far is out[:n]. out is never reallocated: storing
	// n rather than a new slice header costs no write barrier while the
	// GC marks.
	out []byte
	n   int

	words    int
	wasSpace bool // the plain text ends in white space
	// The word being read. A word is counted when it starts; with cjk, a
	// word that is not pure ASCII adds its other runes when it ends.
	inWord, ascii bool
	runes         int
	cjk           bool

	limit, depth, cut int // the summary: its word limit, open elements, its end
}

func (t *textScan) run() {
	html := t.html
	for i := 0; i < len(html); {
		if !t.cjk && textClass[html[i]] == textOrdinary {
			// Text; a tag or white space, often next after a tag, goes
			// straight to the switch.
			if i = t.asciiText(i); i >= len(html) {
				break
			}
		}
		switch textClass[html[i]] {
		case textOrdinary:
			i = t.ordinary(i)
		case textSpace:
			i = t.space(i)
		case textMultiByte:
			i = t.multiByte(i)
		default:
			i = t.markup(i)
		}
	}
	t.endWord()
}

// copy appends b to the plain text.
func (t *textScan) copy(b []byte) {
	t.n += copy(t.out[t.n:], b)
}

// add appends c to the plain text.
func (t *textScan) add(c byte) {
	t.out[t.n] = c
	t.n++
}

// asciiText is the fast path for text that is not CJK, eight bytes at a
// time: printable ASCII but '<', and white space that does not follow
// white space. Their word starts are counted, and they are stored in the
// plain text at once, '\n' made a space. It returns the offset of the
// first other byte, or of the last few bytes.
func (t *textScan) asciiText(i int) int {
	const lo, hi = 0x0101010101010101, 0x8080808080808080
	html, out, n := t.html, t.out, t.n
	words := 0
	wasSpace, inWord := t.wasSpace, t.inWord
	for i+8 <= len(html) && n+8 <= len(out) {
		// For ASCII, the high bit of each byte of below(c) tells whether
		// that byte is below c.
		x := binary.LittleEndian.Uint64(html[i : i+8])
		y := x | hi
		below := func(c uint64) uint64 { return ^(y - c*lo) & hi }
		control := below(0x20)
		wsControl := below(0x0e) &^ below(0x09) // '\t', '\n', '\v', '\f', '\r'
		space := below(0x21)&^control | wsControl
		newline := below(0x0b) &^ below(0x0a)
		angle := below(0x3d) &^ below(0x3c)
		var prevSpace, prevBreak uint64 // for the byte before these
		if wasSpace {
			prevSpace = 0x80
		}
		if !inWord {
			prevBreak = 0x80
		}
		starts := ^space & hi & (space<<8 | prevBreak)
		stop := x&hi | control&^wsControl | angle | space&(space<<8|prevSpace)
		// Every byte is stored; those from the first stop on are
		// overwritten later.
		nl := newline >> 7 * 0xff
		binary.LittleEndian.PutUint64(out[n:n+8], x&^nl|0x2020202020202020&nl)
		if stop == 0 {
			words += countHigh(starts)
			wasSpace = space>>63 != 0
			inWord = !wasSpace
			i += 8
			n += 8
			continue
		}
		// The bytes before the first stop.
		if k := bits.TrailingZeros64(stop) &^ 7; k > 0 { // 8 bits a byte
			words += countHigh(starts & (1<<k - 1))
			wasSpace = space>>(k-1)&1 != 0
			inWord = !wasSpace
			i += k >> 3
			n += k >> 3
		}
		break
	}
	t.n = n
	t.words += words
	t.wasSpace, t.inWord = wasSpace, inWord
	return i
}

// countHigh returns how many bytes of x have their high bit set, when no
// other bit is: a multiplication sums the bytes into the top one, without
// the call bits.OnesCount64 makes where POPCNT is not assumed.
func countHigh(x uint64) int {
	return int((x >> 7) * 0x0101010101010101 >> 56)
}

// ordinary reads the run of ASCII bytes that are neither white space nor
// '<' at html[i].
func (t *textScan) ordinary(i int) int {
	html := t.html
	j := i + 1
	for j < len(html) && textClass[html[j]] == textOrdinary {
		j++
	}
	t.copy(html[i:j])
	t.wordByte()
	t.runes += j - i - 1
	return j
}

// wordByte records one ASCII byte of a word.
func (t *textScan) wordByte() {
	if !t.inWord {
		t.inWord, t.runes, t.ascii = true, 0, true
		t.words++
	}
	t.runes++
	t.wasSpace = false
}

// space reads the run of ASCII white space at html[i]. The run keeps its
// first byte, '\n' made a space, unless the plain text already ends in
// white space.
func (t *textScan) space(i int) int {
	html := t.html
	j := i + 1
	for j < len(html) && textClass[html[j]] == textSpace {
		j++
	}
	if !t.wasSpace {
		if c := html[i]; c == '\n' {
			t.add(' ')
		} else {
			t.add(c)
		}
	}
	t.wasSpace = true
	t.endWord()
	return j
}

// multiByte reads the rune at html[i], white space or part of a word.
func (t *textScan) multiByte(i int) int {
	html := t.html
	r, size := utf8.DecodeRune(html[i:])
	if r != utf8.RuneError && unicode.IsSpace(r) {
		if !t.wasSpace {
			t.copy(html[i : i+size])
		}
		t.wasSpace = true
		t.endWord()
		return i + size
	}
	t.copy(html[i : i+size])
	t.wasSpace = false
	if !t.inWord {
		t.inWord, t.runes = true, 0
		t.words++
	}
	t.runes++
	t.ascii = false
	return i + size
}

func (t *textScan) endWord() {
	if t.inWord && t.cjk && !t.ascii {
		t.words += t.runes - 1
	}
	t.inWord = false
}

// markup reads the tag, comment or other markup at html[i] ('<'), or the
// '<' alone when it starts none ("I <3 Go"), which is text.
func (t *textScan) markup(i int) int {
	html := t.html
	end, ok := skipMarkup(html, i)
	if !ok {
		t.add('<')
		t.wordByte()
		return i + 1
	}
	c := html[i+1]
	if c == '/' && hasPrefixAt(html, i, "</p>") || c == 'b' && (hasPrefixAt(html, i, "<br>") || hasPrefixAt(html, i, "<br />")) {
		if !t.wasSpace {
			t.add('\n')
			t.wasSpace = true
		}
		t.endWord()
	}
	if t.limit > 0 && t.cut < 0 && (c == '/' || isASCIILetter(c)) {
		t.summaryTag(i, end)
	}
	return end
}

// summaryTag follows the element depth at the tag html[i:end] and sets the
// summary's end after the top-level element in which the word count
// reaches the limit.
func (t *textScan) summaryTag(i, end int) {
	html := t.html
	if html[i+1] == '/' {
		t.depth = max(t.depth-1, 0)
	} else if name := tagNameBytes(html, i); !IsVoid(name) && !selfClosed(html[i:end]) && rawTextElement(name) == "" {
		t.depth++
	}
	if t.depth == 0 {
		// A top-level element ended: count the word it may end in too.
		n := t.words
		if t.inWord && t.cjk && !t.ascii {
			n += t.runes - 1
		}
		if n >= t.limit {
			t.cut = end
		}
	}
}

// Byte classes for Stats.
const (
	textOrdinary  = iota // ASCII, neither white space nor '<'
	textSpace            // ASCII white space
	textMarkup           // '<'
	textMultiByte        // the first or a later byte of a multi-byte rune
)

var textClass = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = textMultiByte
		case c == '<':
			t[c] = textMarkup
		case asciiSpace[c]:
			t[c] = textSpace
		default:
			t[c] = textOrdinary
		}
	}
	return t
}()
