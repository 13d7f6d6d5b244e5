package toc_test

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/folio-md/folio/toc"
)

func build(src string, opts ...toc.Option) *toc.TOC {
	return toc.Build(parse([]byte(src)), []byte(src), opts...)
}

// hugoDocBlock is the exact output given in HUGO.md section 3.1 for
// "## A", "### B", "## C" (verified there against Hugo v0.165).
const hugoDocBlock = `<nav id="TableOfContents">
  <ul>
    <li><a href="#a">A</a>
      <ul>
        <li><a href="#b">B</a></li>
      </ul>
    </li>
    <li><a href="#c">C</a></li>
  </ul>
</nav>`

func TestHugoReferenceOutput(t *testing.T) {
	src := "## A\n\n### B\n\n## C\n"
	assert.Equal(t, hugoDocBlock, string(build(src, toc.Hugo()).HTML()))
	// The default shape gives the same bytes for a document without the two warts.
	assert.Equal(t, hugoDocBlock, string(build(src).HTML()))
}

func TestHugoEmpty(t *testing.T) {
	for _, src := range []string{"", "text only\n", "# Only an h1\n", "#### Only an h4\n"} {
		got := string(build(src).HTML())
		assert.Equal(t, `<nav id="TableOfContents"></nav>`, got, "default, %q", src)
	}
	assert.Equal(t, `<nav id="TableOfContents"></nav>`, string(build("text\n", toc.Hugo()).HTML()))
	assert.Equal(t, `<nav id="TableOfContents"></nav>`, string(build("# Only an h1\n", toc.Hugo()).HTML()))
}

// HUGO.md 3.1: a skipped level gives an empty <li> wrapper; with endLevel=3
// only <li></li> remains.
func TestHugoSkippedLevel(t *testing.T) {
	src := "## A\n\n#### B\n"
	want3 := `<nav id="TableOfContents">
  <ul>
    <li><a href="#a">A</a>
      <ul>
        <li></li>
      </ul>
    </li>
  </ul>
</nav>`
	assert.Equal(t, want3, string(build(src, toc.Hugo()).HTML()))
	want4 := `<nav id="TableOfContents">
  <ul>
    <li><a href="#a">A</a>
      <ul>
        <li>
          <ul>
            <li><a href="#b">B</a></li>
          </ul>
        </li>
      </ul>
    </li>
  </ul>
</nav>`
	assert.Equal(t, want4, string(build(src, toc.Hugo(), toc.EndLevel(4)).HTML()))
	// Hugo's tree keeps every level, so the end level can also be chosen at output.
	assert.Equal(t, want4, string(build(src, toc.Hugo()).HTML(toc.EndLevel(4))))
	// The default collapses: B sits right under A.
	assert.Equal(t, `<nav id="TableOfContents">
  <ul>
    <li><a href="#a">A</a>
      <ul>
        <li><a href="#b">B</a></li>
      </ul>
    </li>
  </ul>
</nav>`, string(build(src, toc.EndLevel(4)).HTML()))
}

// HUGO.md 3.1: several h1s give sibling lists separated by a blank line.
func TestHugoSeveralH1(t *testing.T) {
	src := "# One\n\n## a\n\n# Two\n\n## b\n"
	want := `<nav id="TableOfContents">
  <ul>
    <li><a href="#a">a</a></li>
  </ul>

  <ul>
    <li><a href="#b">b</a></li>
  </ul>
</nav>`
	assert.Equal(t, want, string(build(src, toc.Hugo()).HTML()))
	assert.Equal(t, `<nav id="TableOfContents">
  <ul>
    <li><a href="#a">a</a></li>
    <li><a href="#b">b</a></li>
  </ul>
</nav>`, string(build(src).HTML()))
}

// noIDs parses without heading IDs.
var noIDs = goldmark.New(goldmark.WithParserOptions(parser.WithAttribute()))

func TestHeadingWithoutID(t *testing.T) {
	src := []byte("## Plain *title*\n\n##\n\n## Linked {#x}\n")
	doc := noIDs.Parser().Parse(text.NewReader(src))
	tc := toc.Build(doc, src)
	require.Len(t, tc.Items, 2)
	assert.Equal(t, "", tc.Items[0].ID)
	assert.Equal(t, `<nav id="TableOfContents">
  <ul>
    <li>Plain <em>title</em></li>
    <li><a href="#x">Linked</a></li>
  </ul>
</nav>`, string(tc.HTML()))
	assert.Equal(t, "- Plain title\n- [Linked](#x)\n", string(tc.Markdown()))
	// Hugo mode keeps the empty heading, as Hugo's <li></li>.
	assert.Equal(t, `<nav id="TableOfContents">
  <ul>
    <li>Plain <em>title</em></li>
    <li></li>
    <li><a href="#x">Linked</a></li>
  </ul>
</nav>`, string(toc.Build(doc, src, toc.Hugo()).HTML()))
}

