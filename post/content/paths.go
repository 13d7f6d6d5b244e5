package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalizePath is Hugo's form of a content path, the key of a page in
// the tree (Page.Path): lower-cased unless keepCase, each space a '-'.
func normalizePath(s string, keepCase bool) string {
	if !keepCase {
		s = strings.ToLower(s)
	}
	return strings.ReplaceAll(s, " ", "-")
}

// allowedInPath reports whether the rune at s[i] stays in a URL path as
// Hugo writes it: letters, digits, marks and . / \ _ # + ~ - @, and a '%'
// that starts an escape.
func allowedInPath(s string, i int, r rune) bool {
	switch {
	case r == ' ':
		return false
	case unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsMark(r):
		return true
	}
	switch r {
	case '.', '/', '\\', '_', '#', '+', '~', '-', '@':
		return true
	case '%':
		return i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
	}
	return false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// sanitize keeps the characters allowedInPath allows and drops the
// others; a run of white space becomes one '-' (none at the start, none
// next to a '-' and none at the end).
func sanitize(s string) string {
	clean := true
	for i, r := range s {
		if !allowedInPath(s, i, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	pending, lastDash := false, false
	for i, r := range s {
		if allowedInPath(s, i, r) {
			lastDash = r == '-'
			if pending && !lastDash {
				b.WriteByte('-')
			}
			pending = false
			b.WriteRune(r)
		} else if b.Len() > 0 && !lastDash && unicode.IsSpace(r) {
			pending = true
		}
	}
	return b.String()
}

// Urlize is Hugo's urlize as it makes a path segment from a title or a
// term: white space becomes '-', characters other than letters, digits,
// marks and . / \ _ # + ~ - @ are dropped, and the result is lower-cased.
// Unicode letters are kept; EscapePath percent-encodes them for a URL.
//
//	Urlize("Hello, World!") == "hello-world"
//	Urlize("Ünïcode & C++") == "ünïcode-c++"
func Urlize(s string) string {
	return strings.ToLower(sanitize(s))
}

// EscapePath percent-encodes a URL path the way Hugo writes
// RelPermalink: ASCII letters, digits and -._~/!$&'()*+,;=:@ stay, an
// existing %XX escape stays, every other byte (non-ASCII text, '#', '?',
// space, '%' alone) is written as %XX.
func EscapePath(p string) string {
	const hex = "0123456789ABCDEF"
	need := false
	for i := 0; i < len(p); i++ {
		if !pathByteOK(p, i) {
			need = true
			break
		}
	}
	if !need {
		return p
	}
	var b strings.Builder
	b.Grow(len(p) + 8)
	for i := 0; i < len(p); i++ {
		if c := p[i]; pathByteOK(p, i) {
			b.WriteByte(c)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

func pathByteOK(p string, i int) bool {
	c := p[i]
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '-', '.', '_', '~', '/', '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@':
		return true
	case '%':
		return i+2 < len(p) && isHex(p[i+1]) && isHex(p[i+2])
	}
	return false
}

// urlPath turns a page's target path into the path of its URL and output
// file: sanitized, and lower-cased unless keepCase.
func urlPath(s string, keepCase bool) string {
	s = sanitize(s)
	if !keepCase {
		s = strings.ToLower(s)
	}
	return s
}

// smallWords stay lower case inside a title (AP style), unless first or
// last.
var smallWords = map[string]bool{
	"a": true, "an": true, "and": true, "at": true, "but": true, "by": true, "for": true,
	"in": true, "nor": true, "of": true, "on": true, "or": true, "so": true, "the": true,
	"to": true, "up": true, "yet": true,
}

// titleize makes a title of a name, as Hugo's default AP title case
// does for section and term titles: the first letter of every word is
// upper-cased (words are separated by spaces, hyphens and slashes), except small
// words such as "of" and "the" that are neither first nor last.
// listTitle is the automatic title of a list page named s, cased as
// the settings say.
func (st *settings) listTitle(s string) string {
	if st.DisableCapitalizeListTitles {
		return s
	}
	switch strings.ToLower(st.TitleCaseStyle) {
	case "none":
		return s
	case "firstupper":
		return upperFirst(s)
	case "go":
		words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '/' })
		var b strings.Builder
		rest := s
		for _, w := range words {
			i := strings.Index(rest, w)
			b.WriteString(rest[:i])
			b.WriteString(upperFirst(w))
			rest = rest[i+len(w):]
		}
		b.WriteString(rest)
		return b.String()
	}
	return titleize(s)
}

func titleize(s string) string {
	sep := func(r rune) bool { return r == ' ' || r == '-' || r == '/' }
	words := strings.FieldsFunc(s, sep)
	if len(words) == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	w := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if sep(r) {
			b.WriteRune(r)
			i += size
			continue
		}
		end := i
		for end < len(s) && s[end] != ' ' && s[end] != '-' && s[end] != '/' {
			end++
		}
		word := s[i:end]
		if w == 0 || w == len(words)-1 || !smallWords[strings.ToLower(word)] {
			b.WriteString(upperFirst(word))
		} else {
			b.WriteString(strings.ToLower(word))
		}
		w++
		i = end
	}
	return b.String()
}

// upperFirst upper-cases the first letter of word (after any leading
// punctuation, so "#hash" becomes "#Hash").
func upperFirst(word string) string {
	for i, r := range word {
		if unicode.IsLetter(r) {
			return word[:i] + string(unicode.ToTitle(r)) + word[i+utf8.RuneLen(r):]
		}
		if unicode.IsDigit(r) {
			return word
		}
	}
	return word
}

// uncountable names have no plural form of their own (in Hugo's
// inflection; "music" and "software" do have one there).
var uncountable = map[string]bool{
	"news": true, "series": true, "species": true, "information": true, "equipment": true,
	"media": true, "data": true, "sheep": true, "fish": true, "deer": true, "people": true,
}

// irregularPlurals are the plurals Hugo's inflection gives that no
// suffix rule below does (each checked with Hugo 0.165 as a section
// title).
var irregularPlurals = map[string]string{
	"child": "children", "man": "men", "woman": "women", "person": "people",
	"foot": "feet", "tooth": "teeth", "goose": "geese", "mouse": "mice", "ox": "oxen",
	"datum": "data", "medium": "media", "criterion": "criteria", "phenomenon": "phenomena",
	"memorandum": "memoranda", "addendum": "addenda", "aquarium": "aquaria", "bacterium": "bacteria",
	"erratum": "errata", "maximum": "maxima", "minimum": "minima", "millennium": "millennia",
	"momentum": "momenta", "podium": "podia", "premium": "premia", "quantum": "quanta",
	"referendum": "referenda", "spectrum": "spectra",
	"genus": "genera", "corpus": "corpora", "cactus": "cacti", "focus": "foci", "nucleus": "nuclei",
	"radius": "radii", "syllabus": "syllabi", "alumnus": "alumni", "octopus": "octupuses",
	"larva": "larvae", "nebula": "nebulae", "vita": "vitae", "quiz": "quizzes", "thief": "thieves",
	"axis": "axes", "alias": "aliases", "emphasis": "emphasis",
	// Words ending in a consonant and o that take s, not es.
	"photo": "photos", "piano": "pianos", "auto": "autos", "cello": "cellos", "ghetto": "ghettos",
	"halo": "halos", "kilo": "kilos", "memento": "mementos", "mosquito": "mosquitos",
	"piccolo": "piccolos", "silo": "silos", "solo": "solos", "veto": "vetos", "volcano": "volcanos",
	"dwarf": "dwarfs", "belief": "beliefs", "chief": "chiefs",
}

// pluralize returns the English plural of a section name, for the title
// of a section that has no _index.md (Hugo's pluralizeListTitles): "post"
// and "posts" give "posts", "category" "categories", "box" "boxes",
// "video" "videoes" (as Hugo's inflection does), "index" "indices".
func pluralize(s string) string {
	lower := strings.ToLower(s)
	if p, ok := irregularPlurals[lower]; ok {
		return s[:commonPrefix(lower, p)] + p[commonPrefix(lower, p):]
	}
	// with replaces the last cut bytes of s by rep.
	with := func(cut int, rep string) string { return s[:len(s)-cut] + rep }
	has := func(suf string) bool { return strings.HasSuffix(lower, suf) }
	switch {
	case lower == "" || uncountable[lower]:
		return s
	case has("matrix"), has("vertex"), has("index"), has("appendix"):
		return with(2, "ices")
	case has("sis"):
		return with(2, "es")
	case has("us"), has("ss"):
		return s + "es"
	case has("s"):
		return s // a plural already
	case has("x"), has("z"), has("ch"), has("sh"):
		return s + "es"
	case has("y") && len(lower) > 1 && !strings.ContainsRune("aeiou", rune(lower[len(lower)-2])):
		return with(1, "ies")
	case has("io"), has("oo"):
		return s + "s"
	case has("o"):
		return s + "es"
	case has("ff"), has("oof"), has("eef"):
		return s + "s"
	case has("fe"):
		return with(2, "ves")
	case has("lf"), has("rf"), has("af"):
		return with(1, "ves")
	}
	return s + "s"
}

// commonPrefix is the length of the longest common prefix of a and b,
// so that an irregular plural keeps the case of the name it replaces.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
