// Package htmlsafe decides what folio may write into HTML from untrusted
// input: which URLs may stand in a URL attribute and which attribute names
// input may set. It is the one place these rules live; every writer of a
// URL or of an input attribute in render asks it, on the exact bytes that
// are written.
//
// # URLs
//
// A URL is judged as a browser reads it. The caller passes the attribute
// value as the browser sees it after decoding character references (that
// is, the bytes before they are HTML-escaped for the attribute). Leading
// and trailing C0 controls and spaces are dropped and tabs, line feeds and
// carriage returns removed anywhere, as the URL parser does; the scheme is
// then the run of ASCII letters, digits, '+', '-' and '.' that starts with
// a letter and ends at the first ':'. A URL with no scheme is relative (a
// path, a query, a fragment or //host) and allowed. Of the URLs with a
// scheme only these are allowed:
//
//	http, https, mailto, tel         links and images
//	data:image/(png|gif|jpeg|webp);  images only
//
// plus the schemes a caller adds (Policy.Schemes); javascript, vbscript,
// data and file are never allowed for links. As a second, conservative
// reading the URL is also percent-decoded once and judged again, so that a
// later step that decodes it cannot turn it into a script URL.
//
// # Attributes
//
// Attributes written from input (heading and code fence attributes) are
// allow-listed: id, class, lang, dir, title, translate, role, aria-* and
// data-*. style is allowed only when the caller opts in; event handlers
// (on*) never are.
package htmlsafe

import "bytes"

// Kind is what a URL is for.
type Kind uint8

const (
	// Link is a URL that is navigated to: href, action, formaction, ...
	Link Kind = iota
	// Image is a URL that is only fetched as an image: img src. It also
	// allows data:image/png, gif, jpeg and webp.
	Image
)

// Policy is the URL policy. The zero value allows the default schemes.
type Policy struct {
	// Schemes are extra schemes to allow, lower case, without ':'.
	// javascript, vbscript, data and file are ignored here.
	Schemes []string
}

// maxScheme bounds the scheme length looked at; longer runs of scheme
// characters before a ':' are rejected as unknown schemes anyway.
const maxScheme = 32

// Allowed reports whether u may be written as a URL of kind k.
func (p Policy) Allowed(u []byte, k Kind) bool {
	if !p.allowed(u, k) {
		return false
	}
	// The conservative second reading: percent-decoded once.
	if bytes.IndexByte(u, '%') >= 0 {
		return p.allowed(percentDecode(u), k)
	}
	return true
}

// Allowed reports whether u may be written as a URL of kind k under the
// default policy.
func Allowed(u []byte, k Kind) bool { return Policy{}.Allowed(u, k) }

func (p Policy) allowed(u []byte, k Kind) bool {
	var sc scheme
	if !sc.read(u) {
		return true // relative
	}
	rest := sc.rest[:sc.nrest]
	switch string(sc.name[:sc.n]) {
	case "http", "https", "mailto", "tel":
		return true
	case "data":
		return k == Image && dataImage(rest)
	case "javascript", "vbscript", "file":
		return false
	}
	for _, s := range p.Schemes {
		if s == string(sc.name[:sc.n]) {
			return true
		}
	}
	return false
}

// scheme is a URL's scheme, lower-cased, and the first significant bytes
// after its ':' (lower-cased, tabs and newlines removed). A scheme longer
// than maxScheme is kept as the name "\x00", which no policy allows.
type scheme struct {
	name  [maxScheme]byte
	n     int
	rest  [16]byte
	nrest int
}

// read reads u's scheme; it reports false when u has none (a relative URL).
func (sc *scheme) read(u []byte) bool {
	// Leading C0 controls and spaces are dropped.
	i := 0
	for i < len(u) && u[i] <= ' ' {
		i++
	}
	long := false
	for ; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c == 0x7f {
			// Browsers drop tabs and newlines anywhere; other controls and
			// spaces are dropped too, to be safe against readers that do.
			continue
		}
		if c == ':' {
			break
		}
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
		case sc.n > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false // not a scheme character: no scheme
		}
		if sc.n == len(sc.name) {
			long = true
			continue
		}
		sc.name[sc.n] = c
		sc.n++
	}
	if i == len(u) || sc.n == 0 {
		return false
	}
	if long {
		sc.name[0], sc.n = 0, 1
	}
	for j := i + 1; j < len(u) && sc.nrest < len(sc.rest); j++ {
		c := u[j]
		if c <= ' ' || c == 0x7f {
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		sc.rest[sc.nrest] = c
		sc.nrest++
	}
	return true
}

