package textstats

import "bytes"

// The markup rule of the plain text: which '<' starts a tag or comment,
// and where it ends.

func hasPrefixAt(b []byte, i int, s string) bool {
	return len(b)-i >= len(s) && string(b[i:i+len(s)]) == s
}

// skipMarkup reports whether html[i] ('<') starts a tag or comment, and if
// so returns the offset after it. After
// an opening <script> or <style> tag it also skips the element's content
// and its closing tag. An unclosed construct runs to the end.
func skipMarkup(html []byte, i int) (int, bool) {
	n := len(html)
	if i+1 >= n {
		return 0, false
	}
	// The tags goldmark writes, first.
	switch c := html[i+1]; {
	case isASCIILetter(c):
		nameEnd := i + 2
		for nameEnd < n && isTagNameByte(html[nameEnd]) {
			nameEnd++
		}
		end := skipTag(html, nameEnd)
		if c|0x20 == 's' { // script or style
			if raw := rawTextElement(html[i+1 : nameEnd]); raw != "" && !selfClosed(html[i:end]) {
				return skipRawText(html, end, raw), true
			}
		}
		return end, true
	case c == '/':
		if i+2 < n && isASCIILetter(html[i+2]) {
			return skipTag(html, i+2), true
		}
		return 0, false
	case c == '!':
		if hasPrefixAt(html, i, "<!--") {
			end := bytes.Index(html[i+4:], []byte("-->"))
			if end < 0 {
				return n, true
			}
			return i + 4 + end + 3, true
		}
	}
	// Anything else is text, as in Hugo's .Plain: "I <3 Go", and also a
	// doctype, CDATA section or processing instruction (<!DOCTYPE html>,
	// <![CDATA[...]]>, <?php ... ?>), which only unsafe raw HTML writes.
	return 0, false
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isTagNameByte(c byte) bool { return !notTagName[c] }

var notTagName = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '/': true, '>': true}

// skipTag returns the offset after the '>' that closes the tag whose
// attributes start at i, honouring quoted attribute values.
func skipTag(html []byte, i int) int {
	for i < len(html) {
		c := html[i]
		if !tagStop[c] {
			i++
			continue
		}
		if c == '>' {
			return i + 1
		}
		// A quote opens a value only after '='.
		if j := prevNonSpace(html, i); j >= 0 && html[j] == '=' {
			k := bytes.IndexByte(html[i+1:], c)
			if k < 0 {
				return len(html)
			}
			i += k + 2
			continue
		}
		i++
	}
	return len(html)
}

// tagStop holds the bytes skipTag stops at.
var tagStop = [256]bool{'>': true, '"': true, '\'': true}

func prevNonSpace(b []byte, i int) int {
	for i--; i >= 0; i-- {
		if c := b[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return i
		}
	}
	return -1
}

func selfClosed(tag []byte) bool {
	return len(tag) >= 2 && tag[len(tag)-1] == '>' && tag[len(tag)-2] == '/'
}

// rawTextElement returns "script" or "style" when name is one of them.
func rawTextElement(name []byte) string {
	switch {
	case len(name) == 6 && bytes.EqualFold(name, []byte("script")):
		return "script"
	case len(name) == 5 && bytes.EqualFold(name, []byte("style")):
		return "style"
	}
	return ""
}

// skipRawText skips the content of a script or style element starting at
// i and its closing tag.
func skipRawText(html []byte, i int, name string) int {
	for j := i; j+2+len(name) <= len(html); j++ {
		if html[j] == '<' && html[j+1] == '/' && bytes.EqualFold(html[j+2:j+2+len(name)], []byte(name)) {
			k := j + 2 + len(name)
			if k == len(html) || !isTagNameByte(html[k]) || html[k] == '/' {
				return skipTag(html, k)
			}
		}
	}
	return len(html)
}

// tagNameBytes returns the name of the tag at html[i] ('<', maybe
// followed by '/').
func tagNameBytes(html []byte, i int) []byte {
	i++
	if i < len(html) && html[i] == '/' {
		i++
	}
	j := i
	for j < len(html) && isTagNameByte(html[j]) {
		j++
	}
	return html[i:j]
}

// IsVoid reports whether the element named name has no closing tag.
func IsVoid(name []byte) bool {
	if len(name) < 2 || len(name) > 6 {
		return false
	}
	var low [6]byte
	for i, c := range name {
		low[i] = c | 0x20 // ASCII letters only matter; others fail below
	}
	switch string(low[:len(name)]) {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}
