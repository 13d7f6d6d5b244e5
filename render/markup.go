package render

import (
	"io"

	"github.com/gohugoio/hugo-goldmark-extensions/extras"
	"github.com/yuin/goldmark"
	emoji "github.com/yuin/goldmark-emoji"
	emojiast "github.com/yuin/goldmark-emoji/ast"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/util"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render/internal/blockattr"
	"github.com/folio-md/folio/render/internal/extratags"
	"github.com/folio-md/folio/render/internal/passthrough"
)

// This file holds the options of the Markdown syntax Hugo sites switch on
// (emoji, passthrough, extras, block attributes, definition term IDs) and
// their wiring; the parsers live in render/internal/passthrough and
// render/internal/blockattr, or are the goldmark ecosystem's own.

// WithEmoji turns :shortcodes: into emoji outside code, as Hugo's
// enableEmoji = true does (goldmark-emoji's GitHub set, written as
// character references such as "&#x1f604;").
func WithEmoji() Option { return optionFunc(func(c *config) { c.emoji = true }) }

// PassthroughDelimiters is an opening and a closing delimiter of a
// passthrough, such as "$$" and "$$" or `\(` and `\)`.
type PassthroughDelimiters struct{ Open, Close string }

// PassthroughConfig is Hugo's
// markup.goldmark.extensions.passthrough.delimiters: the delimiters whose
// content is left as it is, for a client-side TeX renderer (KaTeX,
// MathJax). Block delimiters are also recognised inside a paragraph, which
// they then split, as in Hugo.
type PassthroughConfig struct {
	Inline []PassthroughDelimiters
	Block  []PassthroughDelimiters
}

// MathDelimiters returns the delimiters Hugo's documentation suggests for
// mathematics: \[...\] and $$...$$ for blocks, \(...\) and $...$ inline.
func MathDelimiters() PassthroughConfig {
	return PassthroughConfig{
		Block:  []PassthroughDelimiters{{`\[`, `\]`}, {"$$", "$$"}},
		Inline: []PassthroughDelimiters{{`\(`, `\)`}, {"$", "$"}},
	}
}

// WithPassthrough turns on Hugo's passthrough extension
// (markup.goldmark.extensions.passthrough.enable = true) with these
// delimiters: the text between them, delimiters included, is written
// without Markdown processing. Hugo writes it raw; folio does too with
// WithUnsafeHTML, and otherwise writes every '<' that could open markup
// as "&lt;" (a TeX renderer reads the page's text, so the math is the
// same). A passthrough hook (WithPassthroughHook) writes it instead.
// An empty config turns passthrough off.
func WithPassthrough(c PassthroughConfig) Option {
	return optionFunc(func(c2 *config) { c2.passthrough = c })
}

// Passthrough is what a passthrough hook receives, as Hugo's
// render-passthrough hook does.
type Passthrough struct {
	Inner      string                // the text between the delimiters, as written
	Type       string                // "inline" or "block", Hugo's .Type
	Delimiters PassthroughDelimiters // the delimiters that enclose it
	// Attributes are set by a block attribute line after a block
	// passthrough (WithBlockAttributes), allow-listed; nil if none.
	Attributes map[string]string
	Ordinal    int           // zero-based index among the passthroughs of the document, inline and block together
	Position   post.Position // where the passthrough starts
	Post       *post.Post    // the post being rendered; nil for Render
}

// PassthroughHook writes the HTML of a passthrough to w (for example
// KaTeX's server-side output), like LinkHook; ErrDefault writes the text
// as WithPassthrough describes.
type PassthroughHook func(w io.Writer, p Passthrough) error

// WithPassthroughHook renders every passthrough with h, like Hugo's
// render-passthrough hook. It has no effect without WithPassthrough.
// Headings keep the passthrough's text in the table of contents, as Hugo
// does.
func WithPassthroughHook(h PassthroughHook) Option {
	return optionFunc(func(c *config) { c.passthroughHook = h })
}

// Extras selects the inline tags of Hugo's extras extension
// (markup.goldmark.extensions.extras): ~~delete~~ (<del>), ++insert++
// (<ins>), ==mark== (<mark>), ~subscript~ (<sub>) and ^superscript^
// (<sup>).
//
// With the Strikethrough extension on (the default, as in Hugo), a single
// tilde is strikethrough too: ~x~ gives <del>x</del>, not <sub>, exactly
// as Hugo renders it. Turn Strikethrough off (WithoutExtensions) for
// subscripts; ~~x~~ stays <del> when Delete is set.
type Extras struct {
	Delete, Insert, Mark, Subscript, Superscript bool
}

// WithExtras turns on the inline tags x selects, with Hugo's extras
// extension (github.com/gohugoio/hugo-goldmark-extensions/extras).
func WithExtras(x Extras) Option { return optionFunc(func(c *config) { c.extras = x }) }

// WithBlockAttributes reads attribute lines after blocks, as Hugo's
// markup.goldmark.parser.attribute.block = true: a line holding only
// {.class #id key="value"} right after a paragraph, heading, list,
// blockquote, table, thematic break or definition list sets those
// attributes on it. Attributes outside the allow-list (id, class, lang,
// dir, title, translate, role, data-*, and the element's own harmless
// ones such as a list's start) are not written and are reported: Hugo
// writes style and drops on*, folio drops both (style is kept with
// WithStyleAttributes). Where Hugo drops text or attributes silently,
// folio reports them: a line with text after its attribute list is text
// (Hugo drops the line), and a list after a blank line or a code fence is
// not applied.
func WithBlockAttributes() Option { return optionFunc(func(c *config) { c.blockAttrs = true }) }

