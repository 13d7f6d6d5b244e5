package builtin_test

import (
	"fmt"
	"log"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode/builtin"
)

// A site whose theme called its video shortcode "video" registers the
// built-in youtube handler under that name too, here with the class-only
// wrapper (no style attribute, for a strict Content-Security-Policy).
func Example() {
	handlers := builtin.Handlers(&builtin.Settings{Embed: embed.Options{Wrapper: embed.WrapperClass}})
	r := render.New(render.WithShortcodeHandler("video", handlers["youtube"]))
	res, err := r.Render([]byte(`{{< video id="0RKpf3rK57I" title="Talk" >}}`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(string(res.HTML))
	// Output:
	// <div class="folio-embed folio-embed-youtube folio-embed-16x9"><iframe src="https://www.youtube-nocookie.com/embed/0RKpf3rK57I" title="Talk" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen"></iframe></div>
}
