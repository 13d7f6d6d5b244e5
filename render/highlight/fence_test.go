package highlight

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/internal/golden"
)

func TestParseFenceInfo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      string
		lang    string
		attrs   []Attr
		wantErr string
	}{
		{name: "empty", in: ""},
		{name: "lang only", in: "go", lang: "go"},
		{name: "hugo form", in: `go {linenos=table hl_lines=[2,"4-5"] linenostart=10}`, lang: "go", attrs: []Attr{
			{Name: "linenos", Value: "table", Offset: 4},
			{Name: "hl_lines", Value: []any{2, "4-5"}, Offset: 18},
			{Name: "linenostart", Value: 10, Offset: 37},
		}},
		{name: "commas", in: `go {linenos=inline,hl_lines=[1],anchorlinenos=true,lineanchors=x}`, lang: "go", attrs: []Attr{
			{Name: "linenos", Value: "inline", Offset: 4},
			{Name: "hl_lines", Value: []any{1}, Offset: 19},
			{Name: "anchorlinenos", Value: true, Offset: 32},
			{Name: "lineanchors", Value: "x", Offset: 51},
		}},
		{name: "no space before brace", in: `go{copy=true}`, lang: "go", attrs: []Attr{{Name: "copy", Value: true, Offset: 3}}},
		{name: "no language", in: `{file="a b.go"}`, attrs: []Attr{{Name: "file", Value: "a b.go", Offset: 1}}},
		{name: "id and classes", in: `sh {.a #x .b class="c"}`, lang: "sh", attrs: []Attr{
			{Name: "class", Value: "a b c", Offset: 4}, {Name: "id", Value: "x", Offset: 7},
		}},
		{name: "string escapes", in: `x {t="a\"b\\c\n"}`, lang: "x", attrs: []Attr{{Name: "t", Value: "a\"b\\c\n", Offset: 3}}},
		{name: "numbers and null", in: `x {a=-1.5 b=+2 c=null d=1e3}`, lang: "x", attrs: []Attr{
			{Name: "a", Value: -1.5, Offset: 3}, {Name: "b", Value: 2, Offset: 10}, {Name: "c", Value: nil, Offset: 15}, {Name: "d", Value: 1000.0, Offset: 22},
		}},
		{name: "unclosed list", in: `go {linenos=table`, lang: "go", wantErr: "not closed"},
		{name: "unclosed string", in: `go {file="x}`, lang: "go", wantErr: "string not closed"},
		{name: "missing equals", in: `go {linenos}`, lang: "go", wantErr: "expected ="},
		{name: "bad array", in: `go {hl_lines=[1 2]}`, lang: "go", wantErr: "expected , or ]"},
		{name: "trailing words", in: `go extra`, lang: "go", wantErr: "text after the language"},
		{name: "text after list", in: `go {a=1} b`, lang: "go", attrs: []Attr{{Name: "a", Value: 1, Offset: 4}}, wantErr: "text after the attribute list"},
		{name: "class must be string", in: `go {class=1}`, lang: "go", wantErr: "class must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fi := parseFenceInfo(tt.in)
			assert.Equal(t, tt.lang, fi.lang, "lang of %q", tt.in)
			assert.Equal(t, tt.attrs, fi.attrs, "attrs of %q", tt.in)
			if tt.wantErr == "" {
				assert.Empty(t, fi.err)
			} else {
				assert.Contains(t, fi.err, tt.wantErr)
			}
		})
	}
}

func TestParseOptionString(t *testing.T) {
	t.Parallel()
	attrs, err := parseOptionString("linenos=table, hl_lines=8 15-17 ,linenostart=199,")
	require.NoError(t, err)
	assert.Equal(t, []Attr{
		{Name: "linenos", Value: "table", Offset: 0},
		{Name: "hl_lines", Value: "8 15-17", Offset: 14},
		{Name: "linenostart", Value: "199", Offset: 33},
	}, attrs)

	_, err = parseOptionString("linenos=table,oops")
	var oe *OptionError
	require.ErrorAs(t, err, &oe)
	assert.Equal(t, 14, oe.Offset)
}

func TestParseHLLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   any
		want [][2]int
		ok   bool
	}{
		{[]any{2, "4-5"}, [][2]int{{2, 2}, {4, 5}}, true},
		{"1 3-4", [][2]int{{1, 1}, {3, 4}}, true},
		{7, [][2]int{{7, 7}}, true},
		{[]any{"5-4"}, nil, false},
		{[]any{true}, nil, false},
		{"x", nil, false},
		{-1, [][2]int{{-1, -1}}, false},
	}
	for _, tt := range tests {
		got, ok := parseHLLines(tt.in)
		assert.Equal(t, tt.ok, ok, "parseHLLines(%#v)", tt.in)
		if tt.ok {
			assert.Equal(t, tt.want, got, "parseHLLines(%#v)", tt.in)
		}
	}
}

// FuzzFenceInfo checks that no info string makes the fence parser or the
// highlighter panic, that problems point inside the info string, and that
// the block's code always reaches the HTML.
func FuzzFenceInfo(f *testing.F) {
	for _, c := range golden.Load(f, "testdata/highlight/*.txt") {
		for line := range strings.Lines(string(c.Input.Data)) {
			if s, ok := strings.CutPrefix(line, "```"); ok {
				f.Add(strings.TrimRight(s, "\n"))
			}
		}
	}
	f.Add(`go {hl_lines=[[[[[[[[[[1]]]]]]]]]]}`)
	f.Add(`go {a="\`)
	f.Add(`go {a=1e999999 b=-}`)
	h := New(Config{})
	f.Fuzz(func(t *testing.T, info string) {
		fi := parseFenceInfo(info)
		if fi.err != "" && (fi.errOff < 0 || fi.errOff > len(info)) {
			t.Fatalf("parseFenceInfo(%q): error offset %d outside the info string", info, fi.errOff)
		}
		if strings.ContainsAny(info, "\n`") {
			return // not a fence info string
		}
		b := ParseFence(info)
		for _, p := range append(b.Problems, h.Check(&b)...) {
			if p.Offset < 0 || p.Offset > len(info) {
				t.Fatalf("problem %q at %d outside %q", p.Message, p.Offset, info)
			}
		}
		const code = "x := \"<&>\"\n"
		var out bytes.Buffer
		if err := h.WriteBlock(&out, []byte(code), &b); err != nil {
			t.Fatalf("writeBlock(%q): %v", info, err)
		}
		html := out.String()
		if !utf8.ValidString(info) {
			return
		}
		if strings.Contains(html, "<script") {
			t.Fatalf("info %q injected markup: %s", info, html)
		}
		if !strings.Contains(html, "&lt;&amp;&gt;") && !strings.Contains(html, "&amp;") {
			t.Fatalf("info %q lost the code: %s", info, html)
		}
	})
}
