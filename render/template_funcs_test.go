package render_test

import (
	"errors"
	"html/template"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// A Hugo shortcode template ported as it is: it uses markdownify, urlize,
// default, humanize, upper, printf, safeHTML, .RenderString and
// .Site.Params.
const noticeTemplate = `{{- $kind := .Get "kind" | default "note" -}}
<div class="notice notice-{{ $kind | urlize }}" id="{{ .Get "title" | urlize }}">
<p class="notice-title">{{ humanize $kind }}: {{ .Get "title" | markdownify }}</p>
<p class="notice-site">{{ .Site.Params.brand | upper }} {{ printf "%03d" .Ordinal }}</p>
{{ .Inner | markdownify }}
{{ .RenderString (dict "display" "block") "*block*" }}
{{ .Get "extra" | safeHTML }}
</div>`

func TestTemplateHugoFuncs(t *testing.T) {
	tpl, err := shortcode.ParseTemplate("notice", noticeTemplate)
	require.NoError(t, err)
	src := []byte(`{{< notice kind="Big warning" title="Read *this* first" extra="<b>bold</b> & more" >}}
Some **Markdown** and <i>raw</i>.
{{< /notice >}}`)

	for _, tc := range []struct {
		name   string
		opts   []render.Option
		want   string
		nDiags int
	}{
		{"safe", nil, `<div class="notice notice-big-warning" id="read-this-first">
<p class="notice-title">Big warning: Read <em>this</em> first</p>
<p class="notice-site">FOLIO 000</p>
Some <strong>Markdown</strong> and raw.
<p><em>block</em></p>

<!-- raw HTML omitted -->bold<!-- raw HTML omitted --> & more
</div>
`, 2},
		{"unsafe", []render.Option{render.WithUnsafeHTML()}, `<div class="notice notice-big-warning" id="read-this-first">
<p class="notice-title">Big warning: Read <em>this</em> first</p>
<p class="notice-site">FOLIO 000</p>
Some <strong>Markdown</strong> and <i>raw</i>.
<p><em>block</em></p>

<b>bold</b> & more
</div>
`, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := append([]render.Option{
				render.WithShortcodeHandler("notice", shortcode.Template(tpl)),
				render.WithSiteParams(map[string]any{"Brand": "folio"}),
			}, tc.opts...)
			r := render.New(opts...)
			res, err := r.Render(src)
			require.NoError(t, err)
			assert.Equal(t, tc.want, string(res.HTML))
			assert.Len(t, res.Diagnostics, tc.nDiags, "%v", res.Diagnostics)
		})
	}
}

func TestTemplateRenderStringOnPage(t *testing.T) {
	tpl, err := shortcode.ParseTemplate("t", `{{ .Page.RenderString .Page.Title }}|{{ .Page.Site.Params.x }}|{{ lower "ABC" }}|{{ title "hello world" }}|{{ humanize 22 }}|{{ "" | default "d" }}`)
	require.NoError(t, err)
	p, err := post.Parse([]byte("---\ntitle: \"*T*\"\n---\n{{< t >}}\n"), post.WithPath("a.md"))
	require.NoError(t, err)
	r := render.New(render.WithShortcodeHandler("t", shortcode.Template(tpl)), render.WithSiteParams(map[string]any{"x": 1}))
	res, err := r.RenderPost(p)
	require.NoError(t, err)
	assert.Equal(t, "<em>T</em>|1|abc|Hello World|22nd|d\n", string(res.HTML))
}

// A function folio does not provide is named at parse time.
func TestTemplateUnknownFunction(t *testing.T) {
	_, err := shortcode.ParseTemplate("links", `<a href="{{ .Get 0 | relURL }}">x</a>`)
	require.Error(t, err)
	var te *shortcode.TemplateError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "links", te.Name)
	assert.Contains(t, err.Error(), `function "relURL" not defined`)
	assert.Contains(t, err.Error(), "markdownify")

	// The same in an inline shortcode.
	r := render.New(render.WithInlineShortcodes(true))
	_, err = r.Render([]byte(`{{< a.inline >}}{{ absURL "x" }}{{< /a.inline >}}`))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `function "absURL" not defined`)
}

// A field or method folio does not provide is named when the template
// runs, not as a field of an unexported type.
func TestTemplateUnknownField(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{`{{ .Site.Title }}`, `at <.Site.Title>: .Title is not defined in folio: .Site has .Params`},
		{`{{ .Scratch }}`, `at <.Scratch>: .Scratch is not defined in folio: a shortcode call has .Get`},
	} {
		tpl, err := shortcode.ParseTemplate("x", tc.text)
		require.NoError(t, err)
		r := render.New(render.WithShortcodeHandler("x", shortcode.Template(tpl)))
		_, err = r.Render([]byte("{{< x >}}"))
		require.Error(t, err)
		var te *shortcode.TemplateError
		require.True(t, errors.As(err, &te), "%v", err)
		assert.Contains(t, err.Error(), tc.want)
		assert.NotContains(t, err.Error(), "templateShortcode")
	}
}

// Funcs works with a template the caller parses, and a template that
// defines its own safeHTML cannot bypass the policy through folio.
func TestTemplateFuncsByHand(t *testing.T) {
	tpl := template.Must(template.New("q").Funcs(shortcode.Funcs()).Parse(`<q>{{ .Get 0 | safeHTML }}</q>`))
	r := render.New(render.WithShortcodeHandler("q", shortcode.Template(tpl)))
	res, err := r.Render([]byte(`{{< q "<script>alert(1)</script>" >}}`))
	require.NoError(t, err)
	assert.Equal(t, "<q><!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --></q>\n", string(res.HTML))
	require.NotEmpty(t, res.Diagnostics)
}
