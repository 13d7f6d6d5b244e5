package render_test

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/folio-md/folio/render"
)

// This file holds the HTML safety checker of the safety tests (see the note
// at the top of safety_test.go) and the checker's own tests.

// unsafeParts returns a description of every part of doc, an HTML fragment,
// that could run script, load a document or restyle the page: forbidden
// elements, event handler attributes, style attributes other than folio's own
// fixed values, URL attributes whose scheme is not allowed, and iframes that
// are not folio's video embeds. It reads doc four ways and reports the union,
// so that a construct hidden from one reading is still seen:
//
//   - parsed as a fragment in a <body>, as a browser would, with scripting
//     on and again with scripting off (<noscript> content is then markup);
//   - tokenized, with the tokenizer's raw text rules (<title>, <textarea>, ...
//     hold text) and again with every raw text element read as markup, so
//     that neither mis-nesting nor a raw text element can hide a tag.
//
// An empty result means the fragment is safe.
func unsafeParts(doc []byte) []string {
	c := &checker{seen: map[string]bool{}}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	for _, scripting := range []bool{true, false} {
		nodes, err := html.ParseFragmentWithOptions(bytes.NewReader(doc), body, html.ParseOptionEnableScripting(scripting))
		if err != nil && strings.Contains(err.Error(), "open stack of elements exceeds") {
			// x/net/html refuses a tree deeper than 512 elements (deep
			// emphasis, which goldmark writes too; browsers flatten what is
			// deeper). No tree to walk: the two token readings below still
			// check every tag.
			continue
		}
		if err != nil {
			c.add("the HTML parser fails: " + err.Error())
			continue
		}
		for _, n := range nodes {
			c.walk(n, "")
		}
	}
	c.tokens(doc, false)
	c.tokens(doc, true)
	return c.out
}

type checker struct {
	out  []string
	seen map[string]bool
}

func (c *checker) add(msg string) {
	if !c.seen[msg] {
		c.seen[msg] = true
		c.out = append(c.out, msg)
	}
}

// walk checks n and its subtree; foreign is "svg" or "math" inside such an
// element.
func (c *checker) walk(n *html.Node, foreign string) {
	if n.Type == html.ElementNode {
		name := strings.ToLower(n.Data)
		if (name == "svg" || name == "math") && foreign == "" {
			foreign = name
		}
		attrs := make([]attr, len(n.Attr))
		for i, a := range n.Attr {
			key := strings.ToLower(a.Key)
			if a.Namespace != "" {
				key = a.Namespace + ":" + key
			}
			attrs[i] = attr{key, a.Val}
		}
		for _, p := range checkElement(name, attrs, foreign) {
			c.add(p)
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.walk(k, foreign)
	}
}

// tokens checks every start tag the tokenizer finds; with markupOnly set,
// the content of raw text elements is tokenized as markup too.
func (c *checker) tokens(doc []byte, markupOnly bool) {
	z := html.NewTokenizer(bytes.NewReader(doc))
	var foreign []string // open svg and math elements
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := strings.ToLower(tok.Data)
			in := ""
			if len(foreign) > 0 {
				in = foreign[0]
			}
			if (name == "svg" || name == "math") && tt == html.StartTagToken {
				foreign = append(foreign, name)
				if in == "" {
					in = name
				}
			}
			attrs := make([]attr, len(tok.Attr))
			for i, a := range tok.Attr {
				attrs[i] = attr{strings.ToLower(a.Key), a.Val}
			}
			for _, p := range checkElement(name, attrs, in) {
				c.add(p)
			}
			if markupOnly && tt == html.StartTagToken {
				z.NextIsNotRawText()
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if n := string(bytes.ToLower(name)); (n == "svg" || n == "math") && len(foreign) > 0 {
				foreign = foreign[:len(foreign)-1]
			}
		}
	}
}

type attr struct{ key, val string }

// bannedElements may never appear: they run script, load other documents or
// plug-ins, restyle the page, submit data, or change how URLs resolve.
var bannedElements = map[string]bool{
	"script": true, "style": true, "object": true, "embed": true, "applet": true,
	"base": true, "meta": true, "link": true, "form": true, "frame": true,
	"frameset": true, "portal": true,
}

