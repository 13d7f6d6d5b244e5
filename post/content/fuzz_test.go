package content_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/folio-md/folio/post/content"
)

// FuzzPermalink: any pattern either fails Load with ErrPermalink or
// gives every page a URL that starts with '/' and an output file that is
// not outside the publish folder.
func FuzzPermalink(f *testing.F) {
	for _, s := range []string{"/:year/:month/:slug/", "/:sections[1:]/:filename/", ":title", "/:sections[last]/x", "/:nope/", "/a:/b", "/:sections[2", "../../:slug"} {
		f.Add(s, "Hello World")
	}
	f.Fuzz(func(t *testing.T, pattern, title string) {
		if !utf8.ValidString(title) {
			return
		}
		fsys := fstest.MapFS{"content/posts/x/p.md": {Data: []byte("---\ntitle: " + strings.ReplaceAll(strings.ReplaceAll(title, "\n", " "), `"`, "") + "\ndate: 2020-01-02\n---\n")}}
		site, err := content.Load(fsys, content.Config{Permalinks: content.Permalinks{Page: map[string]string{"posts": pattern}}})
		if err != nil {
			if site == nil && !errors.Is(err, content.ErrPermalink) {
				t.Fatalf("Load: %v", err)
			}
			return
		}
		for _, p := range site.Pages {
			if !strings.HasPrefix(p.RelPermalink, "/") {
				t.Errorf("%s: RelPermalink %q", p.Path, p.RelPermalink)
			}
			if strings.HasPrefix(p.OutputPath, "../") || strings.Contains(p.OutputPath, "/../") {
				t.Errorf("%s: OutputPath %q climbs out", p.Path, p.OutputPath)
			}
		}
	})
}

// FuzzUrlize: Urlize is idempotent and its output escapes to a path
// with no '?', '#' or space.
func FuzzUrlize(f *testing.F) {
	for _, s := range []string{"Hello World", "x & y", "100%", "#hash", "日本語", "  padded  ", "a/b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u := content.Urlize(s)
		if v := content.Urlize(u); v != u && utf8.ValidString(s) {
			t.Errorf("Urlize(%q) = %q, Urlize of that = %q", s, u, v)
		}
		if e := content.EscapePath(u); strings.ContainsAny(e, "?# ") {
			t.Errorf("EscapePath(Urlize(%q)) = %q", s, e)
		}
	})
}
