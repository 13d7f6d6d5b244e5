package render

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/post"
)

func TestHighlightShortcodeForm(t *testing.T) {
	t.Parallel()
	h := newHighlighter(defaultHighlightConfig())
	var out bytes.Buffer
	require.NoError(t, h.highlight(&out, []byte("a\nb\nc\n"), "go", "linenos=table,hl_lines=2 3,linenostart=199"))
	html := out.String()
	assert.True(t, strings.HasPrefix(html, `<div class="highlight"><div class="chroma">`), html)
	assert.Contains(t, html, `<span class="hl"><span class="lnt">200`)
	assert.Contains(t, html, `<span class="hl"><span class="lnt">201`)
	assert.Contains(t, html, `<span class="lnt">199`)

	out.Reset()
	require.NoError(t, h.highlight(&out, []byte("x"), "nosuchlang", ""))
	assert.Equal(t, `<pre tabindex="0"><code class="language-nosuchlang" data-lang="nosuchlang">x</code></pre>`, out.String())

	var oe *optionError
	require.ErrorAs(t, h.highlight(&out, nil, "go", "linenos"), &oe)
	require.ErrorAs(t, h.highlight(&out, nil, "go", "linenostart=x"), &oe)
	assert.Contains(t, oe.Error(), "linenostart")
}

func TestCodeBlockHook(t *testing.T) {
	t.Parallel()
	var got []CodeBlock
	hook := func(w io.Writer, cb CodeBlock) error {
		got = append(got, cb)
		if cb.Type == "fail" {
			return errors.New("boom")
		}
		fmt.Fprintf(w, "<figure data-file=%q>", cb.Attributes["file"])
		if err := cb.Highlight(w); err != nil {
			return err
		}
		_, err := io.WriteString(w, "</figure>\n")
		return err
	}
	h := newHighlighter(hlConfig(WithCodeBlockHook(hook)))
	src := []byte("text\n\n```go {file=\"main.go\" linenos=table hl_lines=[1]}\nx := 1\n```\n\n  ~~~mermaid\n  graph\n  ~~~\n")
	var out bytes.Buffer
	require.NoError(t, goldmarkWith(h).Convert(src, &out))
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

	got = nil
	err := goldmarkWith(h).Convert([]byte("a\n\n```fail\nx\n```\n"), &out)
	var pe *post.ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, 3, pe.Line)
	assert.ErrorContains(t, err, "boom")

	assert.Error(t, CodeBlock{}.Highlight(io.Discard), "a CodeBlock not made by folio")
}

func TestWriteCSS(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	require.NoError(t, newHighlighter(defaultHighlightConfig()).writeCSS(&b))
	css := b.String()
	for _, sel := range []string{".chroma {", ".bg {", ".chroma .lntd:last-child", ".chroma .lnt:target", ".chroma .ln:target", ".chroma .hl {", ".chroma .lnlinks", ".chroma .kd {"} {
		assert.Contains(t, css, sel)
	}
	assert.Contains(t, css, "tab-size: 4")
	assert.Contains(t, css, "background-color: #272822", "monokai by default")

	b.Reset()
	require.NoError(t, newHighlighter(hlConfig(WithStyle("GitHub"))).writeCSS(&b))
	assert.Contains(t, b.String(), "#ffffff")

	b.Reset()
	require.NoError(t, newHighlighter(hlConfig(WithStyle("no-such-style"))).writeCSS(&b))
	assert.NotEmpty(t, b.String(), "an unknown style falls back")
}

func TestLexerCache(t *testing.T) {
	t.Parallel()
	h := newHighlighter(defaultHighlightConfig())
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
	h := newHighlighter(defaultHighlightConfig())
	md := goldmarkWith(h)
	src := []byte("```go {linenos=table}\nfunc main() {}\n```\n\n```txt\nx\n```\n\n```nosuch\ny\n```\n\n    indented\n")
	var want bytes.Buffer
	require.NoError(t, md.Convert(src, &want))
	var wg sync.WaitGroup
	results := make([]string, 16)
	for i := range results {
		wg.Go(func() {
			var out bytes.Buffer
			pc := parser.NewContext()
			if err := md.Convert(src, &out, parser.WithContext(pc)); err != nil {
				results[i] = err.Error()
				return
			}
			results[i] = out.String()
		})
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, want.String(), r)
	}
}

// failingLexerLang is a language name whose lookup panics inside chroma's
// file-name matching; it must come back as a miss, not a panic.
func TestLookupNeverPanics(t *testing.T) {
	t.Parallel()
	h := newHighlighter(defaultHighlightConfig())
	for _, lang := range []string{"[", "a[b", "\\", "*", "../../etc/passwd", strings.Repeat("x", 1000), "\x00"} {
		assert.NotPanics(t, func() { h.lookup(lang) }, lang)
	}
}

func TestHighlightingOff(t *testing.T) {
	t.Parallel()
	h := newHighlighter(hlConfig(WithHighlighting(false)))
	var out bytes.Buffer
	require.NoError(t, goldmarkWith(h).Convert([]byte("```go\na < b\n```\n"), &out))
	assert.Equal(t, "<pre tabindex=\"0\"><code class=\"language-go\" data-lang=\"go\">a &lt; b\n</code></pre>", out.String())
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
