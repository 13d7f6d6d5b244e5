package shortcode

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
)

// testHost is a Host over one source: positions counted from it, Markdown
// returned as it is, every URL allowed but javascript:.
type testHost struct {
	src   []byte
	warns []string
}

func (h *testHost) Position(off int) post.Position {
	off = max(0, min(off, len(h.src)))
	line := 1 + bytes.Count(h.src[:off], []byte("\n"))
	return post.Position{Line: line, Column: off - (bytes.LastIndexByte(h.src[:off], '\n') + 1) + 1}
}

func (h *testHost) Warn(off int, msg string) {
	h.warns = append(h.warns, fmt.Sprintf("%s: %s", h.Position(off), msg))
}

func (h *testHost) RenderMarkdown(markdown []byte, _ bool, _ int, _ string) ([]byte, error) {
	return markdown, nil
}

func (h *testHost) URLAllowed(u []byte, _, _ string) bool {
	return !bytes.HasPrefix(bytes.ToLower(u), []byte("javascript:"))
}

// testConfig has a {{% md %}} shortcode that writes Markdown and a
// {{< word >}} one that writes HTML.
func testConfig() *Config {
	return &Config{Handlers: map[string]Handler{
		"md": {Inner: InnerOptional, Render: func(w io.Writer, c *Call) error {
			_, err := fmt.Fprintf(w, "%s**%s**", c.GetString("prefix"), c.GetString("text"))
			return err
		}},
		"word": {Render: func(w io.Writer, c *Call) error {
			_, err := fmt.Fprintf(w, "<em>%s</em> &amp; co", html.EscapeString(c.GetString(0)))
			return err
		}},
	}}
}

// TestExpansion checks the expansion itself: the Markdown to parse,
// offsets mapped back, and Finish.
func TestExpansion(t *testing.T) {
	t.Parallel()
	src := []byte("a {{% md text=\"x\" %}} b {{< word hi >}}\n\n{{< word solo >}}\n\nfscq and {{</* e */>}}")
	x, err := Expand(src, nil, testConfig(), &testHost{src: src})
	require.NoError(t, err)
	ph := func(s string) string { return strings.ReplaceAll(s, "PH", string(x.prefix)) }
	assert.Len(t, x.prefix, placeholderLen)
	assert.Equal(t, ph("a **x** b PH0z\n\nPH1z\n\nfscq and {{< e >}}"), string(x.Markdown()))
	// Offsets before, inside and after a replacement.
	assert.Equal(t, 1, x.SourceOffset(1))
	assert.Equal(t, 2, x.SourceOffset(3)) // inside **x**: the call
	assert.Equal(t, len("a {{% md text=\"x\" %}}"), x.SourceOffset(len("a **x**")))
	assert.Equal(t, strings.Index(string(src), "fscq and"), x.SourceOffset(strings.Index(string(x.Markdown()), "fscq and")))
	assert.Equal(t, strings.Index(string(src), "{{</*"), x.SourceOffset(len(x.Markdown())-3)) // inside an escape
	assert.True(t, x.HasPlaceholders())
	assert.False(t, x.WantsTOC())
	got, err := x.Finish([]byte(ph("<p>a <strong>x</strong> b PH0z</p>\n<p>PH1z</p>\n<p>fscqx9z</p>")))
	require.NoError(t, err)
	assert.Equal(t, "<p>a <strong>x</strong> b <em>hi</em> &amp; co</p>\n<em>solo</em> &amp; co\n<p>fscqx9z</p>", string(got))
	assert.Equal(t, "b hi & co!", string(x.PlainText([]byte(ph("b PH0z!")))))
	// A placeholder no call made is an error, not a substitution.
	for _, forged := range []string{"PH9z", "PH1", "PHz", "PH01x"} {
		_, err = x.Finish([]byte(ph("<p>" + forged + "</p>")))
		require.ErrorIs(t, err, errForeignPlaceholder, forged)
	}

	// No shortcodes: the source itself, untouched.
	plain := []byte("no {{ shortcodes }} here")
	x, err = Expand(plain, nil, testConfig(), &testHost{src: plain})
	require.NoError(t, err)
	assert.Equal(t, &plain[0], &x.Markdown()[0])
	assert.Equal(t, 5, x.SourceOffset(5))
	assert.False(t, x.HasPlaceholders())
}

// TestExpansionUnplaced: the output of a call that no Finish wrote is
// reported at the call.
func TestExpansionUnplaced(t *testing.T) {
	t.Parallel()
	src := []byte("x\n{{< word a >}}")
	h := &testHost{src: src}
	x, err := Expand(src, nil, testConfig(), h)
	require.NoError(t, err)
	x.ReportUnplaced()
	require.Len(t, h.warns, 1)
	assert.Contains(t, h.warns[0], `2:1: output of shortcode "word" is not in the HTML`)
}

// TestExpansionURLChecks: a URL attribute in a call's output that the
// host refuses is emptied, with a Diagnostic at the call.
func TestExpansionURLChecks(t *testing.T) {
	t.Parallel()
	cfg := &Config{Handlers: map[string]Handler{"a": {Render: func(w io.Writer, _ *Call) error {
		_, err := io.WriteString(w, `<a href="javascript:x()">go</a>`)
		return err
	}}}}
	src := []byte("{{< a >}}")
	h := &testHost{src: src}
	x, err := Expand(src, nil, cfg, h)
	require.NoError(t, err)
	got, err := x.Finish(x.Markdown())
	require.NoError(t, err)
	assert.Equal(t, `<a href="">go</a>`, string(got))
	require.Len(t, h.warns, 1)
	assert.Contains(t, h.warns[0], "unsafe URL")

	cfg.UnsafeHTML = true
	x, err = Expand(src, nil, cfg, &testHost{src: src})
	require.NoError(t, err)
	got, err = x.Finish(x.Markdown())
	require.NoError(t, err)
	assert.Equal(t, `<a href="javascript:x()">go</a>`, string(got))
}

func TestDeindent(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "a\n  b\n\nc\n", deindent("    a\n      b\n\n    c\n"))
	assert.Equal(t, "a\n b", deindent("a\n b"))
	assert.Equal(t, "x\n\ty\n", deindent("\tx\n\t\ty\n"))
}

// TestDepthLimit: calls nest at most maxShortcodeDepth levels; a deeper
// call is a positioned error, at the call that is too deep.
func TestDepthLimit(t *testing.T) {
	t.Parallel()
	cfg := &Config{Handlers: map[string]Handler{"e": {Inner: InnerOptional, Render: func(w io.Writer, c *Call) error {
		_, err := io.WriteString(w, c.Inner)
		return err
	}}}}
	nest := func(n int) []byte {
		return []byte(strings.Repeat("{{% e %}}a ", n) + strings.Repeat("{{% /e %}}", n) + "\n")
	}
	src := nest(maxShortcodeDepth)
	_, err := Expand(src, nil, cfg, &testHost{src: src})
	require.NoError(t, err)
	src = nest(maxShortcodeDepth + 1)
	_, err = Expand(src, nil, cfg, &testHost{src: src})
	require.ErrorIs(t, err, ErrSyntax)
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "e", se.Name)
	assert.Equal(t, 1, pe.Line)
	assert.Equal(t, 1+len("{{% e %}}a ")*maxShortcodeDepth, pe.Column)
}
