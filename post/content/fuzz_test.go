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

// FuzzConfig: any hugo.toml either fails ParseConfig or Load with an
// error, or gives a site whose pages all have a URL starting with '/'
// and an output file inside the publish folder; neither panics.
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"[taxonomies]\n_merge = \"shallow\"\ntag = \"tags\"\n",
		"[languages.fr]\nweight = 2\n[languages.fr.taxonomies]\ntag = \"etiquettes\"\n[languages.fr.permalinks.page]\nposts = \"/:slug/\"\n[languages.en]\nweight = 1\n",
		"[[module.mounts]]\nsource = \"content\"\ntarget = \"content\"\n[module.mounts.sites.matrix]\nlanguages = [\"en\", \"fr\"]\n[languages.fr]\n[languages.en]\n",
		"[[module.mounts]]\nsource = \"../x.md\"\ntarget = \"content/x.md\"\n",
		"titleCaseStyle = \"go\"\ncapitalizeListTitles = false\n[frontmatter]\nlastmod = [\":fileModTime\"]\n",
		"[[cascade]]\ndraft = true\nurl = \"/fixed/\"\n[cascade._target]\npath = \"/posts/**\"\n",
	} {
		f.Add(s)
	}
	fsys := fstest.MapFS{
		"content/posts/p.md":      {Data: []byte("---\ntitle: P\ndate: 2020-01-02\ntags: [Go]\netiquettes: [x]\n---\n")},
		"content/posts/p.fr.md":   {Data: []byte("---\ntitle: P\ndate: 2020-01-02\n---\n")},
		"content/docs/_index.md":  {Data: []byte("---\ntitle: Docs\ncascade:\n  slug: same\n---\n")},
		"content/docs/b/index.md": {Data: []byte("---\ntitle: B\n---\n")},
		"content/docs/b/data.txt": {Data: []byte("x")},
		"content/videos/v.md":     {Data: []byte("---\ntitle: V\n---\n")},
	}
	f.Fuzz(func(t *testing.T, toml string) {
		cfg, err := content.ParseConfig("hugo.toml", []byte(toml))
		if err != nil {
			return
		}
		site, err := content.Load(fsys, cfg)
		if site == nil {
			if err == nil {
				t.Fatal("Load returned neither a site nor an error")
			}
			return
		}
		for _, p := range site.Pages {
			if p.RelPermalink != "" && !strings.HasPrefix(p.RelPermalink, "/") {
				t.Errorf("%s: RelPermalink %q", p.Path, p.RelPermalink)
			}
			if strings.HasPrefix(p.OutputPath, "../") || strings.Contains(p.OutputPath, "/../") {
				t.Errorf("%s: OutputPath %q climbs out", p.Path, p.OutputPath)
			}
		}
	})
}
