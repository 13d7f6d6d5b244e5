package diagram

import (
	"html"
	"io"
	"strings"
)

// WriteMermaid writes code, the source of a Mermaid diagram, for
// mermaid.js to draw: <pre class="mermaid">, the source escaped (& < > "
// ' as character references, which the browser turns back into the text
// Mermaid reads) and without its trailing line breaks, </pre> and a line
// break. It is what the render-codeblock-mermaid hook of Hugo's
// documentation writes, on one line. The error is w's.
func WriteMermaid(w io.Writer, code string) error {
	code = strings.TrimRight(code, "\r\n")
	_, err := io.WriteString(w, `<pre class="mermaid">`+html.EscapeString(code)+"</pre>\n")
	return err
}
