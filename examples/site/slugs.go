package main

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// maxName is the longest file name, in bytes, that the site writes for a
// slug or a term: well under the 255 bytes most file systems allow.
const maxName = 200

// shortName returns name when it is at most maxName bytes long. A longer
// name is cut to its first runes, with any '-' or '.' at the cut removed,
// and a hash of the whole name is added after a '-', within maxName bytes:
// the result is a valid urlize output, readable, the same on every run,
// and different for two different long names.
func shortName(name string) string {
	if len(name) <= maxName {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	hash := hex.EncodeToString(sum[:6])
	keep := maxName - 1 - len(hash)
	for keep > 0 && !utf8.RuneStart(name[keep]) {
		keep--
	}
	prefix := strings.TrimRight(name[:keep], "-.")
	if prefix == "" {
		return hash
	}
	return prefix + "-" + hash
}
