package render_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

func convert(t *testing.T, src string, setup func(parser.Context)) (string, parser.Context) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(&render.Extender{}))
	ctx := parser.NewContext()
	if setup != nil {
		setup(ctx)
	}
	var buf bytes.Buffer
	require.NoError(t, md.Convert([]byte(src), &buf, parser.WithContext(ctx)))
	return buf.String(), ctx
}

func TestExtenderFrontMatter(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		format    post.Format
	}{
		{"yaml", "---\ntitle: Hello\ntags: [a, b]\n---\n# Body\n", post.FormatYAML},
		{"toml", "+++\ntitle = \"Hello\"\ntags = [\"a\", \"b\"]\n+++\n# Body\n", post.FormatTOML},
		{"json", "{\n  \"title\": \"Hello\",\n  \"tags\": [\"a\", \"b\"]\n}\n# Body\n", post.FormatJSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			html, ctx := convert(t, tc.src, nil)
			assert.Equal(t, "<h1 id=\"body\">Body</h1>\n", html)
			p, err := render.FrontMatterOf(ctx)
			require.NoError(t, err)
			require.NotNil(t, p)
			assert.Equal(t, tc.format, p.Format)
			assert.Equal(t, "Hello", p.FrontMatter.Title)
			assert.Equal(t, 5, p.BodyLine)
			assert.Empty(t, render.DiagnosticsOf(ctx))
			if tc.format == post.FormatYAML {
				assert.Equal(t, "Hello", meta.Get(ctx)["title"]) // goldmark-meta still reads it
			}
		})
	}
}

func TestExtenderNoFrontMatter(t *testing.T) {
	html, ctx := convert(t, "{{< x >}}\n\n+++\n", nil)
	assert.Equal(t, "<p>{{&lt; x &gt;}}</p>\n<p>+++</p>\n", html)
	p, err := render.FrontMatterOf(ctx)
	assert.NoError(t, err)
	assert.Nil(t, p)
}

// A front matter that does not decode is not rendered; its error, with
// the path given to SetSource, is a Diagnostic and FrontMatterOf's error.
func TestExtenderFrontMatterError(t *testing.T) {
	html, ctx := convert(t, "+++\ntitle = \n+++\nBody <b>x</b>\n", func(pc parser.Context) {
		render.SetSource(pc, "content/a.md", 1)
	})
	assert.Equal(t, "<p>Body <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n", html)
	p, err := render.FrontMatterOf(ctx)
	assert.Nil(t, p)
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "content/a.md", pe.Path)
	ds := render.DiagnosticsOf(ctx)
	require.NotEmpty(t, ds)
	assert.Equal(t, "content/a.md", ds[0].Path)
	assert.Equal(t, 2, ds[0].Line)
	assert.Contains(t, ds[0].Message, "front matter")
	assert.Equal(t, "content/a.md", ds[len(ds)-1].Path)
	assert.Equal(t, 4, ds[len(ds)-1].Line)
}

// A caller that converts a post's body gives its path and first line, so
// that diagnostics point into the file.
func TestExtenderSetSourceBody(t *testing.T) {
	p, err := post.Parse([]byte("---\ntitle: T\n---\n\nraw <b>x</b>\n"), post.WithPath("b.md"))
	require.NoError(t, err)
	md := goldmark.New(goldmark.WithExtensions(&render.Extender{}))
	ctx := parser.NewContext()
	render.SetSource(ctx, p.Path, p.BodyLine)
	var buf bytes.Buffer
	require.NoError(t, md.Convert(p.Body, &buf, parser.WithContext(ctx)))
	ds := render.DiagnosticsOf(ctx)
	require.NotEmpty(t, ds)
	assert.Equal(t, "b.md:5:5", ds[0].String()[:len("b.md:5:5")])
}
