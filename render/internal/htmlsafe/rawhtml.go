package htmlsafe

import (
	"bytes"
	"unicode/utf8"
)

// The raw HTML helpers of the raw HTML policy: what is a comment, and how
// an omitted piece of raw HTML is named in a Diagnostic.

// StartsComment reports whether b, after leading white space, opens an
// HTML comment: an HTML block that starts so is dropped whole (as Hugo
// drops it), and so is such inline raw HTML.
func StartsComment(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(b, " \t\n"), []byte("<!--"))
}

// OnlyComment reports whether b, trimmed, is one complete HTML comment, as
// CommonMark reads them: "<!-->", "<!--->" or "<!--" text "-->".
func OnlyComment(b []byte) bool {
	b = bytes.TrimSpace(b)
	if !bytes.HasPrefix(b, []byte("<!--")) {
		return false
	}
	end := 0
	switch rest := b[4:]; {
	case bytes.HasPrefix(rest, []byte(">")):
		end = 5
	case bytes.HasPrefix(rest, []byte("->")):
		end = 6
	default:
		i := bytes.Index(rest, []byte("-->"))
		if i < 0 {
			return false
		}
		end = 4 + i + 3
	}
	return end == len(b)
}

// OmittedMessage returns the diagnostic for raw HTML b that is omitted:
// "raw HTML <iframe> omitted", naming the first tag of b (after leading
// white space and comments) as written, "raw HTML omitted" when b starts
// with no tag it can name.
func OmittedMessage(b []byte) string {
	if t := FirstTag(b); t != "" {
		return "raw HTML " + t + " omitted"
	}
	return "raw HTML omitted"
}

// FirstTag names the first tag of b after leading white space and
// complete comments: "<iframe>", "</div>", "<!DOCTYPE>", "<?...?>" or
// "<![CDATA[...]]>"; "" when b starts with none of these. A name is
// clipped to 40 bytes. It reads each byte of b at most twice.
func FirstTag(b []byte) string {
	for {
		b = bytes.TrimLeft(b, " \t\r\n")
		if !bytes.HasPrefix(b, []byte("<!--")) {
			break
		}
		i := bytes.Index(b[4:], []byte("-->"))
		if i < 0 {
			return ""
		}
		b = b[4+i+3:]
	}
	switch {
	case len(b) < 2 || b[0] != '<':
		return ""
	case b[1] == '?':
		return "<?...?>"
	case bytes.HasPrefix(b, []byte("<![CDATA[")):
		return "<![CDATA[...]]>"
	}
	prefix := "<"
	rest := b[1:]
	switch rest[0] {
	case '/', '!':
		prefix += string(rest[0])
		rest = rest[1:]
	}
	n := 0
	for n < len(rest) && (isAlpha(rest[n]) || n > 0 && (rest[n] >= '0' && rest[n] <= '9' || rest[n] == '-')) {
		n++
	}
	if n == 0 {
		return ""
	}
	return prefix + Clip(string(rest[:n]), 40) + ">"
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// Clip shortens s to at most n bytes for a message, without cutting a
// UTF-8 sequence, marking the cut with "...".
func Clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}
