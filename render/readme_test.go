package render

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestREADMEQuickStart keeps the README's quick start the same code as
// Example_quickStart, which go test runs and checks.
func TestREADMEQuickStart(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	example, err := os.ReadFile("example_quickstart_test.go")
	require.NoError(t, err)

	_, block, ok := strings.Cut(string(readme), "<!-- quickstart")
	require.True(t, ok, "README.md has no <!-- quickstart --> block")
	_, block, ok = strings.Cut(block, "```go\n")
	require.True(t, ok, "the quick start block has no ```go fence")
	block, _, ok = strings.Cut(block, "```\n")
	require.True(t, ok, "the quick start fence is not closed")

	_, body, ok := strings.Cut(string(example), "func Example_quickStart() {\n")
	require.True(t, ok, "example_quickstart_test.go has no Example_quickStart")
	body = body[:strings.LastIndex(body, "}")]

	assert.Equal(t, body, block, "README.md's quick start differs from Example_quickStart")
}
