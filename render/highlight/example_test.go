package highlight_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/folio-md/folio/render/highlight"
)

// Example renders the code of a Hugo fence with line numbers in a table
// and its second line highlighted, as Hugo writes it.
func Example() {
	h := highlight.New(highlight.Config{})
	b := highlight.ParseFence("go {linenos=table hl_lines=[2]}")
	code := "package main\nfunc main() {}\n"
	if err := h.WriteBlock(os.Stdout, []byte(code), &b); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <div class="highlight"><div class="chroma">
	// <table class="lntable"><tr><td class="lntd">
	// <pre tabindex="0" class="chroma"><code><span class="lnt">1
	// </span><span class="hl"><span class="lnt">2
	// </span></span></code></pre></td>
	// <td class="lntd">
	// <pre tabindex="0" class="chroma"><code class="language-go" data-lang="go"><span class="line"><span class="cl"><span class="kn">package</span><span class="w"> </span><span class="nx">main</span><span class="w">
	// </span></span></span><span class="line hl"><span class="cl"><span class="kd">func</span><span class="w"> </span><span class="nf">main</span><span class="p">()</span><span class="w"> </span><span class="p">{}</span><span class="w">
	// </span></span></span></code></pre></td></tr></table>
	// </div>
	// </div>
}

// ExampleParseFence shows how a fence's info string is read: chroma's
// options, the other attributes, and what could not be used.
func ExampleParseFence() {
	b := highlight.ParseFence(`go {linenos=table file="main.go" linenostart=x}`)
	fmt.Println(b.Lang)
	fmt.Println(b.Options()["linenos"])
	fmt.Println(b.Attrs[0].Name, b.Attrs[0].Value)
	fmt.Println(b.Problems[0].Message)
	// Output:
	// go
	// table
	// file main.go
	// fence attribute linenostart="x": want a line number; ignored
}

// ExampleHighlighter_Highlight uses the option string of Hugo's highlight
// shortcode, with inline styles.
func ExampleHighlighter_Highlight() {
	h := highlight.New(highlight.Config{InlineStyles: true, Style: "github"})
	err := h.Highlight(os.Stdout, []byte("x"), "nosuchlang", "linenos=inline")
	fmt.Println()
	fmt.Println(err)
	// Output:
	// <pre tabindex="0"><code class="language-nosuchlang" data-lang="nosuchlang">x</code></pre>
	// <nil>
}

// ExampleNewDirCache highlights the same block twice with a cache in a
// directory: the second time, the HTML comes from the cache, and so it
// would in the next run of the program.
func ExampleNewDirCache() {
	dir, err := os.MkdirTemp("", "highlight-cache")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	cache, err := highlight.NewDirCache(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	h := highlight.New(highlight.Config{Cache: cache})
	var first, second strings.Builder
	b := highlight.ParseFence("go")
	_ = h.WriteBlock(&first, []byte("package main\n"), &b)
	_ = h.WriteBlock(&second, []byte("package main\n"), &b)
	fmt.Println(first.String() == second.String())
	fmt.Printf("%+v\n", h.CacheStats())
	// Output:
	// true
	// {Hits:1 Misses:1 Unsure:0}
}