// foreignBanned may not appear inside <svg> or <math>: they animate
// attributes into URLs, embed HTML or run handlers.
var foreignBanned = map[string]bool{
	"script": true, "foreignobject": true, "animate": true, "set": true,
	"animatemotion": true, "animatetransform": true, "animatecolor": true,
	"handler": true, "listener": true, "annotation-xml": true, "maction": true,
	"use": true, "discard": true,
}

// urlAttrs hold URLs a browser may fetch or navigate to.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "srcset": true,
	"poster": true, "background": true, "cite": true, "data": true, "codebase": true,
	"ping": true, "lowsrc": true, "dynsrc": true, "manifest": true, "icon": true,
	"longdesc": true, "classid": true, "archive": true, "profile": true, "usemap": true,
}

// checkElement returns the problems of one element; foreign names the svg or
// math element it is in, if any.
func checkElement(name string, attrs []attr, foreign string) []string {
	var out []string
	where := "<" + name + ">"
	if foreign != "" && name != foreign {
		where = "<" + name + "> inside <" + foreign + ">"
	}
	bad := func(format string, args ...any) {
		out = append(out, where+": "+fmt.Sprintf(format, args...))
	}
	if bannedElements[name] {
		bad("forbidden element")
	}
	if foreign != "" && foreignBanned[name] {
		bad("forbidden element in foreign content")
	}
	if name == "iframe" {
		src, ok := attrValue(attrs, "src")
		switch {
		case !ok:
			bad("iframe without src")
		case !embedFrame(src):
			bad("iframe src %s is not a YouTube or Vimeo embed", quote(src))
		}
	}
	for _, a := range attrs {
		local := a.key
		if i := strings.LastIndexByte(local, ':'); i >= 0 {
			local = local[i+1:]
		}
		switch {
		case strings.HasPrefix(local, "on") || strings.HasPrefix(a.key, "on"):
			bad("event handler attribute %s=%s", a.key, quote(a.val))
		case local == "style":
			if !styleAllowed(name, a.val) {
				bad("style attribute %s", quote(a.val))
			}
		case local == "srcdoc":
			bad("srcdoc attribute %s", quote(a.val))
		case urlAttrs[local]:
			if why := badURLAttr(name, local, a.val); why != "" {
				bad("%s=%s: %s", a.key, quote(a.val), why)
			}
		}
	}
	return out
}

func attrValue(attrs []attr, key string) (string, bool) {
	for _, a := range attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return "", false
}

func quote(s string) string {
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return fmt.Sprintf("%q", s)
}

// embedFrames are the only iframe sources allowed: folio's video embeds.
var embedFrames = []string{
	"https://www.youtube-nocookie.com/embed/",
	"https://www.youtube.com/embed/",
	"https://player.vimeo.com/video/",
}

func embedFrame(src string) bool {
	for _, p := range embedFrames {
		if strings.HasPrefix(src, p) && len(src) > len(p) && !strings.ContainsAny(src, "\\\x00\t\n\r") {
			return true
		}
	}
	return false
}

// badURLAttr returns why the value of the URL attribute key of element tag
// is not allowed, or "". srcset and ping hold several URLs.
func badURLAttr(tag, key, val string) string {
	var urls []string
	switch key {
	case "srcset":
		for _, cand := range strings.Split(val, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				urls = append(urls, f[0])
			}
		}
	case "ping", "archive":
		urls = strings.Fields(val)
	default:
		urls = []string{val}
	}
	for _, u := range urls {
		if why := badURL(u, tag == "img" && key == "src"); why != "" {
			return why
		}
	}
	return ""
}

// badURL returns why u is not an allowed URL, or "". u has had its
// character references decoded by the HTML parser. The scheme is read as a
// browser reads it (C0 controls and spaces trimmed at both ends, tabs and
// newlines removed), and then, conservatively, with every C0 control and
// DEL removed and with the URL percent-decoded once. Allowed are URLs with
// no scheme (paths, fragments, queries, //host), http, https, mailto and
// tel, and, where dataImage is set (an <img src>), data: URLs of PNG, GIF,
// JPEG and WebP images.
func badURL(u string, dataImage bool) string {
	readings := []string{browserURL(u), strings.Map(dropControls, browserURL(u))}
	if strings.Contains(u, "%") {
		d := percentDecode(u)
		readings = append(readings, browserURL(d), strings.Map(dropControls, browserURL(d)))
	}
	for i, r := range readings {
		if why := badScheme(r, dataImage); why != "" {
			if i > 0 {
				why += " (read as " + quote(r) + ")"
			}
			return why
		}
	}
	return ""
}

