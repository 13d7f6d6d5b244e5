//go:build !(darwin || dragonfly || freebsd || linux || netbsd || openbsd)

package highlight

import "time"

// cpuTime returns 0: the process's CPU time is not read on this system,
// and timings fall back to the wall clock.
func cpuTime() time.Duration { return 0 }
