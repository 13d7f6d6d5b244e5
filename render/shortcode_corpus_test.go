package render

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/shortcode"
)

const hugoDocs = "../../shared/corpus/hugodocs"

// corpusCalls is the table of /work/shared/corpus/README.txt: calls per
// shortcode name in the hugodocs corpus, closing tags and the 102 escaped
// examples not counted.
var corpusCalls = map[string]int{
	"code-toggle": 346, "include": 214, "new-in": 157, "deprecated-in": 40, "eturl": 36,
	"glossary-term": 33, "img": 32, "render-list-of-pages-in-section": 10, "module-mounts-note": 7,
	"qr": 5, "newtemplatesystem": 3, "get-page-desc": 3, "current-go-version": 3, "highlight": 2,
	"youtube": 2, "quick-reference": 2, "datatable": 2, "param": 2, "hl": 1, "details": 1, "figure": 1,
	"instagram": 1, "x": 1, "vimeo": 1, "syntax-highlighting-styles": 1,
	"syntax-highlighting-styles-light-with-counterpart": 1, "glossary": 1, "per-lang-config-keys": 1,
	"root-configuration-keys": 1, "chroma-lexers": 1, "render-table-of-pages-in-section": 1,
}

const corpusEscapes = 102

type corpusPost struct {
	path string
	p    *post.Post
}

// loadCorpus reads and parses every post of the hugodocs corpus.
func loadCorpus(tb testing.TB) []corpusPost {
	tb.Helper()
	if _, err := os.Stat(hugoDocs); err != nil {
		tb.Skipf("hugodocs corpus not found at %s (it lives outside the repository): %v", hugoDocs, err)
	}
	var posts []corpusPost
	fsys := os.DirFS(hugoDocs)
	err := fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(path) != ".md" {
			return err
		}
		p, err := post.ParseFile(fsys, path)
		require.NoError(tb, err, path)
		posts = append(posts, corpusPost{path, p})
		return nil
	})
	require.NoError(tb, err)
	require.NotEmpty(tb, posts)
	return posts
}

// stubShortcodes registers a stub for every shortcode name of the corpus,
// the built-ins included, so a render runs no real handler.
func stubShortcodes() []Option {
	stub := shortcode.Handler{Inner: shortcode.InnerOptional, Render: func(w io.Writer, sc *shortcode.Call) error {
		_, err := io.WriteString(w, sc.Name)
		return err
	}}
	opts := make([]Option, 0, len(corpusCalls))
	for name := range corpusCalls {
		opts = append(opts, WithShortcodeHandler(name, stub))
	}
	return opts
}

func countCalls(nodes []*shortcode.Node, calls map[string]int, escapes *int) {
	for _, n := range nodes {
		if n.Kind == shortcode.KindEscape {
			// Count escaped calls: not escaped closing tags ({{</* /x */>}}),
			// double escapes ({{</*/* x */*/>}}) or empty ones ({{</* */>}}).
			if s := strings.TrimLeft(n.Text[3:], " \t\n"); s != "" && s[0] != '/' && s[0] != '>' && s[0] != '%' {
				*escapes++
			}
			continue
		}
		calls[n.Name]++
		countCalls(n.Children, calls, escapes)
	}
}

// TestShortcodeCorpus lexes every shortcode call of the hugodocs corpus,
// checks the calls per name against the corpus README, and renders every
// post with stub handlers.
func TestShortcodeCorpus(t *testing.T) {
	posts := loadCorpus(t)
	r := New(stubShortcodes()...)
	calls := map[string]int{}
	escapes := 0
	for _, cp := range posts {
		nodes, err := shortcode.Parse(cp.p.Body, shortcode.ParseOptions{Inner: r.sc.InnerMode})
		require.NoError(t, err, cp.path)
		countCalls(nodes, calls, &escapes)
	}
	assert.Equal(t, corpusCalls, calls)
	assert.Equal(t, corpusEscapes, escapes, "escaped examples (closing tags not counted)")

	var failed []string
	for _, cp := range posts {
		// A placeholder left in the HTML would be an error.
		if _, err := r.RenderPost(cp.p); err != nil {
			failed = append(failed, err.Error())
		}
	}
	sort.Strings(failed)
	assert.Empty(t, failed)
	t.Logf("%d posts, %d shortcode calls, %d escapes", len(posts), sum(calls), escapes)
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// BenchmarkShortcodeCorpus renders the whole hugodocs corpus with the
// shortcodes run by stub handlers, and with the shortcode syntax left as
// text (the baseline): the shortcode machinery should cost at most 10%.
func BenchmarkShortcodeCorpus(b *testing.B) {
	posts := loadCorpus(b)
	run := func(b *testing.B, r *Renderer) {
		b.ReportAllocs()
		size := 0
		for _, cp := range posts {
			size += len(cp.p.Body)
		}
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, cp := range posts {
				if _, err := r.RenderPost(cp.p); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Run("shortcodes", func(b *testing.B) { run(b, New(stubShortcodes()...)) })
	b.Run("text", func(b *testing.B) { run(b, New(WithShortcodeSyntax(false))) })
	// Both renders post by post, alternating, so that the load of a shared
	// machine falls on both alike; reports their time ratio.
	b.Run("ratio", func(b *testing.B) {
		rs, rt := New(stubShortcodes()...), New(WithShortcodeSyntax(false))
		var ts, tt time.Duration
		b.ReportAllocs()
		for b.Loop() {
			for _, cp := range posts {
				t0 := time.Now()
				if _, err := rs.RenderPost(cp.p); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				if _, err := rt.RenderPost(cp.p); err != nil {
					b.Fatal(err)
				}
				ts += t1.Sub(t0)
				tt += time.Since(t1)
			}
		}
		b.ReportMetric(float64(ts)/float64(tt), "shortcodes/text")
	})
	b.Run("expand-only", func(b *testing.B) {
		r := New(stubShortcodes()...)
		b.ReportAllocs()
		for b.Loop() {
			for _, cp := range posts {
				d := &docState{src: cp.p.Body, path: cp.path, page: cp.p}
				if _, err := shortcode.Expand(d.src, d.page, &r.sc, shortcodeHost{r: r, d: d}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
