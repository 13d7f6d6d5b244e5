package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

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
