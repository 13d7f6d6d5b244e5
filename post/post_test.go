package post

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/internal/position"
)

var update = flag.Bool("update", false, "rewrite golden files")

// caseOptions is the JSON comment of a golden file.
type caseOptions struct {
	CRLF           bool   `json:"crlf"`           // turn every \n of the input into \r\n
	BOM            bool   `json:"bom"`            // prepend a UTF-8 BOM
	NoFinalNewline bool   `json:"noFinalNewline"` // drop the input's last \n
	Location       string `json:"location"`       // WithLocation
	MaxSize        int    `json:"maxSize"`        // WithMaxSize
	Now            string `json:"now"`            // RFC 3339; adds a "status" section
}

func (o caseOptions) input(data []byte) []byte {
	src := bytes.Clone(data)
	if o.NoFinalNewline {
		src = bytes.TrimSuffix(src, []byte("\n"))
	}
	if o.CRLF {
		src = bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	}
	if o.BOM {
		src = append([]byte(bom), src...)
	}
	return src
}

func (o caseOptions) options(t *testing.T, path string) []Option {
	opts := []Option{WithPath(path)}
	if o.Location != "" {
		loc, err := time.LoadLocation(o.Location)
		if err != nil {
			t.Fatalf("time.LoadLocation: %v", err)
		}
		opts = append(opts, WithLocation(loc))
	}
	if o.MaxSize != 0 {
		opts = append(opts, WithMaxSize(o.MaxSize))
	}
	return opts
}

func readOptions(t *testing.T, c *golden.Case) caseOptions {
	var o caseOptions
	if s := bytes.TrimSpace(c.Comment); len(s) > 0 {
		if err := json.Unmarshal(s, &o); err != nil {
			t.Fatalf("%s: comment: %v", c.Path, err)
		}
	}
	return o
}

// TestGolden parses each testdata/*.txt input and compares the post (as
// JSON, with the Go types of its Params) or the error with the file.
func TestGolden(t *testing.T) {
	for _, c := range golden.Load(t, "testdata/*.txt") {
		t.Run(c.Name, func(t *testing.T) {
			o := readOptions(t, c)
			src := o.input(c.Input.Data)
			path := "content/posts/" + c.Input.Name
			p, err := Parse(src, o.options(t, path)...)
			if err != nil {
				if p != nil {
					t.Fatalf("a Post returned with an error")
				}
				checkError(t, err, src, path)
				c.Check(t, *update,
					golden.Output{Name: "error", Data: []byte(err.Error())},
					golden.Output{Name: "snippet", Data: []byte(snippets(err, src))})
				return
			}
			if p == nil {
				t.Fatalf("Parse returned neither a Post nor an error")
			}
			checkPost(t, p, src)
			outs := []golden.Output{
				{Name: "post.json", Data: dumpPost(t, p)},
				{Name: "params.types", Data: dumpTypes(p.Params)},
			}
			if o.Now != "" {
				now, err := time.Parse(time.RFC3339, o.Now)
				if err != nil {
					t.Fatalf("time.Parse: %v", err)
				}
				outs = append(outs, golden.Output{Name: "status", Data: []byte(p.Status(now).String())})
			}
			c.Check(t, *update, outs...)
		})
	}
}

// checkError asserts what every error from Parse must be: a *ParseError
// (or Errors of them) with the path, a position inside the file, and a
// sentinel.
func checkError(t *testing.T, err error, src []byte, path string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse error %v is not a %T", err, pe)
	}
	var list []*ParseError
	var errs Errors
	if errors.As(err, &errs) {
		list = errs
	} else {
		list = []*ParseError{pe}
	}
	lines := max(bytes.Count(src, []byte("\n"))+1, 1)
	sentinels := []error{ErrUnterminated, ErrSyntax, ErrDate, ErrType, ErrValue, ErrDuplicateKey, ErrTooLarge, ErrUnknownKey}
	for _, e := range list {
		equal(t, e.Path, path, "e.Path")
		if e.Line < 1 || e.Line > lines {
			t.Errorf("%s: Line %d, want 1..%d", e, e.Line, lines)
		}
		if e.Column < 1 {
			t.Errorf("%s: Column %d, want >= 1", e, e.Column)
		}
		if !slices.ContainsFunc(sentinels, func(s error) bool { return errors.Is(e, s) }) {
			t.Errorf("%v wraps no sentinel", e)
		}
		line, col := position.NewIndex(src, 1).LineCol(e.Offset)
		equal(t, [2]int{line, col}, [2]int{e.Line, e.Column}, "Offset %d disagrees with %s", e.Offset, e)
	}
}

