//go:build race

package position

// raceEnabled reports whether the tests run under the race detector, whose
// slowdown is not linear: timing checks then only log.
const raceEnabled = true