// browserURL is the URL parser's first steps: trim leading and trailing C0
// controls and spaces, remove every tab and newline.
func browserURL(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, u)
}

func dropControls(r rune) rune {
	if r < ' ' || r == 0x7f {
		return -1
	}
	return r
}

// percentDecode decodes each valid %XX once and keeps anything else.
func percentDecode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

var dataImageURL = regexp.MustCompile(`^(?i)data:image/(png|gif|jpeg|webp)[;,]`)

// badScheme judges the scheme of a URL already normalized.
func badScheme(u string, dataImage bool) string {
	end := schemeEnd(u)
	if end < 0 {
		return ""
	}
	switch scheme := strings.ToLower(u[:end]); scheme {
	case "http", "https", "mailto", "tel":
		return ""
	case "data":
		if dataImage && dataImageURL.MatchString(u) {
			return ""
		}
		return "data: URL not allowed here"
	default:
		return "scheme " + quote(scheme) + " not allowed"
	}
}

// schemeEnd returns the index of the colon that ends u's scheme, or -1
// when u has no scheme: a letter, then letters, digits, '+', '-' or '.'.
func schemeEnd(u string) int {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return i
		default:
			return -1
		}
	}
	return -1
}

// Style attributes. Only folio's own fixed markup may carry them: the
// video embeds (the values the brief names), the table alignment goldmark
// writes, and chroma's inline colours for a code block that asks for them
// with {noclasses=true}. The allowed values are collected from real output
// once, keyed by element; two numbers are normalized on both sides of the
// comparison: an embed's padding-bottom percentage (its aspect ratio, read
// from a hand-written iframe) and chroma's tab-size.

var styleNumbers = []struct {
	re   *regexp.Regexp
	repl string
}{
	{regexp.MustCompile(`padding-bottom:[0-9]+(\.[0-9]+)?%`), "padding-bottom:N%"},
	{regexp.MustCompile(`tab-size:[0-9]+`), "tab-size:N"},
}

func normStyle(s string) string {
	for _, n := range styleNumbers {
		s = n.re.ReplaceAllString(s, n.repl)
	}
	return s
}

// allowedStyles returns the allowed element+style pairs, computed once.
var allowedStyles = sync.OnceValues(func() (map[string]bool, error) {
	set := map[string]bool{}
	collect := func(doc []byte) {
		z := html.NewTokenizer(bytes.NewReader(doc))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key == "style" {
					set[tok.Data+" "+normStyle(a.Val)] = true
				}
			}
		}
	}
	// folio's defaults and HugoCompat (Hugo's table template and embeds).
	for _, r := range []*render.Renderer{render.New(), render.New(render.HugoCompat())} {
		for _, src := range []string{
			embedSample,
			"| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
			goatSample, // HugoCompat's GoAT diagrams: <text style="font-size:1em">
		} {
			res, err := r.Render([]byte(src))
			if err != nil {
				return nil, fmt.Errorf("rendering %q: %w", src, err)
			}
			collect(res.HTML)
		}
	}
	chromaSamples(collect)
	return set, nil
})

// embedSample holds the calls whose style values the embeds may write.
const embedSample = "{{< youtube dQw4w9WgXcQ >}}\n\n" +
	"{{< youtube \"https://www.youtube.com/shorts/dQw4w9WgXcQ\" >}}\n\n" +
	"{{< vimeo 55073825 >}}\n"

