package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/toc"
)

// goldenCase is the JSON comment of a golden file in testdata/<feature>/.
// Every field is optional; the zero value renders with New().
type goldenCase struct {
	Hugo          bool     `json:"hugo"` // the HugoCompat preset
	Unsafe        bool     `json:"unsafe"`
	IDStyle       string   `json:"idStyle"`
	HugoIDs       bool     `json:"hugoIDs"`
	Disable       []string `json:"disable"`
	Figures       bool     `json:"figures"`
	NoBlackfriday bool     `json:"noBlackfriday"`
	NoIframes     bool     `json:"noIframes"`
	SummaryLength int      `json:"summaryLength"`
	CJK           bool     `json:"cjk"`
	HugoReading   bool     `json:"hugoReadingTime"`
	Hooks         []string `json:"hooks"` // "link", "image", "heading": the test hooks below
	TOCLevels     []int    `json:"tocLevels"`

	// Post, when set, renders with RenderPost and this post.
	Post *struct {
		Path     string            `json:"path"`
		BodyLine int               `json:"bodyLine"`
		Summary  string            `json:"summary"`
		CJK      *bool             `json:"isCJKLanguage"`
		TOC      *post.TOCSettings `json:"toc"`
		Params   map[string]any    `json:"params"`
	} `json:"post"`
}

func (gc goldenCase) options(t *testing.T) []Option {
	var opts []Option
	if gc.Hugo {
		opts = append(opts, HugoCompat())
	}
	if gc.Unsafe {
		opts = append(opts, WithUnsafeHTML())
	}
	if gc.IDStyle != "" {
		opts = append(opts, WithIDStyle(IDStyle(gc.IDStyle)))
	}
	if gc.HugoIDs {
		opts = append(opts, WithHugoIDs())
	}
	for _, name := range gc.Disable {
		found := false
		for e := Extension(0); e < numExtensions; e++ {
			if e.String() == name {
				opts = append(opts, WithoutExtensions(e))
				found = true
			}
		}
		require.True(t, found, "unknown extension %q", name)
	}
	if gc.Figures {
		opts = append(opts, WithFigureForTitledImages())
	}
	if gc.NoBlackfriday {
		opts = append(opts, WithoutBlackfridayImages())
	}
	if gc.NoIframes {
		opts = append(opts, WithoutIframeEmbeds())
	}
	if gc.SummaryLength > 0 {
		opts = append(opts, WithSummaryLength(gc.SummaryLength))
	}
	if gc.CJK {
		opts = append(opts, WithCJK())
	}
	if gc.HugoReading {
		opts = append(opts, WithHugoReadingTime())
	}
	if len(gc.TOCLevels) == 2 {
		opts = append(opts, WithTOCLevels(gc.TOCLevels[0], gc.TOCLevels[1]))
	}
	for _, h := range gc.Hooks {
		switch h {
		case "link":
			opts = append(opts, WithLinkHook(testLinkHook))
		case "image":
			opts = append(opts, WithImageHook(testImageHook))
		case "heading":
			opts = append(opts, WithHeadingHook(testHeadingHook))
		default:
			t.Fatalf("unknown hook %q", h)
		}
	}
	return opts
}

// The test hooks write every field they receive, so that the golden files
// show them.

func testLinkHook(w io.Writer, l Link) error {
	if strings.HasPrefix(l.Destination, "/default/") {
		return ErrDefault
	}
	if strings.HasPrefix(l.Destination, "fail:") {
		return fmt.Errorf("cannot link to %q", l.Destination)
	}
	_, err := fmt.Fprintf(w, `<a href="%s" data-ordinal="%d" data-pos="%s" data-auto="%t" data-title="%s" data-plain="%s" data-attrs="%s" data-post="%t">%s</a>`,
		esc(l.Destination), l.Ordinal, l.Position, l.AutoLink, esc(l.Title), esc(l.PlainText), esc(attrsString(l.Attributes)), l.Post != nil, l.Text)
	return err
}

func testImageHook(w io.Writer, img Image) error {
	_, err := fmt.Fprintf(w, `<img src="%s" alt="%s" data-text="%s" data-title="%s" data-block="%t" data-ordinal="%d" data-pos="%s">`,
		esc(img.Destination), esc(img.PlainText), esc(img.Text), esc(img.Title), img.IsBlock, img.Ordinal, img.Position)
	return err
}

func testHeadingHook(w io.Writer, h Heading) error {
	_, err := fmt.Fprintf(w, "<h%d id=\"%s\" data-ordinal=\"%d\" data-pos=\"%s\" data-plain=\"%s\" data-attrs=\"%s\">%s <a class=\"anchor\" href=\"#%s\">#</a></h%d>\n",
		h.Level, esc(h.Anchor), h.Ordinal, h.Position, esc(h.PlainText), esc(attrsString(h.Attributes)), h.Text, esc(h.Anchor), h.Level)
	return err
}

func esc(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&#34;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func attrsString(m map[string]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+m[k])
	}
	return strings.Join(parts, " ")
}

// resultJSON is the result.json section: every Result field but HTML.
type resultJSON struct {
	TOC         *toc.TOC     `json:"toc"`
	Summary     string       `json:"summary"`
	Truncated   bool         `json:"truncated"`
	Plain       string       `json:"plain"`
	Text        string       `json:"text"`
	SummaryText string       `json:"summaryText"`
	WordCount   int          `json:"wordCount"`
	ReadingTime int          `json:"readingTime"`
	Diagnostics []Diagnostic `json:"diagnostics"`
}

func renderCase(t *testing.T, c *golden.Case) (*Result, error) {
	var gc goldenCase
	if len(bytes.TrimSpace(c.Comment)) > 0 {
		require.NoError(t, json.Unmarshal(c.Comment, &gc), "comment of %s", c.Path)
	}
	r := New(gc.options(t)...)
	if gc.Post == nil {
		return r.Render(c.Input.Data)
	}
	p := &post.Post{
		Path:     gc.Post.Path,
		Body:     c.Input.Data,
		BodyLine: gc.Post.BodyLine,
		Params:   gc.Post.Params,
	}
	p.FrontMatter.Summary = gc.Post.Summary
	p.FrontMatter.IsCJKLanguage = gc.Post.CJK
	p.FrontMatter.TOCSettings = gc.Post.TOC
	return r.RenderPost(p)
}

func resultOutputs(t *testing.T, res *Result, err error) []golden.Output {
	if err != nil {
		return []golden.Output{{Name: "error", Data: []byte(err.Error())}}
	}
	rj := resultJSON{
		TOC: res.TOC, Summary: string(res.Summary), Truncated: res.Truncated, Plain: res.Plain,
		Text: res.Text, SummaryText: res.SummaryText,
		WordCount: res.WordCount, ReadingTime: res.ReadingTime, Diagnostics: res.Diagnostics,
	}
	if rj.Diagnostics == nil {
		rj.Diagnostics = []Diagnostic{}
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(rj))
	return []golden.Output{{Name: "html", Data: res.HTML}, {Name: "result.json", Data: js.Bytes()}}
}

// TestGolden renders every case of the core's golden folders and compares
// the HTML and the other Result fields.
func TestGolden(t *testing.T) {
	for _, dir := range []string{"ids", "extensions", "rawhtml", "summary", "images", "hooks", "embeds", "post"} {
		t.Run(dir, func(t *testing.T) {
			for _, c := range golden.Load(t, filepath.Join("testdata", dir, "*.txt")) {
				t.Run(c.Name, func(t *testing.T) {
					res, err := renderCase(t, c)
					c.Check(t, *update, resultOutputs(t, res, err)...)
				})
			}
		})
	}
}
