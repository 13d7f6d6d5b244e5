package render_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

// TestTextDecodesEntities is a search indexer's use: Plain stays Hugo's
// (character references as written), Text and SummaryText are the same
// text decoded.
func TestTextDecodesEntities(t *testing.T) {
	t.Parallel()
	src := "Tom & Jerry's \"show\" &copy; 2024 <3\n\n<!--more-->\n\nMore *after* the divider &mdash; here.\n"
	res, err := render.New().Render([]byte(src))
	require.NoError(t, err)
	assert.Equal(t, "Tom &amp; Jerry&rsquo;s &ldquo;show&rdquo; © 2024 &lt;3\nMore after the divider — here.\n", res.Plain)
	assert.Equal(t, "Tom & Jerry’s “show” © 2024 <3\nMore after the divider — here.\n", res.Text)
	assert.Equal(t, "Tom & Jerry’s “show” © 2024 <3\n", res.SummaryText)

	// Without references, Text is Plain.
	res, err = render.New().Render([]byte("Plain words only.\n"))
	require.NoError(t, err)
	assert.Equal(t, res.Plain, res.Text)
	assert.Equal(t, "Plain words only.\n", res.SummaryText)
}

// TestSummaryTextFromFrontMatter: a front matter summary's text, under
// HugoCompat too.
func TestSummaryTextFromFrontMatter(t *testing.T) {
	t.Parallel()
	p, err := post.Parse([]byte("---\nsummary: Cats *&* dogs\n---\nBody &amp; more.\n"))
	require.NoError(t, err)
	for _, opts := range [][]render.Option{nil, {render.HugoCompat()}} {
		res, err := render.New(opts...).RenderPost(p)
		require.NoError(t, err)
		assert.Equal(t, "Cats <em>&amp;</em> dogs", string(res.Summary))
		assert.Equal(t, "Cats & dogs", res.SummaryText)
		assert.Equal(t, "Body &amp; more.\n", res.Plain)
		assert.Equal(t, "Body & more.\n", res.Text)
	}
}
