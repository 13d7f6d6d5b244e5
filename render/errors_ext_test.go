package render_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// errHook is a hook's own failure, which the caller tests for.
var errHook = errors.New("hook failed")

// TestRenderErrorsAreParseErrors: every way a render of input can fail
// gives the one error type the whole pipeline uses, *post.ParseError,
// with the post's path, the construct's line and column in the file
// (front matter lines counted), and the cause for errors.Is.
func TestRenderErrorsAreParseErrors(t *testing.T) {
	t.Parallel()
	const head = "---\ntitle: x\n---\n\n" // the body starts on line 5
	for _, tc := range []struct {
		name      string
		opts      []render.Option
		body      string
		line, col int
		is        error
	}{
		{name: "link hook", body: "Text [a](/b).\n", line: 5, col: 6, is: errHook,
			opts: []render.Option{render.WithLinkHook(func(io.Writer, render.Link) error { return errHook })}},
		{name: "image hook", body: "\n![a](/b.png)\n", line: 6, col: 1, is: errHook,
			opts: []render.Option{render.WithImageHook(func(io.Writer, render.Image) error { return errHook })}},
		{name: "heading hook", body: "## A\n", line: 5, col: 1, is: errHook,
			opts: []render.Option{render.WithHeadingHook(func(io.Writer, render.Heading) error { return errHook })}},
		{name: "code block hook", body: "x\n\n```go\ny\n```\n", line: 7, col: 1, is: errHook,
			opts: []render.Option{render.WithCodeBlockHook(func(io.Writer, render.CodeBlock) error { return errHook })}},
		{name: "unknown shortcode", body: "a {{< nope >}}\n", line: 5, col: 3, is: shortcode.ErrUnknown},
		{name: "shortcode syntax", body: "{{< youtube\n", line: 5, col: 1, is: shortcode.ErrSyntax},
		{name: "shortcode handler", body: "{{< fail >}}\n", line: 5, col: 1, is: errHook,
			opts: []render.Option{render.WithShortcodeHandler("fail", shortcode.Handler{
				Render: func(io.Writer, *shortcode.Call) error { return errHook },
			})}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := post.Parse([]byte(head+tc.body), post.WithPath("content/x.md"))
			require.NoError(t, err)
			_, err = render.New(tc.opts...).RenderPost(p)
			require.Error(t, err)
			var pe *post.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "content/x.md", pe.Path)
			assert.Equal(t, tc.line, pe.Line, "line")
			assert.Equal(t, tc.col, pe.Column, "column")
			assert.ErrorIs(t, err, tc.is)
			assert.Contains(t, err.Error(), fmt.Sprintf("content/x.md:%d:%d: ", tc.line, tc.col))
		})
	}
}
