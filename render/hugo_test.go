package render_test

import (
	"encoding/json"
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/toc"
)

// hugoPage is what testdata/hugo/site/layouts/home.html writes for one
// page: Hugo 0.165's own values (see testdata/hugo/README.md).
type hugoPage struct {
	Content     string         `json:"content"`
	Summary     string         `json:"summary"`
	Truncated   bool           `json:"truncated"`
	Plain       string         `json:"plain"`
	WordCount   int            `json:"wordCount"`
	ReadingTime int            `json:"readingTime"`
	TOC         string         `json:"toc"`
	Headings    []*hugoHeading `json:"headings"`
	Identifiers []string       `json:"identifiers"`
	Date        string         `json:"date"`
	PublishDate string         `json:"publishDate"`
	Lastmod     string         `json:"lastmod"`
}

// hugoHeading is one node of Hugo's .Fragments.Headings tree.
type hugoHeading struct {
	ID       string
	Level    int
	Title    string
	Headings []*hugoHeading
}

// hugoShortcodes returns the shortcode templates of the Hugo test site, as
// folio options, so that both render the same calls.
func hugoShortcodes(t *testing.T) []render.Option {
	t.Helper()
	paths, err := filepath.Glob("testdata/hugo/site/layouts/shortcodes/*.html")
	if err != nil {
		t.Fatal(err)
	}
	var opts []render.Option
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".html")
		tpl := template.Must(template.New(name).Parse(string(b)))
		opts = append(opts, render.WithShortcodeHandler(name, shortcode.Template(tpl)))
	}
	return opts
}

// TestHugoCompat renders every page of testdata/hugo/pages with the
// HugoCompat preset and compares each field with what Hugo 0.165 wrote
// for the same page, in Hugo's safe default and with unsafe = true.
func TestHugoCompat(t *testing.T) {
	variants := []struct {
		name string
		opts []render.Option
	}{
		{"default", nil},
		{"unsafe", []render.Option{render.WithUnsafeHTML()}},
		{"inline", []render.Option{render.WithInlineShortcodes(true)}},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			want := loadHugoPages(t, "testdata/hugo/hugo-"+v.name+".json")
			opts := append([]render.Option{render.HugoCompat()}, hugoShortcodes(t)...)
			r := render.New(append(opts, v.opts...)...)
			for name, h := range want {
				t.Run(name, func(t *testing.T) {
					checkHugoPage(t, r, name, h)
				})
			}
		})
	}
}

// TestHugoPublished checks post.Status against the pages Hugo 0.165
// publishes without --buildDrafts, --buildFuture and --buildExpired
// (hugo-published.json). The pages' dates are far enough in the past or
// the future (2999) for the clock not to matter.
func TestHugoPublished(t *testing.T) {
	b, err := os.ReadFile("testdata/hugo/hugo-published.json")
	if err != nil {
		t.Fatalf("%v (made by testdata/hugo/make.sh)", err)
	}
	var names []string
	if err := json.Unmarshal(b, &names); err != nil {
		t.Fatal(err)
	}
	published := make(map[string]bool, len(names))
	for _, n := range names {
		published[n] = true
	}
	paths, err := filepath.Glob("testdata/hugo/pages/*.md")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for _, path := range paths {
		name := filepath.Base(path)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		p, err := post.Parse(src, post.WithPath(name), post.WithLocation(time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		st := p.Status(now)
		if got := st == post.Published; got != published[name] {
			t.Errorf("%s: Status = %v, Hugo publishes it: %v", name, st, published[name])
		}
	}
}

func loadHugoPages(t *testing.T, path string) map[string]*hugoPage {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (made by testdata/hugo/make.sh)", err)
	}
	var pages map[string]*hugoPage
	if err := json.Unmarshal(b, &pages); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(pages) == 0 {
		t.Fatalf("%s holds no pages", path)
	}
	return pages
}

// renderHugoPage parses and renders dir/name as the oracle tests do:
// the path as Hugo knows it, dates in UTC.
func renderHugoPage(t *testing.T, r *render.Renderer, dir, name string) (*post.Post, *render.Result) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	p, err := post.Parse(src, post.WithPath(name), post.WithLocation(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.RenderPost(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, res
}

// compareHugo compares every field of res that Hugo's page has with
// what Hugo wrote.
func compareHugo(t *testing.T, res *render.Result, h *hugoPage) {
	t.Helper()
	eq := func(field string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s:\n got: %q\nwant: %q", field, got, want)
		}
	}
	eq("Content", string(res.HTML), h.Content)
	eq("Summary", string(res.Summary), h.Summary)
	eq("Truncated", res.Truncated, h.Truncated)
	eq("Plain", res.Plain, h.Plain)
	eq("WordCount", res.WordCount, h.WordCount)
	eq("ReadingTime", res.ReadingTime, h.ReadingTime)
	eq("TableOfContents", string(res.TOC.HTML()), h.TOC)
	eq("Fragments.Headings", headingTree(res.TOC.Items), hugoTree(h.Headings))
	eq("Fragments.Identifiers", strings.Join(res.Identifiers, " "), strings.Join(h.Identifiers, " "))
}

func checkHugoPage(t *testing.T, r *render.Renderer, name string, h *hugoPage) {
	t.Helper()
	p, res := renderHugoPage(t, r, "testdata/hugo/pages", name)
	compareHugo(t, res, h)
	eq := func(field string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s:\n got: %q\nwant: %q", field, got, want)
		}
	}
	fm := p.FrontMatter
	eq("Date", hugoTime(fm.Date), h.Date)
	eq("PublishDate", hugoTime(fm.PublishDate), h.PublishDate)
	eq("Lastmod", hugoTime(fm.Lastmod), h.Lastmod)
}

func hugoTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// headingTree and hugoTree write both heading trees in one notation:
// "level id title" lines, indented by depth. An entry without ID and
// title (a placeholder for a skipped level, or Hugo's row of the headings
// before the first h1) is "-": Hugo gives those level 0, folio the level
// they stand for, and neither is written anywhere.
func headingTree(items []*toc.Item) string {
	var b strings.Builder
	var walk func([]*toc.Item, int)
	walk = func(items []*toc.Item, depth int) {
		for _, it := range items {
			writeHeadingLine(&b, depth, it.Level, it.ID, it.Title)
			walk(it.Items, depth+1)
		}
	}
	walk(items, 0)
	return b.String()
}

func hugoTree(roots []*hugoHeading) string {
	var b strings.Builder
	var walk func([]*hugoHeading, int)
	walk = func(hs []*hugoHeading, depth int) {
		for _, h := range hs {
			writeHeadingLine(&b, depth, h.Level, h.ID, h.Title)
			walk(h.Headings, depth+1)
		}
	}
	walk(roots, 0)
	return b.String()
}

func writeHeadingLine(b *strings.Builder, depth, level int, id, title string) {
	b.WriteString(strings.Repeat("  ", depth))
	if id == "" && title == "" {
		b.WriteString("-\n")
		return
	}
	b.WriteString(strconv.Itoa(level) + " " + id + " " + title + "\n")
}
