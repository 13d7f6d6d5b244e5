package content

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrPermalink is the cause of a permalink pattern that cannot be used:
// an unknown :token or a malformed :sections[...] slice.
var ErrPermalink = errors.New("bad permalink pattern")

// pattern is a parsed permalink pattern: literal text and tokens in turn.
type pattern struct {
	src   string
	parts []patternPart
}

type patternPart struct {
	lit   string // literal text, when token == ""
	token string // "year", "sections", ...
	lo    int    // :sections[lo:hi]; hi < 0 means to the end
	hi    int
	slice bool
	last  bool // :sections[last]
}

var permalinkTokens = map[string]bool{
	"year": true, "month": true, "monthname": true, "day": true, "weekday": true,
	"weekdayname": true, "yearday": true, "section": true, "sections": true, "title": true,
	"slug": true, "slugorfilename": true, "slugorcontentbasename": true, "filename": true,
	"contentbasename": true, "lang": true,
}

func parsePattern(src string) (*pattern, error) {
	p := &pattern{src: src}
	lit := 0
	for i := 0; i < len(src); {
		if src[i] != ':' {
			i++
			continue
		}
		j := i + 1
		for j < len(src) && ('a' <= src[j] && src[j] <= 'z' || 'A' <= src[j] && src[j] <= 'Z') {
			j++
		}
		name := strings.ToLower(src[i+1 : j])
		if name == "" {
			// A colon followed by no letters is literal text (":/" in a
			// pattern has no meaning to Hugo either).
			i++
			continue
		}
		if !permalinkTokens[name] {
			return nil, fmt.Errorf("%w %q: unknown token :%s", ErrPermalink, src, name)
		}
		if lit < i {
			p.parts = append(p.parts, patternPart{lit: src[lit:i]})
		}
		part := patternPart{token: name, hi: -1}
		if j < len(src) && src[j] == '[' {
			end := strings.IndexByte(src[j:], ']')
			if end < 0 || name != "sections" {
				return nil, fmt.Errorf("%w %q: a [...] slice is only allowed after :sections, and must be closed", ErrPermalink, src)
			}
			if err := part.parseSlice(src[j+1 : j+end]); err != nil {
				return nil, fmt.Errorf("%w %q: %v", ErrPermalink, src, err)
			}
			j += end + 1
		}
		p.parts = append(p.parts, part)
		i, lit = j, j
	}
	if lit < len(src) {
		p.parts = append(p.parts, patternPart{lit: src[lit:]})
	}
	return p, nil
}

func (part *patternPart) parseSlice(s string) error {
	if s == "last" {
		part.last = true
		return nil
	}
	part.slice = true
	lo, hi, ok := strings.Cut(s, ":")
	var err error
	if lo != "" {
		if part.lo, err = strconv.Atoi(lo); err != nil || part.lo < 0 {
			return fmt.Errorf("bad slice [%s]", s)
		}
	}
	if !ok {
		part.hi = part.lo + 1
		return nil
	}
	if hi != "" {
		if part.hi, err = strconv.Atoi(hi); err != nil || part.hi < part.lo {
			return fmt.Errorf("bad slice [%s]", s)
		}
	}
	return nil
}

// expand writes the pattern for page p.
func (pt *pattern) expand(p *Page, s *settings) string {
	var b strings.Builder
	d := p.Date
	for _, part := range pt.parts {
		if part.token == "" {
			b.WriteString(part.lit)
			continue
		}
		switch part.token {
		case "year":
			b.WriteString(strconv.Itoa(d.Year()))
		case "month":
			fmt.Fprintf(&b, "%02d", int(d.Month()))
		case "monthname":
			b.WriteString(strings.ToLower(d.Month().String()))
		case "day":
			fmt.Fprintf(&b, "%02d", d.Day())
		case "weekday":
			b.WriteString(strconv.Itoa(int(d.Weekday())))
		case "weekdayname":
			b.WriteString(strings.ToLower(d.Weekday().String()))
		case "yearday":
			b.WriteString(strconv.Itoa(d.YearDay()))
		case "section":
			b.WriteString(p.Section)
		case "sections":
			secs := p.sectionNames()
			switch {
			case part.last:
				if len(secs) > 0 {
					secs = secs[len(secs)-1:]
				}
			case part.slice:
				lo, hi := min(part.lo, len(secs)), len(secs)
				if part.hi >= 0 {
					hi = min(part.hi, len(secs))
				}
				secs = secs[lo:hi]
			}
			b.WriteString(strings.Join(secs, "/"))
		case "title":
			b.WriteString(Urlize(p.Title))
		case "slug":
			b.WriteString(p.slugOr(Urlize(p.Title)))
		case "slugorfilename":
			b.WriteString(p.slugOr(p.fileName()))
		case "slugorcontentbasename":
			b.WriteString(p.slugOr(p.fileName()))
		case "filename", "contentbasename":
			b.WriteString(p.fileName())
		case "lang":
			b.WriteString(p.Lang)
		}
	}
	return b.String()
}

// slugOr returns the page's slug, or else alt.
func (p *Page) slugOr(alt string) string {
	if p.slug != "" {
		return p.slug
	}
	return alt
}

// fileName is the name of the page's file without extension and
// language, or its bundle's folder; for a term, its key.
func (p *Page) fileName() string {
	_, name := splitLast(p.Path)
	return name
}

// sectionNames are the names of the page's sections, outermost first:
// ["docs", "api", "v1"].
func (p *Page) sectionNames() []string {
	sec := p.CurrentSection
	if sec == nil || sec.Kind == KindHome {
		return nil
	}
	return strings.Split(strings.TrimPrefix(sec.Path, "/"), "/")
}

func splitLast(p string) (dir, name string) {
	i := strings.LastIndexByte(p, '/')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}
