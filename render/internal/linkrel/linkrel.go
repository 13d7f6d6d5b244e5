// Package linkrel classifies link destinations for the link options of
// render: links to other sites (which get rel and target) and links to
// other posts written as paths of Markdown files (which a ref resolver
// turns into URLs).
package linkrel

import (
	"bytes"
	"net/url"
	"strings"
)

// External reports whether dest leaves the site: an http or https URL, or
// a protocol-relative "//host/..." one, whose host (port and letter case
// ignored) is none of hosts.
func External(dest []byte, hosts []string) bool {
	rest, ok := cutSchemeHTTP(dest)
	if !ok {
		return false
	}
	host := rest
	if i := bytes.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := bytes.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if i := bytes.LastIndexByte(host, ':'); i >= 0 && !bytes.HasSuffix(host, []byte("]")) {
		host = host[:i]
	}
	if len(host) == 0 {
		return false
	}
	for _, h := range hosts {
		if bytes.EqualFold(host, []byte(h)) {
			return false
		}
	}
	return true
}

// cutSchemeHTTP returns what follows "http://", "https://" (any case) or
// a leading "//".
func cutSchemeHTTP(dest []byte) ([]byte, bool) {
	dest = bytes.TrimLeft(dest, " \t\n")
	for _, p := range [...]string{"https://", "http://", "//"} {
		if len(dest) >= len(p) && bytes.EqualFold(dest[:len(p)], []byte(p)) {
			return dest[len(p):], true
		}
	}
	return nil, false
}

// Rel returns the rel attribute of an external link: the tokens of rel,
// and "noopener" after them when target is set and rel does not have it
// (a page opened in another browsing context then cannot reach its
// opener).
func Rel(rel, target string) string {
	rel = strings.Join(strings.Fields(rel), " ")
	if target == "" {
		return rel
	}
	for _, t := range strings.Fields(rel) {
		if strings.EqualFold(t, "noopener") {
			return rel
		}
	}
	if rel == "" {
		return "noopener"
	}
	return rel + " noopener"
}

// MarkdownRef reports whether dest is a link to a Markdown file by its
// path ("other.md", "../posts/b.md#part", "/docs/c.markdown?x=1"): no
// scheme, no host, a path ending in ".md" or ".markdown" (any case). It
// returns the path with %XX escapes decoded, and the query and fragment
// as written ("?x=1#part"; "" if none).
func MarkdownRef(dest string) (p, suffix string, ok bool) {
	if !MaybeMarkdown([]byte(dest)) {
		return "", "", false
	}
	p = dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, suffix = p[:i], p[i:]
	}
	if p == "" || strings.HasPrefix(p, "//") || strings.ContainsRune(p, ':') && !strings.ContainsRune(p[:strings.IndexByte(p, ':')], '/') {
		return "", "", false
	}
	lower := strings.ToLower(p)
	if !strings.HasSuffix(lower, ".md") && !strings.HasSuffix(lower, ".markdown") {
		return "", "", false
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	return p, suffix, true
}

// MaybeMarkdown reports, without allocating, whether the path of dest
// (before any '?' or '#') ends in ".md" or ".markdown" (any case): the
// links MarkdownRef may accept.
func MaybeMarkdown(dest []byte) bool {
	if i := bytes.IndexAny(dest, "?#"); i >= 0 {
		dest = dest[:i]
	}
	for _, ext := range [...]string{".md", ".markdown"} {
		if len(dest) > len(ext) && bytes.EqualFold(dest[len(dest)-len(ext):], []byte(ext)) {
			return true
		}
	}
	return false
}
