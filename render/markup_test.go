package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/toc"
)

// markupCase is the comment of a case in testdata/markup: which of the
// opt-in features it turns on.
type markupCase struct {
	Hugo            bool `json:"hugo"`            // HugoCompat()
	Emoji           bool `json:"emoji"`           // WithEmoji()
	Passthrough     bool `json:"passthrough"`     // WithPassthrough(MathDelimiters())
	Hook            bool `json:"hook"`            // WithPassthroughHook(testPassthroughHook)
	Extras          bool `json:"extras"`          // WithExtras(every tag)
	NoStrike        bool `json:"noStrikethrough"` // WithoutExtensions(Strikethrough)
	BlockAttributes bool `json:"blockAttributes"` // WithBlockAttributes()
	TermIDs         bool `json:"termIDs"`         // WithDefinitionTermIDs()
	Unsafe          bool `json:"unsafe"`          // WithUnsafeHTML()
	Styles          bool `json:"styles"`          // WithStyleAttributes()
	// Extender renders with the Extender in a goldmark.Markdown of the
	// test's own (GFM and definition lists) instead of New.
	Extender bool `json:"extender"`
}

func (m markupCase) options() []Option {
	var opts []Option
	add := func(on bool, o Option) {
		if on {
			opts = append(opts, o)
		}
	}
	add(m.Hugo, HugoCompat())
	add(m.Emoji, WithEmoji())
	add(m.Passthrough, WithPassthrough(MathDelimiters()))
	add(m.Hook, WithPassthroughHook(testPassthroughHook))
	add(m.Extras, WithExtras(Extras{Delete: true, Insert: true, Mark: true, Subscript: true, Superscript: true}))
	add(m.NoStrike, WithoutExtensions(Strikethrough))
	add(m.BlockAttributes, WithBlockAttributes())
	add(m.TermIDs, WithDefinitionTermIDs())
	add(m.Unsafe, WithUnsafeHTML())
	add(m.Styles, WithStyleAttributes())
	return opts
}

// testPassthroughHook writes what it receives, escaped; a "block" whose
// inner text is "default" asks for the default rendering.
func testPassthroughHook(w io.Writer, p Passthrough) error {
	if strings.TrimSpace(p.Inner) == "default" {
		return ErrDefault
	}
	_, err := fmt.Fprintf(w, "<span data-type=%q>%d %s %s|%s %v %d:%d</span>",
		p.Type, p.Ordinal, html.EscapeString(p.Inner), html.EscapeString(p.Delimiters.Open),
		html.EscapeString(p.Delimiters.Close), p.Attributes, p.Position.Line, p.Position.Column)
	return err
}

// TestMarkupGolden renders the cases of testdata/markup: folio's own
// behaviour of the opt-in features where it is not Hugo's (safe
// passthrough, reported attributes) or Hugo has none (the hook's data,
// folio's ID rules, the Extender).
func TestMarkupGolden(t *testing.T) {
	for _, c := range golden.Load(t, filepath.Join("testdata", "markup", "*.txt")) {
		t.Run(c.Name, func(t *testing.T) {
			var mc markupCase
			if len(bytes.TrimSpace(c.Comment)) > 0 {
				require.NoError(t, json.Unmarshal(c.Comment, &mc), "comment of %s", c.Path)
			}
			var out, tocHTML []byte
			var ids []string
			var diags []Diagnostic
			if mc.Extender {
				out, diags = renderWithExtender(t, mc, c.Input.Data)
			} else {
				res, err := New(mc.options()...).Render(c.Input.Data)
				require.NoError(t, err)
				out, ids, diags = res.HTML, res.Identifiers, res.Diagnostics
				tocHTML = res.TOC.HTML()
			}
			var d bytes.Buffer
			for _, x := range diags {
				d.WriteString(x.String() + "\n")
			}
			outputs := []golden.Output{{Name: "html", Data: out}}
			if len(tocHTML) > 0 {
				outputs = append(outputs, golden.Output{Name: "toc", Data: tocHTML})
			}
			outputs = append(outputs, golden.Output{Name: "diagnostics", Data: d.Bytes()})
			if len(ids) > 0 {
				outputs = append(outputs, golden.Output{Name: "identifiers", Data: []byte(strings.Join(ids, "\n") + "\n")})
			}
			c.Check(t, *update, outputs...)
		})
	}
}

func renderWithExtender(t *testing.T, mc markupCase, src []byte) ([]byte, []Diagnostic) {
	e := &Extender{UnsafeHTML: mc.Unsafe, StyleAttributes: mc.Styles, Emoji: mc.Emoji, BlockAttributes: mc.BlockAttributes, DefinitionTermIDs: mc.TermIDs}
	if mc.Passthrough {
		e.Passthrough = MathDelimiters()
	}
	if mc.Hook {
		e.PassthroughHook = testPassthroughHook
	}
	if mc.Extras {
		e.Extras = Extras{Delete: true, Insert: true, Mark: true, Subscript: true, Superscript: true}
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, e))
	pc := parser.NewContext()
	var buf bytes.Buffer
	require.NoError(t, md.Convert(src, &buf, parser.WithContext(pc)))
	return buf.Bytes(), DiagnosticsOf(pc)
}

