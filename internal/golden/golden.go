// Package golden runs txtar golden-file tests for folio's packages.
//
// Each case is one txtar file in a package's testdata folder. The archive
// comment holds the case's options (often JSON), the first file is the input
// and every further file is one expected output, named by what it holds
// (html, toc.json, post.json, ...). A test computes every output section from
// the input and calls [Check]; with the package's -update flag the file is
// rewritten with the computed outputs instead of compared.
package golden

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/folio-md/folio/internal/txtar"
)

// Case is one golden file: its path, its comment and its sections.
type Case struct {
	Path    string
	Name    string // file name without folder and extension
	Comment []byte
	Input   txtar.File // the first section
	archive *txtar.Archive
}

// Section returns the content of the section with the given name and whether it exists.
func (c *Case) Section(name string) ([]byte, bool) {
	for _, f := range c.archive.Files {
		if f.Name == name {
			return f.Data, true
		}
	}
	return nil, false
}

// Load reads every *.txt file matching pattern (a filepath.Glob pattern such
// as "testdata/ids/*.txt") and fails the test if there is none.
func Load(t testing.TB, pattern string) []*Case {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatalf("golden: bad pattern %q: %v", pattern, err)
	}
	if len(paths) == 0 {
		t.Fatalf("golden: no files match %q", pattern)
	}
	sort.Strings(paths)
	cases := make([]*Case, 0, len(paths))
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatalf("golden: %v", err)
		}
		if len(a.Files) == 0 {
			t.Fatalf("golden: %s has no input section", p)
		}
		cases = append(cases, &Case{
			Path:    p,
			Name:    strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)),
			Comment: a.Comment,
			Input:   a.Files[0],
			archive: a,
		})
	}
	return cases
}

// Check compares the computed outputs with the case's sections. Outputs are
// given in the order they are written; with update set, the file is rewritten
// with the input and these outputs (sections not named are dropped), and no
// comparison is made. A section the file lacks is a failure without update.
func (c *Case) Check(t *testing.T, update bool, outputs ...Output) {
	t.Helper()
	if update {
		a := &txtar.Archive{Comment: c.Comment, Files: []txtar.File{c.Input}}
		for _, o := range outputs {
			a.Files = append(a.Files, txtar.File{Name: o.Name, Data: withNewline(o.Data)})
		}
		if err := os.WriteFile(c.Path, txtar.Format(a), 0o644); err != nil {
			t.Fatalf("golden: %v", err)
		}
		return
	}
	for _, o := range outputs {
		want, ok := c.Section(o.Name)
		if !ok {
			t.Errorf("%s: no section %q; run go test with -update and read the diff", c.Path, o.Name)
			continue
		}
		if got := string(withNewline(o.Data)); got != string(want) {
			t.Errorf("%s: section %q differs (-update rewrites it)\n--- want\n%s\n--- got\n%s", c.Path, o.Name, want, got)
		}
	}
}

// Output is one computed section.
type Output struct {
	Name string
	Data []byte
}

func withNewline(b []byte) []byte {
	if len(b) == 0 || b[len(b)-1] == '\n' {
		return b
	}
	return append(b[:len(b):len(b)], '\n')
}
