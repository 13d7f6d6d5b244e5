package post_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
)

// TestParseFileNamesPath: every ParseFile error names the path the user
// gave, and a rooted path says why it cannot be an fs.FS path.
func TestParseFileNamesPath(t *testing.T) {
	t.Parallel()
	abs := filepath.ToSlash(filepath.Join(t.TempDir(), "x.md"))
	require.NoError(t, os.WriteFile(abs, []byte("---\ntitle: x\n---\n"), 0o644))
	for _, tc := range []struct {
		name    string
		fsys    fs.FS
		path    string
		wantIs  error
		wantMsg []string
	}{
		{name: "rooted", fsys: os.DirFS("/"), path: abs, wantIs: fs.ErrInvalid,
			wantMsg: []string{`"` + abs + `"`, "unrooted", "fs.ValidPath"}},
		{name: "dot-dot", fsys: fstest.MapFS{}, path: "../x.md", wantIs: fs.ErrInvalid,
			wantMsg: []string{`"../x.md"`, "fs.ValidPath"}},
		{name: "missing", fsys: fstest.MapFS{}, path: "posts/nope.md", wantIs: fs.ErrNotExist,
			wantMsg: []string{"posts/nope.md"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := post.ParseFile(tc.fsys, tc.path)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.wantIs)
			for _, m := range tc.wantMsg {
				assert.Contains(t, err.Error(), m)
			}
		})
	}
	// The same file, as an unrooted path of os.DirFS("/"), parses.
	if filepath.IsAbs(abs) && abs[0] == '/' {
		p, err := post.ParseFile(os.DirFS("/"), abs[1:])
		require.NoError(t, err)
		assert.Equal(t, "x", p.FrontMatter.Title)
	}
	var pe *post.ParseError
	_, err := post.ParseFile(os.DirFS("/"), abs)
	assert.False(t, errors.As(err, &pe), "a bad path is not a *post.ParseError")
}
