package render

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/shortcode"
)

// builtinCase is the JSON comment of a golden file in testdata/alerts,
// anchors, imagefiles and links: goldenCase's fields plus the built-in
// renderings'.
type builtinCase struct {
	goldenCase
	GitHubAlerts   bool            `json:"githubAlerts"`
	BlockquoteHook bool            `json:"blockquoteHook"` // testBlockquoteHook
	Anchors        *HeadingAnchors `json:"anchors"`
	// Images reads images from testdata/imagefiles/site/content, and
	// root-relative ones from .../site/static.
	Images *struct {
		Eager        bool `json:"eager"`
		SyncDecoding bool `json:"syncDecoding"`
	} `json:"images"`
	Links *Links `json:"links"`
	// HeadingHook "anchors" sets a heading hook that writes level-1
	// headings with HeadingAnchors.Link and returns ErrDefault for the
	// others.
	HeadingHook string `json:"headingHook"`
	// Refs is the ref resolver's table: path -> URL; a path not in it is
	// an error.
	Refs map[string]string `json:"refs"`
}

func (bc builtinCase) options(t *testing.T) []Option {
	opts := bc.goldenCase.options(t)
	if bc.GitHubAlerts {
		opts = append(opts, WithGitHubAlerts())
	}
	if bc.BlockquoteHook {
		opts = append(opts, WithBlockquoteHook(testBlockquoteHook))
	}
	if bc.Anchors != nil {
		a := *bc.Anchors
		opts = append(opts, WithHeadingAnchors(a))
		if bc.HeadingHook == "anchors" {
			opts = append(opts, WithHeadingHook(func(w io.Writer, h Heading) error {
				if h.Level != 1 {
					return ErrDefault
				}
				_, err := fmt.Fprintf(w, "<h1 id=\"%s\" class=\"hooked\">%s%s</h1>\n", esc(h.Anchor), a.Link(h), h.Text)
				return err
			}))
		}
	}
	if bc.Images != nil {
		site := filepath.Join("testdata", "imagefiles", "site")
		opts = append(opts, WithImageFiles(ImageFiles{
			FS: os.DirFS(filepath.Join(site, "content")), Static: os.DirFS(filepath.Join(site, "static")),
			Eager: bc.Images.Eager, SyncDecoding: bc.Images.SyncDecoding,
		}))
	}
	if bc.Links != nil {
		opts = append(opts, WithLinks(*bc.Links))
	}
	if bc.Refs != nil {
		opts = append(opts, WithRefResolver(func(ref shortcode.Ref) (string, error) {
			if u, ok := bc.Refs[ref.Path]; ok {
				return u, nil
			}
			return "", fmt.Errorf("no post %q (from %s)", ref.Path, ref.Position)
		}))
	}
	return opts
}

// testBlockquoteHook writes every field it receives; a quote whose text
// holds "default" asks for the default rendering.
func testBlockquoteHook(w io.Writer, b Blockquote) error {
	if bytes.Contains([]byte(b.Text), []byte("default")) {
		return ErrDefault
	}
	_, err := fmt.Fprintf(w, "<div data-type=%q data-alert=%q data-sign=%q data-ordinal=\"%d\" data-pos=\"%s\" data-attrs=%q data-post=\"%t\">\n<p>title: %s</p>\n%s</div>\n",
		b.Type, b.AlertType, b.AlertSign, b.Ordinal, b.Position, esc(attrsString(b.Attributes)), b.Post != nil, b.AlertTitle, b.Text)
	return err
}

// TestGoldenBuiltins renders the golden cases of the built-in renderings.
func TestGoldenBuiltins(t *testing.T) {
	for _, dir := range builtinGoldenDirs {
		t.Run(dir, func(t *testing.T) {
			for _, c := range golden.Load(t, filepath.Join("testdata", dir, "*.txt")) {
				t.Run(c.Name, func(t *testing.T) {
					res, err := renderBuiltinCase(t, c)
					c.Check(t, *update, resultOutputs(t, res, err)...)
				})
			}
		})
	}
}

