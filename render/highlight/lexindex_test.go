package highlight

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/stretchr/testify/assert"

	"github.com/folio-md/folio/internal/cputime"
)

// scanIndex is the file-pattern lookup as folio did it before globIndex:
// every pattern tried in turn, with and without each backup suffix. It is
// kept here as the reference the index must agree with.
type scanIndex struct{ primary, alias []scanGlob }

type scanGlob struct {
	glob  string
	lexer chroma.Lexer
}

var scanRef = sync.OnceValue(func() *scanIndex {
	ix := &scanIndex{}
	for _, lx := range lexers.GlobalLexerRegistry.Lexers {
		c := lx.Config()
		for _, g := range c.Filenames {
			ix.primary = append(ix.primary, scanGlob{g, lx})
		}
		for _, g := range c.AliasFilenames {
			ix.alias = append(ix.alias, scanGlob{g, lx})
		}
	}
	return ix
})

// match is chroma's LexerRegistry.Match, pattern by pattern.
func (ix *scanIndex) match(filename string) chroma.Lexer {
	filename = filepath.Base(filename)
	for _, globs := range [2][]scanGlob{ix.primary, ix.alias} {
		var matched chroma.PrioritisedLexers
		for _, g := range globs {
			if scanGlobMatch(g.glob, filename) {
				matched = append(matched, g.lexer)
			}
		}
		if len(matched) > 0 {
			sort.Sort(matched)
			return matched[0]
		}
	}
	return nil
}

// scanGlobMatch reports whether filename matches glob, or glob followed by
// one of the backup suffixes.
func scanGlobMatch(glob, filename string) bool {
	if ok, _ := filepath.Match(glob, filename); ok {
		return true
	}
	last := filename[len(filename)-1]
	for _, suf := range backupSuffixes {
		if suf[len(suf)-1] != last || !strings.HasSuffix(filename, suf) {
			continue
		}
		if ok, _ := filepath.Match(glob, filename[:len(filename)-len(suf)]); ok {
			return true
		}
	}
	return false
}

// scanFindLexer is findLexer with the scanning reference.
func scanFindLexer(lang string) chroma.Lexer {
	if lang == "" {
		return nil
	}
	if lx := lexerIndex().byName(lang); lx != nil {
		return lx
	}
	ref := scanRef()
	var candidates chroma.PrioritisedLexers
	if lx := ref.match("filename." + lang); lx != nil {
		candidates = append(candidates, lx)
	}
	if lx := ref.match(lang); lx != nil {
		candidates = append(candidates, lx)
	}
	if len(candidates) == 0 {
		return nil
	}
	sort.Sort(candidates)
	return candidates[0]
}

