//go:build race

package post

// raceEnabled reports whether the tests run under the race detector, whose
// slowdown is not linear: timing checks then only log.
const raceEnabled = true
