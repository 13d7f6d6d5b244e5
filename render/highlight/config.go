package highlight

import "github.com/folio-md/folio/internal/escape"

// DefaultStyle is the chroma style of a Config that names none. It is
// Hugo's default.
const DefaultStyle = "monokai"

// LineNumbers says whether the lines of a block are numbered, and where.
type LineNumbers int

// The line number settings. A fence's linenos option overrides them for
// its block.
const (
	// NoLineNumbers numbers no lines (Hugo's lineNos = false). A fence
	// that says linenos=true gets them in a table.
	NoLineNumbers LineNumbers = iota
	// LineNumbersTable numbers lines in a two-column table (Hugo's
	// lineNos = true with lineNumbersInTable = true).
	LineNumbersTable
	// LineNumbersInline numbers each line before its code (Hugo's
	// lineNos = true with lineNumbersInTable = false).
	LineNumbersInline
)

// Config is how a Highlighter writes code blocks. Its zero value is folio's
// default: the monokai style, class output, no line numbers, tab width 4,
// no guessing.
type Config struct {
	// Style is the chroma style, by name ("monokai", "github", "dracula",
	// ...; case-insensitive; see chroma's styles package). With class
	// output it only shapes [Highlighter.CSS]; with InlineStyles it is
	// written into every block. An unknown name falls back to chroma's
	// fallback style ("swapoff"). "" means DefaultStyle.
	Style string

	// InlineStyles writes colours as style="..." attributes on every
	// token (Hugo's default, markup.highlight.noClasses = true) instead
	// of class names. Class output is smaller, and one stylesheet from
	// [Highlighter.CSS] serves every page.
	InlineStyles bool

	// LineNumbers numbers the lines of every block, in a table or inline.
	// A fence can still say linenos=false.
	LineNumbers LineNumbers

	// TabWidth is the CSS tab-size of highlighted blocks. Values below 1
	// mean 4, as in Hugo.
	TabWidth int

	// GuessSyntax highlights a block without a language, or with one
	// chroma does not know, with the lexer chroma guesses from the code
	// (Hugo's guessSyntax).
	GuessSyntax bool

	// WrapperClass is the class of the <div> around a highlighted block
	// (Hugo's markup.highlight.wrapperClass). "" means "highlight". A
	// fence's class attribute is added after it.
	WrapperClass string

	// Plain writes every block without chroma, as Hugo writes a language
	// it does not know: <pre tabindex="0"><code class="language-go"
	// data-lang="go">…</code></pre>.
	Plain bool

	// Cache, when set, keeps the HTML of highlighted blocks so that
	// [Highlighter.WriteBlock] writes a block it has seen before (same
	// code, language, fence options and attributes, settings, chroma
	// and folio versions) without running chroma again. nil means no
	// cache. Blocks written with Plain are never cached. See
	// [NewMemoryCache] and [NewDirCache].
	Cache Cache
}

// settings is everything chroma's formatter needs for one block.
type settings struct {
	lineNos     bool
	table       bool
	lineNoStart int
	hlLines     [][2]int // 1-based lines of the block, before linenostart
	anchors     bool     // anchorlinenos
	anchorID    string   // lineanchors prefix; validated
	style       string
	inline      bool
	tabWidth    int
	guess       bool
	inlineCode  bool   // hl_inline: a <code> element, no <div> and no <pre>
	wrapper     string // the class of the <div>, escaped; Config's only
}

// settings returns the block settings c gives a fence without options.
func (c Config) settings() settings {
	s := settings{
		lineNos:     c.LineNumbers == LineNumbersTable || c.LineNumbers == LineNumbersInline,
		table:       c.LineNumbers != LineNumbersInline,
		lineNoStart: 1,
		style:       c.Style,
		inline:      c.InlineStyles,
		tabWidth:    c.TabWidth,
		guess:       c.GuessSyntax,
		wrapper:     escape.String(escape.Go, c.WrapperClass),
	}
	if s.wrapper == "" {
		s.wrapper = "highlight"
	}
	if s.style == "" {
		s.style = DefaultStyle
	}
	if s.tabWidth < 1 {
		s.tabWidth = 4
	}
	return s
}
