package render

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/internal/cputime"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/shortcode"
)

// This file checks that rendering is linear in the input: each case makes
// a pathological document of size n and of size 10n, and the larger must
// not take more than maxGrowth times as long (linear is about 10, quadratic
// 100). The sizes keep a linear 10n render well under a second.
//
// Not here, because plain goldmark is as superlinear on them: many
// footnotes, many link reference definitions, many attributes on one
// heading ({a=1 b=2 ...}: goldmark's SetAttribute searches the ones set
// before) and blocks nested thousands deep (> > > ...: goldmark counts
// the columns of the line from its start for each block it opens).

// maxGrowth is the most t(10n)/t(n) may be.
const maxGrowth = 25

// linearCase is a family of pathological documents.
type linearCase struct {
	name string
	// n is the smaller size; it is halved under -short and divided by 10
	// under the race detector.
	n   int
	gen func(n int) []byte
	// opts configure the Renderer.
	opts []Option
	// fresh renders with a new Renderer each time, so that caches
	// filled by one render do not speed up the next.
	fresh bool
	// goldmark logs plain goldmark's times on the same input, for scale.
	goldmark bool
}

// repeat returns a generator of n copies of s.
func repeat(s string) func(int) []byte {
	return func(n int) []byte { return []byte(strings.Repeat(s, n)) }
}

// numbered returns a generator of f(0), ..., f(n-1), concatenated.
func numbered(f func(i int) string) func(int) []byte {
	return func(n int) []byte {
		var b bytes.Buffer
		for i := range n {
			b.WriteString(f(i))
		}
		return b.Bytes()
	}
}

// wrapped returns a generator of head, n copies of s, and tail, each of
// head and tail being n copies of their own strings.
func wrapped(head, s, tail string) func(int) []byte {
	return func(n int) []byte {
		return []byte(strings.Repeat(head, n) + strings.Repeat(s, n) + strings.Repeat(tail, n) + "\n")
	}
}

