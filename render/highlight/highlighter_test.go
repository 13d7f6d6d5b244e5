package highlight

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHighlightOptionString(t *testing.T) {
	t.Parallel()
	h := New(Config{})
	var out bytes.Buffer
	require.NoError(t, h.Highlight(&out, []byte("a\nb\nc\n"), "go", "linenos=table,hl_lines=2 3,linenostart=199"))
	html := out.String()
	assert.True(t, strings.HasPrefix(html, `<div class="highlight"><div class="chroma">`), html)
	assert.Contains(t, html, `<span class="hl"><span class="lnt">200`)
	assert.Contains(t, html, `<span class="hl"><span class="lnt">201`)
	assert.Contains(t, html, `<span class="lnt">199`)

	out.Reset()
	require.NoError(t, h.Highlight(&out, []byte("x"), "nosuchlang", ""))
	assert.Equal(t, `<pre tabindex="0"><code class="language-nosuchlang" data-lang="nosuchlang">x</code></pre>`, out.String())

	out.Reset()
	var oe *OptionError
	require.ErrorAs(t, h.Highlight(&out, nil, "go", "linenos"), &oe)
	require.ErrorAs(t, h.Highlight(&out, nil, "go", "linenostart=x"), &oe)
	assert.Contains(t, oe.Error(), "linenostart")
	assert.Empty(t, out.String(), "nothing is written for a bad option string")
}

func TestParseOptionsDropsAttributes(t *testing.T) {
	t.Parallel()
	b, err := ParseOptions("linenos=inline,file=x.go")
	require.NoError(t, err)
	assert.Empty(t, b.Attrs, "the string form has chroma options only")
	assert.Equal(t, map[string]any{"linenos": "inline"}, b.Options())
}

func TestBlockOptions(t *testing.T) {
	t.Parallel()
	b := ParseFence(`go {file="main.go" LineNos=table hl_lines=[1] linenos=false}`)
	assert.Equal(t, "go", b.Lang)
	assert.Equal(t, map[string]any{"linenos": false, "hl_lines": []any{1}}, b.Options(), "keys lower-cased, the last one wins")
	assert.Equal(t, []Attr{{Name: "file", Value: "main.go", Offset: 4}}, b.Attrs)
	assert.Empty(t, b.Problems)
	assert.Nil(t, (&Block{Lang: "go"}).Options())
}

func TestCheck(t *testing.T) {
	t.Parallel()
	b := ParseFence(`nosuch {onclick="x" file="a.go" id="a b"}`)
	ps := New(Config{}).Check(&b)
	require.Len(t, ps, 3)
	assert.Equal(t, 0, ps[0].Offset)
	assert.Contains(t, ps[0].Message, `unknown code language "nosuch"`)
	assert.Equal(t, 8, ps[1].Offset)
	assert.Contains(t, ps[1].Message, `"onclick"`)
	assert.Contains(t, ps[2].Message, `"id"`)

	assert.Len(t, New(Config{GuessSyntax: true}).Check(&b), 2, "a guessed language is no problem")
	assert.Len(t, New(Config{Plain: true}).Check(&b), 2, "nor one that is not highlighted anyway")
	tree := ParseFence("tree")
	assert.Empty(t, New(Config{}).Check(&tree))
}

func TestCSS(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, New(Config{}).CSS(&b))
	css := b.String()
	for _, sel := range []string{".chroma {", ".bg {", ".chroma .lntd:last-child", ".chroma .lnt:target", ".chroma .ln:target", ".chroma .hl {", ".chroma .lnlinks", ".chroma .kd {"} {
		assert.Contains(t, css, sel)
	}
	assert.Contains(t, css, "tab-size: 4")
	assert.Contains(t, css, "background-color: #272822", "monokai by default")

	b.Reset()
	require.NoError(t, New(Config{Style: "GitHub", TabWidth: 2}).CSS(&b))
	assert.Contains(t, b.String(), "#ffffff")
	assert.Contains(t, b.String(), "tab-size: 2")

	b.Reset()
	require.NoError(t, New(Config{Style: "no-such-style"}).CSS(&b))
	assert.NotEmpty(t, b.String(), "an unknown style falls back")
}

