package render_test

import (
	"fmt"
	"html"
	"io"
	"log"
	"strings"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// ExampleRenderer_CSS writes the stylesheet that goes with folio's default
// class output; serve it once for every page.
func ExampleRenderer_CSS() {
	r := render.New(render.WithHighlight(highlight.Config{Style: "github"}))
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

// ExampleWithCodeBlockHook wraps a code block that names its file in a
// figure that shows the name, around folio's own highlighting; the other
// blocks get folio's default markup (render.ErrDefault).
func ExampleWithCodeBlockHook() {
	r := render.New(render.WithCodeBlockHook(func(w io.Writer, cb render.CodeBlock) error {
		file, ok := cb.Attributes["file"].(string)
		if !ok {
			return render.ErrDefault
		}
		fmt.Fprintf(w, "<figure><figcaption>%s</figcaption>", html.EscapeString(file))
		if err := cb.Highlight(w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "</figure>\n")
		return err
	}))
	res, err := r.Render([]byte("```go {file=\"main.go\"}\npackage main\n```\n\n```go\nx := 1\n```\n"))
	if err != nil {
		log.Fatal(err)
	}
	out := string(res.HTML)
	fmt.Println(strings.HasPrefix(out, `<figure><figcaption>main.go</figcaption><div class="highlight" file="main.go">`))
	fmt.Println(strings.Count(out, "<figure>"), strings.Count(out, `<div class="highlight">`))
	// Output:
	// true
	// 1 1
}
