//go:build race

package resultcache

// raceEnabled reports whether the tests run under the race detector,
// which makes timings meaningless.
const raceEnabled = true
