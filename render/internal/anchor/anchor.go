// Package anchor turns heading text into an anchor, the way each of
// Hugo's autoHeadingIDType styles does. It knows nothing of Markdown:
// render gives it the plain text of a heading.
package anchor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Write writes the anchor that style makes from s to b. The styles are
// Hugo's autoHeadingIDType values: "blackfriday", "github-ascii", and
// anything else is "github".
func Write(b *strings.Builder, s string, style string) {
	switch style {
	case "blackfriday":
		pendingDash := false
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				if pendingDash && b.Len() > 0 {
					b.WriteByte('-')
				}
				pendingDash = false
				b.WriteRune(unicode.ToLower(r))
			} else {
				pendingDash = true
			}
		}
	case "github-ascii":
		s = stripAccents(s)
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c == ' ' || c == '-':
				b.WriteByte('-')
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_':
				b.WriteByte(c)
			}
		}
	default:
		for _, r := range s {
			switch {
			case r == ' ' || r == '-':
				b.WriteByte('-')
			case r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
}

// stripAccents decomposes s, drops the combining marks and recomposes it:
// "Héllo" becomes "Hello".
func stripAccents(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
