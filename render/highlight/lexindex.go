package highlight

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// findLexer returns the lexer chroma's lexers.Get would return for lang,
// or nil. It gives the same answer (tests check it over every name,
// alias and file pattern chroma knows, with and without backup suffixes,
// and a fuzz target against a scan of every pattern), but in a few
// microseconds whatever the name, where chroma's lexers.Get tries every
// file pattern with every backup suffix for a name that is not a lexer's
// name or alias, which takes about half a millisecond. A panic inside
// chroma is a miss.
func findLexer(lang string) (lx chroma.Lexer) {
	if lang == "" {
		return nil
	}
	defer func() {
		if recover() != nil {
			lx = nil
		}
	}()
	ix := lexerIndex()
	if lx := ix.byName(lang); lx != nil {
		return lx
	}
	var candidates chroma.PrioritisedLexers
	if lx := ix.match("filename." + lang); lx != nil {
		candidates = append(candidates, lx)
	}
	if lx := ix.match(lang); lx != nil {
		candidates = append(candidates, lx)
	}
	if len(candidates) == 0 {
		return nil
	}
	sort.Sort(candidates)
	return candidates[0]
}

// lexIndex is chroma's registry laid out for fast lookups. Built once per
// process from lexers.GlobalLexerRegistry, then only read.
type lexIndex struct {
	names, aliases map[string]chroma.Lexer
	primary, alias globIndex // the Filenames and the AliasFilenames patterns
}

// backupSuffixes are the file-name suffixes chroma ignores when matching
// file patterns (editor and package-manager backups, ".in" templates).
var backupSuffixes = []string{"~", ".bak", ".old", ".orig", ".dpkg-dist", ".dpkg-old", ".ucf-dist",
	".ucf-new", ".ucf-old", ".rpmnew", ".rpmorig", ".rpmsave", ".in"}

var lexerIndex = sync.OnceValue(func() *lexIndex {
	ix := &lexIndex{names: map[string]chroma.Lexer{}, aliases: map[string]chroma.Lexer{}}
	for _, lx := range lexers.GlobalLexerRegistry.Lexers {
		c := lx.Config()
		ix.names[c.Name] = lx
		ix.names[strings.ToLower(c.Name)] = lx
		for _, a := range c.Aliases {
			ix.aliases[a] = lx
			ix.aliases[strings.ToLower(a)] = lx
		}
		for _, g := range c.Filenames {
			ix.primary.add(g, lx)
		}
		for _, g := range c.AliasFilenames {
			ix.alias.add(g, lx)
		}
	}
	return ix
})

func (ix *lexIndex) byName(name string) chroma.Lexer {
	if lx := ix.names[name]; lx != nil {
		return lx
	}
	if lx := ix.aliases[name]; lx != nil {
		return lx
	}
	lower := strings.ToLower(name)
	if lx := ix.names[lower]; lx != nil {
		return lx
	}
	return ix.aliases[lower]
}

// match is chroma's LexerRegistry.Match: the best lexer whose file
// patterns match filename, trying the primary patterns first. Like
// chroma, it sorts the lexers of the matching patterns, in registry
// order, by priority, and takes the first.
func (ix *lexIndex) match(filename string) chroma.Lexer {
	filename = filepath.Base(filename)
	var buf [8]int
	for _, g := range [2]*globIndex{&ix.primary, &ix.alias} {
		hits := g.matches(filename, buf[:0])
		if len(hits) == 0 {
			continue
		}
		matched := make(chroma.PrioritisedLexers, len(hits))
		for i, k := range hits {
			matched[i] = g.lexers[k]
		}
		sort.Sort(matched)
		return matched[0]
	}
	return nil
}

// globIndex finds the file patterns a name matches without trying each
// pattern. A pattern without wildcards matches only itself, and one that
// is "*" and a literal suffix starting with '.' ("*.go", "*.d.ts")
// matches the names that end with the suffix: both kinds are found by
// map lookups, the suffixes tried at the dots of the name's last few
// bytes. The few other patterns ("*.[1-9]", "Makefile.*") are tried one
// by one with filepath.Match.
type globIndex struct {
	lexers  []chroma.Lexer   // by pattern number, which is registry order
	exact   map[string][]int // patterns without wildcards
	suffix  map[string][]int // patterns "*" + suffix, by suffix
	longest int              // the longest suffix
	other   []otherGlob      // the other patterns, by number
}

type otherGlob struct {
	glob   string
	prefix string // the literal start of glob, which a match must have
	num    int
}

// hasMeta reports whether a file pattern has characters filepath.Match
// treats specially ('\\' escapes, except on Windows, where it is the
// separator: either way it is no literal for the maps).
func hasMeta(s string) bool { return strings.ContainsAny(s, `*?[\`) }

func (g *globIndex) add(glob string, lx chroma.Lexer) {
	num := len(g.lexers)
	g.lexers = append(g.lexers, lx)
	switch {
	case !hasMeta(glob):
		if g.exact == nil {
			g.exact = make(map[string][]int)
		}
		g.exact[glob] = append(g.exact[glob], num)
	case strings.HasPrefix(glob, "*.") && !hasMeta(glob[1:]):
		if g.suffix == nil {
			g.suffix = make(map[string][]int)
		}
		s := glob[1:]
		g.suffix[s] = append(g.suffix[s], num)
		g.longest = max(g.longest, len(s))
	default:
		prefix := glob
		if i := strings.IndexAny(glob, `*?[\`); i >= 0 {
			prefix = glob[:i]
		}
		g.other = append(g.other, otherGlob{glob: glob, prefix: prefix, num: num})
	}
}

// matches appends to hits the numbers of the patterns that match name or
// name without a backup suffix it ends with (chroma tries each pattern
// with each suffix appended, which is the same), in increasing order
// and each once: the patterns chroma's scan would find, in its order.
func (g *globIndex) matches(name string, hits []int) []int {
	hits = g.matchStem(name, hits)
	stems := 1
	for _, suf := range backupSuffixes {
		if strings.HasSuffix(name, suf) {
			hits = g.matchStem(name[:len(name)-len(suf)], hits)
			stems++
		}
	}
	if len(hits) > 1 {
		slices.Sort(hits)
		if stems > 1 {
			hits = slices.Compact(hits)
		}
	}
	return hits
}

// matchStem appends the numbers of the patterns that match s.
func (g *globIndex) matchStem(s string, hits []int) []int {
	hits = append(hits, g.exact[s]...)
	// "*" + suffix matches s when s ends with the suffix and the rest of
	// s, which '*' stands for, holds no separator.
	sep := strings.IndexByte(s, filepath.Separator)
	for i := max(0, len(s)-g.longest); i < len(s); i++ {
		if sep >= 0 && sep < i {
			break
		}
		if s[i] == '.' {
			hits = append(hits, g.suffix[s[i:]]...)
		}
	}
	for _, o := range g.other {
		if !strings.HasPrefix(s, o.prefix) {
			continue
		}
		if ok, _ := filepath.Match(o.glob, s); ok {
			hits = append(hits, o.num)
		}
	}
	return hits
}
