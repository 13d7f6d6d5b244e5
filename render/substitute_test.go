package render

import (
	"html/template"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/shortcode"
)

// substituteRenderer has shortcodes whose output is hostile HTML, text and
// URLs, so that each context shows what it does with them.
func substituteRenderer(opts ...Option) *Renderer {
	base := []Option{
		WithShortcodeHandler("html", shortcode.Handler{Render: writeString(`<b class="x" onclick="alert(1)">bold</b> &amp; "quoted"`)}),
		WithShortcodeHandler("js", shortcode.Handler{Render: writeString(`javascript:alert(1)`)}),
		WithShortcodeHandler("path", shortcode.Handler{Render: writeString(`/docs/a b/?x=1&amp;y=2`)}),
		WithRefResolver(func(ref shortcode.Ref) (string, error) {
			if ref.Path == "evil" {
				return "JaVaScRiPt:alert(1)", nil
			}
			return "/posts/" + ref.Path + "/", nil
		}),
	}
	return New(append(base, opts...)...)
}

func writeString(s string) shortcode.Func {
	return func(w io.Writer, _ *shortcode.Call) error {
		_, err := w.Write([]byte(s))
		return err
	}
}

func TestSubstituteByContext(t *testing.T) {
	t.Parallel()
	r := substituteRenderer()
	tests := []struct {
		name, in, want string
		diags          []string // substrings, in order
	}{
		{"element content keeps HTML", "a {{< html >}} b",
			`<p>a <b class="x" onclick="alert(1)">bold</b> &amp; "quoted" b</p>` + "\n", nil},
		{"alone in a paragraph", "{{< html >}}",
			`<b class="x" onclick="alert(1)">bold</b> &amp; "quoted"` + "\n", nil},
		{"image alt gets text", "![{{< html >}}](/a.png)",
			`<p><img src="/a.png" alt="bold &amp; &#34;quoted&#34;"></p>` + "\n", nil},
		{"link title gets text", `[x](/a "{{< html >}}")`,
			`<p><a href="/a" title="bold &amp; &#34;quoted&#34;">x</a></p>` + "\n", nil},
		{"heading id", "## h {#{{< html >}}}",
			`<h2 id="bold &amp; &#34;quoted&#34;">h</h2>` + "\n", nil},
		{"heading class", "## h {.a{{< html >}}}",
			`<h2 class="abold &amp; &#34;quoted&#34;" id="h">h</h2>` + "\n", nil},
		{"heading title", `## h {title="{{< html >}}"}`,
			`<h2 title="bold &amp; &#34;quoted&#34;" id="h">h</h2>` + "\n", nil},
		{"URL from a shortcode is checked", "[x]({{< js >}})",
			`<p><a href="">x</a></p>` + "\n", []string{`unsafe URL "javascript:alert(1)" from shortcode output removed`}},
		{"image URL from a shortcode is checked", "![x]({{< js >}})",
			`<p><img src="" alt="x"></p>` + "\n", []string{`unsafe URL "javascript:alert(1)" from shortcode output removed`}},
		{"ref keeps working", `[post]({{< ref "x.md" >}})`,
			`<p><a href="/posts/x.md/">post</a></p>` + "\n", nil},
		{"relref in a path", `[post](/a/{{< relref "x" >}})`,
			`<p><a href="/a//posts/x/">post</a></p>` + "\n", nil},
		{"ref to a script URL", `[post]({{< ref "evil" >}})`,
			`<p><a href="">post</a></p>` + "\n", []string{`unsafe URL "JaVaScRiPt:alert(1)" from shortcode output removed`}},
		{"ref as text is text", `{{< ref "evil" >}}`,
			`JaVaScRiPt:alert(1)` + "\n", nil},
		{"URL text keeps its escapes", "[x]({{< path >}})",
			`<p><a href="/docs/a b/?x=1&amp;y=2">x</a></p>` + "\n", nil},
		{"heading text keeps HTML, id gets text", "## a {{< html >}}",
			`<h2 id="a-bold--quoted">a <b class="x" onclick="alert(1)">bold</b> &amp; "quoted"</h2>` + "\n", nil},
		{"attribute name position drops it", "## h {data-{{< html >}}=1}",
			`<h2 data-="1" id="h">h</h2>` + "\n", []string{`output of shortcode "html" dropped: it stands inside an HTML tag`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := r.Render([]byte(tt.in))
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(res.HTML))
			var msgs []string
			for _, d := range res.Diagnostics {
				msgs = append(msgs, d.Message)
			}
			for _, want := range tt.diags {
				found := false
				for _, m := range msgs {
					if strings.Contains(m, want) {
						found = true
					}
				}
				assert.True(t, found, "diagnostic %q not in %q", want, msgs)
			}
		})
	}
}

