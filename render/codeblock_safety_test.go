package render_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/folio-md/folio/render"
)

// This file adds the code block features (hl_inline, GoAT and Mermaid
// diagrams) to the safety tests of safety_test.go.

// codeFeatureOptions are turned on in the fuzz target's renderers with
// the fuzzAltOptions bit.
func codeFeatureOptions() []render.Option {
	return []render.Option{render.WithGoAT(true), render.WithMermaid(true)}
}

// goatSample is a GoAT diagram with text, whose style values the safety
// checker allows (see allowedStyles).
const goatSample = "```goat\n+--+\n|ab|\n+--+\n```\n"

// codeFeatureChannels put a vector where the code block features write
// author text: a diagram's source and attributes, inline code.
func codeFeatureChannels() []channel {
	diagrams := func(string) []render.Option { return codeFeatureOptions() }
	return []channel{
		{name: "goat-text", opts: diagrams, md: func(v string) string { return "```goat\n+--+\n" + v + "\n+--+ " + v + "\n```\n" }},
		{name: "goat-attrs", opts: diagrams, md: func(v string) string {
			return "```goat {class=\"" + v + "\" width=\"" + v + "\" height=\"" + v + "\"}\n-->\n```\n"
		}},
		{name: "goat-attr-bare", opts: diagrams, md: func(v string) string { return "```goat {" + v + "}\n-->\n```\n" }},
		{name: "goat-hugo", md: func(v string) string { return "```goat {." + v + "}\n" + v + "\n```\n" }}, // HugoCompat draws it
		{name: "mermaid", opts: diagrams, md: func(v string) string { return "```mermaid {class=\"" + v + "\"}\n" + v + "\n```\n" }},
		{name: "hl-inline-fence", md: func(v string) string { return "```html {hl_inline=true}\n" + v + "\n```\n" }},
		{name: "hl-inline-lang", md: func(v string) string { return "```" + v + " {hl_inline=true}\nx\n```\n" }},
		{name: "hl-inline-shortcode", sc: true, md: func(v string) string {
			return "a {{< highlight html \"hl_inline=true\" >}}" + v + "{{< /highlight >}} b\n"
		}},
		{name: "hl-inline-shortcode-lang", sc: true, md: func(v string) string {
			return "a {{< highlight " + arg(v) + " \"hl_inline=true\" >}}x{{< /highlight >}} b\n"
		}},
	}
}

// TestGoATTextEscaped renders every vector as the text of a GoAT diagram
// and checks the SVG beyond what the safety checker asks: only the
// elements and attributes GoAT draws, and every <text> holding one
// character, with no element inside: the author's text never becomes
// markup.
func TestGoATTextEscaped(t *testing.T) {
	r := render.New(render.WithGoAT(true))
	allowed := map[string]bool{"div": true, "svg": true, "g": true, "path": true, "polygon": true, "circle": true, "text": true, "rect": true}
	drawn := 0
	for _, v := range loadVectors(t) {
		res, err := r.Render([]byte("```goat {.c width=\"" + strings.ReplaceAll(v.val, "\"", "") + "\"}\n" + v.val + "\n```\n"))
		if err != nil {
			continue // a vector that breaks the fence: not a diagram
		}
		if !bytes.Contains(res.HTML, []byte("<svg")) {
			continue
		}
		drawn++
		nodes, err := html.ParseFragment(bytes.NewReader(res.HTML), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if !allowed[n.Data] {
					t.Errorf("vector %q: element <%s> in a GoAT diagram:\n%s", v.val, n.Data, res.HTML)
				}
				if n.Data == "text" {
					c := n.FirstChild
					if c == nil || c.Type != html.TextNode || c.NextSibling != nil || utf8.RuneCountInString(c.Data) != 1 {
						t.Errorf("vector %q: a <text> holding more than one character:\n%s", v.val, res.HTML)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for _, n := range nodes {
			walk(n)
		}
	}
	t.Logf("%d vectors drawn as diagrams", drawn)
	if drawn == 0 {
		t.Error("no vector was drawn as a GoAT diagram")
	}
}
