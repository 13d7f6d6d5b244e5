package render

import "bytes"

// The text statistics (.Plain, .WordCount, .ReadingTime, the automatic
// summary) are in package internal/textstats; these are the HTML helpers
// render keeps.

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// trimShortHTML removes the <p>...</p> that wraps html when it is the only
// paragraph (Hugo's TrimShortHTML, used for a front-matter summary), with
// the white space around it.
func trimShortHTML(html []byte) []byte {
	if bytes.Count(html, []byte("<p>")) != 1 {
		return html
	}
	t := bytes.TrimSpace(html)
	if bytes.HasPrefix(t, []byte("<p>")) && bytes.HasSuffix(t, []byte("</p>")) {
		return bytes.TrimSpace(t[3 : len(t)-4])
	}
	return html
}
