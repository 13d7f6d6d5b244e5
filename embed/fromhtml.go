package embed

import (
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/net/html"
)

// maxFragment bounds the HTML FromHTML looks at: an embed is a few hundred
// bytes.
const maxFragment = 64 << 10

// maxWrapperDepth bounds the wrapper divs around the iframe.
const maxWrapperDepth = 4

// FromHTML recognises a hand-written embed of one of p's providers; see the
// package-level [FromHTML].
func (p Parser) FromHTML(fragment []byte) (Video, bool) {
	if len(fragment) > maxFragment {
		return Video{}, false
	}
	const (
		before = iota // wrapper divs may open
		inside        // the iframe is open
		after         // the iframe is closed; wrapper divs may close
	)
	z := html.NewTokenizer(bytes.NewReader(fragment))
	state, depth := before, 0
	var v Video
	var wrapperRatio, frameRatio Ratio
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF || state != after || depth != 0 {
				return Video{}, false
			}
			r := wrapperRatio
			if r.IsZero() {
				r = frameRatio
			}
			if !r.IsZero() && r.reduced() != defaultRatio(v) {
				v.Ratio = r.reduced()
			}
			return v, true
		case html.TextToken:
			if !isHTMLSpace(z.Raw()) {
				return Video{}, false
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "div":
				if state != before || tt == html.SelfClosingTagToken || depth == maxWrapperDepth {
					return Video{}, false
				}
				depth++
				attrs, ok := readAttrs(z)
				if !ok {
					return Video{}, false
				}
				if r, ok := styleRatio(attrs["style"]); ok && wrapperRatio.IsZero() {
					wrapperRatio = r
				}
				if r, ok := classRatio(attrs["class"]); ok && wrapperRatio.IsZero() {
					wrapperRatio = r
				}
			case "iframe":
				if state != before {
					return Video{}, false
				}
				attrs, ok := readAttrs(z)
				if !ok {
					return Video{}, false
				}
				src := strings.TrimSpace(attrs["src"])
				lower := strings.ToLower(src)
				if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "//") {
					return Video{}, false
				}
				var err error
				if v, err = p.Parse(src); err != nil {
					return Video{}, false
				}
				v.Title = strings.ToValidUTF8(strings.Join(strings.Fields(attrs["title"]), " "), "\uFFFD")
				frameRatio = sizeRatio(attrs["width"], attrs["height"])
				// A browser ignores the slash of <iframe/>: the iframe
				// stays open until </iframe> either way.
				state = inside
			default:
				return Video{}, false
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch {
			case string(name) == "iframe" && state == inside:
				state = after
			case string(name) == "div" && state == after && depth > 0:
				depth--
			default:
				return Video{}, false
			}
		default: // comments, doctypes
			return Video{}, false
		}
	}
}

func defaultRatio(v Video) Ratio {
	if v.Shorts {
		return Ratio9x16
	}
	return Ratio16x9
}

// readAttrs reads the current tag's attributes. It refuses event handlers
// and srcdoc: such an iframe is not a plain embed. Of a repeated attribute
// the tokenizer keeps the first, as browsers do.
func readAttrs(z *html.Tokenizer) (map[string]string, bool) {
	attrs := map[string]string{}
	for {
		k, val, more := z.TagAttr()
		if len(k) > 0 {
			key := string(k)
			if strings.HasPrefix(key, "on") || key == "srcdoc" {
				return nil, false
			}
			attrs[key] = string(val)
		}
		if !more {
			return attrs, true
		}
	}
}

func isHTMLSpace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			return false
		}
	}
	return true
}

// styleRatio reads the aspect ratio from a responsive wrapper's style:
// padding-bottom or padding-top as a percentage, or aspect-ratio: W/H.
func styleRatio(style string) (Ratio, bool) {
	for decl := range strings.SplitSeq(style, ";") {
		k, val, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		val = strings.TrimSpace(val)
		switch k {
		case "padding-bottom", "padding-top":
			num, ok := strings.CutSuffix(val, "%")
			if !ok {
				continue
			}
			pct, err := strconv.ParseFloat(strings.TrimSpace(num), 64)
			if err != nil || pct < 1 || pct > 1000 {
				continue
			}
			return ratioFromPercent(pct), true
		case "aspect-ratio":
			w, h, ok := strings.Cut(val, "/")
			if !ok {
				continue
			}
			if r := intRatio(w, h); !r.IsZero() {
				return r, true
			}
		}
	}
	return Ratio{}, false
}

// classRatio reads the ratio class WrapperClass writes: folio-embed-16x9.
func classRatio(class string) (Ratio, bool) {
	for _, c := range strings.Fields(class) {
		wh, ok := strings.CutPrefix(c, "folio-embed-")
		if !ok {
			continue
		}
		w, h, ok := strings.Cut(wh, "x")
		if !ok {
			continue
		}
		if r := intRatio(w, h); !r.IsZero() {
			return r, true
		}
	}
	return Ratio{}, false
}

// ratioFromPercent maps H/W×100 to a common ratio when within 0.05 percent
// points, else to the fraction it is.
func ratioFromPercent(pct float64) Ratio {
	for _, r := range cssRatios {
		if math.Abs(float64(r.H)*100/float64(r.W)-pct) < 0.05 {
			return r
		}
	}
	return Ratio{10000, int(math.Round(pct * 100))}.reduced()
}

// sizeRatio reads an iframe's width and height attributes (pixels).
func sizeRatio(w, h string) Ratio {
	return intRatio(strings.TrimSuffix(w, "px"), strings.TrimSuffix(h, "px"))
}

func intRatio(w, h string) Ratio {
	wi, err1 := strconv.Atoi(strings.TrimSpace(w))
	hi, err2 := strconv.Atoi(strings.TrimSpace(h))
	r := Ratio{wi, hi}
	if err1 != nil || err2 != nil || !r.valid() {
		return Ratio{}
	}
	return r.reduced()
}
