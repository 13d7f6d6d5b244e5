package render

import (
	"bufio"
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// FuzzTextWriter holds textWriter to goldmark's writer: the same output for
// every input, from each of the three methods.
func FuzzTextWriter(f *testing.F) {
	for _, s := range []string{
		"", "plain text", `a \* b`, `\\`, "a & b", "&amp; &#x22; &#34; &copy; &nope;", "<b>\"x\"</b>",
		"nul\x00byte", `tail\`, "&#x110000;", "&#0;", `\&amp;`, "é & ü",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		methods := []struct {
			name      string
			want, got func(util.BufWriter, []byte)
		}{
			{"Write", html.DefaultWriter.Write, textWriter{}.Write},
			{"RawWrite", html.DefaultWriter.RawWrite, textWriter{}.RawWrite},
			{"SecureWrite", html.DefaultWriter.SecureWrite, textWriter{}.SecureWrite},
		}
		for _, m := range methods {
			want, got := write(m.want, src), write(m.got, src)
			if !bytes.Equal(want, got) {
				t.Fatalf("%s(%q) = %q; goldmark writes %q", m.name, src, got, want)
			}
		}
	})
}

func write(f func(util.BufWriter, []byte), src []byte) []byte {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	f(w, src)
	_ = w.Flush()
	return b.Bytes()
}

// upperWriter is a caller's own html.Writer: text in capitals.
type upperWriter struct{ html.Writer }

func (w upperWriter) Write(b util.BufWriter, source []byte) {
	w.Writer.Write(b, bytes.ToUpper(source))
}

// A caller's html.WithWriter wins over folio's text writer.
func TestCallerWriterWins(t *testing.T) {
	r := New(WithRendererOptions(html.WithWriter(upperWriter{html.DefaultWriter})))
	res, err := r.Render([]byte("hello & bye"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(res.HTML), "<p>HELLO &amp; BYE</p>\n"; got != want {
		t.Fatalf("HTML = %q, want %q", got, want)
	}
}
