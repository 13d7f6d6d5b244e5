package textstats

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestHugoSummaryEnd(t *testing.T) {
	t.Parallel()
	const two = "<p>a b c</p>\n<p>d</p>"
	for _, tc := range []struct {
		name  string
		html  string
		limit int
		cjk   bool
		want  int
	}{
		{name: "reached in the first paragraph", html: two, limit: 2, want: len("<p>a b c</p>")},
		// "<p>a" counts (it is not a whole tag), the "c" before "</p>" is
		// never read, and neither is the "d" of the second paragraph.
		{name: "the last word before </p> is not read", html: two, limit: 3, want: -1},
		{name: "no limit", html: two, limit: 0, want: -1},
		{name: "text after the last </p> is not counted", html: "<p>a b c d</p>\ne f g h", limit: 5, want: -1},
		// "<h2" (a digit: not a tag by Hugo's pattern), "here</h2>" and
		// "<p>x" count; `id="t">Title` starts like an attribute and does not.
		{name: "an attribute-like token is not counted", html: `<h2 id="t">Title here</h2>` + "\n<p>x y</p>", limit: 3, want: len(`<h2 id="t">Title here</h2>` + "\n<p>x y</p>")},
		{name: "an attribute-like token is not counted, one short", html: `<h2 id="t">Title here</h2>` + "\n<p>x y</p>", limit: 4, want: -1},
		{name: "cjk counts runes", html: "<p>日本語 x</p>", limit: 3, cjk: true, want: len("<p>日本語 x</p>")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, HugoSummaryEnd([]byte(tc.html), tc.limit, tc.cjk), "HugoSummaryEnd(%q, %d)", tc.html, tc.limit)
		})
	}
}

func TestProbablyHTMLToken(t *testing.T) {
	t.Parallel()
	for w, want := range map[string]bool{
		">": true, "<p": true, "<em>": true, "</em>": true, `id="x">Text`: true, `class='a'`: true,
		"<3": false, "a=b": false, "word": false, "<": false, "</": false, "<p>a": false,
	} {
		assert.Equal(t, want, probablyHTMLToken([]byte(w)), "probablyHTMLToken(%q)", w)
	}
}

func TestHugoAutoSummary(t *testing.T) {
	t.Parallel()
	html := []byte("\n<p>a b c</p>\n<p>d e f</p>\n")
	s, truncated := HugoAutoSummary(html, 2, false)
	assert.Equal(t, "<p>a b c</p>", string(s))
	assert.True(t, truncated)
	s, truncated = HugoAutoSummary(html, 100, false)
	assert.Equal(t, "<p>a b c</p>\n<p>d e f</p>", string(s), "the whole content, trimmed")
	assert.False(t, truncated)
}