// dataImage reports whether the part of a data: URL after the ':' starts
// with a raster image type.
func dataImage(rest []byte) bool {
	for _, t := range [...]string{"image/png;", "image/gif;", "image/jpeg;", "image/webp;"} {
		if bytes.HasPrefix(rest, []byte(t)) {
			return true
		}
	}
	return false
}

// percentDecode decodes %XX escapes once; a malformed one stays as it is.
func percentDecode(u []byte) []byte {
	out := make([]byte, 0, len(u))
	for i := 0; i < len(u); i++ {
		if u[i] == '%' && i+2 < len(u) {
			if h, ok := unhex(u[i+1]); ok {
				if l, ok := unhex(u[i+2]); ok {
					out = append(out, h<<4|l)
					i += 2
					continue
				}
			}
		}
		out = append(out, u[i])
	}
	return out
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// URLAttr reports whether the attribute name (any case) holds a URL
// that a browser navigates to or fetches.
func URLAttr(name []byte) bool {
	var buf [16]byte
	if len(name) > len(buf) {
		return false // no URL attribute has a name this long
	}
	for i, c := range name {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	switch string(buf[:len(name)]) {
	case "href", "src", "action", "formaction", "srcset", "poster", "xlink:href",
		"background", "cite", "data", "codebase", "ping", "lowsrc", "dynsrc",
		"manifest", "icon", "longdesc", "usemap", "profile", "classid", "archive":
		return true
	}
	return false
}

// Attr reports whether input may set the attribute name (any case) on an
// element folio writes. style is allowed only with styles set.
func Attr(name []byte, styles bool) bool {
	if len(name) == 0 {
		return false
	}
	var buf [16]byte
	if len(name) <= len(buf) {
		for i, c := range name {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		name = buf[:len(name)]
	} else {
		name = bytes.ToLower(name)
	}
	switch string(name) {
	case "id", "class", "lang", "dir", "title", "translate", "role":
		return true
	case "style":
		return styles
	}
	for _, p := range [...]string{"data-", "aria-"} {
		if len(name) > len(p) && string(name[:len(p)]) == p {
			return nameChars(name[len(p):])
		}
	}
	return false
}

// nameChars reports whether b holds only the characters of a plain
// attribute name: letters, digits, '-', '_' and '.'.
func nameChars(b []byte) bool {
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

// SrcsetAllowed reports whether every candidate URL of a srcset value is
// allowed as an image URL.
func (p Policy) SrcsetAllowed(v []byte) bool {
	for _, cand := range bytes.Split(v, []byte(",")) {
		f := bytes.Fields(cand)
		if len(f) > 0 && !p.Allowed(f[0], Image) {
			return false
		}
	}
	return true
}

// InertDivAttr reports whether input may set the attribute name on a
// <div> folio writes around a code block, as Hugo writes every fence
// attribute there ({filename="main.go" width=80}). Besides what Attr
// allows, it allows a plain lower-case name (a letter, then letters,
// digits, '-' and '_') that HTML gives no effect on a <div>: not an event
// handler (on...), not style (unless styles), not a URL attribute, and none
// of the global attributes that change behaviour (autofocus, tabindex,
// contenteditable, popover, hidden, accesskey, is, slot, nonce, ...).
func InertDivAttr(name []byte, styles bool) bool {
	if Attr(name, styles) {
		return true
	}
	if len(name) == 0 || len(name) > 64 || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	if len(name) >= 2 && name[0] == 'o' && name[1] == 'n' || URLAttr(name) {
		return false
	}
	switch string(name) {
	case "style", "accesskey", "autocapitalize", "autocorrect", "autofocus", "contenteditable",
		"draggable", "enterkeyhint", "exportparts", "hidden", "inert", "inputmode", "is",
		"itemid", "itemprop", "itemref", "itemscope", "itemtype", "nonce", "part", "popover",
		"popovertarget", "popovertargetaction", "slot", "spellcheck", "tabindex",
		"writingsuggestions", "form", "formmethod", "formtarget", "formenctype", "formnovalidate",
		"name", "srcdoc", "xmlns", "content", "http-equiv", "charset", "target", "download",
		"rel", "integrity", "crossorigin", "referrerpolicy", "sandbox", "allow", "shadowrootmode",
		"command", "commandfor", "anchor", "interestfor":
		return false
	}
	return true
}
