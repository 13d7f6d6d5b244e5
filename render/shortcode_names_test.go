package render_test

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// A name no call can match is refused when the Renderer is built: Err
// reports it and every render returns it, instead of the calls silently
// never reaching the handler.
func TestWithShortcodeHandlerInvalidName(t *testing.T) {
	h := shortcode.Handler{Render: func(w io.Writer, _ *shortcode.Call) error {
		_, err := io.WriteString(w, "x")
		return err
	}}
	for _, name := range []string{"", "css.inline", "my note", " note", "note!", "a.b", "-note", "/note"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := render.New(render.WithShortcodeHandler(name, h))
			err := r.Err()
			require.ErrorIs(t, err, shortcode.ErrInvalidName)
			assert.Contains(t, err.Error(), "WithShortcodeHandler")
			if name != "" {
				assert.Contains(t, err.Error(), `"`+name+`"`)
			}

			_, rerr := r.Render([]byte("text"))
			require.ErrorIs(t, rerr, shortcode.ErrInvalidName)
			_, rerr = r.RenderPost(&post.Post{Body: []byte("text")})
			require.ErrorIs(t, rerr, shortcode.ErrInvalidName)
		})
	}
}

func TestWithShortcodeHandlerValidNames(t *testing.T) {
	h := shortcode.Handler{Render: func(w io.Writer, c *shortcode.Call) error {
		_, err := io.WriteString(w, "["+c.Name+"]")
		return err
	}}
	for _, name := range []string{"note", "blog/note", "my-note", "my_note", "_x", "1st", "ノート"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			r := render.New(render.WithShortcodeHandler(name, h))
			require.NoError(t, r.Err())
			res, err := r.Render([]byte("{{< " + name + " >}}"))
			require.NoError(t, err)
			assert.Equal(t, "["+name+"]\n", string(res.HTML))
		})
	}
}

func TestShortcodeOptionNames(t *testing.T) {
	h := shortcode.Handler{Render: func(w io.Writer, _ *shortcode.Call) error {
		_, err := io.WriteString(w, "N")
		return err
	}}
	src := []byte("{{< note >}} {{< figure src=\"a.png\" >}}")

	// Syntax off: the calls are text, whatever the handlers.
	r := render.New(render.WithShortcodeHandler("note", h), render.WithShortcodeSyntax(false))
	res, err := r.Render(src)
	require.NoError(t, err)
	assert.Equal(t, "<p>{{&lt; note &gt;}} {{&lt; figure src=&ldquo;a.png&rdquo; &gt;}}</p>\n", string(res.HTML))

	// Handlers removed: the calls are unknown.
	r = render.New(render.WithShortcodeHandler("note", h), render.WithoutShortcodeHandlers("note", "figure"),
		render.WithUnknownShortcodes(shortcode.UnknownDrop))
	res, err = r.Render(src)
	require.NoError(t, err)
	assert.Equal(t, "<p> </p>\n", string(res.HTML))
}
