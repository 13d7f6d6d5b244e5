package diagram

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/bep/goat"

	"github.com/folio-md/folio/internal/escape"
)

// GoATOptions are the attributes of a goat fence that Hugo's GoAT hook
// reads: ```goat {class="wide" width=200 height=80}. Empty strings are
// unset.
type GoATOptions struct {
	// Class is added to the wrapping div's classes, after "goat
	// svg-container ".
	Class string
	// Width and Height, when either is set, are written as the SVG's
	// width and height attributes in place of its viewBox.
	Width, Height string
}

// Limits of a GoAT diagram. GoAT draws on a grid of lines × the longest
// line's characters, in time proportional to its cells (some
// microseconds each), and reads lines of up to 64 KiB only: a larger
// diagram is refused rather than drawn slowly or cut short.
const (
	// MaxGoATCells bounds the grid of one diagram.
	MaxGoATCells = 1 << 16
	// goatCellsPerByte bounds the grid by the diagram's size in bytes too,
	// so that the cost of drawing is linear in the input: a short diagram
	// whose one long line makes a large, empty grid is refused.
	goatCellsPerByte = 16
	goatSlackCells   = 1024
	// goatMaxLineBytes is below the 64 KiB lines GoAT's scanner reads.
	goatMaxLineBytes = 32 << 10
)

// ErrGoATTooLarge is returned, wrapped, by CheckGoAT and WriteGoAT for a
// diagram larger than the limits.
var ErrGoATTooLarge = fmt.Errorf("GoAT diagram too large (more than %d cells, or a mostly empty grid)", MaxGoATCells)

// CheckGoAT returns an error wrapping ErrGoATTooLarge when code is too
// large to be drawn as a GoAT diagram: more than MaxGoATCells cells (lines
// × the longest line, in characters), or a grid much larger than the
// text. Such a diagram is better written as plain code.
func CheckGoAT(code string) error {
	lines, width := 0, 0
	for line := range strings.Lines(code) {
		line = strings.TrimRight(line, "\r\n")
		if len(line) > goatMaxLineBytes {
			return fmt.Errorf("%w: a line of %d bytes", ErrGoATTooLarge, len(line))
		}
		lines++
		width = max(width, utf8.RuneCountInString(line))
	}
	cells := lines * width
	if cells > MaxGoATCells || cells > goatCellsPerByte*len(code)+goatSlackCells {
		return fmt.Errorf("%w: %d lines × %d characters", ErrGoATTooLarge, lines, width)
	}
	return nil
}

// WriteGoAT writes code, a GoAT ASCII-art diagram, as inline SVG in the
// markup of Hugo's embedded render-codeblock-goat hook, byte for byte: a
// <div class="goat svg-container CLASS"> around an <svg> with a viewBox of
// the diagram's size, or with the width and height of o. Trailing line
// breaks of code do not count. A diagram CheckGoAT refuses is not written;
// the error wraps ErrGoATTooLarge. Otherwise the error is w's.
func WriteGoAT(w io.Writer, code string, o GoATOptions) (err error) {
	code = strings.TrimRight(code, "\r\n")
	if err := CheckGoAT(code); err != nil {
		return err
	}
	svg, err := buildGoAT(code)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.Grow(len(svg.Body) + 256)
	b.WriteString("\n\n\n<div class=\"goat svg-container ")
	escape.WriteString(escape.Template, &b, o.Class)
	b.WriteString("\">\n\t\n\t\t<svg\n\t\t\txmlns=\"http://www.w3.org/2000/svg\"\n\t\t\tfont-family=\"Menlo,Lucida Console,monospace\"\n\t\t\t\n")
	if o.Width != "" || o.Height != "" {
		b.WriteString("\t\t\t\t")
		if o.Width != "" {
			b.WriteString(`width="`)
			escape.WriteString(escape.Template, &b, o.Width)
			b.WriteByte('"')
		}
		b.WriteString("\n\t\t\t\t")
		if o.Height != "" {
			b.WriteString(`height="`)
			escape.WriteString(escape.Template, &b, o.Height)
			b.WriteByte('"')
		}
		b.WriteByte('\n')
	} else {
		fmt.Fprintf(&b, "\t\t\t\tviewBox=\"0 0 %d %d\"\n", svg.Width, svg.Height)
	}
	b.WriteString("\t\t\t>\n\t\t\t")
	b.WriteString(svg.Body)
	b.WriteString("\n\t\t</svg>\n\t\n</div>\n")
	_, err = w.Write(b.Bytes())
	return err
}

// buildGoAT runs GoAT, turning a panic into an error.
func buildGoAT(code string) (svg goat.SVG, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("diagram: GoAT failed: %v", r)
		}
	}()
	return goat.BuildSVG(strings.NewReader(code)), nil
}
