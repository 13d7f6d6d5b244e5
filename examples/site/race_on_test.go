//go:build race

package main

// raceEnabled: the race detector slows code unevenly, so timing checks
// only log.
const raceEnabled = true
