//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package cputime

import (
	"syscall"
	"time"
)

// processTime returns the CPU time the process has used so far, or 0 when it
// cannot tell.
func processTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
