package shortcode

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dump writes nodes compactly: name, notation, #ordinal, typed args,
// "/" for self-closed, [inner] for closed calls, {children}.
func dump(src []byte, nodes []*Node) string {
	var b strings.Builder
	for i, n := range nodes {
		if i > 0 {
			b.WriteByte(' ')
		}
		if n.Kind == KindEscape {
			fmt.Fprintf(&b, "esc(%q)", n.Text)
			continue
		}
		fmt.Fprintf(&b, "%s%s#%d", n.Name, n.Notation, n.Ordinal)
		for _, a := range n.Args {
			if a.Name != "" {
				fmt.Fprintf(&b, " %s=", a.Name)
			} else {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%#v", a.Value)
		}
		if n.SelfClosed {
			b.WriteString(" /")
		}
		if n.CloseStart >= 0 {
			fmt.Fprintf(&b, " [%q]", n.Inner(src))
		}
		if len(n.Children) > 0 {
			fmt.Fprintf(&b, " {%s}", dump(src, n.Children))
		}
		if string(src[n.Start:n.Start+2]) != "{{" || string(src[n.End-2:n.End]) != "}}" {
			fmt.Fprintf(&b, " BADSPAN(%d,%d)", n.Start, n.End)
		}
	}
	return b.String()
}

func modes(m map[string]InnerMode) ParseOptions {
	return ParseOptions{Inner: func(name string) InnerMode {
		if v, ok := m[name]; ok {
			return v
		}
		return InnerOptional
	}}
}

func TestParse(t *testing.T) {
	t.Parallel()
	opts := modes(map[string]InnerMode{"none": InnerNone, "req": InnerRequired})
	tests := []struct {
		name, in, want string
	}{
		{"none", "no shortcodes {{ here }} {x}", ""},
		{"standard", "a {{< foo >}} b", "foo<#0"},
		{"markdown", "{{% foo %}}", "foo%#0"},
		{"no spaces", "{{<foo>}}{{%bar%}}", "foo<#0 bar%#1"},
		{"namespace", "{{< my/ns-name_1 >}}", "my/ns-name_1<#0"},
		{"unicode name", "{{< 日本 >}}", "日本<#0"},
		{"hugo typing", "{{< dumpp 1 2.5 true \"true\" `raw` abc-def -3 日本 >}}",
			`dumpp<#0 1 2.5 true "true" "raw" "abc-def" -3 "日本"`},
		{"more typing", "{{< t false 1.0 -0.5 007 1. 1.2.3 9999999999999999999999 a.b >}}",
			`t<#0 false 1 -0.5 7 "1." "1.2.3" "9999999999999999999999" "a.b"`},
		{"named", "{{< sc a=1 b=\"x y\" c=`r\ns` d=/p?x=1&y=2 e = +4 f=.5 >}}",
			`sc<#0 a=1 b="x y" c="r\ns" d="/p?x=1&y=2" e=4 f=0.5`},
		{"quoted escapes", `{{< q "a \"b\" c\\d" >}}`, `q<#0 "a \"b\" c\\\\d"`},
		{"escaped quotes", `{{< q a=\"Hello World\" b=\"x" c=\"d\\e\" >}} {{< p \"one\" "two" >}}`,
			`q<#0 a="Hello World" b="x" c="d\\\\e" p<#1 "one" "two"`},
		{"inline", "{{< foo.inline >}}{{ .Get 0 }}{{< /foo.inline >}} {{% foo.inline /%}}",
			`foo.inline<#0 ["{{ .Get 0 }}"] foo.inline%#1 /`},
		{"multi-line call", "{{< figure\n    src=\"a.png\"\n    alt=\"b\"\n>}}", `figure<#0 src="a.png" alt="b"`},
		{"self-closing", "{{< new-in 0.140.0 />}} {{< x/>}} {{< y / >}}", `new-in<#0 "0.140.0" / x<#1 / y<#2 /`},
		{"closed", "{{< a >}}in{{< /a >}}", `a<#0 [""] BADSPAN` + "(0,22)"},
		{"nested", "{{< a >}}x {{% b 1 %}}y{{% /b %}} {{< c >}} z{{< / a >}}", ""},
		{"optional unwinds", "{{< a >}} {{< b >}} {{< /a >}}", ""},
		{"optional at eof", "{{< a >}} {{< b >}}", "a<#0 b<#1"},
		{"optional chain at eof", "{{< a >}}{{< b >}}{{< c >}}y{{< /c >}}{{< d >}} z", `a<#0 b<#1 c<#2 ["y"] d<#3`},
		{"optional chain unwound by close", "{{< p >}}{{< a >}}{{< b >}}{{< c >}}{{< /p >}}{{< e >}}",
			`p<#0 ["{{< a >}}{{< b >}}{{< c >}}"] {a<#0 b<#1 c<#2} e<#1`},
		{"required in unwound chain", "{{< p >}}{{< req >}}{{< a >}}{{< /p >}}", "ERR"},
		{"none takes no close", "{{< none >}} {{< a >}}x{{< /a >}}", `none<#0 a<#1 ["x"]`},
		{"escape", "{{</* foo bar=\"1\" */>}} {{%/* /foo */%}}", `esc("{{< foo bar=\"1\" >}}") esc("{{% /foo %}}")`},
		{"double escape", "{{</*/* x */*/>}}", `esc("{{</* x */>}}")`},
		{"fence", "```\n{{< x >}}\n{{</* y */>}}\n```\n{{< z >}}", `esc("{{< y >}}") z<#0`},
		{"tilde fence info", "~~~~ go {a=1}\n{{< x >}}\n~~~\n{{< x >}}\n~~~~\n{{< z >}}", "z<#0"},
		{"indented fence", "   ```\n{{< x >}}\n  ```\n{{< z >}}", "z<#0"},
		{"four spaces is not a fence", "text\n    ```\n{{< z >}}", "z<#0"},
		{"code span", "a `{{< x >}}` b ``{{< y >}}` `` {{< z >}} `{{</* e */>}}`", `z<#0 esc("{{< e >}}")`},
		{"unmatched backtick", "a ` {{< z >}}", "z<#0"},
		{"escaped backtick", "a \\`{{< z >}}`", "z<#0"},
		{"span across lines", "a `x\n{{< y >}}` {{< z >}}", "z<#0"},
		{"span stops at blank line", "a `x\n\n{{< z >}}`", "z<#0"},
		{"indented code", "para\n\n    {{< x >}}\n\n    {{</* e */>}}\nback {{< z >}}", `esc("{{< e >}}") z<#0`},
		{"indented continuation", "para\n    {{< z >}}", "z<#0"},
		{"indented after heading", "# T\n    {{< x >}}", ""},
		{"list continuation", "1. Step\n\n    {{< z >}}\n\n        {{< code >}}", "z<#0"},
		{"nested list", "- a\n  - b\n\n    {{< z >}}\n\n        {{< code >}}\n- c\n\n  {{< y >}}", "z<#0 y<#1"},
		// A line of text at the margin ends the list, unless it continues
		// the item's paragraph lazily.
		{"list ended by text", "- a\n\nb\n\n    {{< x >}}\n\nc {{< z >}}", "z<#0"},
		{"lazy line in list", "- a\nb {{< y >}}\n\n  {{< z >}}", "y<#0 z<#1"},
		{"fence in list", "1. Do\n   ```sh\n   {{< x >}}\n   ```\n   {{< z >}}", "z<#0"},
		{"fence on item line", "- ```\n  {{< x >}}\n  ```\n{{< z >}}", "z<#0"},
		{"block quote fence", "> ```\n> {{< x >}}\n> ```\n> {{< z >}}", "z<#0"},
		{"call spans fence-like line", "{{< x a=`\n~~~\n` >}}\n{{< z >}}", "x<#0 a=\"\\n~~~\\n\" z<#1"},
		{"inner with fence", "{{% d %}}\n```\n{{< x >}}\n```\n{{% /d %}}", "d%#0 [\"\\n```\\n{{< x >}}\\n```\\n\"]"},
		{"not a tag", "{{ .Title }} {{- x -}} {{< }} {{<", "ERR"},
		{"mixed close notation", "{{% a %}}x{{< /a >}}", `a%#0 ["x"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			nodes, err := Parse([]byte(tt.in), opts)
			switch tt.want {
			case "ERR":
				require.Error(t, err)
				return
			case "":
				if tt.name == "nested" || tt.name == "optional unwinds" {
					break
				}
			}
			require.NoError(t, err)
			got := dump([]byte(tt.in), nodes)
			switch tt.name {
			case "nested":
				assert.Equal(t, `a<#0 ["x {{% b 1 %}}y{{% /b %}} {{< c >}} z"] {b%#0 1 ["y"] c<#1}`, got)
			case "optional unwinds":
				assert.Equal(t, `a<#0 [" {{< b >}} "] {b<#0}`, got)
			case "closed":
				assert.Equal(t, `a<#0 ["in"]`, got)
			default:
				assert.Equal(t, tt.want, got, "Parse(%q)", tt.in)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	opts := modes(map[string]InnerMode{"none": InnerNone, "req": InnerRequired})
	tests := []struct {
		name, in string
		off      int
		msg      string
	}{
		{"unclosed tag", "ab {{< foo x", 3, `shortcode "foo": unclosed shortcode tag: no ">}}" before the end of the document`},
		{"unclosed markdown", "{{% foo >}}", 8, `shortcode "foo": unrecognized character in shortcode action: U+003E '>'. Note: Parameters with non-alphanumeric args must be quoted`},
		{"no name", "{{< >}}", 0, "shortcode: shortcode tag has no name"},
		{"bad name", `{{< "x" >}}`, 4, `shortcode: unrecognized character in shortcode name: U+0022 '"'`},
		{"period", "{{< foo.bar >}}", 7, `shortcode "foo": a period in a shortcode name is only allowed for inline shortcodes (name.inline)`},
		{"period after inline", "{{< foo.inlined >}}", 7, `shortcode "foo": a period in a shortcode name is only allowed for inline shortcodes (name.inline)`},
		{"escaped backquote", "{{< x \\`a` >}}", 6, "shortcode \"x\": unrecognized escape character \\` in shortcode parameter"},
		{"escaped unterminated", `{{< x a=\"b >}}`, 8, `shortcode "x": unterminated quoted string in shortcode parameter`},
		{"escaped mix", `{{< x a=\"b\"c\" >}}`, 13, `shortcode "x": got positional parameter "c". Cannot mix named and positional parameters`},
		{"self-closed none", "{{< none />}}", 0, `shortcode "none": does not evaluate .Inner, yet the call is self-closed ({{< none />}}); write {{< none >}}`},
		{"colon", "{{< x http://a >}}", 10, `shortcode "x": unrecognized character in shortcode action: U+003A ':'. Note: Parameters with non-alphanumeric args must be quoted`},
		{"leading dot", "{{< x .5 >}}", 6, `shortcode "x": unrecognized character in shortcode action: U+002E '.'. Note: Parameters with non-alphanumeric args must be quoted`},
		{"mix named after positional", "{{< x a b=1 >}}", 8, `shortcode "x": got named parameter "b". Cannot mix named and positional parameters`},
		{"mix positional after named", "{{< x b=1 a >}}", 10, `shortcode "x": got positional parameter "a". Cannot mix named and positional parameters`},
		{"mix quoted", `{{< x b=1 "a" >}}`, 10, `shortcode "x": got quoted positional parameter. Cannot mix named and positional parameters`},
		{"quoted newline", "{{< x \"a\nb\" >}}", 6, `shortcode "x": unterminated quoted string in shortcode parameter (a quoted value cannot span lines)`},
		{"quoted eof", `{{< x "a`, 6, `shortcode "x": unterminated quoted string in shortcode parameter`},
		{"raw eof", "{{< x `a", 6, `shortcode "x": unterminated raw string in shortcode parameter`},
		{"value into delim", "{{<x a=1>}} b", 8, `shortcode "x": the unquoted value of "a" runs into ">}}": put a space before ">}}" or quote the value`},
		{"no value", "{{< x a= >}}", 9, `shortcode "x": parameter "a" has no value`},
		{"slash", "{{< x / y >}}", 8, `shortcode "x": unexpected U+0079 'y' after "/"; a self-closing tag ends with />}}`},
		{"escape unclosed", "{{</* x */ >}}", 0, `shortcode: escaped shortcode {{</* is not closed by */>}}`},
		{"closing junk", "{{< a >}}{{< /a b >}}", 16, `shortcode "a": unexpected U+0062 'b' in closing tag; a closing tag is {{< /a >}}`},
		{"close none", "{{< none >}}x{{< /none >}}", 13, `shortcode "none": does not evaluate .Inner, yet a closing tag was provided`},
		{"close without open", "x {{< /a >}}", 2, `shortcode "a": closing tag, but no shortcode is open`},
		{"mismatch", "{{< req >}}x{{< /b >}}", 12, `shortcode "b": closing tag does not match start tag "req"`},
		{"required unclosed", "a\n{{< req >}}x", 2, `shortcode "req": must be closed or self-closed`},
		{"required inside", "{{< a >}}{{< req >}}{{< /a >}}", 20, `shortcode "a": closing tag does not match start tag "req"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse([]byte(tt.in), opts)
			require.Error(t, err)
			var e *SyntaxError
			require.True(t, errors.As(err, &e))
			assert.True(t, errors.Is(err, ErrSyntax))
			assert.Equal(t, tt.off, e.Off, "offset")
			assert.Equal(t, tt.msg, err.Error())
		})
	}
}

func TestTyped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want any
	}{
		{"true", true}, {"false", false}, {"True", "True"}, {"1", 1}, {"-3", -3}, {"+7", 7},
		{"1.5", 1.5}, {".5", 0.5}, {"-.5", -0.5}, {"1.", "1."}, {"1e3", "1e3"}, {"", ""}, {"-", "-"},
		{"0x10", "0x10"}, {"1_000", "1_000"}, {"abc", "abc"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Typed(tt.in), "Typed(%q)", tt.in)
	}
}
