package astattr

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestText(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{[]byte("a b"), "a b"}, {"x", "x"}, {float64(2), "2"}, {1.5, "1.5"}, {true, "true"},
		{nil, ""}, {[]any{"a", float64(1), []byte("c")}, "a 1 c"}, {int64(7), "7"},
	} {
		if got := Text(c.in); got != c.want {
			t.Errorf("Text(%#v) = %q, want %q", c.in, got, c.want)
		}
	}
	h := ast.NewHeading(2)
	h.SetAttributeString("id", []byte("x"))
	if got := Of(h, "id"); got != "x" {
		t.Errorf("Of(id) = %q", got)
	}
	if got := Of(h, "class"); got != "" {
		t.Errorf("Of(class) = %q, want empty", got)
	}
}