var linearCases = []linearCase{
	// Heading IDs: each duplicate used to probe base, base-1, base-2, ...
	// from 1, so n equal headings cost n²/2 probes.
	{name: "duplicate ATX headings", n: 3000, gen: repeat("## a\n\n"), goldmark: true},
	{name: "duplicate setext headings", n: 3000, gen: repeat("a\n=\n\n"), goldmark: true},
	{name: "duplicate headings, Hugo IDs", n: 3000, gen: repeat("## a\n\n"), opts: []Option{WithHugoIDs()}},
	{name: "duplicate headings, Blackfriday IDs", n: 3000, gen: repeat("## a\n\n"), opts: []Option{WithIDStyle(IDStyleBlackfriday)}},
	{name: "duplicate headings, GitHub ASCII IDs", n: 3000, gen: repeat("## Ünïcode\n\n"), opts: []Option{WithIDStyle(IDStyleGitHubASCII)}},
	{name: "duplicates after numbered headings", n: 1500, gen: func(n int) []byte {
		return append(numbered(func(i int) string { return fmt.Sprintf("## a-%d\n\n", i+1) })(n), repeat("## a\n\n")(n)...)
	}},
	{name: "duplicate custom IDs", n: 3000, gen: repeat("## a {#x}\n\n")},

	// Many headings, hooks, shortcodes and positions: linear already,
	// kept so that they stay so.
	{name: "table of contents", n: 2000, goldmark: true, opts: []Option{WithTOCLevels(1, 6)},
		gen: func(n int) []byte {
			return append([]byte("{{< toc >}}\n\n"), numbered(func(i int) string { return fmt.Sprintf("%s h%d\n\n", strings.Repeat("#", 1+i%6), i) })(n)...)
		}},
	{name: "link hook", n: 3000, gen: repeat("[a](/b) "), goldmark: true, opts: []Option{WithLinkHook(func(io.Writer, Link) error { return ErrDefault })}},
	{name: "image hook", n: 3000, gen: repeat("![a](/b)\n\n"), goldmark: true, opts: []Option{WithImageHook(func(io.Writer, Image) error { return ErrDefault })}},
	{name: "heading hook", n: 3000, gen: repeat("## a\n\n"), goldmark: true, opts: []Option{WithHeadingHook(func(io.Writer, Heading) error { return ErrDefault })}},
	// Results from a cache: the key, and the decoding of many TOC entries
	// and diagnostics (each render after the first is a hit).
	{name: "result cache hits", n: 3000, gen: repeat("## a <b>x</b>\n\n"), opts: []Option{WithResultCache(highlight.NewMemoryCache(1 << 30))}},
	{name: "param shortcodes", n: 3000, gen: repeat("{{< param x >}} "), opts: []Option{WithSiteParams(map[string]any{"x": "y"})}},
	{name: "param shortcodes in headings", n: 2000, gen: repeat("## {{< param x >}}\n\n"), opts: []Option{WithSiteParams(map[string]any{"x": "y"})}},
	{name: "fences with a code block hook", n: 6000, gen: repeat("```go\nx\n```\n\n"), goldmark: true,
		opts: []Option{WithCodeBlockHook(func(w io.Writer, cb CodeBlock) error {
			_, err := fmt.Fprintf(w, "<pre>%d:%d</pre>", cb.Line, cb.Column)
			return err
		})}},

	// Result.Text and Result.SummaryText decode every character
	// reference of the plain text once.
	{name: "character references in Text", n: 8000, gen: repeat("Tom &amp; Jerry&rsquo;s &#169; &#x1F600; &bogus; "), goldmark: true},
	{name: "character references in SummaryText", n: 4000, gen: func(n int) []byte {
		return []byte(strings.Repeat("a &lt;b&gt; &amp;amp; ", n) + "\n\n<!--more-->\n\nrest\n")
	}},

	// Diagnostics: the position of each used to be found by scanning
	// from the start of its line.
	{name: "inline raw HTML on one line", n: 8000, gen: func(n int) []byte { return []byte(strings.Repeat("<b>x</b>", n) + "\n") }, goldmark: true},
	{name: "unsafe URLs on one line", n: 4000, gen: func(n int) []byte { return []byte(strings.Repeat("[a](javascript:x) ", n) + "\n") }, goldmark: true},

	// Optional shortcodes left open: each used to hand its children to
	// its parent one level at a time.
	{name: "unclosed optional shortcodes", n: 6000, gen: repeat("{{< opt >}} "), opts: []Option{WithShortcodeHandler("opt", shortcode.Handler{
		Inner:  shortcode.InnerOptional,
		Render: func(w io.Writer, sc *shortcode.Call) error { _, err := io.WriteString(w, "o"); return err },
	})}},
	{name: "shortcodes nested 60 deep", n: 100, gen: repeat(strings.Repeat("{{< opt >}}a ", 60) + strings.Repeat("{{< /opt >}}", 60) + "\n\n"), opts: []Option{WithShortcodeHandler("opt", shortcode.Handler{
		Inner:  shortcode.InnerOptional,
		Render: func(w io.Writer, sc *shortcode.Call) error { _, err := io.WriteString(w, "o"); return err },
	})}},
	{name: "optional shortcodes unwound by one close", n: 3000, gen: func(n int) []byte {
		return []byte(strings.Repeat("{{< opt >}}{{< other >}}", n) + "{{< /opt >}}\n")
	}, opts: []Option{WithUnknownShortcodes(shortcode.UnknownKeepAsText), WithShortcodeHandler("opt", shortcode.Handler{
		Inner:  shortcode.InnerOptional,
		Render: func(w io.Writer, sc *shortcode.Call) error { _, err := io.WriteString(w, "o"); return err },
	})}},
	{name: "shortcode output in one image's alt", n: 3000, gen: func(n int) []byte {
		return []byte("![" + strings.Repeat("{{< param x >}}", n) + "](/a.png)\n")
	}, opts: []Option{WithSiteParams(map[string]any{"x": "y"})}},
	{name: "shortcode URL used by many references", n: 3000, gen: func(n int) []byte {
		return []byte(strings.Repeat("[a][r] ", n) + "\n\n[r]: {{< param x >}}\n")
	}, opts: []Option{WithSiteParams(map[string]any{"x": "/y"})}},
	// The former prefix search added an x for each word fscq, fscqx, ...
	// it met: about 50n bytes of such words cost it n^1.5.
	{name: "words that grow a fixed placeholder prefix", n: 10000, gen: func(n int) []byte {
		var b strings.Builder
		for i := 0; b.Len() < 50*n; i++ {
			b.WriteString("fscq" + strings.Repeat("x", i) + " ")
		}
		b.WriteString("{{< param x >}}\n")
		return []byte(b.String())
	}, opts: []Option{WithSiteParams(map[string]any{"x": "y"})}},
	{name: "a long word before a shortcode", n: 20000, gen: func(n int) []byte {
		return []byte("fscq" + strings.Repeat("x", 50*n) + " {{< param x >}}\n")
	}, opts: []Option{WithSiteParams(map[string]any{"x": "y"})}},
	{name: "unknown shortcodes kept on one line", n: 5000, gen: func(n int) []byte { return []byte(strings.Repeat("{{< nosuch >}} ", n) + "\n") },
		opts: []Option{WithUnknownShortcodes(shortcode.UnknownKeepAsText)}},

	// Deep nesting: each node's document state used to be found by
	// walking up to the document.
	{name: "raw HTML in deep emphasis", n: 2000, gen: wrapped("*a _a ", "<b>", " a_ a*"), goldmark: true},
	{name: "unsafe URLs in deep emphasis", n: 2000, gen: wrapped("*a _a ", "[a](javascript:x) ", " a_ a*"), goldmark: true},
	{name: "hooked links in deep emphasis", n: 2000, gen: wrapped("*a _a ", "[a](/b) ", " a_ a*"), goldmark: true,
		opts: []Option{WithLinkHook(func(io.Writer, Link) error { return ErrDefault })}},

	// Unknown fence languages, a new Renderer each time so that its
	// cache does not help: each miss is a few map lookups (the cost of
	// a miss itself is checked by TestFindLexerMissIsCheap).
	{name: "distinct unknown languages", n: 1000, fresh: true, goldmark: true,
		gen: numbered(func(i int) string { return fmt.Sprintf("```zz%d\nx\n```\n\n", i) })},

	// Blackfriday image titles: each opener used to search the rest of
	// its line for the closing quote.
	{name: "unclosed Blackfriday image titles", n: 6000, gen: func(n int) []byte { return []byte(strings.Repeat(`![a](b?"x `, n) + "\n") }, goldmark: true},

	// Fence classes used to be joined one at a time.
	{name: "fence with many classes", n: 100000, gen: func(n int) []byte { return []byte("```go {" + strings.Repeat(".c ", n) + "}\nx\n```\n") }},

	// A summary's end tags that close nothing used to search the whole
	// stack of open elements.
	{name: "summary with stray end tags", n: 3000, opts: []Option{WithUnsafeHTML()},
		gen: func(n int) []byte {
			return []byte(strings.Repeat("<span>", n) + strings.Repeat("</b>", n) + "\n\n<!--more-->\n\nrest\n")
		}},
	// Hugo's automatic summary reads the HTML between one </p> and the
	// next: many short paragraphs below the length, one long paragraph
	// of tag-like tokens, a summary cut deep inside nested lists.
	{name: "Hugo summary over many paragraphs", n: 5000, gen: repeat("a\n\n"),
		opts: []Option{HugoCompat(), WithSummaryLength(1 << 30)}},
	{name: "Hugo summary over one paragraph of tags", n: 5000, gen: repeat("<b> x=\"y\" *a* "),
		opts: []Option{HugoCompat(), WithUnsafeHTML(), WithSummaryLength(1 << 30)}},
	{name: "Hugo summary, CJK words with tags", n: 5000, gen: repeat("日本<b>語</b>*です* "),
		opts: []Option{HugoCompat(), WithCJK(), WithUnsafeHTML(), WithSummaryLength(1 << 30)}},
	{name: "Hugo summary cut in a long loose list", n: 3000, gen: func(n int) []byte {
		return []byte(strings.Repeat("- aa\n\n  > bb\n\n", n) + "cc\n")
	}, opts: []Option{HugoCompat(), WithSummaryLength(1 << 30)}},
	{name: "Hugo tables, many rows", n: 4000, gen: func(n int) []byte {
		return []byte("| a | b |\n|:-:|--:|\n" + strings.Repeat("| *x* | [y](/z) |\n", n))
	}, goldmark: true, opts: []Option{HugoCompat()}},
	{name: "Hugo tables, many tables", n: 2000, gen: repeat("| a |\n|---|\n| b |\n\n"), goldmark: true, opts: []Option{HugoCompat()}},
	{name: "Hugo TOC titles with images and raw HTML", n: 2000, gen: repeat("## a ![i](/x.png) <mark>m</mark>\n\n"),
		opts: []Option{HugoCompat(), WithUnsafeHTML(), WithTOCLevels(1, 6)}},
	{name: "code blocks ending in blank lines", n: 3000, gen: repeat("```go\nx\n\n\n\n```\n\n"), goldmark: true, opts: []Option{HugoCompat()}},
	{name: "HTML comment blocks", n: 6000, gen: repeat("<!-- a -->\n\n<pre>\nx\n</pre>\n\n"), goldmark: true},
	{name: "fences with many inert attributes", n: 20000, gen: func(n int) []byte {
		var b strings.Builder
		b.WriteString("```go {")
		for i := range n {
			fmt.Fprintf(&b, "a%d=1 ", i)
		}
		b.WriteString("}\nx\n```\n")
		return []byte(b.String())
	}},
	{name: "unknown shortcodes as placeholders, nested", n: 100, gen: repeat(strings.Repeat("{{< tabs >}}a ", 60) + strings.Repeat("{{< /tabs >}}", 60) + "\n\n"),
		opts: []Option{WithUnknownShortcodes(shortcode.UnknownPlaceholder)}},
}

