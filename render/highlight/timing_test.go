package highlight

import (
	"runtime"
	"runtime/debug"
	"time"
)

// timePair times a and b, each the best of three runs.
func timePair(a, b func()) (ta, tb time.Duration) {
	ta, tb = time.Duration(1<<63-1), time.Duration(1<<63-1)
	for range 3 {
		ta = min(ta, timeOf(a))
		tb = min(tb, timeOf(b))
	}
	return ta, tb
}

// timeOf returns how long f takes: the CPU time of the process where it
// can be read, else the wall clock. It collects the garbage first and runs
// f with the collector off (unless the heap nears 1 GiB), so that a
// collection falling in one run and not the other does not skew the pair.
func timeOf(f func()) time.Duration {
	runtime.GC()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(1 << 30))
	cpu, wall := cpuTime(), time.Now()
	f()
	if end := cpuTime(); cpu > 0 && end > cpu {
		return end - cpu
	}
	return time.Since(wall)
}
