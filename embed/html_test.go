package embed

import (
	"encoding/json"
	"flag"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// goldenOptions is the JSON of a golden file's comment: Options with the
// wrapper and privacy spelled as words, and a title for the Video.
type goldenOptions struct {
	Options
	Wrapper    string // "", "inline", "class", "hugo"
	Privacy    string // "", "on", "off"
	VideoTitle string
}

func (g goldenOptions) options(t *testing.T) Options {
	o := g.Options
	switch g.Wrapper {
	case "", "inline":
	case "class":
		o.Wrapper = WrapperClass
	case "hugo":
		o.Wrapper = WrapperHugo
	default:
		t.Fatalf("unknown wrapper %q", g.Wrapper)
	}
	switch g.Privacy {
	case "":
	case "on":
		o.Privacy = PrivacyOn
	case "off":
		o.Privacy = PrivacyOff
	default:
		t.Fatalf("unknown privacy %q", g.Privacy)
	}
	return o
}

// TestGoldenHTML renders testdata/html/*.txt: the comment holds the options
// as JSON, the url section the input of Parse, the html section the output.
func TestGoldenHTML(t *testing.T) {
	for _, c := range golden.Load(t, "testdata/html/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			var g goldenOptions
			require.NoError(t, json.Unmarshal(c.Comment, &g))
			v, err := Parse(string(c.Input.Data))
			require.NoError(t, err)
			v.Title = g.VideoTitle
			html, err := v.AppendHTML(nil, g.options(t))
			require.NoError(t, err)
			checkEmbedHTML(t, v, g.options(t), html)
			c.Check(t, *update, golden.Output{Name: "html", Data: html})
		})
	}
}

// Hugo's output as HUGO.md sections 4.2 and 4.3 record it (Hugo v0.165).
const (
	hugoYouTube = "<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n" +
		"\t\t\t<iframe allow=\"accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen\" loading=\"eager\" referrerpolicy=\"strict-origin-when-cross-origin\" src=\"https://www.youtube.com/embed/0RKpf3rK57I?autoplay=0&amp;controls=1&amp;end=0&amp;loop=0&amp;mute=0&amp;start=0\" style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" title=\"YouTube video\"></iframe>\n" +
		"\t\t</div>\n"
	hugoVimeo = "\n" +
		"\t\t\t<div\n" +
		"\t\t\t\t\tstyle=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">\n" +
		"\t\t\t\t<iframe\n" +
		"\t\t\t\t\tsrc=\"https://player.vimeo.com/video/19899678?dnt=0\"\n" +
		"\t\t\t\t\t\tstyle=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" allow=\"fullscreen\">\n" +
		"\t\t\t\t</iframe>\n" +
		"\t\t\t</div>\n"
)

func TestHugoMarkupIsHugos(t *testing.T) {
	t.Parallel()
	v, err := YouTube("0RKpf3rK57I")
	require.NoError(t, err)
	assert.Equal(t, hugoYouTube, string(v.HTML(Options{Wrapper: WrapperHugo})))
	v, err = Vimeo("19899678")
	require.NoError(t, err)
	assert.Equal(t, hugoVimeo, string(v.HTML(Options{Wrapper: WrapperHugo})))

	// The Hugo example with every option, from HUGO.md 4.2.
	v, err = Parse("https://www.youtube.com/embed/0RKpf3rK57I?start=30&end=60")
	require.NoError(t, err)
	got := string(v.HTML(Options{Wrapper: WrapperHugo, Autoplay: true, NoControls: true, Loop: true}))
	assert.Contains(t, got, `src="https://www.youtube.com/embed/0RKpf3rK57I?autoplay=1&amp;controls=0&amp;end=60&amp;loop=1&amp;mute=1&amp;playlist=0RKpf3rK57I&amp;start=30"`)

	// The golden files hold the same bytes.
	for name, want := range map[string]string{"youtube-hugo": hugoYouTube, "vimeo-hugo": hugoVimeo} {
		c := golden.Load(t, "testdata/html/"+name+".txt")[0]
		html, ok := c.Section("html")
		require.True(t, ok)
		assert.Equal(t, want, string(html), name)
	}
}

func TestDefaultsAreRecommended(t *testing.T) {
	t.Parallel()
	v, err := YouTube(rick)
	require.NoError(t, err)
	got := string(v.HTML(Options{}))
	for _, want := range []string{
		`src="https://www.youtube-nocookie.com/embed/` + rick + `"`,
		`loading="lazy"`,
		`title="YouTube video"`,
		`referrerpolicy="strict-origin-when-cross-origin"`,
		`allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen"`,
		`padding-bottom:56.25%`,
	} {
		assert.Contains(t, got, want)
	}
	v, err = Vimeo("19899678")
	require.NoError(t, err)
	got = string(v.HTML(Options{}))
	assert.Contains(t, got, `src="https://player.vimeo.com/video/19899678?dnt=1"`)
	assert.Contains(t, got, `title="Vimeo video"`)

	sh, err := Parse("https://www.youtube.com/shorts/" + rick)
	require.NoError(t, err)
	assert.Contains(t, string(sh.HTML(Options{})), `padding-bottom:177.7778%`)
}

func TestClassWrapperHasNoStyle(t *testing.T) {
	t.Parallel()
	for _, in := range []string{rick, "https://vimeo.com/19899678", "https://www.youtube.com/shorts/" + rick} {
		v, err := Parse(in)
		require.NoError(t, err)
		for _, facade := range []bool{false, true} {
			got := string(v.HTML(Options{Wrapper: WrapperClass, Facade: facade, Ratio: Ratio{11, 5}}))
			require.NotEmpty(t, got)
			assert.NotContains(t, got, "style=", in)
			assert.Contains(t, got, "folio-embed-11x5")
		}
	}
	css := CSS(Ratio{11, 5}, Ratio{22, 10}, Ratio{0, 1})
	assert.Equal(t, 1, strings.Count(css, ".folio-embed-11x5{padding-bottom:45.4545%}"), css)
	assert.Contains(t, css, ".folio-embed-16x9{padding-bottom:56.25%}")
	assert.Contains(t, css, ".folio-embed-9x16{padding-bottom:177.7778%}")
	assert.NotContains(t, CSS(), "11x5")
}

func TestFacadeScriptHash(t *testing.T) {
	t.Parallel()
	h := FacadeScriptHash()
	assert.True(t, strings.HasPrefix(h, "'sha256-") && strings.HasSuffix(h, "='"), h)
	assert.Len(t, h, len("'sha256-'")+44)
}

func TestPercent(t *testing.T) {
	t.Parallel()
	for r, want := range map[Ratio]string{
		{16, 9}: "56.25%", {9, 16}: "177.7778%", {4, 3}: "75%", {1, 1}: "100%", {21, 9}: "42.8571%", {3, 1}: "33.3333%",
	} {
		assert.Equal(t, want, percent(r), r.String())
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	p := Parser{Providers: append(Builtins(), peertube{})}
	done := make(chan []byte)
	for range 8 {
		go func() {
			var last []byte
			for range 200 {
				v, err := p.Parse("https://youtu.be/" + rick + "?t=5")
				if err != nil {
					done <- nil
					return
				}
				last, _ = p.AppendHTML(nil, v, Options{Facade: true})
				_, _ = p.FromHTML(last)
			}
			done <- last
		}()
	}
	var first []byte
	for i := range 8 {
		got := <-done
		require.NotNil(t, got)
		if i == 0 {
			first = got
		}
		assert.Equal(t, string(first), string(got))
	}
}
