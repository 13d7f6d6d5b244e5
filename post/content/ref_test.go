package content_test

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/post/content"
	"github.com/folio-md/folio/render/shortcode"
)

// TestHugoRefs resolves the ref and relref calls of the blog site's
// posts/refs.md and compares them with what Hugo wrote for them.
func TestHugoRefs(t *testing.T) {
	site, want := loadHugoSite(t, filepath.Join("testdata", "hugo", "sites", "blog"))
	page := site.GetPage("", "/posts/refs")
	if page == nil {
		t.Fatal("no /posts/refs")
	}
	var hugo string
	for _, h := range want.Pages {
		if h.Path == "/posts/refs" {
			hugo = h.Plain
		}
	}
	wantURL := map[string]string{}
	for _, f := range strings.Fields(hugo) {
		k, v, _ := strings.Cut(f, "=")
		wantURL[k] = v
	}
	// L is a Markdown link to a .md file, which Hugo leaves as written
	// (without a link render hook); Site.LinkURL is folio's rewrite of it.
	delete(wantURL, "L")
	call := regexp.MustCompile(`(?m)^([A-Z])=\{\{< (relref|ref) "([^"]*)" >\}\}$`)
	resolve := site.RefResolver()
	n := 0
	for _, m := range call.FindAllStringSubmatch(string(page.Post.Body), -1) {
		n++
		got, err := resolve(shortcode.Ref{Path: m[3], Relative: m[2] == "relref", Page: page.Post})
		if err != nil {
			t.Errorf("%s %q: %v", m[2], m[3], err)
			continue
		}
		if got != wantURL[m[1]] {
			t.Errorf("%s %q = %q, Hugo: %q", m[2], m[3], got, wantURL[m[1]])
		}
	}
	if n != len(wantURL) || n == 0 {
		t.Errorf("%d calls, Hugo resolved %d", n, len(wantURL))
	}
}

func TestRefErrors(t *testing.T) {
	site, _ := loadHugoSite(t, filepath.Join("testdata", "hugo", "sites", "blog"))
	from := site.GetPage("", "/posts/hello")
	for _, tc := range []struct {
		ref  string
		lang string
		want error
	}{
		{"missing.md", "", content.ErrRefNotFound},
		{"/posts/nope", "", content.ErrRefNotFound},
		{"hello.md", "fr", content.ErrRefNotFound},
	} {
		_, err := site.RelRef(from, tc.lang, tc.ref)
		if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.ref[:4]) {
			t.Errorf("RelRef(%q, lang %q) = %v, want %v naming the reference", tc.ref, tc.lang, err, tc.want)
		}
	}
	// A .md link is rewritten; other links are left alone.
	for dest, want := range map[string]string{
		"../about.md":              "/blog/about/",
		"slugged.md#x":             "/blog/posts/my-slug/#x",
		"/docs/guide/_index.md":    "/blog/docs/guide/",
		"https://example.com/x.md": "https://example.com/x.md",
		"image.png":                "image.png",
	} {
		got, _, err := site.LinkURL(from, dest)
		if err != nil || got != want {
			t.Errorf("LinkURL(%q) = %q, %v; want %q", dest, got, err, want)
		}
	}
	if _, _, err := site.LinkURL(from, "gone.md"); !errors.Is(err, content.ErrRefNotFound) {
		t.Errorf("LinkURL(gone.md) = %v, want ErrRefNotFound", err)
	}
	_ = post.Position{}
}
