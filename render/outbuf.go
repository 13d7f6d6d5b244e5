package render

import (
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// outBuf is a render's output: a util.BufWriter over a byte slice, so
// that goldmark writes straight into it. (goldmark wraps any other writer
// in a new 4 KiB bufio.Writer, and every byte is copied once more.) b is
// written up to n and only replaced when full: a write stores an int, not
// a slice header, so it costs no write barrier while the GC runs. The
// buffers are pooled.
type outBuf struct {
	b []byte
	n int
	d *docState // the state of the document being rendered into it, for stateAt
}

func (o *outBuf) bytes() []byte { return o.b[:o.n] }

// room makes room for k more bytes.
func (o *outBuf) room(k int) {
	if len(o.b)-o.n < k {
		b := make([]byte, max(2*len(o.b), o.n+k))
		copy(b, o.b[:o.n])
		o.b = b
	}
}

func (o *outBuf) Write(p []byte) (int, error) {
	o.room(len(p))
	o.n += copy(o.b[o.n:], p)
	return len(p), nil
}

func (o *outBuf) WriteString(s string) (int, error) {
	o.room(len(s))
	o.n += copy(o.b[o.n:], s)
	return len(s), nil
}

func (o *outBuf) WriteByte(c byte) error {
	o.room(1)
	o.b[o.n] = c
	o.n++
	return nil
}

func (o *outBuf) WriteRune(r rune) (int, error) {
	o.room(utf8.UTFMax)
	k := utf8.EncodeRune(o.b[o.n:], r)
	o.n += k
	return k, nil
}

// Available, Buffered and Flush make outBuf a util.BufWriter: there is
// nothing to flush.
func (o *outBuf) Available() int { return len(o.b) - o.n }
func (o *outBuf) Buffered() int  { return 0 }
func (o *outBuf) Flush() error   { return nil }

var _ util.BufWriter = (*outBuf)(nil)

var bufPool = sync.Pool{New: func() any { return new(outBuf) }}

// newOutBuf returns a pooled buffer for the HTML of d, with room for a
// document of about n bytes of Markdown.
func newOutBuf(d *docState, n int) *outBuf {
	buf := bufPool.Get().(*outBuf)
	buf.n, buf.d = 0, d
	buf.room(n + n/4 + 512) // HTML runs about 1.25 times its Markdown
	return buf
}

// release puts o back in the pool; nothing may use its bytes after.
func (o *outBuf) release() {
	o.d = nil
	if len(o.b) <= 1<<20 { // a huge document's buffer is not kept
		bufPool.Put(o)
	}
}