// chromaSamples formats with inline styles, in every chroma style, a
// stream holding every token type, and then a short stream in each line
// number layout, with and without a highlighted line and a tab width: every
// style value chroma can write.
func chromaSamples(collect func([]byte)) {
	types := make([]chroma.TokenType, 0, len(chroma.StandardTypes))
	for tt := range chroma.StandardTypes {
		types = append(types, tt)
	}
	slices.Sort(types)
	all := make([]chroma.Token, 0, len(types)+1)
	for _, tt := range types {
		all = append(all, chroma.Token{Type: tt, Value: "x"})
	}
	all = append(all, chroma.Token{Type: chroma.Text, Value: "\n"})
	short := []chroma.Token{{Type: chroma.Text, Value: "x\ny\n"}}
	layouts := [][]chromahtml.Option{
		nil,
		{chromahtml.WithLineNumbers(true)},
		{chromahtml.WithLineNumbers(true), chromahtml.LineNumbersInTable(true)},
		{chromahtml.WithLineNumbers(true), chromahtml.WithLinkableLineNumbers(true, "L")},
		{chromahtml.WithLineNumbers(true), chromahtml.LineNumbersInTable(true), chromahtml.WithLinkableLineNumbers(true, "L")},
	}
	var buf bytes.Buffer
	format := func(st *chroma.Style, toks []chroma.Token, opts ...chromahtml.Option) {
		buf.Reset()
		opts = append([]chromahtml.Option{chromahtml.WithClasses(false)}, opts...)
		if err := chromahtml.New(opts...).Format(&buf, st, chroma.Literator(toks...)); err == nil {
			collect(buf.Bytes())
		}
	}
	for _, name := range append(styles.Names(), styles.Fallback.Name) {
		st := styles.Get(name)
		format(st, all)
		for _, layout := range layouts {
			for _, tab := range []int{4, 8} { // 8 is chroma's default: no tab-size
				for _, hl := range [][][2]int{nil, {{1, 1}}} {
					format(st, short, append([]chromahtml.Option{chromahtml.TabWidth(tab), chromahtml.HighlightLines(hl)}, layout...)...)
				}
			}
		}
	}
}

func styleAllowed(tag, style string) bool {
	set, err := allowedStyles()
	if err != nil {
		return false
	}
	return set[tag+" "+normStyle(style)]
}

// TestCheckerAllowedStyles makes sure the allowed style set was built.
func TestCheckerAllowedStyles(t *testing.T) {
	set, err := allowedStyles()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"div", "iframe", "th", "td", "span", "pre"} {
		found := false
		for k := range set {
			if strings.HasPrefix(k, want+" ") {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no allowed style for <%s>; the sample renders changed?", want)
		}
	}
}

// TestCheckerFlagsBad: the checker must find each of these.
func TestCheckerFlagsBad(t *testing.T) {
	bad := []string{
		`<script>alert(1)</script>`,
		`<SCRIPT SRC=//x.example/a.js></SCRIPT>`,
		`<p><script>alert(1)</script></p>`,
		`<style>*{color:red}</style>`,
		`<object data="x.swf"></object>`,
		`<embed src="x.swf">`,
		`<applet code="x"></applet>`,
		`<base href="https://evil.example/">`,
		`<meta http-equiv="refresh" content="0;url=https://evil.example/">`,
		`<link rel="stylesheet" href="https://evil.example/x.css">`,
		`<form action="/x"><input></form>`,
		`<frameset><frame src="https://x.example/"></frameset>`,
		`<frame src="https://x.example/">`,
		`<img src=x onerror=alert(1)>`,
		`<img src="x" ONERROR="alert(1)">`,
		`<details open ontoggle=alert(1)>x</details>`,
		`<a href="/x" onclick="alert(1)">x</a>`,
		`<svg onload=alert(1)></svg>`,
		`<svg><script>alert(1)</script></svg>`,
		`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>`,
		`<svg><foreignObject><p>x</p></foreignObject></svg>`,
		`<math><maction actiontype="statusline">x</maction></math>`,
		`<a href="javascript:alert(1)">x</a>`,
		`<a href="JaVaScRiPt:alert(1)">x</a>`,
		`<a href="&#106;avascript:alert(1)">x</a>`,
		`<a href="&#0000106avascript:alert(1)">x</a>`,
		`<a href="&#x6A;avascript&colon;alert(1)">x</a>`,
		`<a href="java&Tab;script:alert(1)">x</a>`,
		`<a href="java&NewLine;script:alert(1)">x</a>`,
		"<a href=\"\x01javascript:alert(1)\">x</a>",
		`<a href="&#1;javascript:alert(1)">x</a>`,
		`<a href="  javascript:alert(1)">x</a>`,
		`<a href="java&#x0D;script:alert(1)">x</a>`,
		`<a href="javascript%3Aalert(1)">x</a>`,
		`<a href="%6Aavascript:alert(1)">x</a>`,
		`<a href="java%09script:alert(1)">x</a>`,
		`<a href="vbscript:msgbox(1)">x</a>`,
		`<a href="data:text/html,<script>alert(1)</script>">x</a>`,
		`<a href="data:image/png;base64,AAAA">x</a>`,
		`<img src="data:image/svg+xml;base64,PHN2Zz4=">`,
		`<img src="data:text/html,x">`,
		`<a href="file:///etc/passwd">x</a>`,
		`<a href="foo:bar">x</a>`,
		`<a href="view-source:https://x.example/">x</a>`,
		`<img src="/a.png" srcset="/b.png 1x, javascript:alert(1) 2x">`,
		`<a href="/x" ping="/p javascript:alert(1)">x</a>`,
		`<video poster="javascript:alert(1)"></video>`,
		`<table background="javascript:alert(1)"></table>`,
		`<blockquote cite="javascript:alert(1)">x</blockquote>`,
		`<button formaction="javascript:alert(1)">x</button>`,
		`<div class="highlight" formaction="javascript:alert(1)">x</div>`,
		`<img lowsrc="javascript:alert(1)">`,
		`<iframe src="https://evil.example/embed/x"></iframe>`,
		`<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>`,
		`<iframe src="javascript:alert(1)"></iframe>`,
		`<iframe></iframe>`,
		`<iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert(1)</script>"></iframe>`,
		`<div srcdoc="&lt;script&gt;"></div>`,
		`<h2 style="color:red">x</h2>`,
		`<p style="position:fixed;top:0;left:0;width:100%;height:100%">x</p>`,
		`<div style="background:url(javascript:alert(1))">x</div>`,
		`<span style="color:#f92672;background:url(x)">x</span>`,
		// Hidden by mis-nesting or by raw text rules.
		`<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
		`<title><a title="</title><img src=x onerror=alert(1)>"></a></title>`,
		`<textarea><img title="</textarea><img src=x onerror=alert(1)>"></textarea>`,
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<svg><style><img src=x onerror=alert(1)></style></svg>`,
		`<table><tr><td>x</td></tr><img src=x onerror=alert(1)></table>`,
		`<select><img src=x onerror=alert(1)></select>`,
		`<img src="/m.png" alt="<figure class="x onerror=alert(1) y"><img src="/a.png"></figure>">`,
		`<h2 id="<figure class="c onerror=alert(1) d"><img src="/a.png"></figure>">x</h2>`,
	}
	for _, b := range bad {
		if got := unsafeParts([]byte(b)); len(got) == 0 {
			t.Errorf("unsafeParts(%q) found nothing", b)
		}
	}
}