func TestLexerCache(t *testing.T) {
	t.Parallel()
	h := New(Config{})
	e1, e2 := h.lookup("txt"), h.lookup("txt")
	assert.Same(t, e1, e2, "a lookup is cached")
	require.NotNil(t, e1.lexer, "txt is chroma's plain text")
	miss := h.lookup("nosuchlang")
	assert.Nil(t, miss.lexer)
	assert.Same(t, miss, h.lookup("nosuchlang"), "a miss is cached too")
	assert.Nil(t, h.lookup("tree").lexer, "tree is plain")

	h.mu.Lock()
	for i := len(h.langs); i < maxLangs; i++ {
		h.langs[fmt.Sprintf("filler%d", i)] = &langEntry{}
	}
	h.mu.Unlock()
	h.lookup("one-more")
	h.mu.RLock()
	n := len(h.langs)
	h.mu.RUnlock()
	assert.Equal(t, maxLangs, n, "the cache is bounded")
	assert.NotNil(t, h.lookup("python").lexer, "lookups past the bound still work")
}

func TestHighlightConcurrent(t *testing.T) {
	t.Parallel()
	h := New(Config{})
	infos := []string{"go {linenos=table}", "txt", "nosuch", "", "go {anchorlinenos=true linenos=inline}"}
	renderAll := func() string {
		var out bytes.Buffer
		for i, info := range infos {
			b := ParseFence(info)
			b.Ordinal = i
			if err := h.WriteBlock(&out, []byte("func main() {}\n"), &b); err != nil {
				return err.Error()
			}
		}
		return out.String()
	}
	want := renderAll()
	var wg sync.WaitGroup
	results := make([]string, 16)
	for i := range results {
		wg.Go(func() { results[i] = renderAll() })
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, want, r)
	}
}

// TestLookupNeverPanics checks that language names whose lookup could
// panic inside chroma's file-name matching come back as misses.
func TestLookupNeverPanics(t *testing.T) {
	t.Parallel()
	h := New(Config{})
	for _, lang := range []string{"[", "a[b", "\\", "*", "../../etc/passwd", strings.Repeat("x", 1000), "\x00"} {
		assert.NotPanics(t, func() { h.lookup(lang) }, lang)
	}
}

func TestPlain(t *testing.T) {
	t.Parallel()
	h := New(Config{Plain: true})
	b := ParseFence("go {linenos=table}")
	var out bytes.Buffer
	require.NoError(t, h.WriteBlock(&out, []byte("a < b\n"), &b))
	assert.Equal(t, "<pre tabindex=\"0\"><code class=\"language-go\" data-lang=\"go\">a &lt; b\n</code></pre>", out.String())
}

// shortWriter is an io.Writer without WriteString that fails after n
// bytes.
type shortWriter struct{ n int }

func (w *shortWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, fmt.Errorf("short write")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteErrors(t *testing.T) {
	t.Parallel()
	h := New(Config{})
	for _, lang := range []string{"go", "nosuch"} {
		b := ParseFence(lang)
		assert.Error(t, h.WriteBlock(&shortWriter{n: 10}, []byte("x := 1\n"), &b), lang)
		assert.NoError(t, h.WriteBlock(&shortWriter{n: 1 << 20}, []byte("x := 1\n"), &b), lang)
	}
}

// TestFindLexerMatchesChroma checks that the fast lookup gives chroma's
// answer. Every name and alias is checked; names that need chroma's slow
// file-pattern scan are checked on a sample: hand-picked ones, names made
// from chroma's file patterns with and without backup suffixes, odd names
// and random ones.
func TestFindLexerMatchesChroma(t *testing.T) {
	t.Parallel()
	var names []string
	for _, lx := range lexers.GlobalLexerRegistry.Lexers {
		c := lx.Config()
		names = append(names, c.Name, strings.ToUpper(c.Name))
		names = append(names, c.Aliases...)
	}
	slow := []string{"txt", "jsonc", "tree", "goat", "nosuchlang", "Makefile", "CMakeLists.txt", "foo.go~",
		"py.bak", "x.in", "h", "hpp", "mjs", "tsx", "yml", "conf", "gitignore", "Dockerfile", "a/b.rs", "[", "*"}
	if testing.Short() || raceEnabled {
		slow = slow[:4]
	} else {
		for i, n := range patternNames() {
			if i%128 == 0 {
				slow = append(slow, n, n+backupSuffixes[i/128%len(backupSuffixes)])
			}
		}
		slow = append(slow, oddNames...)
		slow = append(slow, randomNames(20, 3)...)
	}
	for _, n := range append(names, slow...) {
		want := lexers.Get(n)
		got := findLexer(n)
		if want == nil {
			assert.Nil(t, got, "findLexer(%q)", n)
			continue
		}
		if assert.NotNil(t, got, "findLexer(%q)", n) {
			assert.Equal(t, want.Config().Name, got.Config().Name, "findLexer(%q)", n)
		}
	}
}
