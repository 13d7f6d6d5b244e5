package render_test

import (
	"errors"
	"fmt"
	"html"
	"io"
	"log"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

func ExampleWithShortcodeHandler() {
	// A shortcode with inner content, written in Go.
	note := shortcode.Handler{
		Inner: shortcode.InnerRequired, // {{< note >}}…{{< /note >}} or {{< note />}}
		Render: func(w io.Writer, sc *shortcode.Call) error {
			kind := sc.GetString("kind")
			if kind == "" {
				kind = "info"
			}
			body, err := sc.RenderMarkdown(sc.Inner)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "<aside class=\"note note-%s\">%s</aside>", html.EscapeString(kind), body)
			return err
		},
	}
	r := render.New(render.WithShortcodeHandler("note", note))

	res, err := r.Render([]byte("# Setup\n\n{{< note kind=\"warning\" >}}Back up *first*.{{< /note >}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))

	// Errors carry the position of the call.
	_, err = r.Render([]byte("text\n\n{{< note >}}never closed\n"))
	var pe *post.ParseError
	fmt.Println(errors.As(err, &pe), pe.Line, pe.Column)
	fmt.Println(err)
	// Output:
	// <h1 id="setup">Setup</h1>
	// <aside class="note note-warning">Back up <em>first</em>.</aside>
	// true 3 1
	// 3:1: shortcode "note": must be closed or self-closed
}

func ExampleWithShortcodeSyntax() {
	// Leave the shortcode syntax as text (for example to show raw posts).
	r := render.New(render.WithShortcodeSyntax(false))
	res, err := r.Render([]byte("{{< youtube 0RKpf3rK57I >}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Output:
	// <p>{{&lt; youtube 0RKpf3rK57I &gt;}}</p>
}

func ExampleWithUnknownShortcodes() {
	r := render.New(render.WithUnknownShortcodes(shortcode.UnknownKeepAsText))
	res, err := r.Render([]byte("Hello {{< mystery >}}\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(res.Diagnostics[0].Message)
	// Output:
	// <p>Hello {{&lt; mystery &gt;}}</p>
	// unknown shortcode "mystery" kept as text
}

// A site's own shortcodes that folio does not know can be replaced by an
// empty placeholder element, so a migration renders every page; each call
// is a Diagnostic with its position, and none adds text to Plain.
func ExampleWithUnknownShortcodes_placeholder() {
	r := render.New(render.WithUnknownShortcodes(shortcode.UnknownPlaceholder))
	res, err := r.Render([]byte("Since {{< new-in 0.150 >}}.\n\n{{< tabs >}}\n## Hidden\n{{< /tabs >}}\n"))
	if err != nil {
		panic(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Printf("plain: %q\n", res.Plain)
	for _, d := range res.Diagnostics {
		fmt.Println(d)
	}
	// Output:
	// <p>Since <span class="shortcode-unknown" data-shortcode="new-in"></span>.</p>
	// <div class="shortcode-unknown" data-shortcode="tabs"></div>
	// plain: "Since .\n"
	// 1:7: unknown shortcode "new-in" replaced by a placeholder
	// 3:1: unknown shortcode "tabs" replaced by a placeholder
}

// A handler for every unknown name sees the call as a registered handler
// does: here it keeps only the inner content, in a note.
func ExampleWithUnknownShortcodeHandler() {
	r := render.New(render.WithUnknownShortcodeHandler(shortcode.Handler{
		Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := fmt.Fprintf(w, `<aside class="%s">%s</aside>`, html.EscapeString(sc.Name), html.EscapeString(sc.Inner))
			return err
		},
	}))
	res, err := r.Render([]byte("{{< warning >}}Mind <the> gap{{< /warning >}}\n"))
	if err != nil {
		panic(err)
	}
	fmt.Print(string(res.HTML))
	fmt.Println(res.Diagnostics[0])
	// Output:
	// <aside class="warning">Mind &lt;the&gt; gap</aside>
	// 1:1: unknown shortcode "warning" rendered by the unknown-shortcode handler
}
