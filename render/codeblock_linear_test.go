package render

import (
	"io"
	"strings"
)

// codeLinearCases are the linearCase families of the code block features,
// run by TestLinear.
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

func init() { linearCases = append(linearCases, codeLinearCases...) }
