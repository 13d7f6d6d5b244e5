package diagram

import (
	"bytes"
	"errors"
	"html/template"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/folio-md/folio/internal/escape"
)

func TestCheckGoAT(t *testing.T) {
	t.Parallel()
	ok := []string{"", "-->", strings.Repeat("+--+\n", 1000), strings.Repeat(strings.Repeat("x", 200)+"\n", 300)}
	for _, code := range ok {
		assert.NoError(t, CheckGoAT(code), "%.40q", code)
	}
	tooLarge := []string{
		strings.Repeat(strings.Repeat("x", 300)+"\n", 300),                  // 90,000 cells
		strings.Repeat("-", 2000) + "\n" + strings.Repeat("\n", 2000) + "x", // a sparse grid
		strings.Repeat("é", 40<<10),                                         // a line GoAT's scanner would cut
	}
	for _, code := range tooLarge {
		err := CheckGoAT(code)
		assert.ErrorIs(t, err, ErrGoATTooLarge, "%.40q", code)
		var b bytes.Buffer
		assert.ErrorIs(t, WriteGoAT(&b, code, GoATOptions{}), ErrGoATTooLarge)
		assert.Zero(t, b.Len(), "nothing written for a diagram too large")
	}
}

func TestWriteGoATSizes(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, WriteGoAT(&b, "-->\n\n", GoATOptions{Height: "5em"}))
	assert.Contains(t, b.String(), "\n\t\t\t\t\n\t\t\t\theight=\"5em\"\n\t\t\t>", "only a height, in Hugo's white space")
	assert.NotContains(t, b.String(), "viewBox")
	b.Reset()
	require.NoError(t, WriteGoAT(&b, "-->\n\n", GoATOptions{}))
	assert.Contains(t, b.String(), `viewBox="0 0 32 25"`, "the trailing blank lines do not count")
}

// TestAttrValueLikeHugo compares escape.Template with html/template, which
// escapes the class of Hugo's GoAT template.
func TestAttrValueLikeHugo(t *testing.T) {
	t.Parallel()
	tpl := template.Must(template.New("").Parse(`<div class="goat svg-container {{ . }}">`))
	for _, s := range []string{"", "wide", `a"b`, "x'y", "<script>", "a&amp;b", "1+1", "\x00nul", "é ü", "javascript:x", "`back`", "a=b c"} {
		var want, got bytes.Buffer
		require.NoError(t, tpl.Execute(&want, s))
		got.WriteString(`<div class="goat svg-container `)
		escape.WriteString(escape.Template, &got, s)
		got.WriteString(`">`)
		assert.Equal(t, want.String(), got.String())
	}
}

func TestGoATOptionsOf(t *testing.T) {
	t.Parallel()
	assert.Equal(t, GoATOptions{Class: "c", Width: "200", Height: "1.5"}, GoATOptionsOf(map[string]any{"class": "c", "width": 200, "height": 1.5, "x": "y"}))
	assert.Equal(t, GoATOptions{Width: "true"}, GoATOptionsOf(map[string]any{"width": true, "height": false, "class": ""}))
	assert.Equal(t, GoATOptions{}, GoATOptionsOf(map[string]any{"width": 0, "height": 0.0, "class": nil}))
	assert.Equal(t, GoATOptions{}, GoATOptionsOf(nil))
}

func TestWriteMermaid(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, WriteMermaid(&b, "graph TD\n  A[\"<b>\"] --> B & C\r\n\n"))
	assert.Equal(t, "<pre class=\"mermaid\">graph TD\n  A[&#34;&lt;b&gt;&#34;] --&gt; B &amp; C</pre>\n", b.String())
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	assert.EqualError(t, WriteGoAT(failWriter{}, "-->", GoATOptions{}), "disk full")
	assert.EqualError(t, WriteMermaid(failWriter{}, "g"), "disk full")
}

// goatElements are the elements and attributes WriteGoAT may write.
var goatElements = map[string]map[string]bool{
	"div":     {"class": true},
	"svg":     {"xmlns": true, "font-family": true, "viewbox": true, "width": true, "height": true},
	"g":       {"transform": true},
	"path":    {"d": true, "fill": true, "stroke": true},
	"polygon": {"points": true, "fill": true, "transform": true},
	"circle":  {"cx": true, "cy": true, "r": true, "stroke": true, "fill": true},
	"text":    {"text-anchor": true, "x": true, "y": true, "fill": true, "style": true},
	"rect":    {"x": true, "y": true, "width": true, "height": true, "fill": true},
}

// checkGoATMarkup returns what is wrong with out, WriteGoAT's output: an
// element or attribute GoAT does not draw, or a <text> holding anything
// but one character.
func checkGoATMarkup(out []byte) []string {
	nodes, err := html.ParseFragment(bytes.NewReader(out), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return []string{err.Error()}
	}
	var ps []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			attrs, ok := goatElements[n.Data]
			if !ok {
				ps = append(ps, "element <"+n.Data+">")
			}
			for _, a := range n.Attr {
				if !attrs[strings.ToLower(a.Key)] {
					ps = append(ps, "attribute "+a.Key+" on <"+n.Data+">")
				}
			}
			if n.Data == "text" {
				c := n.FirstChild
				if c == nil || c.Type != html.TextNode || c.NextSibling != nil || utf8.RuneCountInString(c.Data) != 1 {
					ps = append(ps, "a <text> that is not one character")
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
	return ps
}

// FuzzWriteGoAT draws any text: WriteGoAT must not panic, must refuse
// only what CheckGoAT refuses, and must write only GoAT's markup, the
// author's text as one-character <text> elements.
func FuzzWriteGoAT(f *testing.F) {
	for _, s := range []string{"+--+\n|ab|\n+--+", ".-.\n( x )\n'-'", "<script>alert(1)</script>", "o--*--> \"q\" 'r' &amp;", "▉▓▒░", "\x00\r\n\t\v", "\\/\n/\\", "\u2060\u202ex"} {
		f.Add(s, "c", "")
	}
	f.Fuzz(func(t *testing.T, code, class, width string) {
		var b bytes.Buffer
		err := WriteGoAT(&b, code, GoATOptions{Class: class, Width: width})
		if errors.Is(err, ErrGoATTooLarge) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if ps := checkGoATMarkup(b.Bytes()); len(ps) > 0 {
			t.Fatalf("%q:\n%s\n%s", code, strings.Join(ps, "\n"), b.String())
		}
	})
}

func BenchmarkWriteGoAT(b *testing.B) {
	code := strings.Repeat("+------+     +------+\n| node |---->| node |\n+------+     +------+\n", 4)
	b.ReportAllocs()
	b.SetBytes(int64(len(code)))
	for b.Loop() {
		if err := WriteGoAT(&bytes.Buffer{}, code, GoATOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
