package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hugoSites are the content folders of post/content's Hugo oracle: each
// holds hugo.toml, content/, and hugo.json with the files Hugo 0.165
// wrote for it (post/content/testdata/hugo/README.md).
const hugoSites = "../../post/content/testdata/hugo/sites"

// TestHugoPaths builds each of those sites and checks that the program
// writes every file Hugo wrote, at the same path (pages, section, taxonomy
// and term pages, alias redirects, resources, feeds and sitemaps), and no
// other file but its stylesheets.
func TestHugoPaths(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(hugoSites, "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, "hugo.json"))
			require.NoError(t, err)
			var hugo struct {
				Files []string `json:"files"`
			}
			require.NoError(t, json.Unmarshal(raw, &hugo))
			args := []string{"-src", dir, "-out", t.TempDir(), "-j", "2"}
			if flags, err := os.ReadFile(filepath.Join(dir, "flags")); err == nil {
				if strings.Contains(string(flags), "--buildDrafts") {
					args = append(args, "-drafts", "-future", "-expired")
				}
			}
			var stdout, stderr bytes.Buffer
			require.Equal(t, 0, run(args, nil, &stdout, &stderr), stderr.String())
			var got []string
			for _, f := range files(t, args[3]) {
				if !strings.HasPrefix(f, "css/") {
					got = append(got, f)
				}
			}
			assert.Equal(t, hugo.Files, got)
			if filepath.Base(dir) == "blog" {
				// ref, relref and a Markdown link to a .md file resolve
				// to the pages' URLs.
				refs := read(t, filepath.Join(args[3], "posts", "refs", "index.html"))
				for _, want := range []string{"A=/blog/posts/hello/", "C=https://example.org/blog/about/", "D=/blog/posts/hello/#sec", "I=/blog/about/", `<a href="/blog/posts/my-slug/">`} {
					has(t, refs, want)
				}
			}
		})
	}
}
