package diagram_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/folio-md/folio/render/diagram"
)

func ExampleWriteMermaid() {
	_ = diagram.WriteMermaid(os.Stdout, "graph LR\n  A --> B\n")
	// Output:
	// <pre class="mermaid">graph LR
	//   A --&gt; B</pre>
}

func ExampleWriteGoAT() {
	var b strings.Builder
	if err := diagram.WriteGoAT(&b, "o-->o\n", diagram.GoATOptions{Class: "small", Width: "120"}); err != nil {
		fmt.Println(err)
		return
	}
	out := b.String()
	fmt.Println(strings.Contains(out, `<div class="goat svg-container small">`), strings.Contains(out, `width="120"`))
	// Output: true true
}