// patternNames returns names made from chroma's file patterns: each
// pattern with its wildcards filled in, and for "*.ext" the bare "ext"
// a fence would say.
func patternNames() []string {
	fill := strings.NewReplacer("*", "x", "?", "q", "[1-9]", "7", "[345]", "4", "[gs]", "s", "[bp]", "p", `\`, "")
	var names []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, lx := range lexers.GlobalLexerRegistry.Lexers {
		c := lx.Config()
		for _, g := range append(append([]string(nil), c.Filenames...), c.AliasFilenames...) {
			add(fill.Replace(g))
			add(strings.ReplaceAll(g, "*", ""))
			if strings.HasPrefix(g, "*.") {
				add(fill.Replace(g[2:]))
			}
		}
	}
	return names
}

// oddNames are names at the edges of file-name matching.
var oddNames = []string{
	"", ".", "..", "/", "//", "a/", "/go", "a/b.rs", "x/.bashrc", "filename.", "~", ".in", ".in.in", "x.in.in",
	"go~", "go.bak~", "Makefile.am~", "Makefile~", "Dockerfile.dev.orig", "CMakeLists.txt.rpmsave",
	"[", "a[b", "*", "?", `\`, `a\b`, "x.[1-9]", "x.1", "x.10", "x.php5.dpkg-old", ".bash_profile.bak",
	"GO", "Go.BAK", "nosuchlang", "tree", "mermaid", strings.Repeat("x", 300), strings.Repeat(".go", 100),
	"日本語", "x.日本", "\x00", "a b.go",
}

// randomNames returns n names drawn from the bytes file patterns use.
func randomNames(n int, seed uint64) []string {
	const alphabet = "abcdegilmoprstxyzABCDMR0159._-~/[]*?\\"
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]string, n)
	for i := range out {
		b := make([]byte, rng.IntN(12))
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		if rng.IntN(3) == 0 {
			s += backupSuffixes[rng.IntN(len(backupSuffixes))]
		}
		out[i] = s
	}
	return out
}

func sameLexer(t *testing.T, want, got chroma.Lexer, what string) {
	t.Helper()
	if want == nil || got == nil {
		assert.True(t, want == nil && got == nil, "%s = %s, want %s", what, lexerName(got), lexerName(want))
		return
	}
	assert.True(t, want == got, "%s = %s, want %s", what, lexerName(got), lexerName(want))
}

func lexerName(lx chroma.Lexer) string {
	if lx == nil {
		return "nil"
	}
	return lx.Config().Name
}

// TestLexIndexMatchesScan checks the pattern index against the scan over
// every pattern-made name, alone and with a backup suffix, over odd names
// and over random ones. A scan costs about half a millisecond, so under
// -short and the race detector only one name in eight is checked.
func TestLexIndexMatchesScan(t *testing.T) {
	t.Parallel()
	ix, ref := lexerIndex(), scanRef()
	step := 1
	if testing.Short() || raceEnabled {
		step = 8
	}
	var names []string
	for i, n := range append(patternNames(), oddNames...) {
		if i%step == 0 {
			names = append(names, n, n+backupSuffixes[i/step%len(backupSuffixes)])
		}
	}
	names = append(names, randomNames(1000/step, 1)...)
	for _, n := range names {
		sameLexer(t, ref.match(n), ix.match(n), fmt.Sprintf("match(%q)", n))
		sameLexer(t, scanFindLexer(n), findLexer(n), fmt.Sprintf("findLexer(%q)", n))
	}
}

// FuzzLexIndex compares the pattern index with the scan over every
// pattern, on any name.
func FuzzLexIndex(f *testing.F) {
	for _, n := range oddNames {
		f.Add(n)
	}
	for _, n := range []string{"go", "x.go~", "Makefile.in", "x.1.bak", ".bashrc", "Dockerfile.x", "x.d.ts", "CMakeLists.txt"} {
		f.Add(n)
	}
	ix, ref := lexerIndex(), scanRef()
	f.Fuzz(func(t *testing.T, name string) {
		sameLexer(t, ref.match(name), ix.match(name), fmt.Sprintf("match(%q)", name))
		sameLexer(t, scanFindLexer(name), findLexer(name), fmt.Sprintf("findLexer(%q)", name))
	})
}

// TestFindLexerMissIsCheap checks that a name chroma does not know costs
// a few map lookups, not a scan of chroma's patterns: a thousand misses
// must take well under what a hundred scans take. It is not parallel:
// the times are the process's CPU time.
func TestFindLexerMissIsCheap(t *testing.T) {
	names := randomNames(1000, 2)
	for i := range names {
		names[i] = "zz" + names[i] // no pattern-made name starts so
	}
	index, scan := cputime.Pair(func() {
		for _, n := range names {
			_ = findLexer(n)
		}
	}, func() {
		for _, n := range names[:100] {
			_ = scanFindLexer(n)
		}
	})
	t.Logf("1000 misses: %v indexed; 100 misses: %v scanned", index, scan)
	if !raceEnabled {
		assert.Less(t, index, scan, "a thousand indexed misses take longer than a hundred scans")
	}
}
