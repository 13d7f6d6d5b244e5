package pagetest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/browser"
	"github.com/folio-md/folio/internal/txtar"
)

// siteScreenshots is the folder of the screenshots TestSiteLayout writes
// with -update or FOLIO_SCREENSHOT=1: site-index-375.png and so on.
const siteScreenshots = "../../../docs/screenshots"

// TestSiteLayout builds testdata/site.txtar with examples/site
// (-stub-unknown), serves it from a loopback server and checks the home
// page and a post as a reader sees them at a phone's, a tablet's and a
// desktop's width: nothing wider than the page or the text column (a
// scrolling code block may hold wider content), summaries in the index no
// larger than the post titles and without headings, lists or code,
// categories apart from each other, line numbers level with their lines and
// stubs of unknown shortcodes unlike the text around them.
func TestSiteLayout(t *testing.T) {
	b := browser.New(t)

	src, out := t.TempDir(), t.TempDir()
	a, err := txtar.ParseFile("testdata/site.txtar")
	require.NoError(t, err)
	for _, f := range a.Files {
		name := filepath.Join(src, filepath.FromSlash(f.Name))
		require.NoError(t, os.MkdirAll(filepath.Dir(name), 0o755))
		require.NoError(t, os.WriteFile(name, f.Data, 0o644))
	}
	goRun(t, "./examples/site", "-src", src, "-out", out, "-stub-unknown", "-q")
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	open := func(t *testing.T, width int, path, shot string) {
		t.Helper()
		require.NoError(t, chromedp.Do(b.Ctx,
			chromedp.EmulateViewport(int64(width), 900),
			chromedp.Navigate(srv.URL+path),
		))
		_, err := chromedp.Run(b.Ctx, chromedp.Poll[bool](`document.readyState === "complete"`))
		require.NoError(t, err)
		if *update || os.Getenv("FOLIO_SCREENSHOT") == "1" {
			png, err := chromedp.Run(b.Ctx, chromedp.FullScreenshot(100))
			require.NoError(t, err)
			name := filepath.Join(siteScreenshots, fmt.Sprintf("site-%s-%d.png", shot, width))
			require.NoError(t, os.WriteFile(name, png, 0o644))
			t.Logf("wrote %s (%d bytes)", name, len(png))
		}
		type overflow struct {
			PageWidth   float64  `json:"pageWidth"`
			ScrollWidth float64  `json:"scrollWidth"`
			Column      float64  `json:"column"`
			Outside     []string `json:"outside"`
		}
		// An element's visible box is its box clipped by every ancestor
		// that does not let content overflow (a scrolling code block).
		o, err := chromedp.Run(b.Ctx, chromedp.Evaluate[overflow](`(() => {
			const col = document.querySelector(".content") || document.querySelector("main");
			const cs = getComputedStyle(col), r = col.getBoundingClientRect();
			const left = r.left + parseFloat(cs.paddingLeft), right = r.right - parseFloat(cs.paddingRight);
			const outside = [];
			for (const el of col.querySelectorAll("*")) {
				const b = el.getBoundingClientRect();
				if (b.width === 0 || b.height === 0) continue;
				let l = b.left, rt = b.right;
				for (let p = el.parentElement; p && p !== col; p = p.parentElement) {
					if (getComputedStyle(p).overflowX !== "visible") {
						const pb = p.getBoundingClientRect();
						l = Math.max(l, pb.left); rt = Math.min(rt, pb.right);
					}
				}
				if (l < left - 1 || rt > right + 1) {
					outside.push(el.tagName.toLowerCase() + "." + el.className + " " + Math.round(l) + ".." + Math.round(rt));
				}
			}
			return {pageWidth: document.documentElement.clientWidth, scrollWidth: document.documentElement.scrollWidth,
				column: right - left, outside: outside.slice(0, 10)};
		})()`))
		require.NoError(t, err)
		assert.LessOrEqual(t, o.ScrollWidth, o.PageWidth, "%s at %dpx: the page scrolls sideways", path, width)
		assert.Empty(t, o.Outside, "%s at %dpx: elements outside the text column (%.0fpx)", path, width, o.Column)
	}

	for _, width := range []int{375, 768, 1280} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			open(t, width, "/index.html", "index")
			type summaries struct {
				Entries    int      `json:"entries"`
				TitleSize  float64  `json:"titleSize"`
				Larger     []string `json:"larger"`
				Structured int      `json:"structured"`
			}
			s, err := chromedp.Run(b.Ctx, chromedp.Evaluate[summaries](`(() => {
				const entries = document.querySelectorAll(".list .entry");
				let titleSize = Infinity; const larger = []; let structured = 0;
				for (const e of entries) {
					const size = parseFloat(getComputedStyle(e.querySelector("h2")).fontSize);
					titleSize = Math.min(titleSize, size);
					for (const el of e.querySelectorAll(".summary, .summary *")) {
						if (parseFloat(getComputedStyle(el).fontSize) >= size) larger.push(el.tagName + " " + getComputedStyle(el).fontSize);
					}
					structured += e.querySelectorAll(".summary :is(h1, h2, h3, h4, h5, h6, ul, ol, pre, table)").length;
				}
				return {entries: entries.length, titleSize: titleSize, larger: larger, structured: structured};
			})()`))
			require.NoError(t, err)
			assert.Equal(t, 3, s.Entries)
			assert.Empty(t, s.Larger, "summary text as large as a post title (%gpx)", s.TitleSize)
			assert.Zero(t, s.Structured, "headings, lists, code or tables inside a summary")

			open(t, width, "/posts/layout/index.html", "post")
			type post struct {
				Categories []string  `json:"categories"`
				Gaps       []float64 `json:"gaps"`
				Numbers    int       `json:"numbers"`
				Drift      float64   `json:"drift"`
				Stubs      []string  `json:"stubs"`
			}
			p, err := chromedp.Run(b.Ctx, chromedp.Evaluate[post](`(() => {
				const links = Array.from(document.querySelectorAll(".categories li a"));
				const gaps = [];
				for (let i = 1; i < links.length; i++) {
					const a = links[i-1].getBoundingClientRect(), c = links[i].getBoundingClientRect();
					if (Math.abs(a.top - c.top) < 2) gaps.push(c.left - a.right);
				}
				let numbers = 0, drift = 0;
				for (const t of document.querySelectorAll(".lntable")) {
					// A number is an inline box, a line a block: their
					// middles line up, not their tops.
					const ns = t.querySelectorAll(".lntd:first-child .lnt"), ls = t.querySelectorAll(".lntd:last-child .line");
					if (ns.length !== ls.length) return {drift: 1e9};
					ns.forEach((n, i) => {
						numbers++;
						const a = n.getBoundingClientRect(), c = ls[i].getBoundingClientRect();
						drift = Math.max(drift, Math.abs((a.top + a.bottom) / 2 - (c.top + c.bottom) / 2));
					});
				}
				const bg = getComputedStyle(document.body).backgroundColor;
				const stubs = Array.from(document.querySelectorAll(".shortcode-unknown")).map(el => {
					const cs = getComputedStyle(el), b = el.getBoundingClientRect();
					return [cs.borderTopStyle, cs.backgroundColor !== bg && cs.backgroundColor !== "rgba(0, 0, 0, 0)",
						getComputedStyle(el, "::before").content, b.width > 0 && b.height > 0].join(" ");
				});
				return {categories: links.map(a => a.textContent), gaps: gaps, numbers: numbers, drift: drift, stubs: stubs};
			})()`))
			require.NoError(t, err)
			assert.Equal(t, []string{"theme", "demo", "syntax"}, p.Categories)
			for _, g := range p.Gaps {
				assert.GreaterOrEqual(t, g, 12.0, "categories %v on one line must stand apart: gaps %v", p.Categories, p.Gaps)
			}
			assert.Equal(t, 12, p.Numbers, "line numbers of the two line-numbered blocks")
			assert.Less(t, p.Drift, 1.0, "a line number is %gpx off its line", p.Drift)
			require.Len(t, p.Stubs, 2, "the inline and the block stub")
			for _, st := range p.Stubs {
				assert.Regexp(t, `^dashed true ".*\{\{< .* >\}\}.*" true$`, st, "a stub is boxed, shaded and names its shortcode")
			}
		})
	}
}
