// Command render turns one Hugo-style post into a complete HTML5 page, or
// into a JSON object with everything folio knows about it.
//
// Usage:
//
//	go run ./examples/render [-o out.html] [-format html|json] [-unsafe] [-style NAME] [FILE.md]
//
// With no file it renders a sample post built into the program. FILE "-"
// reads standard input. Errors are printed as path:line:col: message and
// make the exit code 1; render's warnings are printed the same way with
// "warning:" and do not change the exit code.
package main

import (
	"bytes"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"html/template"
	"io"
	"os"
	"strings"

	"github.com/folio-md/folio/examples/internal/cli"
	"github.com/folio-md/folio/examples/internal/page"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

//go:embed sample/sample.md
var sample []byte

// samplePipeline is the picture the sample shows. It travels inside the
// binary, so the sample page works offline: an image hook (sampleImages)
// writes it as a data: URI.
//
//go:embed sample/folio-pipeline.svg
var samplePipeline []byte

// samplePath is the name the built-in sample carries in errors and JSON.
const samplePath = "sample.md"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: render [flags] [FILE.md]

Renders a Hugo-style post (front matter + Markdown with shortcodes) to a
complete HTML page, or to JSON with -format json. With no FILE, renders the
sample post built into the program; FILE "-" reads standard input.

Flags:
`

// run is the whole program; it returns the exit code: 0 on success, 1 when
// the post cannot be read, parsed, rendered or written, 2 for bad usage.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	out := fs.String("o", "", "write to `file` instead of standard output")
	format := fs.String("format", "html", "output `format`: html (a complete page) or json")
	unsafe := fs.Bool("unsafe", false, "let raw HTML in the Markdown through (trusted input only)")
	style := fs.String("style", highlight.DefaultStyle, "chroma `style` for code blocks (monokai, github, dracula, ...)")
	if code, ok := cli.ParseFlags(fs, args, stderr, usage); !ok {
		return code
	}
	if fs.NArg() > 1 {
		fmt.Fprintln(stderr, "render: more than one file given")
		fs.Usage()
		return 2
	}
	if *format != "html" && *format != "json" {
		fmt.Fprintf(stderr, "render: unknown -format %q (html or json)\n", *format)
		return 2
	}
	if err := cli.CheckStyle(*style); err != nil {
		fmt.Fprintln(stderr, "render:", err)
		return 2
	}

	var (
		p   *post.Post
		err error
	)
	if fs.NArg() == 0 {
		p, err = post.Parse(sample, post.WithPath(samplePath))
	} else {
		p, err = cli.ReadPost(fs.Arg(0), stdin)
	}
	if err != nil {
		cli.PrintError(stderr, "render", err)
		return 1
	}

	opts := Options(*style, *unsafe)
	if fs.NArg() == 0 {
		opts = append(opts, render.WithImageHook(sampleImages))
	}
	r := render.New(opts...)
	res, err := r.RenderPost(p)
	if err != nil {
		cli.PrintError(stderr, "render", err)
		return 1
	}
	cli.PrintDiagnostics(stderr, res.Diagnostics)

	var buf bytes.Buffer
	switch *format {
	case "json":
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		err = enc.Encode(page.NewDocument(p, res))
	default:
		err = writePage(&buf, r, p, res)
	}
	if err != nil {
		cli.PrintError(stderr, "render", err)
		return 1
	}
	if err := write(*out, stdout, buf.Bytes()); err != nil {
		cli.PrintError(stderr, "render", err)
		return 1
	}
	return 0
}

// Options returns the render options the program uses: the chroma style,
// titled images as figures (the sample's Blackfriday-style caption), and
// raw HTML when unsafe.
func Options(style string, unsafe bool) []render.Option {
	opts := []render.Option{render.WithHighlight(highlight.Config{Style: style}), render.WithFigureForTitledImages()}
	if unsafe {
		opts = append(opts, render.WithUnsafeHTML())
	}
	return opts
}

// sampleImages writes the sample's own picture as a figure whose image is a
// data: URI, so the page needs no file beside it; every other image gets
// folio's default rendering.
func sampleImages(w io.Writer, img render.Image) error {
	if strings.TrimSuffix(img.Destination, "?") != "/images/folio-pipeline.svg" {
		return render.ErrDefault
	}
	src := "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(samplePipeline)
	var err error
	if img.IsBlock {
		_, err = fmt.Fprintf(w, "<figure><img src=\"%s\" alt=\"%s\"><figcaption>%s</figcaption></figure>\n",
			src, html.EscapeString(img.PlainText), html.EscapeString(img.Title))
	} else {
		_, err = fmt.Fprintf(w, `<img src="%s" alt="%s" title="%s">`,
			src, html.EscapeString(img.PlainText), html.EscapeString(img.Title))
	}
	return err
}

// writePage writes the post as one standalone page: the page stylesheet and
// the highlighting stylesheet are inlined, once, in a <style> element.
func writePage(w io.Writer, r *render.Renderer, p *post.Post, res *render.Result) error {
	var code bytes.Buffer
	if err := r.CSS(&code); err != nil {
		return err
	}
	a := page.NewArticle(p, res)
	a.CSS = []template.CSS{page.CSS(), template.CSS(code.String())} // chroma's own stylesheet
	return page.WriteArticle(w, a)
}

// write writes data to the file name, or to stdout when name is empty.
func write(name string, stdout io.Writer, data []byte) error {
	if name == "" {
		_, err := stdout.Write(data)
		return err
	}
	return os.WriteFile(name, data, 0o644)
}
