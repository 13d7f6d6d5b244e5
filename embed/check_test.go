package embed

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// origins are the fixed origins (with path) an embed's player may use.
var origins = map[string][]string{
	ProviderYouTube: {"https://www.youtube-nocookie.com/embed/", "https://www.youtube.com/embed/"},
	ProviderVimeo:   {"https://player.vimeo.com/video/"},
}

// checkEmbedHTML parses out (the HTML of v under opts) as a browser would
// and checks the safety properties: one player (an iframe, or a facade
// link carrying the player's src) whose src starts with one of the
// provider's fixed origins and names v.ID; the expected title; no script,
// no event handler, no style attribute with WrapperClass, and with a facade
// nothing that loads from anywhere but the caller's thumbnail.
func checkEmbedHTML(t testing.TB, v Video, opts Options, out []byte) {
	t.Helper()
	nodes, err := html.ParseFragment(bytes.NewReader(out), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	var iframes, players []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "object", "embed", "base", "link", "meta", "form":
				t.Errorf("output has a <%s> element:\n%s", n.Data, out)
			case "iframe":
				iframes = append(iframes, n)
			case "a":
				players = append(players, n)
			case "img":
				if got := attrOf(n, "src"); !opts.Facade || got != opts.Thumbnail {
					t.Errorf("img src %q, want only the thumbnail %q:\n%s", got, opts.Thumbnail, out)
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || a.Key == "srcdoc" || a.Key == "formaction" {
					t.Errorf("output has attribute %s:\n%s", a.Key, out)
				}
				if a.Key == "style" && opts.Wrapper == WrapperClass {
					t.Errorf("WrapperClass output has a style attribute:\n%s", out)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	wantTitle := firstNonEmpty(opts.Title, v.Title)
	if wantTitle == "" && !(opts.Wrapper == WrapperHugo && v.Provider == ProviderVimeo) {
		wantTitle = map[string]string{ProviderYouTube: "YouTube video", ProviderVimeo: "Vimeo video"}[v.Provider]
	}
	wantTitle = strings.ReplaceAll(wantTitle, "\x00", "\uFFFD")
	var src, title string
	if opts.Facade {
		if len(iframes) != 0 || len(players) != 1 {
			t.Fatalf("facade: %d iframes and %d links, want 0 and 1:\n%s", len(iframes), len(players), out)
		}
		a := players[0]
		src, title = attrOf(a, "data-embed-src"), attrOf(a, "data-embed-title")
		href := attrOf(a, "href")
		if !strings.HasPrefix(href, "https://www.youtube.com/") && !strings.HasPrefix(href, "https://vimeo.com/") {
			t.Errorf("facade href %q is not the video's page", href)
		}
		if !strings.Contains(href, v.ID) {
			t.Errorf("facade href %q does not name %q", href, v.ID)
		}
	} else {
		if len(iframes) != 1 || len(players) != 0 {
			t.Fatalf("%d iframes and %d links, want 1 and 0:\n%s", len(iframes), len(players), out)
		}
		src, title = attrOf(iframes[0], "src"), attrOf(iframes[0], "title")
	}
	if title != wantTitle {
		t.Errorf("title = %q, want %q", title, wantTitle)
	}
	var origin string
	for _, o := range origins[v.Provider] {
		if strings.HasPrefix(src, o) {
			origin = o
		}
	}
	if origin == "" {
		t.Fatalf("src %q starts with none of %q", src, origins[v.Provider])
	}
	u, err := url.Parse(src)
	if err != nil {
		t.Fatalf("src %q: %v", src, err)
	}
	if id := strings.TrimPrefix(u.Path, strings.TrimPrefix(origin, "https://"+u.Host)); id != v.ID {
		t.Errorf("src %q names ID %q, want %q", src, id, v.ID)
	}
	if u.User != nil || u.RawPath != "" {
		t.Errorf("src %q has user information or an escaped path", src)
	}
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
