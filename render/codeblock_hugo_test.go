package render_test

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// hugoHighlight is HugoCompat's highlight configuration, which
// WithHighlight replaces whole.
var hugoHighlight = highlight.Config{Style: highlight.DefaultStyle, InlineStyles: true, TabWidth: 4}

// printCodeBlock is the Go twin of the render-codeblock-dot.html hook of
// testdata/hugo/features/codeblockhooks: it prints what the hook receives
// as that template prints what Hugo passes it. Hugo's Inner has no final
// newline, and its Options give hl_lines as 0-based ranges where folio
// keeps the value as written: the pages do not use it.
func printCodeBlock(w io.Writer, cb render.CodeBlock) error {
	js := func(v any) string { // jsonify's output is not escaped
		if m, ok := v.(map[string]any); ok && m == nil {
			v = map[string]any{}
		}
		b, err := json.Marshal(v)
		if err != nil {
			panic(err)
		}
		return string(b)
	}
	_, err := fmt.Fprintf(w, "<p>type=%s ordinal=%d line=%d column=%d options=%s attributes=%s inner=%s</p>\n",
		html.EscapeString(cb.Type), cb.Ordinal, cb.Line, cb.Column, js(cb.Options), js(cb.Attributes), js(strings.TrimRight(cb.Inner, "\r\n")))
	return err
}

// codeFeatures are the features of testdata/hugo/features that this file
// checks, with the folio options that match each Hugo configuration.
var codeFeatures = map[string][]render.Option{
	"hlinline": nil,
	"wrapperclass": {render.WithHighlight(func() highlight.Config {
		c := hugoHighlight
		c.WrapperClass = "highlight no-prose"
		return c
	}())},
	"goat":           nil,
	"codeblockhooks": {render.WithMermaid(true), render.WithCodeBlockHookFor("dot", printCodeBlock)},
}

// TestHugoCodeFeatures renders the pages of the code block features
// (hl_inline, wrapperClass, GoAT, code block hooks per language) with
// HugoCompat and each feature's options, and compares them with what Hugo
// 0.165 wrote with the feature on.
func TestHugoCodeFeatures(t *testing.T) {
	for name, opts := range codeFeatures {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata/hugo/features", name)
			want := loadHugoPages(t, filepath.Join(dir, "hugo.json"))
			r := render.New(append([]render.Option{render.HugoCompat()}, append(hugoShortcodes(t), opts...)...)...)
			for file, h := range want {
				t.Run(file, func(t *testing.T) {
					_, res := renderHugoPage(t, r, filepath.Join(dir, "pages"), file)
					compareHugo(t, res, h)
				})
			}
		})
	}
}
