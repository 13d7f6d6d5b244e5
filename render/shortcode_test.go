package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"html/template"
	"io"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
)

// shortcodeCase is the JSON comment of a testdata/shortcodes case.
type shortcodeCase struct {
	Post       bool           `json:"post"`       // the input is a whole post file (front matter + body)
	Unknown    string         `json:"unknown"`    // "keep", "drop", "inner", "placeholder": WithUnknownShortcodes; "handler": WithUnknownShortcodeHandler
	Inline     bool           `json:"inline"`     // WithInlineShortcodes(true)
	Plain      bool           `json:"plain"`      // write Result.Plain in a "plain" section
	Embed      string         `json:"embed"`      // "hugo": WrapperHugo; "facade": Facade
	Shortcodes *bool          `json:"shortcodes"` // WithShortcodes
	Ref        bool           `json:"ref"`        // a test RefResolver
	Unsafe     bool           `json:"unsafe"`     // WithUnsafeHTML
	Without    string         `json:"without"`    // WithoutShortcode
	Site       map[string]any `json:"site"`       // WithSiteParams
}

// echoShortcode writes what its handler sees, escaped, for golden tests.
func echoShortcode(w io.Writer, sc *Shortcode) error {
	var b strings.Builder
	fmt.Fprintf(&b, "[%s", sc.Name)
	if sc.Markdown {
		b.WriteString(" md")
	}
	fmt.Fprintf(&b, " #%d @%s", sc.Ordinal, sc.Position)
	if sc.Parent != nil {
		fmt.Fprintf(&b, " parent=%s#%d", sc.Parent.Name, sc.Parent.Ordinal)
	}
	switch p := sc.Params.(type) {
	case []any:
		for i, v := range p {
			fmt.Fprintf(&b, " %d=%#v(%T)", i, v, v)
		}
	case map[string]any:
		b.WriteString(" named")
		keys := make([]string, 0, len(p))
		for k := range p {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, " %s=%#v(%T)", k, p[k], p[k])
		}
	}
	if sc.Inner != "" {
		fmt.Fprintf(&b, " inner=%q", sc.Inner)
	}
	b.WriteString("]")
	if sc.Markdown {
		_, err := io.WriteString(w, b.String())
		return err
	}
	_, err := io.WriteString(w, html.EscapeString(b.String()))
	return err
}

// testShortcodes are registered in every golden case.
func testShortcodes() []Option {
	return []Option{
		WithShortcode("echo", ShortcodeHandler{Render: echoShortcode, Inner: InnerOptional}),
		WithShortcode("ns/echo", ShortcodeHandler{Render: echoShortcode, Inner: InnerOptional}),
		WithShortcode("wrap", ShortcodeHandler{Inner: InnerRequired, Render: func(w io.Writer, sc *Shortcode) error {
			_, err := fmt.Fprintf(w, "<div class=\"wrap\">%s</div>", sc.Inner)
			return err
		}}),
		WithShortcode("deindent", ShortcodeHandler{Inner: InnerRequired, Render: func(w io.Writer, sc *Shortcode) error {
			_, err := fmt.Fprintf(w, "<pre>%s</pre>", html.EscapeString(sc.InnerDeindent()))
			return err
		}}),
		WithShortcode("md", ShortcodeHandler{Inner: InnerOptional, Render: func(w io.Writer, sc *Shortcode) error {
			_, err := fmt.Fprintf(w, "%s**%s**", sc.GetString("prefix"), sc.GetString("text"))
			return err
		}}),
		WithShortcode("word", ShortcodeHandler{Render: func(w io.Writer, sc *Shortcode) error {
			_, err := fmt.Fprintf(w, "<em>%s</em> &amp; co", html.EscapeString(sc.GetString(0)))
			return err
		}}),
		WithShortcode("fail", ShortcodeHandler{Render: func(io.Writer, *Shortcode) error {
			return errors.New("the handler failed")
		}}),
		WithShortcode("typed", ShortcodeHandler{Render: func(w io.Writer, sc *Shortcode) error {
			n, err := sc.GetInt("n", 0)
			if err != nil {
				return err
			}
			on, err := sc.GetBool("on", false)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintf(w, "n=%d on=%t", n, on)
			return err
		}}),
	}
}

