package shortcode_test

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"log"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// A handler written against the Call's API, as the built-ins are: it
// reads its arguments, checks a URL against the renderer's policy, renders
// Markdown, reads a front matter parameter and reports a Diagnostic.
func Example() {
	card := shortcode.Handler{
		Inner: shortcode.InnerRequired,
		Render: func(w io.Writer, c *shortcode.Call) error {
			link := c.GetString("link")
			if !c.URLAllowed(link, "href", "a") {
				c.Warnf("card: link %q refused", link)
				link = ""
			}
			body, err := c.RenderMarkdown(c.InnerDeindent())
			if err != nil {
				return err
			}
			author, _ := c.Param("author.name")
			_, err = fmt.Fprintf(w, `<div class="card"><a href="%s">%s</a> (%v)</div>`,
				html.EscapeString(link), body, html.EscapeString(fmt.Sprint(author)))
			return err
		},
	}
	r := render.New(render.WithShortcodeHandler("card", card))
	p, err := post.Parse([]byte("---\nauthor: {name: Ann}\n---\n{{< card link=\"javascript:alert(1)\" >}}\n  *Hi*\n{{< /card >}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := r.RenderPost(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// <div class="card"><a href=""><em>Hi</em></a> (Ann)</div>
	// 4:1: card: link "javascript:alert(1)" refused
}

// Parse finds the calls of a page without rendering anything.
func ExampleParse() {
	src := []byte("Intro {{< figure src=\"a.png\" >}}\n\n{{% note %}}Read {{< ref \"b.md\" >}}{{% /note %}}\n\n`{{< not-a-call >}}`\n")
	nodes, err := shortcode.Parse(src, shortcode.ParseOptions{})
	if err != nil {
		log.Fatal(err)
	}
	var walk func(nodes []*shortcode.Node, depth int)
	walk = func(nodes []*shortcode.Node, depth int) {
		for _, n := range nodes {
			fmt.Printf("%*s%s %s %d args at %d\n", 2*depth, "", n.Notation, n.Name, len(n.Args), n.Start)
			walk(n.Children, depth+1)
		}
	}
	walk(nodes, 0)
	// Output:
	// < figure 1 args at 6
	// % note 0 args at 34
	//   < ref 1 args at 51
}

func ExampleTemplate() {
	// A Hugo shortcode template, ported as it is.
	t := template.Must(template.New("quote").Parse(
		`<blockquote{{ with .Get "cite" }} cite="{{ . }}"{{ end }}>{{ .Inner }}` +
			`<footer>{{ .Get "author" }}, quote {{ .Ordinal }} in {{ .Page.Title }}</footer></blockquote>`))
	quote := render.WithShortcodeHandler("quote", shortcode.Template(t))

	p, err := post.Parse([]byte("---\ntitle: Sayings\n---\n{{< quote author=\"Ann <A>\" cite=\"https://example.org/?a=1&b=2\" >}}Less is <em>more</em>.{{< /quote >}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	// Safe by default: the raw HTML inside the call is omitted from .Inner,
	// as it would be in Markdown, and reported.
	res, err := render.New(quote).RenderPost(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(res.Diagnostics[0].Message)
	// Trusted posts keep it, as Hugo does.
	res, err = render.New(quote, render.WithUnsafeHTML()).RenderPost(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Output:
	// <blockquote cite="https://example.org/?a=1&amp;b=2">Less is <!-- raw HTML omitted -->more<!-- raw HTML omitted -->.<footer>Ann &lt;A&gt;, quote 0 in Sayings</footer></blockquote>
	// raw HTML <em> omitted (in the inner content of shortcode "quote")
	// <blockquote cite="https://example.org/?a=1&amp;b=2">Less is <em>more</em>.<footer>Ann &lt;A&gt;, quote 0 in Sayings</footer></blockquote>
}
