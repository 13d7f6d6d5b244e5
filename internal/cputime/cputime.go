// Package cputime times code for folio's linearity tests: n against 10n,
// on a shared machine. It reads the process's CPU time where it can, so
// that other processes do not count, and falls back to the wall clock.
// Only tests import it.
package cputime

import (
	"runtime"
	"runtime/debug"
	"time"
)

// Of returns how long f takes: the CPU time of the process where it can
// be read, else the wall clock. It collects the garbage first and runs f
// with the collector off unless the heap nears 1 GiB: below its minimum
// heap (4 MiB) a small run would collect nothing while a large one would
// pay for several collections, a step that has nothing to do with the
// code's complexity. (Allocation itself is still timed: work that
// allocates quadratically is still seen as such.)
func Of(f func()) time.Duration {
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 30))
	cpu, wall := processTime(), time.Now()
	f()
	if end := processTime(); cpu > 0 && end > cpu {
		return end - cpu
	}
	return time.Since(wall)
}

// Pair returns the best of three timings of a and of b, run in turns, so
// that a slow moment of the machine falls on both alike.
func Pair(a, b func()) (ta, tb time.Duration) {
	ta, tb = time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range 3 {
		ta = min(ta, Of(a))
		tb = min(tb, Of(b))
	}
	return ta, tb
}

// Growth returns t10/t1, t1 taken as at least a microsecond.
func Growth(t1, t10 time.Duration) float64 {
	return float64(t10) / float64(max(t1, time.Microsecond))
}
