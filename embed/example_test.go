package embed_test

import (
	"errors"
	"fmt"

	"github.com/folio-md/folio/embed"
)

func ExampleParse() {
	v, err := embed.Parse("https://youtu.be/dQw4w9WgXcQ?t=1m30s")
	if err != nil {
		panic(err)
	}
	fmt.Println(v.Provider, v.ID, v.Start)

	_, err = embed.Parse("https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ")
	fmt.Println(errors.Is(err, embed.ErrUserinfo))
	fmt.Println(err)
	// Output:
	// youtube dQw4w9WgXcQ 1m30s
	// true
	// embed: "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ": URL has user information before the host
}

func ExampleVideo_HTML() {
	v, err := embed.Vimeo("19899678")
	if err != nil {
		panic(err)
	}
	v.Title = "A walk"
	fmt.Println(string(v.HTML(embed.Options{Wrapper: embed.WrapperClass})))
	// Hugo's markup keeps its template's white space: a leading newline
	// and tabs, and a final newline.
	fmt.Print(string(v.HTML(embed.Options{Wrapper: embed.WrapperHugo})))
	// Output:
	// <div class="folio-embed folio-embed-vimeo folio-embed-16x9"><iframe src="https://player.vimeo.com/video/19899678?dnt=1" title="A walk" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen"></iframe></div>
	//
	//			<div
	//					style="position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;">
	//				<iframe
	//					src="https://player.vimeo.com/video/19899678?dnt=0"
	//						style="position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;" allow="fullscreen" title="A walk">
	//				</iframe>
	//			</div>
}

func ExampleFromHTML() {
	old := []byte(`<div style="position:relative;padding-top:56.25%;">
  <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=42" frameborder="0" allowfullscreen
    title="My talk" style="position:absolute;top:0;left:0;width:100%;height:100%;"></iframe>
</div>`)
	v, ok := embed.FromHTML(old)
	fmt.Println(ok, v.ID, v.Start, v.Title)

	_, ok = embed.FromHTML([]byte(`<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe><script>alert(1)</script>`))
	fmt.Println(ok)
	// Output:
	// true dQw4w9WgXcQ 42s My talk
	// false
}

func ExampleParser() {
	// A Parser is a plain value; list the providers it knows. Here only
	// Vimeo: a YouTube URL is then unsupported.
	p := embed.Parser{Providers: []embed.Provider{embed.Builtins()[1]}}
	_, err := p.Parse("https://youtu.be/dQw4w9WgXcQ")
	fmt.Println(errors.Is(err, embed.ErrUnsupported))
	v, err := p.Parse("https://vimeo.com/76979871/8272103f6e")
	fmt.Println(v.ID, v.Hash, err)
	// Output:
	// true
	// 76979871 8272103f6e <nil>
}
