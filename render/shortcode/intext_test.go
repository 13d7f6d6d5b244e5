package shortcode

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCallInText: a call is in text when it shares a line with other
// text, and alone otherwise, closing tag and surrounding blanks included.
func TestCallInText(t *testing.T) {
	t.Parallel()
	var got []bool
	cfg := &Config{Handlers: map[string]Handler{"c": {Inner: InnerOptional, Render: func(_ io.Writer, c *Call) error {
		got = append(got, c.InText())
		return nil
	}}}}
	src := []byte("a {{< c >}} b\n\n  {{< c >}}\t\n\n{{< c >}}x\n{{< /c >}}\n\n{{< c >}}x{{< /c >}} tail\n")
	_, err := Expand(src, nil, cfg, &testHost{src: src})
	require.NoError(t, err)
	assert.Equal(t, []bool{true, false, false, true}, got)
	assert.False(t, (&Call{}).InText(), "outside a render")
}
