package render

// The opt-in features' pathological documents join TestLinear's.
func init() {
	math := WithPassthrough(MathDelimiters())
	linearCases = append(linearCases,
		// The upstream passthrough parser scans to the end of the block
		// for each opener without a closer.
		linearCase{name: "unclosed inline passthroughs", n: 3000, gen: repeat(`\( a `), opts: []Option{math}},
		linearCase{name: "unclosed block passthroughs inline", n: 3000, gen: repeat(`\[ a `), opts: []Option{math}},
		linearCase{name: "unclosed passthroughs over lines", n: 3000, gen: repeat("\\( a\n"), opts: []Option{math}},
		linearCase{name: "inline passthroughs", n: 3000, gen: repeat(`$x<y$ `), opts: []Option{math}},
		linearCase{name: "block passthroughs splitting a paragraph", n: 2000, gen: repeat(`a $$x$$ `), opts: []Option{math}},
		linearCase{name: "passthroughs through a hook", n: 3000, gen: repeat("$x$ \\[y\\]\n"), opts: []Option{math, WithPassthroughHook(testPassthroughHook)}},
		linearCase{name: "block attribute lines", n: 2000, gen: repeat("para\n{.c #x data-a=\"b\" style=\"s\"}\n\n"), opts: []Option{WithBlockAttributes()}},
		linearCase{name: "orphan block attribute lines", n: 3000, gen: repeat("{.x}\n\n"), opts: []Option{WithBlockAttributes()}},
		linearCase{name: "paragraphs starting with attributes", n: 3000, gen: repeat("{.x} text\n\n"), opts: []Option{WithBlockAttributes()}},
		linearCase{name: "duplicate definition terms", n: 3000, gen: repeat("a\n: b\n\n"), opts: []Option{WithDefinitionTermIDs()}},
		linearCase{name: "duplicate terms and headings, Hugo", n: 3000, gen: repeat("## a\n\na\n: b\n\n"), opts: []Option{HugoCompat(), WithDefinitionTermIDs()}},
		linearCase{name: "emoji", n: 3000, gen: repeat(":smile: :nope: "), opts: []Option{WithEmoji()}},
		linearCase{name: "extras", n: 3000, gen: repeat("==a== ++b++ ^c^ ~d~ "), opts: []Option{WithExtras(Extras{Insert: true, Mark: true, Subscript: true, Superscript: true})}},
		linearCase{name: "unclosed extras", n: 3000, gen: repeat("==a ++b ^c "), opts: []Option{WithExtras(Extras{Insert: true, Mark: true, Superscript: true})}},
		linearCase{name: "headings with features in the TOC", n: 2000, gen: repeat("## a :smile: ==b== $c$\n\n"), opts: []Option{WithEmoji(), math, WithExtras(Extras{Mark: true})}},
	)
}
