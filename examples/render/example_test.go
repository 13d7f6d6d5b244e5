package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/folio-md/folio/examples/internal/page"
)

// Example renders a post from standard input as JSON and prints a few of
// its fields.
func Example() {
	post := "+++\ntitle = \"Hello\"\ntags = [\"go\"]\n+++\n\n## Hi\n\nA short post.\n"
	var out bytes.Buffer
	run([]string{"-format", "json", "-"}, strings.NewReader(post), &out, os.Stderr)
	var doc page.Document
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.FrontMatter.Title, doc.FrontMatter.Tags, doc.WordCount, doc.TOC[0].ID)
	fmt.Print(doc.HTML)
	// Output:
	// Hello [go] 4 hi
	// <h2 id="hi">Hi</h2>
	// <p>A short post.</p>
}
