package position

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"
)

// naivePos is the rule of the package written as plainly as possible: count
// the '\n' before off, and the bytes since the last one, minus a BOM that
// starts a file.
func naivePos(src []byte, firstLine, off int) Position {
	off = min(max(off, 0), len(src))
	line := max(firstLine, 1) + bytes.Count(src[:off], []byte("\n"))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	col := off - start + 1
	if start == 0 && max(firstLine, 1) == 1 && bytes.HasPrefix(src, []byte(bom)) {
		col = max(col-3, 1)
	}
	return Position{line, col}
}

func TestPos(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		src       string
		firstLine int
		off       int
		want      Position
	}{
		{name: "start", src: "ab\ncd", off: 0, want: Position{1, 1}},
		{name: "inside the first line", src: "ab\ncd", off: 1, want: Position{1, 2}},
		{name: "at the newline", src: "ab\ncd", off: 2, want: Position{1, 3}},
		{name: "after the newline", src: "ab\ncd", off: 3, want: Position{2, 1}},
		{name: "end of text", src: "ab\ncd", off: 5, want: Position{2, 3}},
		{name: "past the end", src: "ab\ncd", off: 99, want: Position{2, 3}},
		{name: "negative", src: "ab\ncd", off: -4, want: Position{1, 1}},
		{name: "empty text", src: "", off: 0, want: Position{1, 1}},
		{name: "CRLF: the CR ends the line's text", src: "ab\r\ncd", off: 2, want: Position{1, 3}},
		{name: "CRLF: the LF", src: "ab\r\ncd", off: 3, want: Position{1, 4}},
		{name: "CRLF: the next line", src: "ab\r\ncd", off: 5, want: Position{2, 2}},
		{name: "a lone CR ends no line", src: "ab\rcd", off: 4, want: Position{1, 5}},
		{name: "BOM not counted", src: "\ufeffab", off: 3, want: Position{1, 1}},
		{name: "BOM: after it", src: "\ufeffab", off: 4, want: Position{1, 2}},
		{name: "BOM: inside it", src: "\ufeffab", off: 1, want: Position{1, 1}},
		{name: "BOM: second line counts from its start", src: "\ufeffa\nb", off: 6, want: Position{2, 2}},
		{name: "BOM in a body further down is a character", src: "\ufeffab", firstLine: 5, off: 4, want: Position{5, 5}},
		{name: "first line", src: "a\nb", firstLine: 7, off: 2, want: Position{8, 1}},
		{name: "multi-byte runes count their bytes", src: "éa", off: 2, want: Position{1, 3}},
		{name: "tab is one column", src: "\ta", off: 1, want: Position{1, 2}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := []byte(tc.src)
			equal(t, tc.want, NewIndex(src, tc.firstLine).Pos(tc.off), "Pos(%d) of %q", tc.off, tc.src)
			equal(t, tc.want, naivePos(src, tc.firstLine, tc.off), "naivePos(%d) of %q", tc.off, tc.src)
			// The same offset after the cursor has passed it, from the table.
			x := NewIndex(src, tc.firstLine)
			x.Pos(len(src))
			equal(t, tc.want, x.Pos(tc.off), "Pos(%d) of %q behind the cursor", tc.off, tc.src)
		})
	}
}

func TestLine(t *testing.T) {
	t.Parallel()
	src := []byte("\ufeffab\r\ncd\n\nef")
	x := NewIndex(src, 1)
	type span struct{ start, end int }
	for _, tc := range []struct {
		n    int
		want span
	}{
		{0, span{3, 6}}, // clamped to line 1
		{1, span{3, 6}}, // after the BOM, the CR included
		{2, span{7, 9}},
		{3, span{10, 10}},
		{4, span{11, 13}},
		{9, span{11, 13}}, // clamped to the last line
	} {
		start, end := x.Line(tc.n)
		equal(t, tc.want, span{start, end}, "Line(%d)", tc.n)
	}
	equal(t, 4, x.Lines())
	equal(t, 2, NewIndex([]byte("a\n"), 3).Lines(), "a text ending in a newline")
	start, end := NewIndex(nil, 1).Line(1)
	equal(t, span{0, 0}, span{start, end}, "Line(1) of no text")
}