// TestCheckerPassesGood: the checker must pass folio's and goldmark's
// ordinary markup, including the embeds and highlighted code.
func TestCheckerPassesGood(t *testing.T) {
	good := []string{
		`<p>Hello <em>world</em> &amp; <strong>you</strong>.</p>`,
		`<p>javascript:alert(1) is only text, and so is &lt;script&gt;</p>`,
		`<p><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></p>`,
		`<!-- raw HTML omitted -->`,
		`<p><a href="https://example.com/a?b=c&amp;d=e#f">x</a> <a href="http://example.com">y</a></p>`,
		`<p><a href="/rel/path">a</a> <a href="rel">b</a> <a href="#frag">c</a> <a href="?q=1">d</a> <a href="">e</a></p>`,
		`<p><a href="//cdn.example.com/x">protocol-relative</a> <a href="\\example.com">backslash</a></p>`,
		`<p><a href="mailto:a@example.com">m</a> <a href="tel:+15551234">t</a></p>`,
		`<p><a href="https://example.com/?q=a%3Ab">colon in query</a> <a href="/p/a:b">colon in path</a></p>`,
		`<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot"> <img src="DATA:image/webp,xx" alt=""></p>`,
		`<p><img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="a"></p>`,
		`<p><a href="https://example.com" title="javascript:alert(1)" rel="nofollow">t</a></p>`,
		`<h2 id="hello-world" class="a b" data-x="javascript:alert(1)">Hello</h2>`,
		`<p>x<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup></p>
<div class="footnotes" role="doc-endnotes"><hr><ol><li id="fn:1"><p>n <a href="#fnref:1" class="footnote-backref" role="doc-backlink">&#x21a9;&#xfe0e;</a></p></li></ol></div>`,
		`<ul><li><input checked="" disabled="" type="checkbox"> done</li></ul>`,
		`<figure class="c"><a href="https://example.com" target="_blank" rel="noopener"><img src="/a.png" alt="x"></a><figcaption><h4>T</h4><p>c</p></figcaption></figure>`,
		`<details class="d" title="t" open><summary>s</summary><p>x</p></details>`,
		`<nav id="TableOfContents"><ul><li><a href="#a">A</a></li></ul></nav>`,
		`<svg viewBox="0 0 1 1"><path d="M0 0"/></svg>`,
		`<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>`,
	}
	// Real renders: the embeds (including a hand-written iframe with its
	// own ratio), tables with alignment, highlighted code with classes and
	// with inline styles in every layout.
	r := render.New()
	var renders []string
	for _, src := range []string{
		embedSample,
		"{{< youtube id=\"dQw4w9WgXcQ\" class=\"c\" title=\"T\" start=30 >}}\n\n{{< vimeo id=\"55073825\" title=\"V\" >}}\n",
		"<iframe src=\"https://player.vimeo.com/video/76979871\" width=\"640\" height=\"300\"></iframe>\n",
		"| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
		"```go\nfunc main() { s := \"<b>\" }\n```\n",
		"```go {linenos=table hl_lines=1 anchorlinenos=true lineanchors=x}\nfunc main() {}\n// c\n```\n",
		"```go {noclasses=true}\nfunc main() { s := \"<b>\" }\n```\n",
		"```go {noclasses=true style=github linenos=table hl_lines=1}\nfunc main() {}\n// c\n```\n",
		"```go {noclasses=true style=dracula linenos=inline hl_lines=2 tabwidth=8}\nfunc main() {}\n\t// c\n```\n",
		"```go {noclasses=true style=monokai linenos=inline anchorlinenos=true}\nfunc main() {}\n```\n",
		"```python {noclasses=true style=solarized-dark}\nimport os\nprint(f\"{os.name!r}\") # c\n```\n",
		"```nosuchlang {noclasses=true}\nplain\n```\n",
		"{{< highlight html \"linenos=table,hl_lines=1,noclasses=true\" >}}\n<p class=\"x\">&amp;</p>\n{{< /highlight >}}\n",
		"# Title\n\n## A {#a .c data-x=y}\n\n[x](https://example.com) <https://example.com> www.example.com\n\n![i](/i.png \"t\")\n\nx[^1]\n\n[^1]: n\n\n- [x] done\n\nterm\n: def\n",
	} {
		res, err := r.Render([]byte(src))
		if err != nil {
			t.Fatalf("Render(%q): %v", src, err)
		}
		renders = append(renders, string(res.HTML))
	}
	for _, g := range append(good, renders...) {
		if got := unsafeParts([]byte(g)); len(got) > 0 {
			t.Errorf("unsafeParts flags good HTML:\n%s\nproblems: %q", g, got)
		}
	}
}

