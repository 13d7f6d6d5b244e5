package shortcode

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCallGet(t *testing.T) {
	t.Parallel()
	pos := &Call{Params: []any{"a", 2, true}}
	named := &Call{Params: map[string]any{"id": "x", "n": "7", "b": 0}, IsNamedParams: true}
	none := &Call{}
	assert.Equal(t, "a", pos.Get(0))
	assert.Equal(t, 2, pos.Get(1))
	assert.Equal(t, "", pos.Get(5))
	assert.Nil(t, pos.Get("id"))
	assert.Equal(t, "x", named.Get("id"))
	assert.Equal(t, "", named.Get("nope"))
	assert.Nil(t, named.Get(0))
	assert.Nil(t, none.Get(0))
	assert.Nil(t, none.Get("id"))
	assert.Equal(t, "2", pos.GetString(1))
	assert.Equal(t, "true", pos.GetString(2))
	n, err := named.GetInt("n", 1)
	require.NoError(t, err)
	assert.Equal(t, 7, n)
	_, err = named.GetInt("id", 1)
	assert.EqualError(t, err, `argument "id": want an integer, got "x"`)
	b, err := named.GetBool("b", true)
	require.NoError(t, err)
	assert.False(t, b)
	b, err = named.GetBool("missing", true)
	require.NoError(t, err)
	assert.True(t, b)
	_, err = pos.GetBool(0, false)
	assert.EqualError(t, err, `argument 0: want true or false, got "a"`)
	assert.True(t, pos.Has(2))
	assert.False(t, pos.Has(3))
	assert.False(t, named.Has(0))
}
