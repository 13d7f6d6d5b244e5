package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"log"

	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/toc"
)

func Example() {
	r := render.New() // build once, share between goroutines

	res, err := r.Render([]byte("# Héllo, Wörld!\n\nSome *Markdown* with a [link](https://go.dev).\n\n<!--more-->\n\nThe rest.\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Printf("summary: %s\n", res.Summary)
	fmt.Println("words:", res.WordCount, "truncated:", res.Truncated)
	// Output:
	// <h1 id="héllo-wörld">Héllo, Wörld!</h1>
	// <p>Some <em>Markdown</em> with a <a href="https://go.dev">link</a>.</p>
	// <p>The rest.</p>
	// summary: <h1 id="héllo-wörld">Héllo, Wörld!</h1>
	// <p>Some <em>Markdown</em> with a <a href="https://go.dev">link</a>.</p>
	// words: 9 truncated: true
}

func ExampleRenderer_Render() {
	r := render.New(render.WithIDStyle(render.IDStyleGitHubASCII))
	res, err := r.Render([]byte("## Ça va?\n\n<div>raw</div>\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// <h2 id="ca-va">Ça va?</h2>
	// <!-- raw HTML omitted -->
	// 3:1: raw HTML <div> omitted
}

func ExampleRenderer_RenderPost() {
	src := []byte(`---
title: Hello
summary: A *short* summary.
---

Line 5 of the file has <b>raw HTML</b>.
`)
	p, err := post.Parse(src, post.WithPath("content/hello.md"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := render.New().RenderPost(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s", res.Summary)
	fmt.Println()
	fmt.Println(res.Diagnostics[0])
	// Output:
	// A <em>short</em> summary.
	// content/hello.md:6:24: raw HTML <b> omitted
}

func ExampleWithHeadingHook() {
	anchor := func(w io.Writer, h render.Heading) error {
		_, err := fmt.Fprintf(w, "<h%d id=%q>%s <a href=\"#%s\" aria-hidden=\"true\">#</a></h%d>\n",
			h.Level, h.Anchor, h.Text, h.Anchor, h.Level)
		return err
	}
	res, err := render.New(render.WithHeadingHook(anchor)).Render([]byte("## Install *it*"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Output:
	// <h2 id="install-it">Install <em>it</em> <a href="#install-it" aria-hidden="true">#</a></h2>
}

func ExampleExtender() {
	md := goldmark.New(goldmark.WithExtensions(&render.Extender{}))
	src := []byte("---\ntitle: From goldmark-meta\n---\n\n## Intro\n\n![photo](/p.jpg?\"A caption\")\n")
	ctx := parser.NewContext()
	var buf bytes.Buffer
	if err := md.Convert(src, &buf, parser.WithContext(ctx)); err != nil {
		log.Fatal(err)
	}
	fmt.Print(buf.String())
	fmt.Println(meta.Get(ctx)["title"])
	fmt.Println(toc.Get(ctx).Items[0].ID)
	// Output:
	// <h2 id="intro">Intro</h2>
	// <p><img src="/p.jpg" alt="photo" title="A caption"></p>
	// From goldmark-meta
	// intro
}

// A site moving off Hugo renders with HugoCompat and diffs the old and new
// output: here the Hugo quirks show (the ID leaves the code span out, the
// TOC is Hugo's nav, the summary ends with the paragraph that reaches the
// length), and WithSummaryLength overrides the preset's 70 words.
func ExampleHugoCompat() {
	r := render.New(render.HugoCompat(), render.WithSummaryLength(5))
	res, err := r.Render([]byte("## *Install `folio`* now\n\nOne two three four five six.\n\nSeven.\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(string(res.TOC.HTML()))
	fmt.Printf("summary: %s\ntruncated: %v, reading time: %d min\n", res.Summary, res.Truncated, res.ReadingTime)
	// Output:
	// <h2 id="install--now"><em>Install <code>folio</code></em> now</h2>
	// <p>One two three four five six.</p>
	// <p>Seven.</p>
	// <nav id="TableOfContents">
	//   <ul>
	//     <li><a href="#install--now"><em>Install <code>folio</code></em> now</a></li>
	//   </ul>
	// </nav>
	// summary: <h2 id="install--now"><em>Install <code>folio</code></em> now</h2>
	// <p>One two three four five six.</p>
	// truncated: true, reading time: 1 min
}

// ExampleRenderer_RenderPost_errors shows that a render failure is the
// same *post.ParseError a parse failure is: one errors.As target for the
// whole pipeline, with the position in the file.
func ExampleRenderer_RenderPost_errors() {
	errNoImages := errors.New("images are not allowed here")
	r := render.New(render.WithImageHook(func(io.Writer, render.Image) error { return errNoImages }))
	src := []byte("---\ntitle: Hello\n---\n\nText.\n\n![a cat](/cat.png)\n")
	p, err := post.Parse(src, post.WithPath("content/hello.md"))
	if err == nil {
		_, err = r.RenderPost(p)
	}
	var pe *post.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Path, pe.Line, pe.Column, errors.Is(err, errNoImages))
	}
	fmt.Println(err)
	// Output:
	// content/hello.md 7 1 true
	// content/hello.md:7:1: render: image hook: images are not allowed here
}

// The passthrough extension leaves math for a TeX renderer; a hook may
// render it itself (here it only wraps it), and block attributes give
// the block passthrough an id.
func ExampleWithPassthroughHook() {
	r := render.New(
		render.WithPassthrough(render.MathDelimiters()),
		render.WithBlockAttributes(),
		render.WithPassthroughHook(func(w io.Writer, p render.Passthrough) error {
			if p.Type == "inline" {
				return render.ErrDefault // the text as written: $a_1$
			}
			_, err := fmt.Fprintf(w, "<div class=\"math\" id=%q>%s</div>\n", p.Attributes["id"], html.EscapeString(p.Inner))
			return err
		}),
	)
	res, err := r.Render([]byte("Inline $a_1$ stays.\n\n$$\nx^2 < y\n$$\n{#eq1}\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Output:
	// <p>Inline $a_1$ stays.</p>
	// <div class="math" id="eq1">
	// x^2 &lt; y
	// </div>
}

func ExampleWithBlockAttributes() {
	r := render.New(render.WithBlockAttributes(), render.WithExtras(render.Extras{Mark: true}), render.WithEmoji())
	res, err := r.Render([]byte("A ==marked== word :smile:\n{.lead onclick=\"alert(1)\"}\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// <p class="lead">A <mark>marked</mark> word &#x1f604;</p>
	// 2:1: attribute "onclick" is not written (allowed: id, class, lang, dir, title, translate, role, data-*)
}