// TestCheckerURL pins the URL readings down.
func TestCheckerURL(t *testing.T) {
	tests := []struct {
		u         string
		dataImage bool
		bad       bool
	}{
		{"https://example.com", false, false},
		{"HTTPS://EXAMPLE.COM", false, false},
		{"/a:b", false, false},
		{"a/b:c", false, false},
		{"#x:y", false, false},
		{"?x:y", false, false},
		{"//host/x", false, false},
		{"", false, false},
		{"mailto:x@example.com", false, false},
		{"tel:123", false, false},
		{"data:image/png;base64,AA", true, false},
		{"data:image/png;base64,AA", false, true},
		{"data:image/svg+xml,<svg>", true, true},
		{"data:text/html,x", true, true},
		{"javascript:x", false, true},
		{" \x01\x1fjavascript:x ", false, true},
		{"ja\tva\nsc\rript:x", false, true},
		{"java\x00script:x", false, true},
		{"javascript%3Ax", false, true},
		{"%6Aavascript:x", false, true},
		{"java%0Ascript:x", false, true},
		{"a%3Ab", false, true},
		{"foo:bar", false, true},
		{"x-y+z.w:1", false, true},
		{"1abc:x", false, false},        // a scheme starts with a letter
		{"java script:x", false, false}, // a space ends the scheme: a path
		{"\u00a0javascript:x", false, false},
		{"ｊavascript:x", false, false},
	}
	for _, tt := range tests {
		if got := badURL(tt.u, tt.dataImage) != ""; got != tt.bad {
			t.Errorf("badURL(%q, %t) = %q, want bad=%t", tt.u, tt.dataImage, badURL(tt.u, tt.dataImage), tt.bad)
		}
	}
}
