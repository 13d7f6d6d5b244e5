package highlight

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	"github.com/folio-md/folio/render/internal/htmlsafe"

	"github.com/folio-md/folio/internal/escape"
)

// writeDivStart writes <div class="highlight"> (wrapper, already
// escaped, is the class) with the fence's extra attributes: class is
// appended, id is kept when valid, and other names are written with
// escaped values, except event handlers (on...), style and the others
// divAttrAllowed refuses (Check reports them).
func writeDivStart(w io.Writer, wrapper string, attrs []Attr) error {
	var b strings.Builder
	b.WriteString(`<div class="`)
	b.WriteString(wrapper)
	if len(attrs) == 0 {
		b.WriteString(`">`)
		_, err := io.WriteString(w, b.String())
		return err
	}
	if k := findAttr(attrs, "class"); k >= 0 {
		if s, ok := attrs[k].Value.(string); ok && s != "" {
			b.WriteByte(' ')
			b.WriteString(escape.String(escape.Go, s))
		}
	}
	b.WriteByte('"')
	for _, a := range attrs {
		if a.Name == "class" || !divAttrAllowed(a) {
			continue
		}
		v, ok := scalarString(a.Value)
		if !ok {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(a.Name) // divAttrAllowed allows plain names only
		b.WriteString(`="`)
		b.WriteString(escape.String(escape.Go, v))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	_, err := io.WriteString(w, b.String())
	return err
}

// divAttrAllowed reports whether a fence attribute may be written on the
// wrapping div, as Hugo writes them all: htmlsafe.InertDivAttr (the
// attribute allow-list, and plain names that do nothing on a div, such as
// filename or width; style is a chroma option on a fence, never an
// attribute). An id must be a valid anchor and every value a scalar.
func divAttrAllowed(a Attr) bool {
	name := strings.ToLower(a.Name)
	if !htmlsafe.InertDivAttr([]byte(name), false) {
		return false
	}
	if name == "id" {
		s, ok := a.Value.(string)
		return ok && validAnchor(s)
	}
	_, ok := scalarString(a.Value)
	return ok
}

func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int:
		return strconv.Itoa(v), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// writePlain writes code the way Hugo writes a language chroma does not
// know: escaped, no <div>; langAttr is already escaped. inline writes it
// as Hugo writes such a block with hl_inline=true: in <code
// class="code-inline language-x">, no <pre>.
func writePlain(w io.Writer, code []byte, langAttr string, inline bool) error {
	bw := asByteWriter(w)
	if inline {
		_, _ = bw.WriteString(`<code class="code-inline language-`)
		_, _ = bw.WriteString(langAttr)
		_, _ = bw.WriteString(`">`)
		escape.Write(escape.Go, bw, code) // html.EscapeString's set, as Hugo writes fenced code
		_, err := bw.WriteString("</code>")
		if err == nil {
			err = bw.flush()
		}
		return err
	}
	if langAttr == "" {
		_, _ = bw.WriteString(`<pre tabindex="0"><code>`)
	} else {
		_, _ = bw.WriteString(`<pre tabindex="0"><code class="language-`)
		_, _ = bw.WriteString(langAttr)
		_, _ = bw.WriteString(`" data-lang="`)
		_, _ = bw.WriteString(langAttr)
		_, _ = bw.WriteString(`">`)
	}
	escape.Write(escape.Go, bw, code) // html.EscapeString's set, as Hugo writes fenced code
	_, err := bw.WriteString("</code></pre>")
	if err == nil {
		err = bw.flush()
	}
	return err
}

// flushWriter is an escape.Writer: w itself, or a buffer that flush copies
// to w.
type flushWriter struct {
	escape.Writer
	w   io.Writer
	buf *bytes.Buffer
}

func (f flushWriter) flush() error {
	if f.buf == nil {
		return nil
	}
	_, err := f.w.Write(f.buf.Bytes())
	return err
}

func asByteWriter(w io.Writer) flushWriter {
	if bw, ok := w.(escape.Writer); ok {
		return flushWriter{Writer: bw}
	}
	var b bytes.Buffer
	return flushWriter{Writer: &b, w: w, buf: &b}
}
