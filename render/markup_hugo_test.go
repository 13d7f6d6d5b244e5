package render_test

import (
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/highlight"
)

// markupFeatures are the feature folders of testdata/hugo/features that
// this file's options cover, with the options that turn on in folio what
// the folder's hugo.toml turns on in Hugo.
func markupFeatures(t *testing.T) map[string][]render.Option {
	return map[string][]render.Option{
		"emoji":              {render.WithEmoji()},
		"passthrough":        {render.WithPassthrough(render.MathDelimiters())},
		"passthrough-unsafe": {render.WithPassthrough(render.MathDelimiters()), render.WithUnsafeHTML()},
		"passthrough-hook":   {render.WithPassthrough(render.MathDelimiters()), render.WithPassthroughHook(hugoPassthroughHook(t))},
		"extras":             {render.WithExtras(allExtras)},
		"extras-nostrike":    {render.WithExtras(allExtras), render.WithoutExtensions(render.Strikethrough)},
		"attributes":         {render.WithBlockAttributes()},
		"dtid":               {render.WithDefinitionTermIDs()},
		// Every setting at once, as a docs site turns them on.
		"combined": {render.WithEmoji(), render.WithPassthrough(render.MathDelimiters()),
			render.WithExtras(render.Extras{Insert: true, Mark: true, Superscript: true}),
			render.WithBlockAttributes(), render.WithDefinitionTermIDs()},
		// A documentation site's settings: the syntax above, ~~delete~~
		// and a wrapper class, with GoAT, hl_inline and alerts in pages.
		"combined-docs": {render.WithEmoji(), render.WithPassthrough(render.MathDelimiters()),
			render.WithExtras(render.Extras{Delete: true, Insert: true, Mark: true, Superscript: true}),
			render.WithBlockAttributes(), render.WithDefinitionTermIDs(),
			render.WithHighlight(func() highlight.Config {
				c := hugoHighlight
				c.WrapperClass = "highlight docs"
				return c
			}())},
	}
}

var allExtras = render.Extras{Delete: true, Insert: true, Mark: true, Subscript: true, Superscript: true}

// hugoPassthroughHook runs the feature's own render-passthrough template
// (the one Hugo ran) with html/template, so both print the same data.
func hugoPassthroughHook(t *testing.T) render.PassthroughHook {
	b, err := os.ReadFile("testdata/hugo/features/passthrough-hook/layouts/_markup/render-passthrough.html")
	if err != nil {
		t.Fatal(err)
	}
	tpl := template.Must(template.New("render-passthrough").Parse(string(b)))
	return func(w io.Writer, p render.Passthrough) error { return tpl.Execute(w, p) }
}

// markupDeviations are the documented places where folio's output differs
// from Hugo's for a feature page: feature/page -> pairs of (Hugo's text,
// folio's text) that replace each other in the content. Each is
// explained in the README's table of Hugo's opt-in features.
var markupDeviations = map[string][][2]string{
	// Hugo drops the line "{.first} paragraph text starts here.";
	// folio keeps it as text. Hugo writes tabindex and hidden (empty);
	// folio's allow-list drops them (reported).
	"attributes/dropped.md": {
		{`<p class="ok">Para</p>`, "<p>{.first} paragraph text starts here.</p>\n" + `<p class="ok">Para</p>`},
		{`<p tabindex="" hidden="" class="ok">`, `<p class="ok">`},
	},
	// Hugo writes style; folio drops it (reported) unless
	// WithStyleAttributes (tested in TestMarkupStyleAttributes).
	"attributes/style.md": {{`<p style="color: red" class="s">`, `<p class="s">`}},
}

// TestHugoMarkupFeatures renders every page of the feature folders with
// HugoCompat and the feature's options and compares it with Hugo 0.165's
// output for the same setting (testdata/hugo/features/NAME/hugo.json).
func TestHugoMarkupFeatures(t *testing.T) {
	for name, opts := range markupFeatures(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata/hugo/features", name)
			want := loadHugoPages(t, filepath.Join(dir, "hugo.json"))
			r := render.New(append([]render.Option{render.HugoCompat()}, opts...)...)
			for page, h := range want {
				t.Run(page, func(t *testing.T) {
					_, res := renderHugoPage(t, r, filepath.Join(dir, "pages"), page)
					content := h.Content
					for _, d := range markupDeviations[name+"/"+page] {
						content = strings.Replace(content, d[0], d[1], 1)
					}
					eq := func(field string, got, want any) {
						t.Helper()
						if got != want {
							t.Errorf("%s:\n got: %q\nwant: %q", field, got, want)
						}
					}
					eq("Content", string(res.HTML), content)
					eq("TableOfContents", string(res.TOC.HTML()), h.TOC)
					eq("Fragments.Headings", headingTree(res.TOC.Items), hugoTree(h.Headings))
					eq("Fragments.Identifiers", strings.Join(res.Identifiers, " "), strings.Join(h.Identifiers, " "))
					if content == h.Content {
						eq("Summary", string(res.Summary), h.Summary)
						eq("Plain", res.Plain, h.Plain)
						eq("WordCount", res.WordCount, h.WordCount)
					}
				})
			}
		})
	}
}

// TestMarkupStyleAttributes: with WithStyleAttributes, a block attribute
// line's style is written as Hugo writes it.
func TestMarkupStyleAttributes(t *testing.T) {
	want := loadHugoPages(t, "testdata/hugo/features/attributes/hugo.json")["style.md"]
	r := render.New(render.HugoCompat(), render.WithBlockAttributes(), render.WithStyleAttributes())
	_, res := renderHugoPage(t, r, "testdata/hugo/features/attributes/pages", "style.md")
	if string(res.HTML) != want.Content {
		t.Errorf("got  %q\nwant %q", res.HTML, want.Content)
	}
}
