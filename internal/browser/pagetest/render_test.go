package pagetest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/browser"
)

// screenshotPath is where TestBrowser writes its screenshot with -update or
// FOLIO_SCREENSHOT=1.
const screenshotPath = "../../../docs/screenshots/render.png"

// TestBrowser loads the page examples/render writes for its built-in sample
// in headless Chromium, from a loopback server, with every request to
// another host blocked, and checks what a reader would see: no console
// error, working TOC links, highlighted code and video embeds that keep
// their 16:9 ratio.
func TestBrowser(t *testing.T) {
	b := browser.New(t)

	pageHTML := bytes.NewBuffer(goRun(t, "./examples/render"))
	var (
		reqMu    sync.Mutex
		requests []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reqMu.Lock()
		requests = append(requests, r.URL.Path)
		reqMu.Unlock()
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(pageHTML.Bytes())
	}))
	defer srv.Close()

	// Collect the console from before the navigation on.
	var (
		mu       sync.Mutex
		messages []chromedp.ConsoleMessage
	)
	consoleCtx, stopConsole := context.WithCancel(b.Ctx)
	console := chromedp.Console(consoleCtx)
	consoleDone := make(chan struct{})
	go func() {
		defer close(consoleDone)
		for m, err := range console {
			if err != nil {
				return
			}
			mu.Lock()
			messages = append(messages, m)
			mu.Unlock()
		}
	}()

	require.NoError(t, chromedp.Do(b.Ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(srv.URL+"/"),
	))
	// Wait until the document and its images (data: URIs) have loaded.
	_, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.readyState === "complete" && Array.from(document.images).every(i => i.complete)`))
	require.NoError(t, err)

	// The screenshot is taken before any click, so no link is hovered or focused.
	if *update || os.Getenv("FOLIO_SCREENSHOT") == "1" {
		png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
		require.NoError(t, err)
		require.NoError(t, os.MkdirAll(filepath.Dir(screenshotPath), 0o755))
		require.NoError(t, os.WriteFile(screenshotPath, png, 0o644))
		t.Logf("wrote %s (%d bytes)", screenshotPath, len(png))
	}

	t.Run("toc links jump to their headings", func(t *testing.T) {
		ids, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#TableOfContents a")).map((a, i) => {
			a.dataset.testIndex = i;
			return decodeURIComponent(a.hash.slice(1));
		})`))
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(ids), 8, "the sample's TOC has its h2 and h3 headings")
		for i, id := range ids {
			require.NoError(t, chromedp.Do(b.Ctx,
				chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`),
				chromedp.Click(chromedp.CSS(fmt.Sprintf(`#TableOfContents a[data-test-index="%d"]`, i))),
			))
			type where struct {
				Hash     string  `json:"hash"`
				Found    bool    `json:"found"`
				Top      float64 `json:"top"`
				Margin   float64 `json:"margin"`
				AtBottom bool    `json:"atBottom"`
			}
			w, err := chromedp.Run(b.Ctx, chromedp.Poll[where](fmt.Sprintf(`(() => {
				const el = document.getElementById(%q);
				if (!el || decodeURIComponent(location.hash.slice(1)) !== %[1]q) return null;
				return {
					hash: decodeURIComponent(location.hash.slice(1)),
					found: true,
					top: el.getBoundingClientRect().top,
					margin: parseFloat(getComputedStyle(el).scrollMarginTop) || 0,
					atBottom: Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1,
				};
			})()`, id), chromedp.WithPollingTimeout(5*time.Second)))
			require.NoError(t, err, "clicking the TOC link to #%s", id)
			assert.Equal(t, id, w.Hash)
			assert.True(t, w.Found)
			if w.AtBottom {
				// The page cannot scroll further: the heading is below the
				// top but must be in view.
				assert.GreaterOrEqual(t, w.Top, 0.0, "#%s in view", id)
				assert.Less(t, w.Top, 900.0, "#%s in view", id)
			} else {
				assert.InDelta(t, w.Margin, w.Top, 1.5, "#%s at the top of the viewport (after its scroll margin)", id)
			}
		}
	})

	t.Run("code is highlighted", func(t *testing.T) {
		type colors struct {
			Blocks  int    `json:"blocks"`
			Plain   string `json:"plain"`
			Tokens  int    `json:"tokens"`
			Colored int    `json:"colored"`
			Bg      string `json:"bg"`
		}
		c, err := chromedp.Run(b.Ctx, chromedp.Evaluate[colors](`(() => {
			const pres = document.querySelectorAll(".content pre.chroma");
			if (!pres.length) return {blocks: 0, plain: "", tokens: 0, colored: 0, bg: ""};
			const code = pres[0].querySelector("code") || pres[0];
			const plain = getComputedStyle(code).color;
			const spans = Array.from(pres[0].querySelectorAll("span[class]"));
			return {
				blocks: pres.length,
				plain: plain,
				tokens: spans.length,
				colored: spans.filter(s => getComputedStyle(s).color !== plain).length,
				bg: getComputedStyle(pres[0]).backgroundColor,
			};
		})()`))
		require.NoError(t, err)
		require.Equal(t, 2, c.Blocks, "two highlighted blocks in the sample: the old iframe markup and the Go code")
		assert.Greater(t, c.Tokens, 20)
		assert.Greater(t, c.Colored, 10, "token spans coloured differently from the text (%s): the chroma CSS applies", c.Plain)
		assert.NotEqual(t, "rgba(0, 0, 0, 0)", c.Bg, "the code block has the style's background")
	})

	t.Run("video embeds keep 16:9", func(t *testing.T) {
		type box struct {
			Src    string  `json:"src"`
			Width  float64 `json:"width"`
			Height float64 `json:"height"`
		}
		boxes, err := chromedp.Run(b.Ctx, chromedp.Evaluate[[]box](`Array.from(document.querySelectorAll(".content iframe")).map(f => {
			const r = f.getBoundingClientRect();
			return {src: f.src, width: r.width, height: r.height};
		})`))
		require.NoError(t, err)
		require.Len(t, boxes, 2, "the two youtube shortcodes")
		for _, bx := range boxes {
			assert.Greater(t, bx.Width, 300.0, bx.Src)
			assert.InDelta(t, bx.Width*9/16, bx.Height, 1, "%s is %gx%g", bx.Src, bx.Width, bx.Height)
		}
		assert.Contains(t, boxes[0].Src, "0RKpf3rK57I")
		assert.Contains(t, boxes[1].Src, "oV9rvDllKEg")
	})

	stopConsole()
	<-consoleDone
	mu.Lock()
	defer mu.Unlock()
	for _, m := range messages {
		if m.Type != chromedp.ConsoleError && !m.IsException() {
			continue
		}
		if blockedOutside(m) {
			continue
		}
		t.Errorf("console %s", m)
	}
	reqMu.Lock()
	defer reqMu.Unlock()
	assert.Equal(t, []string{"/"}, requests, "the page is self-contained: its images and styles are inline")
	for _, h := range b.BlockedHosts() {
		assert.Contains(t, []string{"www.youtube-nocookie.com", "www.youtube.com"}, h, "only the embeds may reach outside")
	}
}

// blockedOutside reports whether a console message is the browser's log
// entry for a request to another host that the test blocked ("Failed to
// load resource: net::ERR_BLOCKED_BY_CLIENT" for a non-loopback URL). Those
// are the video players' requests; nothing else is forgiven.
func blockedOutside(m chromedp.ConsoleMessage) bool {
	return strings.Contains(m.Text, "ERR_BLOCKED_BY_CLIENT") && m.URL != "" && !browser.IsLoopback(m.URL)
}