func TestStringIDAttribute(t *testing.T) {
	src := []byte("## One\n\n## Two\n")
	doc := noIDs.Parser().Parse(text.NewReader(src))
	h := doc.FirstChild().(*ast.Heading)
	h.SetAttributeString("id", "from-string")
	h.NextSibling().SetAttributeString("id", []byte("from-bytes"))
	h.SetAttributeString("class", "a notoc")
	tc := toc.Build(doc, src)
	require.Len(t, tc.Items, 1)
	assert.Equal(t, "from-bytes", tc.Items[0].ID)
	h.SetAttributeString("class", []byte("b"))
	tc = toc.Build(doc, src)
	require.Len(t, tc.Items, 2)
	assert.Equal(t, "from-string", tc.Items[0].ID)
}

func TestExcluded(t *testing.T) {
	src := "## A {.no-toc}\n\n## B {.notoc}\n\n## C {.x .no_toc}\n\n## D {.no-tocs}\n\n## E\n"
	doc := parse([]byte(src))
	var got []bool
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		got = append(got, toc.Excluded(n.(*ast.Heading)))
	}
	assert.Equal(t, []bool{true, true, true, false, false}, got)
	assert.False(t, toc.Excluded(nil))
	// The excluded headings keep their IDs in the document.
	id, ok := doc.FirstChild().AttributeString("id")
	require.True(t, ok)
	assert.Equal(t, "a", string(id.([]byte)))
}

func TestJSON(t *testing.T) {
	b, err := json.Marshal(build("no headings\n"))
	require.NoError(t, err)
	assert.Equal(t, `{"items":[]}`, string(b))
	b, err = json.Marshal(toc.TOC{})
	require.NoError(t, err)
	assert.Equal(t, `{"items":[]}`, string(b))

	tc := build("## A `x`\n\n### B\n")
	b, err = json.Marshal(tc)
	require.NoError(t, err)
	assert.Equal(t, `{"items":[{"id":"a-x","title":"A \u003ccode\u003ex\u003c/code\u003e","text":"A x","level":2,"items":[{"id":"b","title":"B","text":"B","level":3}]}]}`, string(b))

	// A TOC decoded from JSON is written as its items stand.
	var back toc.TOC
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, string(tc.HTML()), string(back.HTML()))
	assert.Equal(t, string(tc.Markdown()), string(back.Markdown()))
}

func TestNil(t *testing.T) {
	var tc *toc.TOC
	assert.Equal(t, `<nav id="TableOfContents"></nav>`, string(tc.HTML()))
	assert.Empty(t, tc.Markdown())
	assert.Nil(t, tc.Duplicates())
	empty := toc.Build(nil, nil)
	require.NotNil(t, empty)
	assert.Empty(t, empty.Items)
	assert.Nil(t, toc.DuplicateIDs(nil))
}

func TestHandMade(t *testing.T) {
	tc := &toc.TOC{Items: []*toc.Item{
		{ID: "x", Title: "X", Text: "X", Level: 5, Items: []*toc.Item{{ID: "y", Title: "Y", Text: "Y"}}},
		nil,
		{ID: "z", Title: "Z", Text: "Z", Level: 1},
	}}
	// Written as it stands: levels are not checked.
	assert.Equal(t, `<nav id="TableOfContents">
  <ul>
    <li><a href="#x">X</a>
      <ul>
        <li><a href="#y">Y</a></li>
      </ul>
    </li>
    <li><a href="#z">Z</a></li>
  </ul>
</nav>`, string(tc.HTML()))
	assert.Equal(t, "- [X](#x)\n  - [Y](#y)\n- [Z](#z)\n", string(tc.Markdown()))
	// Ordered does not change the shape.
	assert.Contains(t, string(tc.HTML(toc.Ordered(true))), "<ol>")
}