// TestLinear renders every case at n and 10n and fails when the time
// grows superlinearly. The time of a render is the CPU time the process
// spends on it (the wall clock where that cannot be read), so that other
// processes on a busy machine do not count; it is the best of three runs,
// the small and the large input taking turns, and a case gets three
// tries. Under the race detector the sizes shrink and the times are only
// logged: the renders still check that nothing panics.
func TestLinear(t *testing.T) {
	gm := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	for _, c := range linearCases {
		t.Run(c.name, func(t *testing.T) {
			n := c.n
			if testing.Short() {
				n /= 2
			}
			if raceEnabled {
				n /= 10
			}
			n = max(n, 1)
			small, large := c.gen(n), c.gen(10*n)
			shared := New(c.opts...)
			render := func(src []byte) func() {
				return func() {
					r := shared
					if c.fresh {
						r = New(c.opts...)
					}
					_, err := r.Render(src)
					require.NoError(t, err)
				}
			}
			var t1, t10 time.Duration
			for try := 1; try <= 3; try++ {
				t1, t10 = cputime.Pair(render(small), render(large))
				if raceEnabled || cputime.Growth(t1, t10) <= maxGrowth {
					break
				}
				t.Logf("try %d: %v for n=%d, %v for 10n: %.1fx", try, t1, n, t10, cputime.Growth(t1, t10))
			}
			t.Logf("folio: %v for n=%d (%d bytes), %v for 10n: %.1fx", t1, n, len(small), t10, cputime.Growth(t1, t10))
			if c.goldmark {
				convert := func(src []byte) func() {
					return func() { _ = gm.Convert(src, io.Discard) }
				}
				g1, g10 := cputime.Pair(convert(small), convert(large))
				t.Logf("plain goldmark: %v for n, %v for 10n: %.1fx", g1, g10, cputime.Growth(g1, g10))
			}
			if !raceEnabled {
				assert.LessOrEqual(t, cputime.Growth(t1, t10), float64(maxGrowth),
					"rendering 10 times the input took %.1f times as long (%v, %v): superlinear", cputime.Growth(t1, t10), t1, t10)
			}
		})
	}
}
