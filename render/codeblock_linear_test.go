package render

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/cputime"
)

// codeLinearCases are linearCase families for the code block features;
// TestLinearCodeFeatures runs them as TestLinear runs its own.
var codeLinearCases = []linearCase{
	{name: "GoAT diagrams", n: 100, gen: repeat("```goat\n+--+\n|ab|---> c\n+--+\n```\n\n"), opts: []Option{WithGoAT(true)}},
	{name: "one tall GoAT diagram", n: 150, gen: func(n int) []byte {
		return []byte("```goat\n" + strings.Repeat("+--+ |\n", n) + "```\n")
	}, opts: []Option{WithGoAT(true)}},
	{name: "sparse GoAT diagrams refused", n: 200, gen: repeat("```goat\n" + strings.Repeat("-", 500) + strings.Repeat("\n", 500) + "```\n\n"), opts: []Option{WithGoAT(true)}},
	{name: "one sparse GoAT diagram refused", n: 2000, gen: func(n int) []byte {
		return []byte("```goat\n" + strings.Repeat("-", n) + strings.Repeat("\n", n) + "```\n")
	}, opts: []Option{WithGoAT(true)}},
	{name: "Mermaid diagrams", n: 5000, gen: repeat("```mermaid\ngraph TD\n  A --> B\n```\n\n"), opts: []Option{WithMermaid(true)}},
	{name: "language hooks that decline", n: 5000, gen: repeat("```dot\nx\n```\n\n"),
		opts: []Option{WithCodeBlockHookFor("dot", func(io.Writer, CodeBlock) error { return ErrDefault }), WithCodeBlockHook(func(io.Writer, CodeBlock) error { return ErrDefault })}},
	{name: "hl_inline fences", n: 400, gen: repeat("```go {hl_inline=true id=x}\nx := 1\n```\n\n")},
	{name: "inline highlight shortcodes in text", n: 300, gen: repeat("a {{< highlight go \"hl_inline=true\" >}}x{{< /highlight >}} {{< highlight go >}}y{{< /highlight >}} b "), opts: []Option{HugoCompat()}},
}

// TestLinearCodeFeatures checks that the code block features render in
// time linear in their input (see TestLinear).
func TestLinearCodeFeatures(t *testing.T) {
	for _, c := range codeLinearCases {
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
			r := New(c.opts...)
			render := func(src []byte) func() {
				return func() {
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
			if !raceEnabled {
				assert.LessOrEqual(t, cputime.Growth(t1, t10), float64(maxGrowth),
					"rendering 10 times the input took %.1f times as long (%v, %v): superlinear", cputime.Growth(t1, t10), t1, t10)
			}
		})
	}
}
