package toc_test

import (
	"encoding/json"
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/toc"
)

var update = flag.Bool("update", false, "rewrite golden files")

// md is the goldmark the tests parse with: GFM, typographer, goldmark's own
// heading IDs and heading attributes.
var md = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Typographer, extension.Footnote),
	goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
)

func parse(src []byte) ast.Node {
	return md.Parser().Parse(text.NewReader(src))
}

// caseOptions is the JSON in a golden file's comment. Hugo applies first;
// Output holds the options given to the output methods only.
type caseOptions struct {
	Hugo            bool         `json:"hugo"`
	StartLevel      *int         `json:"startLevel"`
	EndLevel        *int         `json:"endLevel"`
	Ordered         *bool        `json:"ordered"`
	CollapseSkipped *bool        `json:"collapseSkipped"`
	SingleList      *bool        `json:"singleList"`
	Output          *caseOptions `json:"output"`
}

func (o *caseOptions) options() []toc.Option {
	if o == nil {
		return nil
	}
	var opts []toc.Option
	if o.Hugo {
		opts = append(opts, toc.Hugo())
	}
	if o.StartLevel != nil {
		opts = append(opts, toc.StartLevel(*o.StartLevel))
	}
	if o.EndLevel != nil {
		opts = append(opts, toc.EndLevel(*o.EndLevel))
	}
	if o.Ordered != nil {
		opts = append(opts, toc.Ordered(*o.Ordered))
	}
	if o.CollapseSkipped != nil {
		opts = append(opts, toc.CollapseSkipped(*o.CollapseSkipped))
	}
	if o.SingleList != nil {
		opts = append(opts, toc.SingleList(*o.SingleList))
	}
	return opts
}

func TestGolden(t *testing.T) {
	for _, c := range golden.Load(t, "testdata/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			var o caseOptions
			require.NoError(t, json.Unmarshal(c.Comment, &o), "options in the comment of %s", c.Path)
			src := c.Input.Data
			tc := toc.Build(parse(src), src, o.options()...)
			out := o.Output.options()
			js, err := json.MarshalIndent(tc, "", "  ")
			require.NoError(t, err)
			// FromHeadings, given the document's headings, builds the same.
			doc := parse(src)
			var heads []*ast.Heading
			_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
				if h, ok := n.(*ast.Heading); ok && entering {
					heads = append(heads, h)
				}
				return ast.WalkContinue, nil
			})
			assert.Equal(t, tc, toc.FromHeadings(heads, src, o.options()...), "FromHeadings")
			c.Check(t, *update,
				golden.Output{Name: "html", Data: tc.HTML(out...)},
				golden.Output{Name: "markdown", Data: tc.Markdown(out...)},
				golden.Output{Name: "json", Data: js},
			)
		})
	}
}