// WithDefinitionTermIDs gives each definition list term an id, as Hugo's
// markup.goldmark.parser.autoDefinitionTermID = true: made by the heading
// ID style from the term's text, from the same set as the heading IDs
// (the second "Base Name", heading or term, gets "base-name-1"). Terms
// are not in the table of contents; their IDs are in
// Result.Identifiers, as in Hugo's .Fragments.Identifiers.
func WithDefinitionTermIDs() Option { return optionFunc(func(c *config) { c.termIDs = true }) }

// markupConfig is the part of config these options set.
type markupConfig struct {
	emoji           bool
	passthrough     PassthroughConfig
	passthroughHook PassthroughHook
	extras          Extras
	blockAttrs      bool
	termIDs         bool
}

// markupTOC reports whether headings may hold nodes of these features,
// which the table of contents writes through tocTitles.feature.
func (c *markupConfig) markupTOC() bool { return inTOCTitles(c.emoji, c.extras, c.passthrough) }

// inTOCTitles reports whether these syntax features put nodes in headings
// that a table of contents title must write itself.
func inTOCTitles(emoji bool, extras Extras, pt PassthroughConfig) bool {
	return emoji || extras != (Extras{}) || len(pt.Inline)+len(pt.Block) > 0
}

// Priority of the block attribute transformer: after the passthrough
// transformer (0), which splits paragraphs, and after blockPass, so that
// an attribute line's class comes after a heading's automatic id, as in
// Hugo (whose one transformer gives the heading its id first).
const prioBlockAttrs = prioBlocks + 1

// extendMarkup adds the features e turns on to m.
func (e *Extender) extendMarkup(m goldmark.Markdown) {
	if e.Emoji {
		emoji.Emoji.Extend(m)
	}
	if x := e.Extras; x != (Extras{}) {
		extratags.Extend(m, extras.Config{
			Delete:      extras.DeleteConfig{Enable: x.Delete},
			Insert:      extras.InsertConfig{Enable: x.Insert},
			Mark:        extras.MarkConfig{Enable: x.Mark},
			Subscript:   extras.SubscriptConfig{Enable: x.Subscript},
			Superscript: extras.SuperscriptConfig{Enable: x.Superscript},
		})
	}
	if e.passthroughOn() {
		passthrough.Extend(m, delimiters(e.Passthrough.Inline), delimiters(e.Passthrough.Block))
	}
	if e.BlockAttributes {
		policy := blockattr.Policy{Styles: e.StyleAttributes, TableHook: e.TableHook != nil}
		blockattr.Extension{T: &blockattr.Transformer{
			Allowed: policy.Allowed,
			Report:  func(pc parser.Context, off int, msg string) { stateOf(pc).diagParsed(off, "%s", msg) },
			Numbers: policy.WritesNumbers,
		}, Prio: prioBlockAttrs}.Extend(m)
	}
}

func (e *Extender) passthroughOn() bool {
	return len(e.Passthrough.Inline)+len(e.Passthrough.Block) > 0
}

func delimiters(ds []PassthroughDelimiters) []passthrough.Delimiters {
	out := make([]passthrough.Delimiters, 0, len(ds))
	for _, d := range ds {
		if d.Open != "" && d.Close != "" {
			out = append(out, passthrough.Delimiters{Open: d.Open, Close: d.Close})
		}
	}
	return out
}

// renderPassthrough writes an inline or block passthrough: through the
// hook, else its text as written, made safe unless raw HTML is allowed.
func (r *coreRenderer) renderPassthrough(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	raw, inner, block, dl, _ := passthrough.Content(n, src)
	if h := r.ext.PassthroughHook; h != nil {
		d := stateAt(w, n)
		off := passthrough.Pos(n)
		p := Passthrough{
			Inner:      string(inner),
			Type:       "inline",
			Delimiters: PassthroughDelimiters{dl.Open, dl.Close},
			Attributes: r.safeAttrs(n),
			Ordinal:    d.passthroughs,
			Position:   d.position(off),
			Post:       d.page,
		}
		if block {
			p.Type = "block"
		}
		d.passthroughs++
		done, err := runHook(w, d, off, "passthrough", func(w io.Writer) error { return h(w, p) })
		if err != nil {
			return ast.WalkStop, err
		}
		if done {
			return ast.WalkSkipChildren, nil
		}
	}
	r.writePassthroughText(w, raw)
	return ast.WalkSkipChildren, nil
}

func (r *coreRenderer) writePassthroughText(w util.BufWriter, raw []byte) {
	if r.unsafe {
		_, _ = w.Write(raw)
		return
	}
	passthrough.WriteSafe(w, raw)
}

// feature writes the table of contents title of a heading's emoji,
// extras tag or passthrough as Hugo's .TableOfContents does: emoji and
// tags as in the content, a passthrough as its text (never through the
// hook).
func (t *tocTitles) feature(w io.Writer, n ast.Node, src []byte) bool {
	switch n.Kind() {
	case passthrough.KindInline, passthrough.KindBlock:
		raw, _, _, _, _ := passthrough.Content(n, src)
		b := &outBuf{}
		if t.unsafe {
			b.Write(raw)
		} else {
			passthrough.WriteSafe(b, raw)
		}
		_, _ = w.Write(b.bytes())
		return true
	case emojiast.KindEmoji, extras.KindDelete, extras.KindInsert, extras.KindMark, extras.KindSubscript, extras.KindSuperscript:
		b := &outBuf{}
		if err := t.md.Renderer().Render(b, src, n); err != nil {
			return false
		}
		_, _ = w.Write(b.bytes())
		return true
	}
	return false
}
