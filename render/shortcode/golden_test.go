package shortcode

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/folio-md/folio/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestParseGolden parses each testdata/parse case and writes the node tree
// (or the error) in one line per node. The case comment may give the inner
// mode of names as JSON: {"inner": {"quote": "required", "br": "none"}};
// other names are InnerOptional.
func TestParseGolden(t *testing.T) {
	for _, c := range golden.Load(t, filepath.Join("testdata", "parse", "*.txt")) {
		t.Run(c.Name, func(t *testing.T) {
			var opts struct {
				Inner map[string]string `json:"inner"`
			}
			if len(strings.TrimSpace(string(c.Comment))) > 0 {
				if err := json.Unmarshal(c.Comment, &opts); err != nil {
					t.Fatalf("%s: comment: %v", c.Path, err)
				}
			}
			modes := map[string]InnerMode{"required": InnerRequired, "none": InnerNone, "optional": InnerOptional}
			po := ParseOptions{Inner: func(name string) InnerMode {
				if m, ok := modes[opts.Inner[name]]; ok {
					return m
				}
				return InnerOptional
			}}
			src := c.Input.Data
			nodes, err := Parse(src, po)
			var b strings.Builder
			var se *SyntaxError
			if errors.As(err, &se) {
				fmt.Fprintf(&b, "error @%d: %v\n", se.Off, err)
			} else if err != nil {
				fmt.Fprintf(&b, "error: %v\n", err)
			}
			dumpNodes(&b, src, nodes, 0)
			c.Check(t, *update, golden.Output{Name: "nodes", Data: []byte(b.String())})
		})
	}
}

// dumpNodes writes one line per node: kind, notation, name, arguments,
// the opening tag's and inner content's spans, and the children indented.
func dumpNodes(b *strings.Builder, src []byte, nodes []*Node, depth int) {
	for _, n := range nodes {
		b.WriteString(strings.Repeat("  ", depth))
		if n.Kind == KindEscape {
			fmt.Fprintf(b, "escape %q @%d-%d\n", n.Text, n.Start, n.End)
			continue
		}
		open, close := "{{<", ">}}"
		if n.Notation == Markdown {
			open, close = "{{%", "%}}"
		}
		fmt.Fprintf(b, "call #%d %s %s", n.Ordinal, open, n.Name)
		for _, a := range n.Args {
			if a.Name != "" {
				fmt.Fprintf(b, " %s=%#v", a.Name, a.Value)
			} else {
				fmt.Fprintf(b, " %#v", a.Value)
			}
		}
		fmt.Fprintf(b, " %s @%d-%d", close, n.Start, n.End)
		switch {
		case n.SelfClosed:
			b.WriteString(" self-closed")
		case n.CloseStart >= 0:
			fmt.Fprintf(b, " inner %q", n.Inner(src))
		}
		b.WriteByte('\n')
		dumpNodes(b, src, n.Children, depth+1)
	}
}
