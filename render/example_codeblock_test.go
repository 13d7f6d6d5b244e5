package render_test

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/folio-md/folio/render"
)

// A hook for one fence language (Hugo's render-codeblock-LANG template),
// with Mermaid diagrams built in: ```dot blocks go to a Graphviz element,
// ```mermaid blocks become <pre class="mermaid">, the rest is highlighted.
func ExampleWithCodeBlockHookFor() {
	graphviz := func(w io.Writer, cb render.CodeBlock) error {
		_, err := fmt.Fprintf(w, "<graphviz-dot>%s</graphviz-dot>\n", html.EscapeString(strings.TrimSpace(cb.Inner)))
		return err
	}
	r := render.New(render.WithCodeBlockHookFor("dot", graphviz), render.WithMermaid(true), render.WithHighlighting(false))
	res, err := r.Render([]byte("```dot\ndigraph { a -> b }\n```\n\n```mermaid\ngraph LR\n  A --> B\n```\n\n```go\nx := 1\n```\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(res.HTML))
	// Output:
	// <graphviz-dot>digraph { a -&gt; b }</graphviz-dot>
	// <pre class="mermaid">graph LR
	//   A --&gt; B</pre>
	// <pre tabindex="0"><code class="language-go" data-lang="go">x := 1
	// </code></pre>
}
