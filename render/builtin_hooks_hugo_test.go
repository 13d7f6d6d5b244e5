package render_test

import (
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
)

// TestHugoBlockquotes renders the pages of the Hugo feature folders
// alerts (with a render-blockquote hook that prints what Hugo passes it)
// and alerts-nohook (Hugo's default rendering) and compares every field
// with Hugo 0.165's. The alerts hook is the same template, run by
// html/template on what folio's BlockquoteHook receives.
func TestHugoBlockquotes(t *testing.T) {
	const dir = "testdata/hugo/features/alerts"
	tplText, err := os.ReadFile(filepath.Join(dir, "layouts/_markup/render-blockquote.html"))
	if err != nil {
		t.Fatal(err)
	}
	tpl := template.Must(template.New("render-blockquote").Parse(string(tplText)))
	hook := func(w io.Writer, b render.Blockquote) error { return tpl.Execute(w, hugoBlockquote(b)) }
	for _, v := range []struct {
		dir  string
		opts []render.Option
	}{
		{dir, []render.Option{render.WithBlockquoteHook(hook)}},
		{"testdata/hugo/features/alerts-nohook", nil},
	} {
		t.Run(filepath.Base(v.dir), func(t *testing.T) {
			r := render.New(append([]render.Option{render.HugoCompat()}, v.opts...)...)
			for name, h := range loadHugoPages(t, filepath.Join(v.dir, "hugo.json")) {
				t.Run(name, func(t *testing.T) { _, res := renderHugoPage(t, r, v.dir+"/pages", name); compareHugo(t, res, h) })
			}
		})
	}
}

// hugoBlockquoteContext has the names Hugo's blockquote hook context has,
// for the template of the alerts feature folder.
type hugoBlockquoteContext struct {
	Ordinal    int
	Type       string
	AlertType  string
	AlertSign  string
	AlertTitle template.HTML
	Text       template.HTML
	Attributes map[string]string
	Position   struct{ LineNumber, ColumnNumber int }
}

func hugoBlockquote(b render.Blockquote) hugoBlockquoteContext {
	c := hugoBlockquoteContext{
		Ordinal: b.Ordinal, Type: b.Type, AlertType: b.AlertType, AlertSign: b.AlertSign,
		AlertTitle: template.HTML(b.AlertTitle), Text: template.HTML(b.Text), Attributes: b.Attributes,
	}
	c.Position.LineNumber, c.Position.ColumnNumber = b.Position.Line, b.Position.Column
	return c
}

// TestHugoMarkdownLinks compares links to other posts resolved through
// Links.ResolveMarkdown with Hugo 0.165's embedded link render hook
// (useEmbedded = "always"), which resolves them with .GetPage: the
// resolver maps each page of the folder to its URL, /name/, as Hugo's
// permalinks are. Hugo leaves a link to a missing page as written, and so
// does folio, with a Diagnostic.
func TestHugoMarkdownLinks(t *testing.T) {
	const dir = "testdata/hugo/features/links"
	resolve := func(ref shortcode.Ref) (string, error) {
		name := strings.TrimPrefix(ref.Path, "./")
		if _, err := os.Stat(filepath.Join(dir, "pages", name)); err != nil {
			return "", err
		}
		return "/" + strings.TrimSuffix(name, ".md") + "/", nil
	}
	r := render.New(render.HugoCompat(), render.WithLinks(render.Links{ResolveMarkdown: true}), render.WithRefResolver(resolve))
	for name, h := range loadHugoPages(t, filepath.Join(dir, "hugo.json")) {
		t.Run(name, func(t *testing.T) { _, res := renderHugoPage(t, r, dir+"/pages", name); compareHugo(t, res, h) })
	}
}
