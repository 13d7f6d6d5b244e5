package render_test

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/folio-md/folio/render"
)

// markupFeatureOptions turns on every opt-in syntax of markup.go: the
// fuzz target's alternative renderers and the markup channels use it.
func markupFeatureOptions() []render.Option {
	return []render.Option{
		render.WithEmoji(),
		render.WithPassthrough(render.MathDelimiters()),
		render.WithExtras(allExtras),
		render.WithBlockAttributes(),
		render.WithDefinitionTermIDs(),
	}
}

// markupChannels put a vector into each slot of the opt-in syntax:
// passthrough content (inline, block, splitting a paragraph, in a
// heading and so in the TOC), block attribute names and values on each
// kind of block, extras tags, emoji and definition terms.
func markupChannels() []channel {
	on := func(string) []render.Option { return markupFeatureOptions() }
	attrs := func(v string) string {
		return "{title=\"" + v + "\" data-x=\"" + v + "\" style=\"" + v + "\" onclick=\"" + v + "\" cite=\"" + v + "\" href=\"" + v + "\" start=\"" + v + "\"}\n"
	}
	return []channel{
		{name: "passthrough-inline", opts: on, md: func(v string) string { return "a $" + v + "$ b \\(" + v + "\\)\n" }},
		{name: "passthrough-block", opts: on, md: func(v string) string { return "$$\n" + v + "\n$$\n" }},
		{name: "passthrough-split", opts: on, md: func(v string) string { return "a \\[" + v + "\\] b\n" }},
		{name: "passthrough-heading", opts: on, md: func(v string) string { return "## h $" + v + "$\n" }},
		{name: "passthrough-open", opts: on, md: func(v string) string { return "$" + v + "\n" }},
		{name: "attr-block-class", opts: on, md: func(v string) string { return "p\n{." + v + "}\n" }},
		{name: "attr-block-id", opts: on, md: func(v string) string { return "p\n{#" + v + "}\n" }},
		{name: "attr-block-bare", opts: on, md: func(v string) string { return "p\n{" + v + "}\n" }},
		{name: "attr-block-text", opts: on, md: func(v string) string { return "{.x} " + v + "\n" }},
		{name: "attr-paragraph", opts: on, md: func(v string) string { return "p\n" + attrs(v) }},
		{name: "attr-list", opts: on, md: func(v string) string { return "1. a\n" + attrs(v) }},
		{name: "attr-blockquote", opts: on, md: func(v string) string { return "> q\n" + attrs(v) }},
		{name: "attr-table", opts: on, md: func(v string) string { return "| a |\n|---|\n| b |\n" + attrs(v) }},
		{name: "attr-rule", opts: on, md: func(v string) string { return "***\n" + attrs(v) }},
		{name: "attr-heading", opts: on, md: func(v string) string { return "## h\n" + attrs(v) }},
		{name: "attr-deflist", opts: on, md: func(v string) string { return "t\n: d\n" + attrs(v) }},
		{name: "attr-passthrough", opts: on, md: func(v string) string { return "$$x$$\n" + attrs(v) }},
		{name: "extras", opts: on, md: func(v string) string { return "==" + v + "== ++" + v + "++ ^" + v + "^ ~" + v + "~ ~~" + v + "~~\n" }},
		{name: "extras-heading", opts: on, md: func(v string) string { return "## ==" + v + "== ^" + v + "^\n" }},
		{name: "emoji", opts: on, md: func(v string) string { return ":smile: " + v + " :" + v + ":\n\n## :rocket: " + v + "\n" }},
		{name: "deflist-term-id", opts: on, md: func(v string) string { return v + "\n: d\n\n## " + v + "\n" }},
	}
}

// TestMarkupSafetyExtender renders every vector in the markup channels
// through an Extender with the features on, as TestSafetyVectors does for
// the Markdown-only channels: the Extender's output must be safe too.
func TestMarkupSafetyExtender(t *testing.T) {
	vectors := testVectors(t)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, &render.Extender{
		Emoji:             true,
		Passthrough:       render.MathDelimiters(),
		Extras:            allExtras,
		BlockAttributes:   true,
		DefinitionTermIDs: true,
	}))
	gm := baseline()
	var st safetyStats
	for _, ch := range markupChannels() {
		for _, v := range vectors {
			outs, err := renderExtender(md, ch.md(v.val))
			st.check(t, "Extender", ch, v.val, gm, outs, err)
		}
	}
	t.Logf("%d cases: unsafe %d (%d where plain goldmark is safe)", st.cases.Load(), st.unsafe.Load(), st.folioOnly.Load())
}