func (sc shortcodeCase) options() []Option {
	opts := testShortcodes()
	switch sc.Unknown {
	case "keep":
		opts = append(opts, WithUnknownShortcodes(UnknownKeepAsText))
	case "drop":
		opts = append(opts, WithUnknownShortcodes(UnknownDrop))
	case "inner":
		opts = append(opts, WithUnknownShortcodes(UnknownInner))
	case "placeholder":
		opts = append(opts, WithUnknownShortcodes(UnknownPlaceholder))
	case "handler":
		opts = append(opts, WithUnknownShortcodeHandler(ShortcodeHandler{Render: echoShortcode}))
	}
	if sc.Inline {
		opts = append(opts, WithInlineShortcodes(true))
	}
	switch sc.Embed {
	case "hugo":
		opts = append(opts, WithEmbedOptions(embed.Options{Wrapper: embed.WrapperHugo}))
	case "facade":
		opts = append(opts, WithEmbedOptions(embed.Options{Facade: true}))
	}
	if sc.Shortcodes != nil {
		opts = append(opts, WithShortcodes(*sc.Shortcodes))
	}
	if sc.Ref {
		opts = append(opts, WithRefResolver(func(ref Ref) (string, error) {
			if ref.Path == "missing.md" {
				return "", fmt.Errorf("page %q not found", ref.Path)
			}
			u := "/" + strings.TrimSuffix(ref.Path, ".md") + "/"
			if ref.Lang != "" {
				u = "/" + ref.Lang + u
			}
			if !ref.Relative {
				u = "https://example.org" + u
			}
			if ref.OutputFormat != "" {
				u += "index." + ref.OutputFormat
			}
			return u + "?from=" + ref.Position.String() + "&x=<y>", nil
		}))
	}
	if sc.Unsafe {
		opts = append(opts, WithUnsafeHTML())
	}
	if sc.Without != "" {
		opts = append(opts, WithoutShortcode(sc.Without))
	}
	if sc.Site != nil {
		opts = append(opts, WithSiteParams(sc.Site))
	}
	return opts
}

func TestShortcodeGolden(t *testing.T) {
	for _, c := range golden.Load(t, "testdata/shortcodes/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			var sc shortcodeCase
			if len(strings.TrimSpace(string(c.Comment))) > 0 {
				require.NoError(t, json.Unmarshal(c.Comment, &sc), "comment")
			}
			r := New(sc.options()...)
			var res *Result
			var err error
			if sc.Post {
				p, perr := post.Parse(c.Input.Data, post.WithPath(c.Input.Name))
				require.NoError(t, perr)
				res, err = r.RenderPost(p)
			} else {
				res, err = r.Render(c.Input.Data)
			}
			var outs []golden.Output
			if err != nil {
				var pe *post.ParseError
				require.True(t, errors.As(err, &pe), "error %v is not a *post.ParseError", err)
				outs = append(outs, golden.Output{Name: "error", Data: []byte(err.Error())})
			} else {
				outs = append(outs, golden.Output{Name: "html", Data: res.HTML})
				if sc.Plain {
					outs = append(outs, golden.Output{Name: "plain", Data: []byte(res.Plain + "\n")})
				}
				if res.TOC != nil && len(res.TOC.Items) > 0 {
					outs = append(outs, golden.Output{Name: "toc", Data: res.TOC.HTML()})
				}
				if len(res.Diagnostics) > 0 {
					var b strings.Builder
					for _, d := range res.Diagnostics {
						b.WriteString(d.String())
						b.WriteByte('\n')
					}
					outs = append(outs, golden.Output{Name: "diagnostics", Data: []byte(b.String())})
				}
			}
			c.Check(t, *update, outs...)
		})
	}
}

// TestShortcodeExpansion checks the expansion itself: the source goldmark
// parses, offsets mapped back, and finish.
func TestShortcodeExpansion(t *testing.T) {
	t.Parallel()
	r := New(testShortcodes()...)
	src := []byte("a {{% md text=\"x\" %}} b {{< word hi >}}\n\n{{< word solo >}}\n\nfscq and {{</* e */>}}")
	d := &docState{src: src}
	x, err := r.expandShortcodes(d)
	require.NoError(t, err)
	ph := func(s string) string { return strings.ReplaceAll(s, "PH", string(x.prefix)) }
	assert.Len(t, x.prefix, placeholderLen)
	assert.Equal(t, ph("a **x** b PH0z\n\nPH1z\n\nfscq and {{< e >}}"), string(x.source()))
	// Offsets before, inside and after a replacement.
	assert.Equal(t, 1, x.origOffset(1))
	assert.Equal(t, 2, x.origOffset(3)) // inside **x**: the call
	assert.Equal(t, len("a {{% md text=\"x\" %}}"), x.origOffset(len("a **x**")))
	assert.Equal(t, strings.Index(string(src), "fscq and"), x.origOffset(strings.Index(string(x.source()), "fscq and")))
	assert.Equal(t, strings.Index(string(src), "{{</*"), x.origOffset(len(x.source())-3)) // inside an escape
	f := newFinisher(x, d, false, r.urls)
	got, err := f.finish([]byte(ph("<p>a <strong>x</strong> b PH0z</p>\n<p>PH1z</p>\n<p>fscqx9z</p>")))
	require.NoError(t, err)
	assert.Equal(t, "<p>a <strong>x</strong> b <em>hi</em> &amp; co</p>\n<em>solo</em> &amp; co\n<p>fscqx9z</p>", string(got))
	assert.Equal(t, "b hi & co!", string(x.plain([]byte(ph("b PH0z!")))))
	// A placeholder no call made is an error, not a substitution.
	for _, forged := range []string{"PH9z", "PH1", "PHz", "PH01x"} {
		_, err = f.finish([]byte(ph("<p>" + forged + "</p>")))
		require.ErrorIs(t, err, errForeignPlaceholder, forged)
	}

	// No shortcodes: the source itself, untouched.
	plain := []byte("no {{ shortcodes }} here")
	x, err = r.expandShortcodes(&docState{src: plain})
	require.NoError(t, err)
	assert.Equal(t, &plain[0], &x.source()[0])
	assert.Equal(t, 5, x.origOffset(5))
}