// builtinGoldenDirs are the golden folders of the built-in renderings.
var builtinGoldenDirs = []string{"alerts", "anchors", "imagefiles", "links"}

func renderBuiltinCase(t *testing.T, c *golden.Case) (*Result, error) {
	var bc builtinCase
	if len(bytes.TrimSpace(c.Comment)) > 0 {
		require.NoError(t, json.Unmarshal(c.Comment, &bc), "comment of %s", c.Path)
	}
	r := New(bc.options(t)...)
	if bc.Post == nil {
		return r.Render(c.Input.Data)
	}
	p := &post.Post{Path: bc.Post.Path, Body: c.Input.Data, BodyLine: bc.Post.BodyLine, Params: bc.Post.Params}
	return r.RenderPost(p)
}

// TestBuiltinsInExtender turns every built-in rendering on through the
// Extender's fields, in a goldmark the caller builds.
func TestBuiltinsInExtender(t *testing.T) {
	ext := &Extender{
		GitHubAlerts:   true,
		HeadingAnchors: &HeadingAnchors{Position: AnchorBefore},
		ImageFiles:     &ImageFiles{FS: fstest.MapFS{"posts/a.png": linearImageFS["a.png"]}, Eager: true},
		Links:          &Links{Target: "_blank", ResolveMarkdown: true},
		RefResolver: func(ref shortcode.Ref) (string, error) {
			if ref.Path != "other.md" || ref.Position.Path != "posts/a.md" || ref.Position.Line != 10 {
				return "", fmt.Errorf("unexpected %+v", ref)
			}
			return "/other/", nil
		},
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, ext))
	ctx := parser.NewContext()
	SetSource(ctx, "posts/a.md", 3)
	var buf bytes.Buffer
	src := "## Title\n\n> [!TIP]\n> Text.\n\n![a](a.png) ![b](b.png)\n\n[x](other.md) [y](https://go.dev)\n"
	require.NoError(t, md.Convert([]byte(src), &buf, parser.WithContext(ctx)))
	assert.Equal(t, `<h2 id="title"><a class="anchor" href="#title" aria-label="Link to this section: Title">#</a> Title</h2>
<div class="markdown-alert markdown-alert-tip" role="note">
<p class="markdown-alert-title">Tip</p>
<p>Text.</p>
</div>
<p><img src="a.png" alt="a" width="2" height="1" decoding="async"> <img src="b.png" alt="b" decoding="async"></p>
<p><a href="/other/">x</a> <a href="https://go.dev" rel="noopener" target="_blank">y</a></p>
`, buf.String())
	ds := DiagnosticsOf(ctx)
	require.Len(t, ds, 1)
	assert.Equal(t, `posts/a.md:8:13: image "b.png" not found (looked for posts/b.png)`, ds[0].String())
}

// TestBlockquoteHookError checks that a blockquote hook's error stops the
// render with the quote's position.
func TestBlockquoteHookError(t *testing.T) {
	r := New(WithBlockquoteHook(func(io.Writer, Blockquote) error { return errors.New("boom") }))
	_, err := r.Render([]byte("text\n\n> [!NOTE]\n> x\n"))
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line)
	assert.Equal(t, "3:1: render: blockquote hook: boom", err.Error())
}

// TestBuiltinsConcurrent shares one Renderer with every built-in rendering
// between goroutines (run it with -race).
func TestBuiltinsConcurrent(t *testing.T) {
	r := New(WithGitHubAlerts(), WithHeadingAnchors(HeadingAnchors{}), WithImageFiles(ImageFiles{FS: linearImageFS}),
		WithLinks(Links{Target: "_blank", ResolveMarkdown: true}),
		WithBlockquoteHook(func(io.Writer, Blockquote) error { return ErrDefault }),
		WithRefResolver(func(shortcode.Ref) (string, error) { return "/p/", nil }))
	want, err := r.Render(builtinBenchDoc)
	require.NoError(t, err)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			for range 20 {
				got, err := r.Render(builtinBenchDoc)
				if err == nil && !bytes.Equal(got.HTML, want.HTML) {
					err = errors.New("a concurrent render differs")
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-errs)
	}
}
