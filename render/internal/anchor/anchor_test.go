package anchor

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	for _, c := range []struct{ in, style, want string }{
		{"Héllo Wörld — ünïcode", "github", "héllo-wörld--ünïcode"},
		{"Héllo Wörld", "github-ascii", "hello-world"},
		{"Don't quote it", "blackfriday", "don-t-quote-it"},
		{"a_b  c-d", "github", "a_b--c-d"},
		{"日本語 text", "github-ascii", "-text"},
		{"", "github", ""},
	} {
		var b strings.Builder
		Write(&b, c.in, c.style)
		if got := b.String(); got != c.want {
			t.Errorf("Write(%q, %s) = %q, want %q", c.in, c.style, got, c.want)
		}
	}
}
