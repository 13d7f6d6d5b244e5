package content_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/post/content"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestLoadErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/b/index.md":   file("---\ntitle: B\n---\n"),
		"content/posts/b/index.html": file("---\ntitle: B again\n---\n"),
		"content/posts/bad.md":       file("---\ntitle: [unclosed\n---\n"),
		"content/posts/ok.md":        file("---\ntitle: OK\nslug: same\n---\n"),
		"content/posts/ok2.md":       file("---\ntitle: OK 2\nslug: same\n---\n"),
		"content/posts/abs.md":       file("---\ntitle: Abs\nurl: https://example.com/x\n---\n"),
		"content/_content.gotmpl":    file("{{ }}"),
	}
	site, err := content.Load(fsys, content.Config{})
	if site == nil {
		t.Fatalf("Load returned no site: %v", err)
	}
	var ce *content.Error
	if !errors.As(err, &ce) {
		t.Fatalf("Load error = %v, want *content.Error", err)
	}
	for _, want := range []struct {
		cause error
		text  string
	}{
		{content.ErrTwoIndexFiles, "content/posts/b/index.md:1:1"},
		{content.ErrURL, "content/posts/abs.md:3:1"},
	} {
		if !errors.Is(err, want.cause) || !strings.Contains(err.Error(), want.text) {
			t.Errorf("Load error = %v\nwant %v at %s", err, want.cause, want.text)
		}
	}
	var pe *post.ParseError
	if !errors.As(err, &pe) || !strings.Contains(pe.Path, "bad.md") {
		t.Errorf("Load error = %v, want the *post.ParseError of bad.md", err)
	}
	var diags []string
	for _, d := range site.Diagnostics {
		diags = append(diags, d.String())
	}
	all := strings.Join(diags, "\n")
	for _, want := range []string{"posts/ok2.md", "posts/same/index.html", "_content.gotmpl"} {
		if !strings.Contains(all, want) {
			t.Errorf("Diagnostics lack %q:\n%s", want, all)
		}
	}
	if site.GetPage("", "/posts/ok") == nil || site.GetPage("", "/posts/ok2") == nil {
		t.Error("the pages around the bad files are missing")
	}
}

func TestBadPermalink(t *testing.T) {
	for _, pat := range []string{"/:year/:nope/", "/:sections[x]/", "/:slug[1]/"} {
		_, err := content.Load(fstest.MapFS{}, content.Config{Permalinks: content.Permalinks{Page: map[string]string{"posts": pat}}})
		if !errors.Is(err, content.ErrPermalink) || !strings.Contains(err.Error(), "permalinks.page.posts") {
			t.Errorf("pattern %q: Load error = %v, want ErrPermalink naming the key", pat, err)
		}
	}
}

func TestUrlize(t *testing.T) {
	// Checked against Hugo 0.165 (testdata/hugo/sites/taxonomies and
	// permalinks, and {{ urlize }} in a template).
	for in, want := range map[string]string{
		"Hello World":                          "hello-world",
		"A Title: With Punctuation & Ünïcode!": "a-title-with-punctuation-ünïcode",
		"C++":                                  "c++",
		"x-&-y":                                "x--y",
		"  padded  ":                           "padded",
		"100%":                                 "100",
		"100%20":                               "100%20",
		"日本語":                                  "日本語",
	} {
		if got := content.Urlize(in); got != want {
			t.Errorf("Urlize(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"/tags/ünïcode-tag/": "/tags/%C3%BCn%C3%AFcode-tag/",
		"/tags/#hash/":       "/tags/%23hash/",
		"/a b?/":             "/a%20b%3F/",
	} {
		if got := content.EscapePath(in); got != want {
			t.Errorf("EscapePath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoWayOut: slugs, urls, aliases and patterns with ".." stay inside
// the publish folder.
func TestNoWayOut(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/a.md": file("---\ntitle: A\nslug: ../../../etc/a\naliases: [../../../../x]\n---\n"),
		"content/posts/b.md": file("---\ntitle: B\nurl: /../../b/\n---\n"),
		"content/c/c.md":     file("---\ntitle: C\n---\n"),
	}
	site, err := content.Load(fsys, content.Config{Permalinks: content.Permalinks{Page: map[string]string{"c": "/../../:slug/"}}})
	if err != nil {
		t.Fatal(err)
	}
	var outs []string
	for _, p := range site.Pages {
		outs = append(outs, p.OutputPath)
	}
	for _, a := range site.Aliases {
		outs = append(outs, a.OutputPath)
	}
	for _, o := range outs {
		if strings.HasPrefix(o, "..") || strings.Contains(o, "/..") || strings.HasPrefix(o, "/") {
			t.Errorf("output %q is outside the publish folder", o)
		}
	}
}

func TestIgnoreFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/a.md":       file("---\ntitle: A\n---\n"),
		"content/posts/a.draft.md": file("---\ntitle: Draft copy\n---\n"),
	}
	site, err := content.Load(fsys, content.Config{IgnoreFiles: []string{`\.draft\.md$`}})
	if err != nil {
		t.Fatal(err)
	}
	if site.GetPage("", "/posts/a") == nil || site.GetPage("", "/posts/a.draft") != nil {
		t.Errorf("ignoreFiles: pages %v", paths(site.Pages))
	}
	if _, err := content.Load(fsys, content.Config{IgnoreFiles: []string{`(`}}); err == nil {
		t.Error("a bad ignoreFiles pattern is not an error")
	}
}

// TestLoadReportsRemovedAndOutside: the _build key Hugo removed is read
// as build and reported at its place; a mount outside the site is
// reported and not read.
func TestLoadReportsRemovedAndOutside(t *testing.T) {
	fsys := fstest.MapFS{
		"content/posts/old.md": file("---\ntitle: Old\n_build:\n  list: never\n---\n"),
		"content/posts/new.md": file("---\ntitle: New\n---\n"),
	}
	cfg := content.Config{Mounts: []content.Mount{
		{Source: "content", Target: "content"},
		{Source: "../README.md", Target: "content/readme.md"},
	}}
	site, err := content.Load(fsys, cfg)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var diags []string
	for _, d := range site.Diagnostics {
		diags = append(diags, d.String())
	}
	all := strings.Join(diags, "\n")
	for _, want := range []string{`content/posts/old.md:3:1: "_build" was removed`, "../README.md -> content/readme.md is outside"} {
		if !strings.Contains(all, want) {
			t.Errorf("Diagnostics lack %q:\n%s", want, all)
		}
	}
	for _, p := range site.Pages {
		if p.Path == "/posts/old" {
			t.Errorf("/posts/old is listed; its _build says list: never")
		}
	}
	if site.GetPage("", "/posts/new") == nil {
		t.Error("/posts/new is missing")
	}
}

// TestConfigParams: the site's [params] come with keys lower-cased at
// every depth, as Hugo's param shortcode reads them, from each format.
func TestConfigParams(t *testing.T) {
	for name, src := range map[string]string{
		"hugo.toml": "title = 'T'\n[params]\nAuthor = 'Ann'\n[params.Social]\nGitHub = 'ann'\n",
		"hugo.yaml": "title: T\nparams:\n  Author: Ann\n  Social:\n    GitHub: ann\n",
		"hugo.json": `{"title": "T", "params": {"Author": "Ann", "Social": {"GitHub": "ann"}}}`,
	} {
		cfg, err := content.ParseConfig(name, []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := map[string]any{"author": "Ann", "social": map[string]any{"github": "ann"}}
		if !reflect.DeepEqual(cfg.Params, want) {
			t.Errorf("%s: Params = %#v, want %#v", name, cfg.Params, want)
		}
	}
}
