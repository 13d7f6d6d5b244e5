package render_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/render"
)

// TestRawHTMLDiagnosticsNameTheTag is what a user checks: each warning
// about omitted raw HTML says which tag, at the tag's position.
func TestRawHTMLDiagnosticsNameTheTag(t *testing.T) {
	t.Parallel()
	src := "Text <span class=\"x\">in</span> a span.\n\n<iframe src=\"https://example.com/\"></iframe>\n\n<!-- note --><div>x</div>\n"
	res, err := render.New().Render([]byte(src))
	require.NoError(t, err)
	var got []string
	for _, d := range res.Diagnostics {
		got = append(got, d.String())
	}
	assert.Equal(t, []string{
		"1:6: raw HTML <span> omitted",
		"3:1: raw HTML <iframe> omitted",
		"5:1: raw HTML <div> omitted (an HTML block that starts with a comment is dropped whole)",
	}, got)
}
