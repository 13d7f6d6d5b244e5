package main

import (
	"strings"
	"testing"

	"github.com/folio-md/folio/internal/cputime"
)

func TestPlainSummary(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, in, want string }{
		{"paragraph", "<p>Hugo-style posts, <em>rendered</em> in Go.</p>", "Hugo-style posts, rendered in Go."},
		{"heading and list", "<h1 id=\"a\">A heading</h1>\n<p>Text.</p>\n<ul>\n<li>one</li>\n<li>two, with <code>x</code></li>\n</ul>", "A heading. Text. one. two, with x."},
		{"code, embed and stub left out", "<p>Before</p><div class=\"highlight\"><pre><code>x := 1</code></pre></div><div><iframe src=\"https://example.com\"></iframe></div><p>after <span class=\"shortcode-unknown\" data-shortcode=\"x\"></span>it.</p>", "Before after it."},
		{"entities", "<p>Old &amp; <b>bold</b></p>", "Old & bold"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := plainSummary(tt.in); got != tt.want {
				t.Errorf("plainSummary(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPlainSummaryLinear: a summary of many items takes time linear in
// its length (each item's end once rewrote the text before it).
func TestPlainSummaryLinear(t *testing.T) {
	gen := func(n int) string { return "<ul>" + strings.Repeat("<li>an item of text</li>\n", n) + "</ul>" }
	small, large := gen(2000), gen(20000)
	var g float64
	for try := 1; try <= 3; try++ {
		t1, t10 := cputime.Pair(func() { plainSummary(small) }, func() { plainSummary(large) })
		if g = cputime.Growth(t1, t10); g < 25 {
			return
		}
	}
	if raceEnabled {
		t.Logf("10x the items took %.1fx the time (race detector: logged only)", g)
		return
	}
	t.Errorf("10x the items took %.1fx the time", g)
}