// TestMarkupCorpus renders every post of the Hugo docs corpus with every
// opt-in feature on: no error, and the features' diagnostics are logged
// by kind (the docs are written for Hugo with these settings:
// passthrough, block attributes and term IDs on).
func TestMarkupCorpus(t *testing.T) {
	const root = "../../shared/corpus/hugodocs"
	if _, err := os.Stat(root); err != nil {
		t.Skipf("corpus not found at %s (it lives outside the repository): %v", root, err)
	}
	fsys := os.DirFS(root)
	var files []string
	require.NoError(t, walkMarkdown(fsys, ".", &files))
	r := New(append(allMarkupOptions(), HugoCompat(), WithUnknownShortcodes(shortcode.UnknownKeepAsText))...)
	kinds := map[string]int{}
	rendered := 0
	for _, name := range files {
		p, err := post.ParseFile(fsys, name)
		if err != nil {
			continue
		}
		res, err := r.RenderPost(p)
		if err != nil {
			t.Errorf("RenderPost(%s): %v", name, err)
			continue
		}
		rendered++
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Message, "attribute") {
				kinds[d.Message]++
			}
		}
	}
	t.Logf("corpus: %d rendered; attribute diagnostics: %v", rendered, kinds)
}

// allMarkupOptions turns on every opt-in syntax, passthrough with math
// delimiters.
func allMarkupOptions() []Option {
	return []Option{
		WithEmoji(), WithPassthrough(MathDelimiters()), WithBlockAttributes(), WithDefinitionTermIDs(),
		WithExtras(Extras{Delete: true, Insert: true, Mark: true, Subscript: true, Superscript: true}),
	}
}

// markupBenchPage is a page that uses every feature a few times.
var markupBenchPage = []byte(strings.Repeat(`## Euler :tada: $e^{i\pi}+1=0$

A paragraph with ==marked== text, H~2~O, 2^10^ and \(x_1 + y_2\), :smile: and a [link](/x).
{.lead #p data-x="y"}

$$
\int_0^1 f(x)\,dx
$$

Term
: Definition with $a<b$.

- one
- two
{.list}

`, 50))

// BenchmarkMarkupFeatures renders markupBenchPage with every opt-in
// feature on (features) and off (baseline), under HugoCompat.
func BenchmarkMarkupFeatures(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []Option
	}{
		{"baseline", []Option{HugoCompat()}},
		{"features", append(allMarkupOptions(), HugoCompat())},
		{"features-hook", append(allMarkupOptions(), HugoCompat(), WithPassthroughHook(testPassthroughHook))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			r := New(bc.opts...)
			b.ReportAllocs()
			b.SetBytes(int64(len(markupBenchPage)))
			for b.Loop() {
				if _, err := r.Render(markupBenchPage); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestMarkupConcurrent renders one page from many goroutines with one
// Renderer that has every feature on: the outputs agree (and -race finds
// no shared state).
func TestMarkupConcurrent(t *testing.T) {
	r := New(append(allMarkupOptions(), WithPassthroughHook(testPassthroughHook))...)
	want, err := r.Render(markupBenchPage)
	require.NoError(t, err)
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			res, err := r.Render(markupBenchPage)
			if err == nil && !bytes.Equal(res.HTML, want.HTML) {
				err = fmt.Errorf("outputs differ")
			}
			errs <- err
		}()
	}
	for range 8 {
		require.NoError(t, <-errs)
	}
}

// TestExtenderTOCTitles: an Extender's table of contents writes the
// syntax features and, with unsafe HTML, inline raw HTML in its titles
// exactly as a Renderer's does.
func TestExtenderTOCTitles(t *testing.T) {
	src := []byte("## Emoji :smile: and ==mark== and ++ins++\n\n## Math $x^2$ and \\(y\\)\n\n## Raw <b>bold</b><!-- c --> and ~~del~~\n\n## Plain *em* `code`\n")
	for _, unsafe := range []bool{false, true} {
		opts := []Option{WithEmoji(), WithExtras(Extras{Delete: true, Insert: true, Mark: true}), WithPassthrough(MathDelimiters())}
		ext := &Extender{Emoji: true, Extras: Extras{Delete: true, Insert: true, Mark: true}, Passthrough: MathDelimiters(), UnsafeHTML: unsafe}
		if unsafe {
			opts = append(opts, WithUnsafeHTML())
		}
		res, err := New(opts...).Render(src)
		require.NoError(t, err)
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, ext))
		pc := parser.NewContext()
		var buf bytes.Buffer
		require.NoError(t, md.Convert(src, &buf, parser.WithContext(pc)))
		got := toc.Get(pc)
		require.NotNil(t, got)
		require.Equal(t, string(res.TOC.HTML()), string(got.HTML()), "unsafe=%v", unsafe)
		require.Contains(t, string(got.HTML()), "&#x1f604;")
		require.Contains(t, string(got.HTML()), "<mark>mark</mark>")
	}
}
