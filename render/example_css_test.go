package render_test

import (
	"fmt"
	"html"
	"io"
	"log"
	"strings"

	"github.com/folio-md/folio/render"
)

// ExampleRenderer_CSS writes the stylesheet that goes with folio's default
// class output; serve it once for every page.
func ExampleRenderer_CSS() {
	r := render.New(render.WithStyle("github"))
	var css strings.Builder
	if err := r.CSS(&css); err != nil {
		log.Fatal(err)
	}
	s := css.String()
	fmt.Println(strings.Contains(s, ".chroma {"))           // the code block
	fmt.Println(strings.Contains(s, ".chroma .hl {"))       // hl_lines
	fmt.Println(strings.Contains(s, ".chroma .lnt:target")) // linked line numbers
	fmt.Println(strings.Count(s, "\n") > 50)
	// Output:
	// true
	// true
	// true
	// true
}

// ExampleWithCodeBlockHook wraps every code block in a figure that shows
// the fence's file attribute, around folio's own highlighting.
func ExampleWithCodeBlockHook() {
	r := render.New(render.WithCodeBlockHook(func(w io.Writer, cb render.CodeBlock) error {
		if file, ok := cb.Attributes["file"].(string); ok {
			fmt.Fprintf(w, "<figure><figcaption>%s</figcaption>", html.EscapeString(file))
			defer io.WriteString(w, "</figure>\n")
		}
		return cb.Highlight(w)
	}))
	res, err := r.Render([]byte("```go {file=\"main.go\"}\npackage main\n```\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(string(res.HTML), `<figure><figcaption>main.go</figcaption><div class="highlight" file="main.go">`))
	// Output:
	// true
}