func TestOutputOptionsDoNotChangeTheTOC(t *testing.T) {
	tc := build("# T\n\n## A\n\n### B\n\n#### C\n", toc.StartLevel(1), toc.EndLevel(-1))
	before, err := json.Marshal(tc)
	require.NoError(t, err)
	_ = tc.HTML(toc.StartLevel(3), toc.Hugo())
	_ = tc.Markdown(toc.EndLevel(2), toc.CollapseSkipped(false))
	after, err := json.Marshal(tc)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after))
	// Output levels narrow what was built ...
	assert.Equal(t, "- [B](#b)\n  - [C](#c)\n", string(tc.Markdown(toc.StartLevel(3))))
	// ... and rebuild as Build would have: same as building with those levels.
	assert.Equal(t, string(build("# T\n\n## A\n\n### B\n\n#### C\n", toc.StartLevel(3), toc.EndLevel(4)).HTML()),
		string(tc.HTML(toc.StartLevel(3), toc.EndLevel(4))))
	// They cannot widen the default selection.
	def := build("# T\n\n## A\n\n#### C\n")
	assert.Equal(t, "- [A](#a)\n", string(def.Markdown(toc.EndLevel(-1))))
}

func TestOptionStrings(t *testing.T) {
	opts := []toc.Option{
		toc.StartLevel(1), toc.EndLevel(-1), toc.Ordered(true),
		toc.CollapseSkipped(false), toc.SingleList(true), toc.Hugo(),
	}
	var got []string
	for _, o := range opts {
		got = append(got, o.String())
	}
	assert.Equal(t, []string{
		"StartLevel(1)", "EndLevel(-1)", "Ordered(true)",
		"CollapseSkipped(false)", "SingleList(true)", "Hugo()",
	}, got)
}

func TestLevelClamping(t *testing.T) {
	src := "# A\n\n## B\n\n###### F\n"
	assert.Equal(t, string(build(src, toc.StartLevel(1), toc.EndLevel(6)).Markdown()),
		string(build(src, toc.StartLevel(-3), toc.EndLevel(99)).Markdown()))
	assert.Equal(t, "- [A](#a)\n", string(build(src, toc.StartLevel(0), toc.EndLevel(0)).Markdown()))
	assert.Empty(t, build(src, toc.StartLevel(4), toc.EndLevel(2)).Items)
	// A nil option is ignored.
	assert.Equal(t, "- [B](#b)\n", string(build(src, nil).Markdown()))
}

func TestDuplicates(t *testing.T) {
	src := "## Foo\n\n## Bar {#foo}\n\n## Hidden {#bar .no-toc}\n\n## Bar {#bar}\n\n## Baz {#foo}\n"
	doc := parse([]byte(src))
	dups := toc.DuplicateIDs(doc)
	require.Len(t, dups, 2)
	assert.Equal(t, "foo", dups[0].ID)
	assert.Len(t, dups[0].Nodes, 3)
	assert.Equal(t, "bar", dups[1].ID)
	require.Len(t, dups[1].Nodes, 2)
	assert.True(t, toc.Excluded(dups[1].Nodes[0].(*ast.Heading)))
	// The TOC's own view does not see the excluded heading.
	assert.Equal(t, []string{"foo"}, toc.Build(doc, []byte(src)).Duplicates())
	assert.Nil(t, toc.DuplicateIDs(parse([]byte("## a\n\n## b\n"))))
}

func TestMarkdownEscaping(t *testing.T) {
	tc := &toc.TOC{Items: []*toc.Item{
		{ID: "a b(c)", Text: "*x* _y_ [z](u) `c` <b> & ~s~ !\\ |t| $m$"},
		{ID: "ünï-日本", Text: "ok"},
	}}
	assert.Equal(t,
		"- [\\*x\\* \\_y\\_ \\[z\\](u) \\`c\\` \\<b\\> \\& \\~s\\~ \\!\\\\ \\|t\\| \\$m\\$](#a%20b%28c%29)\n"+
			"- [ok](#ünï-日本)\n",
		string(tc.Markdown()))
	// The escaped text renders back to the same text, without markup.
	var out strings.Builder
	require.NoError(t, md.Convert(tc.Markdown(), &out))
	assert.Contains(t, out.String(), `<a href="#a%20b%28c%29">*x* _y_ [z](u) `+"`c`"+` &lt;b&gt; &amp; ~s~ !\ |t| $m$</a>`)
}

func TestConcurrentUse(t *testing.T) {
	src := []byte("# T\n\n## A\n\n### B\n\n## C\n")
	doc := parse(src)
	want := string(toc.Build(doc, src).HTML())
	tc := toc.Build(doc, src, toc.StartLevel(1))
	var wg sync.WaitGroup
	results := make([]string, 8)
	for i := range results {
		wg.Go(func() {
			_ = tc.HTML(toc.StartLevel(2), toc.Hugo())
			results[i] = string(toc.Build(doc, src).HTML())
		})
	}
	wg.Wait()
	for _, r := range results {
		assert.Equal(t, want, r)
	}
}
