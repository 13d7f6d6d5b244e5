package embedtest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/internal/browser"
)

// rick is a YouTube video ID.
const rick = "dQw4w9WgXcQ"

// videoHosts are the hosts a page of embeds must not contact before a click.
var videoHosts = []string{"youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com", "vimeo.com", "vimeocdn.com"}

func isVideoHost(h string) bool {
	for _, v := range videoHosts {
		if h == v || strings.HasSuffix(h, "."+v) {
			return true
		}
	}
	return false
}

type pageEmbed struct {
	name string
	in   string
	opts embed.Options
	w, h int // expected ratio
}

// layoutPage writes every wrapper style, in a single column and in a
// two-column row, each embed in a div.col the test measures against.
func layoutPage(t *testing.T, embeds []pageEmbed) string {
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>embeds</title><style>` + embed.CSS() + `
body{margin:0;font:16px sans-serif}
main{max-width:720px;margin:0 auto;padding:0 16px}
.row{display:flex;gap:16px}
.row>.col{flex:1;min-width:0}
.col{margin:0 0 24px}
</style></head><body><main>
`)
	for i, e := range embeds {
		v, err := embed.Parse(e.in)
		require.NoError(t, err)
		html, err := v.AppendHTML(nil, e.opts)
		require.NoError(t, err)
		col := fmt.Sprintf(`<div class="col" id="e%d" data-name="%s" data-ratio="%d/%d">%s</div>`, i, e.name, e.w, e.h, html)
		if i%3 == 2 { // every third embed shares a row with a copy of itself
			col = `<div class="row">` + col + strings.Replace(col, fmt.Sprintf(`id="e%d"`, i), fmt.Sprintf(`id="e%db"`, i), 1) + `</div>`
		}
		b.WriteString(col + "\n")
	}
	b.WriteString(`</main><script>` + embed.FacadeScript + `</script></body></html>`)
	return b.String()
}

const measureJS = `(function(){
var out=[];
document.querySelectorAll(".col").forEach(function(c){
  var p=c.querySelector("iframe, a.folio-embed-play");
  var r=p?p.getBoundingClientRect():{width:-1,height:-1};
  var cs=getComputedStyle(c);
  out.push({name:c.id+" "+c.dataset.name, ratio:c.dataset.ratio, player:!!p,
    colW:c.clientWidth-parseFloat(cs.paddingLeft)-parseFloat(cs.paddingRight), w:r.width, h:r.height});
});
return {embeds:out, scrollWidth:document.documentElement.scrollWidth, clientWidth:document.documentElement.clientWidth};
})()`

type measurement struct {
	Embeds []struct {
		Name   string  `json:"name"`
		Ratio  string  `json:"ratio"`
		Player bool    `json:"player"`
		ColW   float64 `json:"colW"`
		W      float64 `json:"w"`
		H      float64 `json:"h"`
	} `json:"embeds"`
	ScrollWidth float64 `json:"scrollWidth"`
	ClientWidth float64 `json:"clientWidth"`
}

// TestBrowserLayout loads embeds of every wrapper style in headless
// Chromium at three widths: each player is as wide as its column, its
// height is width × ratio within 1 px, and the page never scrolls sideways.
// Then a page of facades only: no request to a video host before the
// click, an iframe after it (whose request the interceptor fails).
func TestBrowserLayout(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	b := browser.New(t)
	embeds := []pageEmbed{
		{"youtube inline", rick, embed.Options{}, 16, 9},
		{"youtube class", rick, embed.Options{Wrapper: embed.WrapperClass}, 16, 9},
		{"youtube hugo", rick, embed.Options{Wrapper: embed.WrapperHugo}, 16, 9},
		{"vimeo inline", "https://vimeo.com/19899678", embed.Options{}, 16, 9},
		{"vimeo class", "https://vimeo.com/19899678", embed.Options{Wrapper: embed.WrapperClass}, 16, 9},
		{"vimeo hugo", "https://vimeo.com/19899678", embed.Options{Wrapper: embed.WrapperHugo}, 16, 9},
		{"shorts inline", "https://www.youtube.com/shorts/" + rick, embed.Options{}, 9, 16},
		{"shorts class", "https://www.youtube.com/shorts/" + rick, embed.Options{Wrapper: embed.WrapperClass}, 9, 16},
		{"4:3 inline", rick, embed.Options{Ratio: embed.Ratio4x3}, 4, 3},
		{"21:9 class", rick, embed.Options{Wrapper: embed.WrapperClass, Ratio: embed.Ratio21x9}, 21, 9},
		{"facade inline", rick, embed.Options{Facade: true}, 16, 9},
		{"facade class", "https://vimeo.com/19899678", embed.Options{Facade: true, Wrapper: embed.WrapperClass}, 16, 9},
		{"facade shorts", "https://www.youtube.com/shorts/" + rick, embed.Options{Facade: true}, 9, 16},
	}
	facades := []pageEmbed{
		{"facade youtube", rick, embed.Options{Facade: true, Title: "A talk"}, 16, 9},
		{"facade vimeo", "https://vimeo.com/19899678", embed.Options{Facade: true, Wrapper: embed.WrapperClass}, 16, 9},
	}
	pages := map[string]string{"/layout": layoutPage(t, embeds), "/facade": layoutPage(t, facades)}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()

	// The facade page first, before any embed has made a request.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.EmulateViewport(768, 900), chromedp.Navigate(srv.URL+"/facade")))
	_, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err)
	time.Sleep(300 * time.Millisecond) // let any lazy request start
	for _, h := range b.BlockedHosts() {
		assert.False(t, isVideoHost(h), "facade page contacted %s before a click (blocked: %q)", h, b.Blocked())
	}
	n, err := chromedp.Run(b.Ctx, chromedp.Evaluate[int](`document.querySelectorAll("iframe").length`))
	require.NoError(t, err)
	assert.Equal(t, 0, n, "facade page has iframes before a click")

	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Click(chromedp.CSS("#e0 a.folio-embed-play"))))
	src, err := chromedp.Run(b.Ctx, chromedp.Poll[string](`(function(){var f=document.querySelector("#e0 iframe");return f?f.src:""})()`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err, "no iframe after the click")
	assert.Equal(t, "https://www.youtube-nocookie.com/embed/"+rick+"?autoplay=1", src)
	title, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`document.querySelector("#e0 iframe").title`))
	require.NoError(t, err)
	assert.Equal(t, "A talk", title)
	// The player's request was attempted, and failed by the interceptor.
	deadline := time.Now().Add(5 * time.Second)
	for !containsHost(b.BlockedHosts(), "www.youtube-nocookie.com") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	assert.Contains(t, b.BlockedHosts(), "www.youtube-nocookie.com")
	// The other facade is still untouched.
	assert.False(t, containsHost(b.BlockedHosts(), "player.vimeo.com"))

	// The layout page at three widths.
	require.NoError(t, chromedp.Do(b.Ctx, chromedp.Navigate(srv.URL+"/layout")))
	for _, width := range []int64{360, 768, 1280} {
		require.NoError(t, chromedp.Do(b.Ctx, chromedp.EmulateViewport(width, 900)))
		m, err := chromedp.Run(b.Ctx, chromedp.Evaluate[measurement](measureJS))
		require.NoError(t, err)
		require.NotEmpty(t, m.Embeds)
		assert.LessOrEqual(t, m.ScrollWidth, m.ClientWidth, "width %d: horizontal scroll", width)
		for _, e := range m.Embeds {
			require.True(t, e.Player, "width %d %s: no player", width, e.Name)
			var rw, rh float64
			_, err := fmt.Sscanf(e.Ratio, "%g/%g", &rw, &rh)
			require.NoError(t, err)
			assert.InDelta(t, e.ColW, e.W, 1, "width %d %s: player %.2f wide in a %.2f column", width, e.Name, e.W, e.ColW)
			assert.InDelta(t, e.W*rh/rw, e.H, 1, "width %d %s: %.2f×%.2f is not %s", width, e.Name, e.W, e.H, e.Ratio)
			assert.Greater(t, e.W, 100.0, "width %d %s", width, e.Name)
		}
		t.Logf("width %d: %d embeds measured, scrollWidth %.0f ≤ clientWidth %.0f", width, len(m.Embeds), m.ScrollWidth, m.ClientWidth)
	}
}

func containsHost(hosts []string, h string) bool {
	for _, x := range hosts {
		if x == h {
			return true
		}
	}
	return false
}
