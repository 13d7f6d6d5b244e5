// Command toc prints the table of contents of a Hugo-style post, as
// Markdown (the default), HTML or JSON.
//
// Usage:
//
//	go run ./examples/toc [-format markdown|html|json] [-start N] [-end N] [-ordered] FILE.md
//
// The heading levels are, in order of precedence: the flags, the post's own
// toc: {startLevel, endLevel, ordered} front matter, and Hugo's defaults
// (2 to 3, unordered). -end -1 means every level. The anchors are the ones
// folio's renderer gives the headings, so the links match the rendered page.
// FILE "-" reads standard input. Errors are printed as path:line:col:
// message and make the exit code 1.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/folio-md/folio/examples/internal/cli"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/toc"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: toc [flags] FILE.md

Prints the table of contents of a Hugo-style post. FILE "-" reads standard
input.

Flags:
`

// run is the whole program; it returns the exit code: 0 on success, 1 when
// the post cannot be read, parsed or rendered, 2 for bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("toc", flag.ContinueOnError)
	format := fs.String("format", "markdown", "output `format`: markdown, html or json")
	start := fs.Int("start", 2, "shallowest heading `level` (1-6)")
	end := fs.Int("end", 3, "deepest heading `level` (1-6, -1 for every level)")
	ordered := fs.Bool("ordered", false, "numbered lists (<ol>, 1.) instead of bullets")
	if code, ok := cli.ParseFlags(fs, args, stderr, usage); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "toc: one FILE.md is required")
		fs.Usage()
		return 2
	}
	switch *format {
	case "markdown", "md", "html", "json":
	default:
		fmt.Fprintf(stderr, "toc: unknown -format %q (markdown, html or json)\n", *format)
		return 2
	}
	if *start < 1 || *start > 6 || *end == 0 || *end > 6 || *end < -1 {
		fmt.Fprintln(stderr, "toc: -start must be 1 to 6 and -end 1 to 6 or -1")
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	p, err := cli.ReadPost(fs.Arg(0), stdin)
	if err != nil {
		cli.PrintError(stderr, "toc", err)
		return 1
	}

	// The post's own settings apply where no flag was given.
	if ts := p.FrontMatter.TOCSettings; ts != nil {
		if ts.StartLevel != 0 && !set["start"] {
			*start = ts.StartLevel
		}
		if ts.EndLevel != 0 && !set["end"] {
			*end = ts.EndLevel
		}
		if !set["ordered"] {
			*ordered = ts.Ordered
		}
	}
	p.FrontMatter.TOCSettings = nil // the levels are settled: render with them
	ropts := []render.Option{render.WithTOCLevels(*start, *end)}
	if *ordered {
		ropts = append(ropts, render.WithOrderedTOC())
	}
	res, err := render.New(ropts...).RenderPost(p)
	if err != nil {
		cli.PrintError(stderr, "toc", err)
		return 1
	}
	cli.PrintDiagnostics(stderr, res.Diagnostics)

	t := res.TOC
	if t == nil {
		t = &toc.TOC{}
	}
	opts := []toc.Option{toc.StartLevel(*start), toc.EndLevel(*end), toc.Ordered(*ordered)}
	var out []byte
	switch *format {
	case "html":
		out = append(t.HTML(opts...), '\n')
	case "json":
		out, err = json.MarshalIndent(t, "", "  ")
		out = append(out, '\n')
	default:
		out = t.Markdown(opts...)
		if len(out) > 0 && out[len(out)-1] != '\n' {
			out = append(out, '\n')
		}
	}
	if err == nil {
		_, err = stdout.Write(out)
	}
	if err != nil {
		cli.PrintError(stderr, "toc", err)
		return 1
	}
	return 0
}
