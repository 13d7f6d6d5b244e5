package position

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/folio-md/folio/internal/cputime"
)

// maxGrowth is the most the time for 10n offsets of a 10n text may be of
// the time for n of an n text: linear is about 10 (the out-of-order search
// adds a logarithm), quadratic 100.
const maxGrowth = 25

// TestLinear asks every line's offsets (n of them) of a text of n lines,
// and 10n of a text of 10n lines, in increasing order (the cursor),
// in decreasing order and in random order (the table of line starts), and
// fails when the larger takes superlinearly longer. A case gets three
// tries, each the best of three runs.
//
// It measures CPU time (internal/cputime), and neither it nor its cases
// run in parallel with other tests; under the race detector it only logs.
func TestLinear(t *testing.T) {
	n := 20000
	if testing.Short() {
		n /= 4
	}
	text := func(lines int) []byte { return bytes.Repeat([]byte("some words\r\n"), lines) }
	offsets := map[string]func(size int) []int{
		"in order": func(size int) []int {
			offs := make([]int, 0, size/12)
			for off := 0; off < size; off += 12 {
				offs = append(offs, off+3)
			}
			return offs
		},
		"reversed": func(size int) []int {
			offs := make([]int, 0, size/12)
			for off := size - 12; off >= 0; off -= 12 {
				offs = append(offs, off+3)
			}
			return offs
		},
		"random": func(size int) []int {
			rng := rand.New(rand.NewPCG(uint64(size), 7))
			offs := make([]int, size/12)
			for i := range offs {
				offs[i] = rng.IntN(size + 1)
			}
			return offs
		},
	}
	for name, gen := range offsets {
		t.Run(name, func(t *testing.T) {
			small, large := text(n), text(10*n)
			smallOffs, largeOffs := gen(len(small)), gen(len(large))
			ask := func(src []byte, offs []int) func() {
				return func() {
					x := NewIndex(src, 1)
					for _, off := range offs {
						x.Pos(off)
					}
				}
			}
			var t1, t10 time.Duration
			for try := 1; try <= 3; try++ {
				t1, t10 = cputime.Pair(ask(small, smallOffs), ask(large, largeOffs))
				if cputime.Growth(t1, t10) <= maxGrowth {
					break
				}
				t.Logf("try %d: %v for n=%d, %v for 10n: %.1fx", try, t1, n, t10, cputime.Growth(t1, t10))
			}
			if g := cputime.Growth(t1, t10); g > float64(maxGrowth) && raceEnabled {
				t.Logf("%.1fx growth under the race detector: not checked", g)
			} else if g > float64(maxGrowth) {
				t.Errorf("asking 10 times the offsets of 10 times the text took %.1f times as long (%v, %v): superlinear", g, t1, t10)
			}
		})
	}
}
