package cputime

import (
	"testing"
	"time"
)

// TestOf: a loop that does twenty times the work takes clearly longer.
func TestOf(t *testing.T) {
	spin := func(n int) func() {
		return func() {
			x := 0
			for i := range n {
				x ^= i * i
			}
			sink = x
		}
	}
	for try := 1; ; try++ {
		small, large := Pair(spin(2_000_000), spin(40_000_000))
		if small > 0 && large > 4*small {
			break
		}
		if try == 3 {
			t.Fatalf("20 times the work took %v against %v", large, small)
		}
	}
	if g := Growth(0, time.Millisecond); g != 1000 {
		t.Errorf("Growth(0, 1ms) = %v, want 1000 (t1 taken as 1µs)", g)
	}
}

var sink int