func snippets(err error, src []byte) string {
	var list Errors
	if !errors.As(err, &list) {
		var pe *ParseError
		errors.As(err, &pe)
		list = Errors{pe}
	}
	var b strings.Builder
	for _, e := range list {
		fmt.Fprintf(&b, "%d:%d\n%s\n", e.Line, e.Column, e.Snippet(src))
	}
	return b.String()
}

// checkPost asserts the invariants of every parsed post.
func checkPost(t *testing.T, p *Post, src []byte) {
	t.Helper()
	// Body is the end of the source and starts at BodyLine.
	if !bytes.HasSuffix(src, p.Body) {
		t.Fatalf("Body is not the end of the source")
	}
	before := src[:len(src)-len(p.Body)]
	before = bytes.TrimPrefix(before, []byte(bom))
	equal(t, p.BodyLine, bytes.Count(before, []byte("\n"))+1, "BodyLine")
	// Params marshal to JSON and work in html/template.
	_, err := json.Marshal(p.Params)
	if err != nil {
		t.Fatalf("json.Marshal(Params): %v", err)
	}
	tpl := template.Must(template.New("").Parse(`{{range $k, $v := .}}{{$k}}={{$v}};{{end}}`))
	if err := tpl.Execute(new(bytes.Buffer), p.Params); err != nil {
		t.Fatalf("a template over Params: %v", err)
	}
	assertPlain(t, reflect.ValueOf(p.Params), "params")
}

// assertPlain checks that a Params value holds only the documented types.
func assertPlain(t *testing.T, v reflect.Value, path string) {
	t.Helper()
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch x := v.Interface().(type) {
	case map[string]any:
		for k, e := range x {
			assertPlain(t, reflect.ValueOf(&e).Elem(), path+"."+k)
		}
	case []any:
		for i := range x {
			assertPlain(t, reflect.ValueOf(&x[i]).Elem(), fmt.Sprintf("%s[%d]", path, i))
		}
	case []string, string, bool, int, int64, uint64, float64, time.Time:
	default:
		t.Errorf("%s: unexpected type %T", path, x)
	}
}

// dumpPost writes the post as indented JSON: its front matter with only
// the fields that are set, and its body as text.
func dumpPost(t *testing.T, p *Post) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := func(v any) string {
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			t.Fatalf("encoding %v as JSON: %v", v, err)
		}
		return strings.TrimSuffix(buf.String(), "\n")
	}
	fmt.Fprintf(&b, `{"path":%s,"format":%s,"bodyLine":%d,"body":%s,"frontMatter":{`,
		enc(p.Path), enc(p.Format.String()), p.BodyLine, enc(string(p.Body)))
	fv := reflect.ValueOf(p.FrontMatter)
	first := true
	for i := range fv.NumField() {
		f := fv.Field(i)
		if f.IsZero() {
			continue
		}
		if !first {
			b.WriteByte(',')
		}
		first = false
		fmt.Fprintf(&b, "%s:%s", enc(fv.Type().Field(i).Name), enc(f.Interface()))
	}
	fmt.Fprintf(&b, `},"params":%s}`, enc(p.Params))
	var out bytes.Buffer
	if err := json.Indent(&out, b.Bytes(), "", "  "); err != nil {
		t.Fatalf("json.Indent: %v", err)

	}
	return out.Bytes()
}

// dumpTypes lists every Params value with its Go type, one per line.
func dumpTypes(params map[string]any) []byte {
	var b bytes.Buffer
	var walk func(path string, v any)
	walk = func(path string, v any) {
		fmt.Fprintf(&b, "%s %T", path, v)
		switch x := v.(type) {
		case map[string]any:
			b.WriteByte('\n')
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(path+"."+k, x[k])
			}
			return
		case []any:
			b.WriteByte('\n')
			for i, e := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
			return
		case time.Time:
			fmt.Fprintf(&b, " %s", x.Format(time.RFC3339Nano+" MST"))
		case string:
			fmt.Fprintf(&b, " %q", x)
		default:
			fmt.Fprintf(&b, " %v", x)
		}
		b.WriteByte('\n')
	}
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		walk(k, params[k])
	}
	return b.Bytes()
}
