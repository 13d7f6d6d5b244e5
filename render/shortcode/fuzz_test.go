package shortcode

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/folio-md/folio/internal/txtar"
)

// FuzzLex checks that Parse never panics, positions every error inside the
// input, and returns well-formed trees: nodes in order, inside the input,
// children inside their parent's inner content.
func FuzzLex(f *testing.F) {
	seeds := []string{
		"a {{< foo >}} b", "{{% foo %}}", "{{< dumpp 1 2.5 true \"true\" `raw` abc-def -3 日本 >}}",
		"{{< sc a=1 b=\"x \\\" y\" c=`r\ns` >}}", "{{< a >}}x {{% b 1 %}}y{{% /b %}}{{< /a >}}",
		"{{</* x */>}}", "```\n{{< x >}}\n{{</* y */>}}\n```\n", "a `{{< x >}}` b", "- a\n\n    {{< x >}}\n",
		"{{< x/>}}", "{{< req >}}", "{{< /a >}}", "{{<x a=1>}}", "> ```\n> {{< x >}}\n",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	// The render package's golden inputs.
	files, _ := filepath.Glob("../testdata/shortcodes/*.txt")
	for _, p := range files {
		a, err := txtar.ParseFile(p)
		if err == nil && len(a.Files) > 0 {
			f.Add(string(a.Files[0].Data))
		}
	}
	if b, err := os.ReadFile("../../../shared/corpus/hugodocs/en/shortcodes/highlight.md"); err == nil {
		f.Add(string(b))
	}
	opts := modes(map[string]InnerMode{"none": InnerNone, "req": InnerRequired})
	f.Fuzz(func(t *testing.T, in string) {
		src := []byte(in)
		nodes, err := Parse(src, opts)
		if err != nil {
			var e *SyntaxError
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *SyntaxError", err)
			}
			if e.Off < 0 || e.Off > len(src) {
				t.Fatalf("error offset %d outside [0,%d]: %v", e.Off, len(src), err)
			}
			return
		}
		checkNodes(t, src, nodes, 0, len(src))
	})
}

func checkNodes(t *testing.T, src []byte, nodes []*Node, lo, hi int) {
	t.Helper()
	prev := lo
	for _, n := range nodes {
		if n.Start < prev || n.End > hi || n.Start >= n.End {
			t.Fatalf("node %q [%d,%d) outside [%d,%d)", n.Name, n.Start, n.End, prev, hi)
		}
		if n.Kind == KindCall {
			if n.TagEnd > n.End || (n.CloseStart >= 0 && (n.CloseStart < n.TagEnd || n.CloseStart > n.End)) {
				t.Fatalf("call %q has bad tag offsets", n.Name)
			}
			if n.CloseStart < 0 && len(n.Children) > 0 {
				t.Fatalf("unclosed call %q has children", n.Name)
			}
			if n.CloseStart >= 0 {
				checkNodes(t, src, n.Children, n.TagEnd, n.CloseStart)
			}
		}
		prev = n.End
	}
}
