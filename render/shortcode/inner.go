package shortcode

import (
	"github.com/folio-md/folio/render/internal/htmlsafe"

	"strconv"
	"strings"
)

// InnerHTML returns Inner as HTML that may be written under the
// renderer's raw HTML policy: without WithUnsafeHTML, raw HTML the author
// wrote in it is omitted as it is in Markdown (each tag becomes
// "<!-- raw HTML omitted -->" with a Diagnostic, comments are dropped, and
// any other '<' is escaped), while the output of nested calls is kept.
// With WithUnsafeHTML (Config.UnsafeHTML), for a call in Markdown
// notation ({{% %}}, whose output is rendered as Markdown under the same
// policy), and for a Call made outside a render, it is Inner. [Template]
// gives it to templates as .Inner.
func (c *Call) InnerHTML() string {
	if c.Markdown || c.x == nil || c.x.cfg.UnsafeHTML || len(c.authored) == 0 {
		return c.Inner
	}
	var b []byte
	last := 0
	for _, sp := range c.authored {
		b = append(b, c.Inner[last:sp.start]...)
		b = omitRawHTML(b, c.Inner[sp.start:sp.end], func(off int, tag string) {
			c.x.host.Warn(sp.src+off, htmlsafe.OmittedMessage([]byte(tag))+" (in the inner content of shortcode "+strconv.Quote(c.Name)+")")
		})
		last = sp.end
	}
	return string(append(b, c.Inner[last:]...))
}

// omitRawHTML appends s to dst with its raw HTML omitted as in Markdown:
// a comment is dropped, a tag (or a declaration or processing instruction)
// becomes "<!-- raw HTML omitted -->" and is reported with its offset in s
// and its text (a closing tag is not reported again),
// and any other '<' is escaped, so that nothing in s can open markup.
func omitRawHTML(dst []byte, s string, report func(off int, tag string)) []byte {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '<')
		if k < 0 {
			return append(dst, s[i:]...)
		}
		dst = append(dst, s[i:i+k]...)
		j := i + k
		rest := s[j:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			if e := strings.Index(rest[4:], "-->"); e >= 0 {
				i = j + 4 + e + 3
				continue
			}
		case len(rest) > 1 && (isASCIILetter(rest[1]) || rest[1] == '!' || rest[1] == '?' ||
			rest[1] == '/' && len(rest) > 2 && isASCIILetter(rest[2])):
			if e := tagEnd(rest); e > 0 {
				dst = append(dst, omitted...)
				if rest[1] != '/' { // a closing tag is not reported again
					report(j, rest[:e])
				}
				i = j + e
				continue
			}
		}
		dst = append(dst, "&lt;"...)
		i = j + 1
	}
	return dst
}

// tagEnd returns the length of the tag that starts s, up to its '>'
// outside quoted attribute values, or 0 when it has no end.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return 0
}

// InnerDeindent returns Inner with the indentation common to its non-blank
// lines removed, as Hugo's .InnerDeindent does: a shortcode's content
// indented inside a list item comes out flush left.
func (c *Call) InnerDeindent() string {
	return deindent(c.Inner)
}

func deindent(s string) string {
	lines := strings.SplitAfter(s, "\n")
	common := -1
	for _, l := range lines {
		t := strings.TrimLeft(l, " \t")
		if strings.TrimSpace(t) == "" {
			continue
		}
		if n := len(l) - len(t); common < 0 || n < common {
			common = n
		}
	}
	if common <= 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, l := range lines {
		if len(l) >= common && strings.TrimLeft(l[:common], " \t") == "" {
			l = l[common:]
		} else {
			l = strings.TrimLeft(l, " \t")
		}
		b.WriteString(l)
	}
	return b.String()
}

// omitted replaces each raw HTML tag omitted from inner content, as
// goldmark writes it for omitted raw HTML in Markdown.
var omitted = []byte("<!-- raw HTML omitted -->")

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
