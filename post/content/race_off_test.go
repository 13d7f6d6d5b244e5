//go:build !race

package content_test

// raceEnabled reports whether the tests run under the race detector,
// which makes timings unreliable.
const raceEnabled = false
