package render

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// TestTitleEnd checks the remembered search for a title's `")` against a
// fresh search, for starts in any order, on lines that share a source.
func TestTitleEnd(t *testing.T) {
	t.Parallel()
	src := []byte(`![a](b?"x ![c](d?"y") ") z") ![e](f?"g` + "\n" + `"") ") x`)
	nl := bytes.IndexByte(src, '\n')
	lines := []text.Segment{text.NewSegment(0, nl+1), text.NewSegment(nl+1, len(src)), text.NewSegment(3, nl+1)}
	rng := rand.New(rand.NewPCG(1, 2))
	pc := parser.NewContext()
	for range 2000 {
		seg := lines[rng.IntN(len(lines))]
		line := seg.Value(src)
		i := rng.IntN(len(line) + 1)
		want := bytes.Index(line[i:], []byte(`")`))
		assert.Equal(t, want, titleEnd(pc, line, seg, i), "line %q from %d", line, i)
	}
}
