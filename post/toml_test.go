package post

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/folio-md/folio/internal/cputime"
)

// TestTOMLRules checks what TOML forbids beyond its syntax, which parseTOML
// checks itself (go-toml/v2's parser checks only the syntax), and the
// documents those rules must still accept.
func TestTOMLRules(t *testing.T) {
	t.Parallel()
	bad := []struct{ name, in, want string }{
		{"duplicate key", "a = 1\na = 2", "x.md:3:1: front matter: a: toml: key 'a' has already been defined"},
		{"duplicate table", "[t]\n[t]", "x.md:3:2: front matter: toml: key 't' has already been defined"},
		{"table over value", "t = 1\n[t]", "x.md:3:2: front matter: toml: key 't' has already been defined"},
		{"dotted over value", "a = 1\na.b = 2", "x.md:3:1: front matter: a.b: toml: key 'a' has already been defined"},
		{"dotted into header table", "[a.b]\nz = 1\n[a]\nb.c = 2", "x.md:5:1: front matter: a.b.c: toml: key 'b' has already been defined"},
		{"header over dotted table", "a.b = 1\n[a]", "x.md:3:2: front matter: toml: key 'a' has already been defined"},
		{"header into inline table", "a = {b = 1}\n[a.c]", "x.md:3:2: front matter: toml: key 'a' has already been defined"},
		{"dotted into inline table", "a = {b = 1}\na.c = 2", "x.md:3:1: front matter: a.c: toml: key 'a' has already been defined"},
		{"duplicate in inline table", "a = {b = 1, b = 2}", "x.md:2:13: front matter: a: toml: key 'b' has already been defined"},
		{"array of tables over static array", "a = [1]\n[[a]]", "x.md:3:3: front matter: toml: key 'a' has already been defined"},
		{"array of tables over table", "[a]\n[[a]]", "x.md:3:3: front matter: toml: key 'a' has already been defined"},
		{"month 13", "d = 2019-13-01", "x.md:2:5: front matter: d: toml: invalid datetime: \"2019-13-01\""},
		{"february 30", "d = 2019-02-30T10:00:00Z", "x.md:2:5: front matter: d: toml: invalid datetime: \"2019-02-30T10:00:00Z\""},
		{"hour 25", "d = 25:00:00", "x.md:2:5: front matter: d: toml: invalid datetime: \"25:00:00\""},
		{"integer overflow", "n = 9223372036854775808", "x.md:2:5: front matter: n: toml: integer 9223372036854775808 is out of the range of 64-bit signed integers"},
		{"syntax error key", "[p]\nn = ]", "x.md:3:5: front matter: p.n: toml: unexpected character U+005D ']' at start of value"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := "+++\n" + tc.in + "\n+++\n"
			_, err := Parse([]byte(src), WithPath("x.md"))
			if err == nil || err.Error() != tc.want {
				t.Fatalf("Parse(%q) = %v, want %s", src, err, tc.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q): %T is not a *ParseError", src, err)
			}
		})
	}
	if _, err := Parse([]byte("+++\nd = 2019-13-01\n+++\n")); !errors.Is(err, ErrDate) {
		t.Errorf("Parse(month 13) = %v, want ErrDate", err)
	}
	good := []struct{ name, in, want string }{
		{"header after prefix", "[a.b]\nx = 1\n[a]\ny = 2", "a.b.x=1 a.y=2"},
		{"header under dotted table", "a.b = 1\n[a.c]\nd = 2", "a.b=1 a.c.d=2"},
		{"dotted keys extend dotted table", "a.b = 1\na.c = 2", "a.b=1 a.c=2"},
		{"array of tables", "[[a]]\nx = 1\n[[a]]\nx = 2\n[a.s]\ny = 3", "a[0].x=1 a[1].x=2 a[1].s.y=3"},
		{"inline dotted", "a = {b.c = 1, b.d = 2}", "a.b.c=1 a.b.d=2"},
		{"dates", "a = 1979-05-27\nb = 1979-05-27T07:32:00.999-07:00\nc = 07:32\nd = 1979-05-27 07:32:00Z", "a b c d"},
		{"min int", "n = -9223372036854775808", "n=-9223372036854775808"},
	}
	for _, tc := range good {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			src := "+++\n" + tc.in + "\n+++\n"
			if _, err := Parse([]byte(src)); err != nil {
				t.Fatalf("Parse(%q) = %v, want no error (%s)", src, err, tc.want)
			}
		})
	}
}

// TestTOMLManyKeys checks that a table of many keys is read in linear
// time (go-toml/v2's decoder takes 19 s for 60,000 keys): ten times the
// keys must take far less than a hundred times as long. Each size is timed
// twice and the faster run kept, against noise.
func TestTOMLManyKeys(t *testing.T) {
	doc := func(n int) []byte {
		var b strings.Builder
		b.WriteString("+++\n[params]\n")
		for i := range n {
			fmt.Fprintf(&b, "k%d = %d\n", i, i)
		}
		b.WriteString("+++\n")
		return []byte(b.String())
	}
	parse := func(src []byte) func() {
		return func() {
			p, err := Parse(src, WithMaxSize(8<<20))
			if err != nil {
				t.Fatal(err)
			}
			if _, _, ok := p.Position("params.k0"); !ok {
				t.Fatal("Position(params.k0) not found")
			}
		}
	}
	// CPU time, the best of three runs each (internal/cputime), and three
	// tries before the growth counts as superlinear; under the race
	// detector it is only logged.
	small3k, large30k := doc(3000), doc(30000)
	for try := 1; ; try++ {
		small, large := cputime.Pair(parse(small3k), parse(large30k))
		if large <= 40*small {
			break
		}
		if raceEnabled {
			t.Logf("3,000 keys took %v, 30,000 keys %v (race detector: not checked)", small, large)
			break
		}
		if try == 3 {
			t.Errorf("3,000 keys took %v, 30,000 keys %v: not linear (three tries)", small, large)
			break
		}
	}
	src := doc(60000)
	p, err := Parse(src, WithMaxSize(8<<20))
	if err != nil {
		t.Fatal(err)
	}
	if line, _, ok := p.Position("params.k59999"); !ok || line != 60002 {
		t.Errorf("Position(params.k59999) = %d, %v, want line 60002", line, ok)
	}
}
