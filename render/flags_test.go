package render

import "flag"

// update makes the golden tests of this package rewrite their files
// (go test ./render -update).
var update = flag.Bool("update", false, "rewrite golden files")
