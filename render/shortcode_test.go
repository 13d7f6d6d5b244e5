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
	"github.com/folio-md/folio/render/shortcode"
)

// shortcodeCase is the JSON comment of a testdata/shortcodes case.
type shortcodeCase struct {
	Post       bool           `json:"post"`       // the input is a whole post file (front matter + body)
	Unknown    string         `json:"unknown"`    // "keep", "drop", "inner", "placeholder": WithUnknownShortcodes; "handler": WithUnknownShortcodeHandler
	Inline     bool           `json:"inline"`     // WithInlineShortcodes(true)
	Plain      bool           `json:"plain"`      // write Result.Plain in a "plain" section
	Embed      string         `json:"embed"`      // "hugo": WrapperHugo; "facade": Facade
	Shortcodes *bool          `json:"shortcodes"` // WithShortcodeSyntax
	Ref        bool           `json:"ref"`        // a test RefResolver
	Unsafe     bool           `json:"unsafe"`     // WithUnsafeHTML
	Without    string         `json:"without"`    // WithoutShortcodeHandlers
	Site       map[string]any `json:"site"`       // WithSiteParams
}

// echoShortcode writes what its handler sees, escaped, for golden tests.
func echoShortcode(w io.Writer, sc *shortcode.Call) error {
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
		WithShortcodeHandler("echo", shortcode.Handler{Render: echoShortcode, Inner: shortcode.InnerOptional}),
		WithShortcodeHandler("ns/echo", shortcode.Handler{Render: echoShortcode, Inner: shortcode.InnerOptional}),
		WithShortcodeHandler("wrap", shortcode.Handler{Inner: shortcode.InnerRequired, Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := fmt.Fprintf(w, "<div class=\"wrap\">%s</div>", sc.Inner)
			return err
		}}),
		WithShortcodeHandler("deindent", shortcode.Handler{Inner: shortcode.InnerRequired, Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := fmt.Fprintf(w, "<pre>%s</pre>", html.EscapeString(sc.InnerDeindent()))
			return err
		}}),
		WithShortcodeHandler("md", shortcode.Handler{Inner: shortcode.InnerOptional, Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := fmt.Fprintf(w, "%s**%s**", sc.GetString("prefix"), sc.GetString("text"))
			return err
		}}),
		WithShortcodeHandler("word", shortcode.Handler{Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := fmt.Fprintf(w, "<em>%s</em> &amp; co", html.EscapeString(sc.GetString(0)))
			return err
		}}),
		WithShortcodeHandler("fail", shortcode.Handler{Render: func(io.Writer, *shortcode.Call) error {
			return errors.New("the handler failed")
		}}),
		WithShortcodeHandler("typed", shortcode.Handler{Render: func(w io.Writer, sc *shortcode.Call) error {
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
		opts = append(opts, WithUnknownShortcodes(shortcode.UnknownKeepAsText))
	case "drop":
		opts = append(opts, WithUnknownShortcodes(shortcode.UnknownDrop))
	case "inner":
		opts = append(opts, WithUnknownShortcodes(shortcode.UnknownInner))
	case "placeholder":
		opts = append(opts, WithUnknownShortcodes(shortcode.UnknownPlaceholder))
	case "handler":
		opts = append(opts, WithUnknownShortcodeHandler(shortcode.Handler{Render: echoShortcode}))
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
		opts = append(opts, WithShortcodeSyntax(*sc.Shortcodes))
	}
	if sc.Ref {
		opts = append(opts, WithRefResolver(func(ref shortcode.Ref) (string, error) {
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
		opts = append(opts, WithoutShortcodeHandlers(sc.Without))
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
		want shortcode.InnerMode
	}{
		{`<b>{{ .Get 0 }}</b>`, shortcode.InnerNone},
		{`{{ .Inner }}`, shortcode.InnerRequired},
		{`{{ with .Get "x" }}{{ $.InnerDeindent }}{{ end }}`, shortcode.InnerRequired},
		{`{{ range .Params }}{{ . }}{{ else }}{{ .Inner | printf "%s" }}{{ end }}`, shortcode.InnerRequired},
		{`{{ define "sub" }}{{ .Inner }}{{ end }}{{ template "sub" . }}`, shortcode.InnerRequired},
		{`{{ if .Parent }}{{ .Parent.Name }}{{ end }}`, shortcode.InnerNone},
	}
	for _, tt := range tests {
		tmpl := template.Must(template.New("t").Parse(tt.src))
		assert.Equal(t, tt.want, shortcode.Template(tmpl).Inner, tt.src)
	}

	// Parent, Params and Position reach the template; Inner is not escaped again.
	outer := template.Must(template.New("o").Parse(`<div>{{ .Inner }}</div>`))
	inner := template.Must(template.New("i").Parse(`[{{ .Parent.Name }} {{ .Get 0 }} {{ .Ordinal }} {{ .Position }} {{ .IsNamedParams }} {{ .Params }}]`))
	r := New(WithShortcodeHandler("outer", shortcode.Template(outer)), WithShortcodeHandler("inner", shortcode.Template(inner)))
	res, err := r.Render([]byte("{{< outer >}}a {{< inner \"<x>\" 2 >}}{{< /outer >}}\n"))
	require.NoError(t, err)
	assert.Equal(t, "<div>a [outer &lt;x&gt; 0 1:16 false [&lt;x&gt; 2]]</div>\n", string(res.HTML))
}
