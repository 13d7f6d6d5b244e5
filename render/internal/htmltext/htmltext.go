// Package htmltext reads the text of HTML that folio wrote: the plain
// text of a shortcode's output (for heading IDs, TOC entries and
// attribute values) and of a rendered caption (for an image's alt).
package htmltext

import (
	"bytes"
	"html"
	"strings"
)

// Text returns the text of an HTML fragment: tags and comments
// dropped, entities decoded, white space runs made single spaces.
func Text(b []byte) string {
	var sb strings.Builder
	for i := 0; i < len(b); {
		switch {
		case bytes.HasPrefix(b[i:], []byte("<!--")):
			k := bytes.Index(b[i+4:], []byte("-->"))
			if k < 0 {
				i = len(b)
			} else {
				i += 4 + k + 3
			}
		case b[i] == '<':
			k := bytes.IndexByte(b[i:], '>')
			if k < 0 {
				sb.Write(b[i:])
				i = len(b)
			} else {
				i += k + 1
			}
		default:
			k := bytes.IndexByte(b[i:], '<')
			if k < 0 {
				k = len(b) - i
			}
			sb.Write(b[i : i+k])
			i += k
		}
	}
	return strings.Join(strings.Fields(html.UnescapeString(sb.String())), " ")
}
