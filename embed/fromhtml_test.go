package embed

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The 2019 YouTube embed code, wrapped by hand as older posts did (HUGO.md 8).
const embed2019 = `<div style="position:relative;padding-top:56.25%;">
  <iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" allow="accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture" allowfullscreen
    style="position:absolute;top:0;left:0;width:100%;height:100%;"></iframe>
</div>`

func TestFromHTMLAccepts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     Video
	}{
		{"2019 wrapper", embed2019, yt(rick)},
		{"iframe alone, YouTube's code", `<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=42" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`,
			Video{Provider: ProviderYouTube, ID: rick, Start: 42 * time.Second, Title: "YouTube video player"}},
		{"surrounding white space", "\n\n  <iframe src=\"https://youtu.be/dQw4w9WgXcQ\"></iframe>\n\t\n", yt(rick)},
		{"upper-case tags", `<DIV><IFRAME SRC="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" TITLE="Up"></IFRAME></DIV>`,
			Video{Provider: ProviderYouTube, ID: rick, Title: "Up"}},
		{"two wrappers", `<div class="video"><div style="padding-bottom: 75%"><iframe src="//www.youtube.com/embed/dQw4w9WgXcQ"></iframe></div></div>`,
			Video{Provider: ProviderYouTube, ID: rick, Ratio: Ratio4x3}},
		{"entity in src", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?start=5&amp;end=9"></iframe>`,
			Video{Provider: ProviderYouTube, ID: rick, Start: 5 * time.Second, End: 9 * time.Second}},
		{"title spaces collapsed", `<iframe src="https://youtu.be/dQw4w9WgXcQ" title="  My
   talk  "></iframe>`, Video{Provider: ProviderYouTube, ID: rick, Title: "My talk"}},
		{"title entities", `<iframe src="https://youtu.be/dQw4w9WgXcQ" title="Tom &amp; Jerry &quot;live&quot;"></iframe>`,
			Video{Provider: ProviderYouTube, ID: rick, Title: `Tom & Jerry "live"`}},
		{"iframe size 4:3", `<iframe width="640" height="480" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>`,
			Video{Provider: ProviderYouTube, ID: rick, Ratio: Ratio4x3}},
		{"wrapper wins over size", `<div style="position:relative;padding-bottom:56.25%"><iframe width="640" height="480" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></div>`, yt(rick)},
		{"aspect-ratio wrapper", `<div style="aspect-ratio: 21 / 9"><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe></div>`,
			Video{Provider: ProviderYouTube, ID: rick, Ratio: Ratio{7, 3}}},
		{"self-closing iframe with end tag", `<iframe src="https://youtu.be/dQw4w9WgXcQ"/></iframe>`, yt(rick)},
		{"vimeo code", `<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen title="The New Vimeo Player"></iframe>`,
			Video{Provider: ProviderVimeo, ID: "76979871", Hash: "8272103f6e", Title: "The New Vimeo Player"}},
		{"vimeo wrapper", `<div style="padding:56.25% 0 0 0;position:relative;"><iframe src="https://player.vimeo.com/video/19899678#t=30s" style="position:absolute;top:0;left:0;width:100%;height:100%;"></iframe></div>`,
			Video{Provider: ProviderVimeo, ID: "19899678", Start: 30 * time.Second}},
		{"duplicate src: the first wins, as in browsers", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" src="https://evil.example/"></iframe>`, yt(rick)},
		{"own inline output", string(Video{Provider: ProviderYouTube, ID: rick, Title: "Mine"}.HTML(Options{})),
			Video{Provider: ProviderYouTube, ID: rick, Title: "Mine"}},
		{"own Hugo output", hugoVimeo, vm("19899678")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := FromHTML([]byte(tt.in))
			require.True(t, ok, "FromHTML(%q)", tt.in)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestFromHTMLRejects(t *testing.T) {
	t.Parallel()
	iframe := `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>`
	tests := []struct{ name, in string }{
		{"empty", ""},
		{"white space", " \n "},
		{"text before", "Watch: " + iframe},
		{"text after", iframe + " (my favourite)"},
		{"text in wrapper", "<div>Watch " + iframe + "</div>"},
		{"paragraph", "<p>" + iframe + "</p>"},
		{"script after", iframe + "<script>alert(1)</script>"},
		{"script before", "<script>alert(1)</script>" + iframe},
		{"comment", "<!-- video -->" + iframe},
		{"two iframes", iframe + iframe},
		{"vimeo credit line", `<iframe src="https://player.vimeo.com/video/76979871"></iframe><p><a href="https://vimeo.com/76979871">The New Vimeo Player</a> from <a href="https://vimeo.com/vimeo">Vimeo</a>.</p>`},
		{"unclosed iframe", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ">`},
		{"self-closing iframe only", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"/>`},
		{"fallback text", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ">Your browser has no iframes</iframe>`},
		{"unclosed div", "<div>" + iframe},
		{"extra close", iframe + "</div>"},
		{"div after iframe", iframe + "<div></div>"},
		{"empty div before", "<div></div>" + iframe},
		{"too deep", strings.Repeat("<div>", 5) + iframe + strings.Repeat("</div>", 5)},
		{"other host", `<iframe src="https://example.com/embed/dQw4w9WgXcQ"></iframe>`},
		{"look-alike host", `<iframe src="https://www.yоutube.com/embed/dQw4w9WgXcQ"></iframe>`},
		{"userinfo", `<iframe src="https://www.youtube.com@evil.com/embed/dQw4w9WgXcQ"></iframe>`},
		{"javascript src", `<iframe src="javascript:alert('dQw4w9WgXcQ')"></iframe>`},
		{"data src", `<iframe src="data:text/html,<script>alert(1)</script>"></iframe>`},
		{"bare ID src", `<iframe src="dQw4w9WgXcQ"></iframe>`},
		{"no src", `<iframe title="x"></iframe>`},
		{"bad ID", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQQ"></iframe>`},
		{"quote ID", `<iframe src="https://www.youtube.com/embed/dQw4w9W&quot;XcQ"></iframe>`},
		{"onload", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" onload="alert(1)"></iframe>`},
		{"onclick on div", `<div onclick="alert(1)">` + iframe + `</div>`},
		{"srcdoc", `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" srcdoc="<script>alert(1)</script>"></iframe>`},
		{"video element", `<video src="https://www.youtube.com/embed/dQw4w9WgXcQ"></video>`},
		{"markdown", "[video](https://youtu.be/dQw4w9WgXcQ)"},
		{"doctype", "<!doctype html>" + iframe},
		{"huge", iframe + strings.Repeat(" ", maxFragment)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := FromHTML([]byte(tt.in))
			assert.False(t, ok, "FromHTML(%q) = %+v", tt.in, got)
			assert.Equal(t, Video{}, got)
		})
	}
}

// TestFromHTMLRoundTrip: every output of HTML but the facade is recognised
// again as the same video.
func TestFromHTMLRoundTrip(t *testing.T) {
	t.Parallel()
	for _, in := range []string{rick, "https://youtu.be/" + rick + "?t=30", "https://vimeo.com/76979871/8272103f6e", "https://www.youtube.com/shorts/" + rick} {
		v, err := Parse(in)
		require.NoError(t, err)
		v.Title = "Round trip"
		for _, w := range []Wrapper{WrapperInline, WrapperClass, WrapperHugo} {
			got, ok := FromHTML(v.HTML(Options{Wrapper: w}))
			require.True(t, ok, "%s %s", in, w)
			want := v
			want.Shorts = false // an embed URL does not say Short
			if v.Shorts {
				want.Ratio = Ratio9x16 // but the wrapper keeps its shape
			}
			assert.Equal(t, want, got, "%s %s", in, w)
		}
	}
}
