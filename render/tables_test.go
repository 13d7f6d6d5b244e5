package render_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

const tableMD = `| a | *b* | c | d |
|:--|:-:|--:|---|
| 1 | [l](/u) | 3 |
| x \| y | ` + "`z`" + ` | <b>raw</b> | 4 |

| only head |
|---|
`

// TestTableHook checks what a table hook receives and that ErrDefault
// gives goldmark's own table markup, byte for byte.
func TestTableHook(t *testing.T) {
	var got []render.TableBlock
	r := render.New(render.WithTableHook(func(w io.Writer, tb render.TableBlock) error {
		got = append(got, tb)
		if tb.Ordinal == 0 {
			_, err := fmt.Fprintf(w, "<table-%d>\n", len(tb.TBody))
			return err
		}
		return render.ErrDefault
	}))
	res, err := r.Render([]byte(tableMD))
	require.NoError(t, err)
	require.Len(t, got, 2)
	first := got[0]
	assert.Equal(t, [][]render.TableCell{{
		{Alignment: "left", Text: "a"}, {Alignment: "center", Text: "<em>b</em>"},
		{Alignment: "right", Text: "c"}, {Text: "d"},
	}}, first.THead)
	require.Len(t, first.TBody, 2)
	assert.Equal(t, render.TableCell{Alignment: "center", Text: `<a href="/u">l</a>`}, first.TBody[0][1])
	assert.Equal(t, render.TableCell{Text: ""}, first.TBody[0][3], "a short row is filled with empty cells")
	assert.Equal(t, render.TableCell{Alignment: "left", Text: "x | y"}, first.TBody[1][0])
	assert.Equal(t, render.TableCell{Alignment: "right", Text: "<!-- raw HTML omitted -->raw<!-- raw HTML omitted -->"}, first.TBody[1][2],
		"cell text follows the raw HTML policy")
	assert.Equal(t, post.Position{Line: 1, Column: 1}, first.Position)
	assert.Equal(t, 1, got[1].Ordinal)
	assert.Empty(t, got[1].TBody)

	// ErrDefault writes what goldmark's table extension writes.
	var want bytes.Buffer
	require.NoError(t, goldmark.New(goldmark.WithExtensions(extension.Table)).Convert([]byte("| only head |\n|---|\n"), &want))
	assert.Equal(t, "<table-2>\n"+want.String(), string(res.HTML))

	// Without a hook, folio writes goldmark's markup too.
	res, err = render.New().Render([]byte(tableMD))
	require.NoError(t, err)
	want.Reset()
	require.NoError(t, goldmark.New(goldmark.WithExtensions(extension.Table)).Convert([]byte(tableMD), &want))
	assert.Equal(t, want.String(), string(res.HTML))
}

// TestTableHookError: a hook's error stops the render at the table.
func TestTableHookError(t *testing.T) {
	r := render.New(render.WithTableHook(func(io.Writer, render.TableBlock) error { return fmt.Errorf("no tables") }))
	_, err := r.Render([]byte("text\n\n" + tableMD))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "3:1")
	assert.Contains(t, err.Error(), "no tables")
}

// TestHugoCompatTableOverride: an individual option overrides the preset
// wherever it stands, here a table hook given before HugoCompat.
func TestHugoCompatTableOverride(t *testing.T) {
	mine := render.WithTableHook(func(w io.Writer, _ render.TableBlock) error {
		_, err := io.WriteString(w, "<mine>\n")
		return err
	})
	for _, opts := range [][]render.Option{{mine, render.HugoCompat()}, {render.HugoCompat(), mine}} {
		res, err := render.New(opts...).Render([]byte("| a |\n|---|\n"))
		require.NoError(t, err)
		assert.Equal(t, "<mine>\n", string(res.HTML))
	}
}
