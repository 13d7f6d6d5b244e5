package main

import (
	"os"
	"strings"
)

// Example prints the table of contents of a post read from standard input,
// as Markdown, with every level from h2 down.
func Example() {
	post := "---\ntitle: Guide\n---\n\n## Install\n\n### From source\n\n#### With `go install`\n\n## Use\n"
	run([]string{"-end", "-1", "-"}, strings.NewReader(post), os.Stdout, os.Stderr)
	// Output:
	// - [Install](#install)
	//   - [From source](#from-source)
	//     - [With go install](#with-go-install)
	// - [Use](#use)
}
