package render_test

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// TestCodeBlocksMatchHighlightGolden renders render/highlight's golden
// cases through the Extender: the goldmark adapter must write the same
// HTML and report the same problems, at the same positions, as the
// highlight package's own golden test. The files are rewritten by
// go test ./render/highlight -update, never from here.
func TestCodeBlocksMatchHighlightGolden(t *testing.T) {
	for _, c := range golden.Load(t, "highlight/testdata/highlight/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			var gc struct {
				Highlighting *bool  `json:"highlighting"`
				Style        string `json:"style"`
				Inline       bool   `json:"inline"`
				LineNumbers  string `json:"lineNumbers"`
				TabWidth     int    `json:"tabWidth"`
				Guess        bool   `json:"guess"`
				WrapperClass string `json:"wrapperClass"`
			}
			if len(bytes.TrimSpace(c.Comment)) > 0 {
				require.NoError(t, json.Unmarshal(c.Comment, &gc), "comment of %s", c.Path)
			}
			hc := highlight.Config{Style: gc.Style, InlineStyles: gc.Inline, TabWidth: gc.TabWidth, GuessSyntax: gc.Guess,
				Plain: gc.Highlighting != nil && !*gc.Highlighting, WrapperClass: gc.WrapperClass}
			switch gc.LineNumbers {
			case "table":
				hc.LineNumbers = highlight.LineNumbersTable
			case "inline":
				hc.LineNumbers = highlight.LineNumbersInline
			}
			md := goldmark.New(goldmark.WithExtensions(&render.Extender{Highlight: hc, NoMeta: true}))
			var out bytes.Buffer
			pc := parser.NewContext()
			require.NoError(t, md.Convert(c.Input.Data, &out, parser.WithContext(pc)))
			c.Check(t, false,
				golden.Output{Name: "html", Data: out.Bytes()},
				golden.Output{Name: "diagnostics", Data: diagnosticLines(render.DiagnosticsOf(pc))})
		})
	}
}

// diagnosticLines lists diagnostics one a line, in source order.
func diagnosticLines(ds []render.Diagnostic) []byte {
	slices.SortStableFunc(ds, func(a, b render.Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	var b bytes.Buffer
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	if b.Len() == 0 {
		b.WriteString("(none)\n")
	}
	return b.Bytes()
}

func TestCodeBlockHook(t *testing.T) {
	t.Parallel()
	var got []render.CodeBlock
	hook := func(w io.Writer, cb render.CodeBlock) error {
		got = append(got, cb)
		switch cb.Type {
		case "fail":
			return errors.New("boom")
		case "default":
			_, _ = io.WriteString(w, "dropped")
			return fmt.Errorf("wrapped: %w", render.ErrDefault)
		}
		fmt.Fprintf(w, "<figure data-file=%q>", cb.Attributes["file"])
		if err := cb.Highlight(w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "</figure>\n")
		return err
	}
	md := goldmark.New(goldmark.WithExtensions(&render.Extender{CodeBlockHook: hook, NoMeta: true}))
	src := []byte("text\n\n```go {file=\"main.go\" linenos=table hl_lines=[1]}\nx := 1\n```\n\n  ~~~mermaid\n  graph\n  ~~~\n")
	var out bytes.Buffer
	require.NoError(t, md.Convert(src, &out))
	require.Len(t, got, 2)
	assert.Equal(t, "go", got[0].Type)
	assert.Equal(t, "x := 1\n", got[0].Inner)
	assert.Equal(t, map[string]any{"linenos": "table", "hl_lines": []any{1}}, got[0].Options)
	assert.Equal(t, map[string]any{"file": "main.go"}, got[0].Attributes)
	assert.Equal(t, 0, got[0].Ordinal)
	assert.Equal(t, [2]int{3, 1}, [2]int{got[0].Line, got[0].Column})
	assert.Equal(t, "mermaid", got[1].Type)
	assert.Equal(t, "graph\n", got[1].Inner)
	assert.Equal(t, 1, got[1].Ordinal)
	assert.Equal(t, [2]int{7, 3}, [2]int{got[1].Line, got[1].Column})
	assert.Contains(t, out.String(), `<figure data-file="main.go"><div class="highlight" file="main.go"><div class="chroma">`)

	out.Reset()
	require.NoError(t, md.Convert([]byte("```default {file=x}\na < b\n```\n"), &out))
	assert.Equal(t, "<pre tabindex=\"0\"><code class=\"language-default\" data-lang=\"default\">a &lt; b\n</code></pre>", out.String(),
		"ErrDefault writes folio's block and drops what the hook wrote")

	err := md.Convert([]byte("a\n\n```fail\nx\n```\n"), &out)
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line)
	assert.ErrorContains(t, err, "boom")

	assert.Error(t, render.CodeBlock{}.Highlight(io.Discard), "a CodeBlock not made by folio")
}

func TestHighlightingOff(t *testing.T) {
	t.Parallel()
	r := render.New(render.WithHighlighting(false), render.WithHighlight(highlight.Config{LineNumbers: highlight.LineNumbersTable}))
	res, err := r.Render([]byte("```go\na < b\n```\n"))
	require.NoError(t, err)
	assert.Equal(t, "<pre tabindex=\"0\"><code class=\"language-go\" data-lang=\"go\">a &lt; b\n</code></pre>", string(res.HTML))
}

func TestExtenderHighlight(t *testing.T) {
	t.Parallel()
	md := goldmark.New(goldmark.WithExtensions(&render.Extender{Highlight: highlight.Config{InlineStyles: true, Style: "github"}}))
	var out bytes.Buffer
	require.NoError(t, md.Convert([]byte("```go\nx := 1\n```\n"), &out))
	assert.Contains(t, out.String(), `<div class="highlight"><pre tabindex="0" style="background-color:#f7f7f7;`)
}
