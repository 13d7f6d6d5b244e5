package pagetest

import (
	"flag"
	"os/exec"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the screenshots in docs/screenshots")

// repoRoot is the folder of the folio module, two levels above this
// module's root.
const repoRoot = "../../.."

// goRun runs one of folio's example programs with go run, in the folio
// module (whose go.mod has the example's dependencies), and returns its
// standard output; a failure or anything on standard error fails the test.
func goRun(t *testing.T, pkg string, args ...string) []byte {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", append([]string{"run", pkg}, args...)...)
	cmd.Dir = root
	var stderr []byte
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); ok {
		stderr = ee.Stderr
	}
	if err != nil {
		t.Fatalf("go run %s %v: %v\n%s", pkg, args, err, stderr)
	}
	return out
}
