// Package gmtest holds what the tests of folio's wrappers around other
// goldmark extensions share: the check that a wrapper converts a document
// exactly as the extension it wraps does. Only tests import it.
package gmtest

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
)

// SameOutput fails t unless got converts src to the HTML want converts it
// to; a conversion error fails it too.
func SameOutput(t testing.TB, want, got goldmark.Markdown, src string) {
	t.Helper()
	var w, g bytes.Buffer
	if err := want.Convert([]byte(src), &w); err != nil {
		t.Fatal(err)
	}
	if err := got.Convert([]byte(src), &g); err != nil {
		t.Fatal(err)
	}
	if g.String() != w.String() {
		t.Errorf("%q:\n got %q\nwant %q", src, g.String(), w.String())
	}
}
