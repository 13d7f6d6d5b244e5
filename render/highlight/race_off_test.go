//go:build !race

package highlight

// raceEnabled reports whether the tests run under the race detector,
// which makes code about ten times slower and its timings unreliable.
const raceEnabled = false
