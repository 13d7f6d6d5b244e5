//go:build !race

package render_test

// raceEnabled reports whether the tests run under the race detector, which
// makes the slow safety tests run on a sample.
const raceEnabled = false
