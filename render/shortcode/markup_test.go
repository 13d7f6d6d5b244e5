package shortcode

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkupAt(t *testing.T) {
	t.Parallel()
	h := []byte(`<!-- c --><a href="x>y" title='q' data-n=3 hidden><script>if (a<b) {}</script ><p`)
	end, raw, tag := markupAt(h, 0)
	assert.Equal(t, len("<!-- c -->"), end)
	assert.Zero(t, raw)
	assert.False(t, tag.ok)

	i := end
	end, raw, tag = markupAt(h, i)
	require.True(t, tag.ok)
	assert.Equal(t, `<a href="x>y" title='q' data-n=3 hidden>`, string(h[i:end]))
	assert.Zero(t, raw)
	require.Len(t, tag.attrs, 3)
	assert.Equal(t, "x>y", string(h[tag.attrs[0].valStart:tag.attrs[0].valEnd]))
	assert.Equal(t, byte('\''), tag.attrs[1].quote)
	assert.Equal(t, "3", string(h[tag.attrs[2].valStart:tag.attrs[2].valEnd]))

	i = end
	end, raw, tag = markupAt(h, i)
	require.True(t, tag.ok)
	assert.Equal(t, "script", tag.name)
	assert.Equal(t, "if (a<b) {}", string(h[end:raw]))

	// A tag cut off by the end, and a '<' that starts nothing.
	end, _, tag = markupAt(h, len(h)-2)
	assert.True(t, tag.ok)
	assert.Equal(t, len(h), end)
	end, _, tag = markupAt([]byte("a < b"), 2)
	assert.False(t, tag.ok)
	assert.Equal(t, 3, end)
}

func TestOmitRawHTML(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		reports  []int
	}{
		{"plain text & more", "plain text & more", nil},
		{"a <b>x</b> c", "a <!-- raw HTML omitted -->x<!-- raw HTML omitted --> c", []int{2}},
		{"<script>alert(1)</script>", "<!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted -->", []int{0}},
		{`<img src=x onerror="a>b">`, "<!-- raw HTML omitted -->", []int{0}},
		{"a < b, 1<2", "a &lt; b, 1&lt;2", nil},
		{"<!-- note -->x", "x", nil},
		{"<!-- open", "&lt;!-- open", nil},
		{"<b unterminated", "&lt;b unterminated", nil},
		{"<!DOCTYPE html><?php ?>", "<!-- raw HTML omitted --><!-- raw HTML omitted -->", []int{0, 15}},
	}
	for _, tt := range tests {
		var got []int
		out := omitRawHTML(nil, tt.in, func(off int, _ string) { got = append(got, off) })
		assert.Equal(t, tt.want, string(out), tt.in)
		assert.Equal(t, tt.reports, got, tt.in)
	}
}