// TestSubstituteRawHTMLContexts covers contexts only raw HTML under
// WithUnsafeHTML can make: Hugo's common <a href="{{< relref >}}">, an
// unquoted value, a comment, script text and a tag name.
func TestSubstituteRawHTMLContexts(t *testing.T) {
	t.Parallel()
	r := substituteRenderer(WithUnsafeHTML())
	tests := []struct{ in, want string }{
		{`<a href="{{< relref "x" >}}">x</a>`, `<p><a href="/posts/x/">x</a></p>` + "\n"},
		{`<a href="{{< js >}}">x</a>`, `<p><a href="javascript:alert(1)">x</a></p>` + "\n"}, // unsafe: not checked
		{`<a title={{< html >}}>x</a>`, `<p><a title="bold &amp; &#34;quoted&#34;">x</a></p>` + "\n"},
		{"<div>\n<!-- {{< html >}} -->\n</div>", "<div>\n<!-- bold &amp; &#34;quoted&#34; -->\n</div>"},
		{"<script>\nvar x = '{{< html >}}';\n</script>", "<script>\nvar x = 'bold &amp; &#34;quoted&#34;';\n</script>"},
		{"<div>\n<span x='>' y=\"{{< html >}}\"></span>\n</div>", "<div>\n<span x='>' y=\"bold &amp; &#34;quoted&#34;\"></span>\n</div>"},
	}
	for _, tt := range tests {
		res, err := r.Render([]byte(tt.in))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, string(res.HTML), tt.in)
	}
}

func TestUnplacedOutputIsReported(t *testing.T) {
	t.Parallel()
	r := substituteRenderer()
	res, err := r.Render([]byte("Text <span title=\"{{< html >}}\">x</span>.\n"))
	require.NoError(t, err)
	assert.Equal(t, "<p>Text <!-- raw HTML omitted -->x<!-- raw HTML omitted -->.</p>\n", string(res.HTML))
	var msgs []string
	for _, d := range res.Diagnostics {
		msgs = append(msgs, d.String())
	}
	assert.Contains(t, msgs, `1:19: output of shortcode "html" is not in the HTML (it stood where nothing is written, such as omitted raw HTML)`)
}

// TestPlaceholdersCannotBeForged writes text that a fixed placeholder
// scheme would turn into shortcode output: in every case it stays text.
func TestPlaceholdersCannotBeForged(t *testing.T) {
	t.Parallel()
	r := substituteRenderer()
	for _, in := range []string{
		"## FSCQ0Z\n\n{{< html >}}\n",
		"## f.s.c.q.0.z\n\n{{< html >}}\n",
		"[x](/a \"&#102;scq0z\")\n\n{{< html >}}\n",
		"## A0Z\n\n## a0z\n\n{{< html >}} {{< html >}}\n",
		"fscq0z fscqx0z FSCQX1Z &#x66;scq1z\n\n{{< html >}} {{< html >}}\n",
	} {
		res, err := r.Render([]byte(in))
		require.NoError(t, err, in)
		h := string(res.HTML)
		assert.Equal(t, strings.Count(in, "{{< html >}}"), strings.Count(h, "bold"), "%q gave %s", in, h)
		assert.NotContains(t, h, `id="<b`, in)
		assert.NotContains(t, h, `title="<b`, in)
	}
}

func TestTemplateInnerPolicy(t *testing.T) {
	t.Parallel()
	tm := template.Must(template.New("box").Parse(`<div class="box">{{ .Inner }}</div>`))
	opts := []Option{WithShortcodeHandler("box", shortcode.Template(tm)), WithSiteParams(map[string]any{"who": "<i>Ann</i>"})}
	src := []byte("{{< box >}}<script>alert(1)</script> by {{< param who >}}{{< /box >}}\n")

	res, err := New(opts...).Render(src)
	require.NoError(t, err)
	assert.Equal(t, `<div class="box"><!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> by &lt;i&gt;Ann&lt;/i&gt;</div>`+"\n", string(res.HTML))
	require.NotEmpty(t, res.Diagnostics)
	assert.Equal(t, "1:12: raw HTML <script> omitted (in the inner content of shortcode \"box\")", res.Diagnostics[0].String())

	res, err = New(append(opts, WithUnsafeHTML())...).Render(src)
	require.NoError(t, err)
	assert.Equal(t, `<div class="box"><script>alert(1)</script> by &lt;i&gt;Ann&lt;/i&gt;</div>`+"\n", string(res.HTML))

	// A {{% %}} call's output is Markdown: its raw HTML meets the policy
	// when the page is rendered.
	p, err := post.Parse([]byte("{{% box %}}<script>alert(1)</script>{{% /box %}}\n"))
	require.NoError(t, err)
	res, err = New(opts...).RenderPost(p)
	require.NoError(t, err)
	assert.NotContains(t, string(res.HTML), "<script>")
}
