package post_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/folio-md/folio/post"
)

// TestParseFileNamesPath: every ParseFile error names the path the user
// gave, and a rooted path says why it cannot be an fs.FS path.
func TestParseFileNamesPath(t *testing.T) {
	t.Parallel()
	abs := filepath.ToSlash(filepath.Join(t.TempDir(), "x.md"))
	if err := os.WriteFile(abs, []byte("---\ntitle: x\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
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
			if err == nil {
				t.Fatalf("ParseFile(%q): no error", tc.path)
			}
			if !errors.Is(err, tc.wantIs) {
				t.Errorf("ParseFile(%q) = %v, want %v", tc.path, err, tc.wantIs)
			}
			for _, m := range tc.wantMsg {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("ParseFile(%q) = %q, want it to contain %q", tc.path, err, m)
				}
			}
		})
	}
	// The same file, as an unrooted path of os.DirFS("/"), parses.
	if filepath.IsAbs(abs) && abs[0] == '/' {
		p, err := post.ParseFile(os.DirFS("/"), abs[1:])
		if err != nil {
			t.Fatalf("ParseFile(%q): %v", abs[1:], err)
		}
		if p.FrontMatter.Title != "x" {
			t.Errorf("Title = %q, want %q", p.FrontMatter.Title, "x")
		}
	}
	var pe *post.ParseError
	_, err := post.ParseFile(os.DirFS("/"), abs)
	if errors.As(err, &pe) {
		t.Errorf("ParseFile(%q) = %v: a bad path is not a *post.ParseError", abs, err)
	}
}
