// Package diagram writes the diagrams of Hugo sites' code fences as Hugo
// writes them: GoAT ASCII-art diagrams as inline SVG (Hugo's embedded
// render-codeblock-goat hook, drawn by github.com/bep/goat), and Mermaid
// diagrams as <pre class="mermaid"> holding the escaped source, for
// mermaid.js to draw in the browser.
//
// The render package uses it for ```goat and ```mermaid fences when
// render.WithGoAT and render.WithMermaid are on; a code block hook of
// one's own can call it too:
//
//	if err := diagram.CheckGoAT(code); err != nil {
//		// too large: write it as code
//	}
//	err := diagram.WriteGoAT(w, code, diagram.GoATOptions{Class: "wide"})
//
// Everything taken from the Markdown is escaped: the diagram's text is
// written as SVG text (& < > escaped), the class and sizes as attribute
// values.
package diagram