func TestOffset(t *testing.T) {
	t.Parallel()
	src := []byte("\ufeffab\r\ncd\n\nef")
	x := NewIndex(src, 1)
	for off := len(bom); off <= len(src); off++ {
		p := NewIndex(src, 1).Pos(off)
		equal(t, off, x.Offset(p), "Offset(Pos(%d) = %v)", off, p)
	}
	equal(t, 6, x.Offset(Position{1, 40}), "a column past the line's end")
	equal(t, 3, x.Offset(Position{1, -2}), "a column before the line")
	equal(t, 13, x.Offset(Position{8, 40}), "a line past the text")
	y := NewIndex([]byte("a\nb"), 10)
	equal(t, 2, y.Offset(Position{11, 1}))
	equal(t, 0, y.Offset(Position{1, 1}), "a line before the text's first")
}

// TestPosAnyOrder asks every offset of texts with CRLF, BOMs and blank
// lines in increasing, decreasing and random order, and checks each
// against naivePos.
func TestPosAnyOrder(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "\n", "\r\n", "\r", "\t", "\ufeff", "  "}
	for range 200 {
		var b bytes.Buffer
		if rng.IntN(3) == 0 {
			b.WriteString(bom)
		}
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.Bytes()
		firstLine := 1 + rng.IntN(2)*rng.IntN(20)
		offs := make([]int, 0, len(src)+3)
		for off := -1; off <= len(src)+1; off++ {
			offs = append(offs, off)
		}
		for _, order := range []string{"increasing", "decreasing", "random"} {
			switch order {
			case "decreasing":
				for i, j := 0, len(offs)-1; i < j; i, j = i+1, j-1 {
					offs[i], offs[j] = offs[j], offs[i]
				}
			case "random":
				rng.Shuffle(len(offs), func(i, j int) { offs[i], offs[j] = offs[j], offs[i] })
			}
			x := NewIndex(src, firstLine)
			for _, off := range offs {
				mustEqual(t, naivePos(src, firstLine, off), x.Pos(off), "%s order: Pos(%d) of %q from line %d", order, off, src, firstLine)
			}
		}
	}
}

// FuzzIndex holds Pos, asked in the fuzzer's order, to naivePos, and
// Offset to being Pos's inverse.
func FuzzIndex(f *testing.F) {
	f.Add([]byte("\ufeffab\r\ncd\n\nef"), 1, []byte{3, 9, 0, 12})
	f.Add([]byte("a\rb\n"), 4, []byte{4, 2})
	f.Fuzz(func(t *testing.T, src []byte, firstLine int, offs []byte) {
		x := NewIndex(src, firstLine)
		for _, o := range offs {
			off := int(o) % (len(src) + 2)
			p := x.Pos(off)
			if want := naivePos(src, firstLine, off); p != want {
				t.Fatalf("Pos(%d) of %q = %v, want %v", off, src, p, want)
			}
			if off <= len(src) && (off >= x.bom) {
				if back := x.Offset(p); back != off {
					t.Fatalf("Offset(Pos(%d) = %v) of %q = %d", off, p, src, back)
				}
			}
		}
	})
}

// equal reports got != want as an error, labelled by the format and args.
func equal[T comparable](t *testing.T, want, got T, msgAndArgs ...any) bool {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %v, want %v", label(msgAndArgs), got, want)
		return false
	}
	return true
}

// mustEqual is equal that stops the test.
func mustEqual[T comparable](t *testing.T, want, got T, msgAndArgs ...any) {
	t.Helper()
	if got != want {
		t.Fatalf("%s: got %v, want %v", label(msgAndArgs), got, want)
	}
}

func label(msgAndArgs []any) string {
	if len(msgAndArgs) == 0 {
		return "value"
	}
	if f, ok := msgAndArgs[0].(string); ok {
		return fmt.Sprintf(f, msgAndArgs[1:]...)
	}
	return fmt.Sprint(msgAndArgs...)
}
