package render_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

// writeHook returns a code block hook that writes s and the block's type.
func writeHook(s string) render.CodeBlockHook {
	return func(w io.Writer, cb render.CodeBlock) error {
		_, err := fmt.Fprintf(w, "[%s %s]", s, cb.Type)
		return err
	}
}

// declineHook writes something and returns ErrDefault: what it wrote
// must be dropped.
func declineHook(w io.Writer, cb render.CodeBlock) error {
	_, _ = io.WriteString(w, "dropped")
	return render.ErrDefault
}

func renderHTML(t *testing.T, src string, opts ...render.Option) (string, []render.Diagnostic) {
	t.Helper()
	res, err := render.New(opts...).Render([]byte(src))
	require.NoError(t, err)
	return string(res.HTML), res.Diagnostics
}

func TestCodeBlockHookForOrder(t *testing.T) {
	t.Parallel()
	src := "```dot\na\n```\n\n```goat\n-->\n```\n\n```mermaid\ngraph\n```\n\n```go\nx\n```\n"
	cases := []struct {
		name string
		opts []render.Option
		want []string // what each of the four blocks starts with
	}{
		{"none", nil, []string{`<pre tabindex="0"><code class="language-dot"`, `<pre tabindex="0"><code class="language-goat"`, `<pre tabindex="0"><code class="language-mermaid"`, `<div class="highlight">`}},
		{"diagrams", []render.Option{render.WithGoAT(true), render.WithMermaid(true)},
			[]string{`<pre tabindex="0"><code class="language-dot"`, "\n\n\n<div class=\"goat svg-container \">", `<pre class="mermaid">graph</pre>`, `<div class="highlight">`}},
		{"general hook", []render.Option{render.WithGoAT(true), render.WithCodeBlockHook(writeHook("all"))},
			[]string{"[all dot]", "\n\n\n<div class=\"goat", "[all mermaid]", "[all go]"}},
		{"language hooks", []render.Option{render.WithGoAT(true), render.WithMermaid(true), render.WithCodeBlockHook(writeHook("all")),
			render.WithCodeBlockHookFor("dot", writeHook("dot")), render.WithCodeBlockHookFor("goat", writeHook("goat")), render.WithCodeBlockHookFor("mermaid", writeHook("mmd"))},
			[]string{"[dot dot]", "[goat goat]", "[mmd mermaid]", "[all go]"}},
		{"declined", []render.Option{render.WithGoAT(true), render.WithCodeBlockHook(declineHook),
			render.WithCodeBlockHookFor("dot", declineHook), render.WithCodeBlockHookFor("goat", declineHook), render.WithCodeBlockHookFor("go", writeHook("go"))},
			[]string{`<pre tabindex="0"><code class="language-dot"`, "\n\n\n<div class=\"goat", `<pre tabindex="0"><code class="language-mermaid"`, "[go go]"}},
		{"removed", []render.Option{render.WithCodeBlockHookFor("dot", writeHook("dot")), render.WithCodeBlockHookFor("dot", nil)},
			[]string{`<pre tabindex="0"><code class="language-dot"`, `<pre tabindex="0"><code class="language-goat"`, `<pre tabindex="0"><code class="language-mermaid"`, `<div class="highlight">`}},
		{"HugoCompat has GoAT", []render.Option{render.HugoCompat()},
			[]string{`<pre tabindex="0"><code class="language-dot"`, "\n\n\n<div class=\"goat", `<pre tabindex="0"><code class="language-mermaid"`, `<div class="highlight">`}},
		{"HugoCompat without GoAT", []render.Option{render.HugoCompat(), render.WithGoAT(false)},
			[]string{`<pre tabindex="0"><code class="language-dot"`, `<pre tabindex="0"><code class="language-goat"`, `<pre tabindex="0"><code class="language-mermaid"`, `<div class="highlight">`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			html, _ := renderHTML(t, src, c.opts...)
			assert.NotContains(t, html, "dropped")
			rest := html
			for _, w := range c.want {
				i := strings.Index(rest, w)
				if !assert.GreaterOrEqual(t, i, 0, "%q not found, in order, in\n%s", w, html) {
					return
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestCodeBlockHookForMatchesAsWritten(t *testing.T) {
	t.Parallel()
	// Hugo's render-codeblock-mermaid.html does not take ```Mermaid.
	html, _ := renderHTML(t, "```Mermaid\ng\n```\n\n```mermaid\ng\n```\n", render.WithCodeBlockHookFor("mermaid", writeHook("m")), render.WithMermaid(true))
	assert.Equal(t, "<pre tabindex=\"0\"><code class=\"language-Mermaid\" data-lang=\"Mermaid\">g\n</code></pre>[m mermaid]", html)

	// "" is the fences without a language; indented code is no fence.
	html, _ = renderHTML(t, "```\nx\n```\n\n    y\n", render.WithCodeBlockHookFor("", writeHook("none")))
	assert.Equal(t, "[none ]<pre><code>y\n</code></pre>\n", html)
}

func TestCodeBlockHookForError(t *testing.T) {
	t.Parallel()
	fail := func(io.Writer, render.CodeBlock) error { return errors.New("boom") }
	_, err := render.New(render.WithCodeBlockHookFor("dot", fail)).Render([]byte("text\n\n  ```dot\n  a\n  ```\n"))
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, [2]int{3, 3}, [2]int{pe.Line, pe.Column})
	assert.ErrorContains(t, err, `code block hook for "dot": boom`)
}

func TestCodeBlockHookForSharedOptions(t *testing.T) {
	t.Parallel()
	// An option list reused for two renderers: the second option must not
	// change the first renderer's hooks.
	base := []render.Option{render.WithCodeBlockHookFor("a", writeHook("a"))}
	r1 := render.New(base...)
	r2 := render.New(append(base, render.WithCodeBlockHookFor("b", writeHook("b")))...)
	src := []byte("```b\nx\n```\n")
	res1, err := r1.Render(src)
	require.NoError(t, err)
	res2, err := r2.Render(src)
	require.NoError(t, err)
	assert.NotContains(t, string(res1.HTML), "[b b]")
	assert.Equal(t, "[b b]", string(res2.HTML))
}

func TestMermaid(t *testing.T) {
	t.Parallel()
	html, ds := renderHTML(t, "```mermaid {class=\"x\" linenos=true}\ngraph TD\n  A[\"<b>&'\"] --> B\n\n```\n", render.WithMermaid(true))
	assert.Equal(t, "<pre class=\"mermaid\">graph TD\n  A[&#34;&lt;b&gt;&amp;&#39;&#34;] --&gt; B</pre>\n", html)
	assert.Equal(t, "1:13: fence attribute \"class\" is not written to the HTML: a mermaid diagram does not use it\n1:23: fence option \"linenos\" is ignored: a mermaid diagram is not highlighted\n",
		string(diagnosticLines(ds)))
}

func TestGoATDiagnostics(t *testing.T) {
	t.Parallel()
	html, ds := renderHTML(t, "```goat {width=10 .c onclick=\"x\"}\n-->\n```\n", render.WithGoAT(true))
	assert.Contains(t, html, `<div class="goat svg-container c">`)
	assert.Contains(t, html, `width="10"`)
	assert.NotContains(t, html, "onclick")
	assert.Equal(t, "1:22: fence attribute \"onclick\" is not written to the HTML: a goat diagram does not use it\n", string(diagnosticLines(ds)))

	// A diagram whose grid is much larger than its text is written as
	// code, and said so.
	sparse := "```goat\n" + strings.Repeat("-", 3000) + "\n" + strings.Repeat("\n", 3000) + "x\n```\n"
	html, ds = renderHTML(t, sparse, render.WithGoAT(true))
	assert.True(t, strings.HasPrefix(html, `<pre tabindex="0"><code class="language-goat" data-lang="goat">---`), html[:80])
	require.Len(t, ds, 1)
	assert.Contains(t, ds[0].String(), "1:4: GoAT diagram too large")
	assert.Contains(t, ds[0].String(), "written as code")

	// A language hook that declines a diagram too large to draw falls
	// back to code, not to an error.
	html, _ = renderHTML(t, sparse, render.WithGoAT(true), render.WithCodeBlockHookFor("goat", declineHook))
	assert.True(t, strings.HasPrefix(html, `<pre tabindex="0"><code class="language-goat"`))
}

func TestExtenderCodeBlockHooks(t *testing.T) {
	t.Parallel()
	md := goldmark.New(goldmark.WithExtensions(&render.Extender{
		NoMeta: true, GoAT: true, Mermaid: true,
		CodeBlockHooks: map[string]render.CodeBlockHook{"dot": writeHook("dot")},
	}))
	var out bytes.Buffer
	pc := parser.NewContext()
	require.NoError(t, md.Convert([]byte("```dot\nx\n```\n\n```mermaid\ng\n```\n\n```goat\no\n```\n"), &out, parser.WithContext(pc)))
	assert.True(t, strings.HasPrefix(out.String(), "[dot dot]<pre class=\"mermaid\">g</pre>\n\n\n\n<div class=\"goat svg-container \">"), out.String())
	assert.Empty(t, render.DiagnosticsOf(pc))
}

func TestHighlightShortcodeInText(t *testing.T) {
	t.Parallel()
	src := "A {{< highlight go >}}x{{< /highlight >}} b.\n\nC {{< highlight go \"hl_inline=true\" >}}y{{< /highlight >}} d.\n\n{{< highlight go >}}\nz\n{{< /highlight >}}\n"
	html, ds := renderHTML(t, src, render.HugoCompat())
	assert.Contains(t, html, `<p>C <code class="code-inline language-go"><span style="color:#a6e22e">y</span></code> d.</p>`)
	assert.Equal(t, "1:3: highlight: a code block inside a line of text puts a <div> inside the paragraph (as Hugo does); add the option hl_inline=true for inline code\n",
		string(diagnosticLines(ds)))
}