func TestShortcodeGet(t *testing.T) {
	t.Parallel()
	pos := &Shortcode{Params: []any{"a", 2, true}}
	named := &Shortcode{Params: map[string]any{"id": "x", "n": "7", "b": 0}, IsNamedParams: true}
	none := &Shortcode{}
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

func TestDeindent(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "a\n  b\n\nc\n", deindent("    a\n      b\n\n    c\n"))
	assert.Equal(t, "a\n b", deindent("a\n b"))
	assert.Equal(t, "x\n\ty\n", deindent("\tx\n\t\ty\n"))
}

// TestShortcodeConcurrent renders with one Renderer from many goroutines.
func TestShortcodeConcurrent(t *testing.T) {
	t.Parallel()
	r := New(testShortcodes()...)
	src := []byte("# T {{< word x >}}\n\n{{< wrap >}}in {{< echo 1 >}}{{< /wrap >}}\n\n{{% md text=\"y\" %}}\n")
	want, err := r.Render(src)
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				res, err := r.Render(src)
				if err != nil {
					errs[i] = err
					return
				}
				if string(res.HTML) != string(want.HTML) {
					errs[i] = fmt.Errorf("got %s", res.HTML)
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		assert.NoError(t, err)
	}
}

func TestShortcodeTemplateInner(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  string
		want InnerMode
	}{
		{`<b>{{ .Get 0 }}</b>`, InnerNone},
		{`{{ .Inner }}`, InnerRequired},
		{`{{ with .Get "x" }}{{ $.InnerDeindent }}{{ end }}`, InnerRequired},
		{`{{ range .Params }}{{ . }}{{ else }}{{ .Inner | printf "%s" }}{{ end }}`, InnerRequired},
		{`{{ define "sub" }}{{ .Inner }}{{ end }}{{ template "sub" . }}`, InnerRequired},
		{`{{ if .Parent }}{{ .Parent.Name }}{{ end }}`, InnerNone},
	}
	for _, tt := range tests {
		tmpl := template.Must(template.New("t").Parse(tt.src))
		assert.Equal(t, tt.want, ShortcodeTemplate(tmpl).Inner, tt.src)
	}

	// Parent, Params and Position reach the template; Inner is not escaped again.
	outer := template.Must(template.New("o").Parse(`<div>{{ .Inner }}</div>`))
	inner := template.Must(template.New("i").Parse(`[{{ .Parent.Name }} {{ .Get 0 }} {{ .Ordinal }} {{ .Position }} {{ .IsNamedParams }} {{ .Params }}]`))
	r := New(WithShortcode("outer", ShortcodeTemplate(outer)), WithShortcode("inner", ShortcodeTemplate(inner)))
	res, err := r.Render([]byte("{{< outer >}}a {{< inner \"<x>\" 2 >}}{{< /outer >}}\n"))
	require.NoError(t, err)
	assert.Equal(t, "<div>a [outer &lt;x&gt; 0 1:16 false [&lt;x&gt; 2]]</div>\n", string(res.HTML))
}

// TestShortcodeDepthLimit: calls nest at most maxShortcodeDepth levels; a
// deeper call is a positioned error, at the call that is too deep.
func TestShortcodeDepthLimit(t *testing.T) {
	t.Parallel()
	echo := ShortcodeHandler{Inner: InnerOptional, Render: func(w io.Writer, sc *Shortcode) error {
		_, err := io.WriteString(w, sc.Inner)
		return err
	}}
	r := New(WithShortcode("e", echo))
	nest := func(n int) []byte {
		return []byte(strings.Repeat("{{% e %}}a ", n) + strings.Repeat("{{% /e %}}", n) + "\n")
	}
	_, err := r.Render(nest(maxShortcodeDepth))
	require.NoError(t, err)
	_, err = r.Render(nest(maxShortcodeDepth + 1))
	require.ErrorIs(t, err, ErrShortcodeSyntax)
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 1, pe.Line)
	assert.Equal(t, 1+len("{{% e %}}a ")*maxShortcodeDepth, pe.Column)
}
