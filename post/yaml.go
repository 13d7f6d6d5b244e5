package post

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

var (
	yamlLineErr   = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	yamlAnchorErr = regexp.MustCompile(`unknown anchor '(.*)' referenced`)

	// yamlParserProblem holds the messages of yaml.v3's parser errors, as
	// opposed to its scanner errors.
	yamlParserProblem = map[string]bool{
		"did not find expected ',' or ']'":       true,
		"did not find expected ',' or '}'":       true,
		"did not find expected '-' indicator":    true,
		"did not find expected <document start>": true,
		"did not find expected <stream-start>":   true,
		"did not find expected key":              true,
		"did not find expected node content":     true,
		"found duplicate %TAG directive":         true,
		"found duplicate %YAML directive":        true,
		"found incompatible YAML document":       true,
		"found undefined tag handle":             true,
	}
)

// parseYAML decodes the YAML front matter fm, which starts at line fmLine
// of the file, into a node tree. yaml.v3 reports syntax errors as text
// ("yaml: line N: ..."), so the line is read from the message; the column
// is that of the line's first non-blank byte, except for the errors about
// one character (a tab, mostly: see yamlAtChar), which point at it.
func parseYAML(s *source, fm []byte, fmStart, fmLine int) (root *yaml.Node, perr *ParseError) {
	defer func() {
		if r := recover(); r != nil {
			root = nil
			perr = s.errOff(fmStart, "", &fmError{msg: fmt.Sprintf("yaml: internal error: %v", r), kind: ErrSyntax})
		}
	}()
	var doc yaml.Node
	err := yaml.Unmarshal(fm, &doc)
	if err == nil {
		return &doc, nil
	}
	line, msg, found := yamlErrorLine(err)
	if !found || strings.HasSuffix(msg, "end of stream") {
		// yaml.v3 takes a mark on line 0 for "no mark", so an unclosed
		// scalar on the first line (title: "x) is reported at the end of
		// the stream. Parsed again one line down, it has its real line.
		var again yaml.Node
		if err2 := yaml.Unmarshal(append([]byte{'\n'}, fm...), &again); err2 != nil {
			if l, m, ok := yamlErrorLine(err2); ok && l > 1 {
				line, msg = l-1, m
			}
		}
	}
	// line counts from the front matter's first line; the file's lines
	// are line+fmLine-1.
	lines := s.index()
	if m := yamlAnchorErr.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(fm, []byte("*"+m[1])); i >= 0 {
			line = lines.Pos(fmStart+i).Line - fmLine + 1
		}
	}
	// Clamp to the front matter and the closing delimiter line.
	last := lines.Pos(fmStart+len(fm)).Line - fmLine + 1
	line = min(max(line, 1), last)
	lineStart, _ := lines.Line(line + fmLine - 1)
	lineStart -= fmStart
	off := skipBlanks(fm, lineStart)
	if yamlAtChar[msg] {
		if at, ok := yamlErrorChar(fm, lineStart, msg); ok {
			off = at
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	return nil, s.errOff(fmStart+off, "", &fmError{msg: "yaml: " + msg, kind: ErrSyntax, err: err})
}

// skipBlanks returns the offset of the first byte at or after off that is
// not a space or a tab, stopping at the end of fm.
func skipBlanks(fm []byte, off int) int {
	for off < len(fm) && (fm[off] == ' ' || fm[off] == '\t') {
		off++
	}
	return off
}

// yamlAtChar holds yaml.v3 scanner errors raised at one character: a tab
// where indentation is read, or a character no token can start with
// (often a tab too). yaml.v3 names only a line, and for the two tab
// messages it names the line where the scalar around the tab starts,
// which can be lines before the tab.
var yamlAtChar = map[string]bool{
	"yaml: found character that cannot start any token":                  true,
	"yaml: found a tab character that violates indentation":              true,
	"yaml: found a tab character where an indentation space is expected": true,
}

// yamlErrorChar finds the character a yamlAtChar error msg is about: the
// last byte of the shortest prefix of fm that fails with the same message.
// The scanner reads fm in order and decides about a tab (or an '@' or a
// '`' at the start of a token) from what comes before it, so every prefix
// that holds the character fails with msg and no shorter one does; the
// prefix is searched for from offset from (the start of the line yaml.v3
// named, which is at or before the character), doubling, then halving.
// Prefixes end only between runes. It reports false when the result is not
// a tab (for the tab messages) or is a blank or a line end (for the
// other), in which case the caller falls back to the line.
func yamlErrorChar(fm []byte, from int, msg string) (int, bool) {
	fails := func(n int) (same bool) {
		defer func() {
			if recover() != nil {
				same = false
			}
		}()
		var doc yaml.Node
		err := yaml.Unmarshal(fm[:n], &doc)
		if err == nil {
			return false
		}
		_, m, _ := yamlErrorLine(err)
		return m == msg
	}
	// The likely place first, checked with two parses: the first tab in
	// the indentation of a line from the one named on, or for the other
	// message the first byte of that line that is not a space.
	if at := likelyErrorChar(fm, from, msg); at >= 0 && fails(at+1) && !fails(at) {
		return at, true
	}
	// runeEnd moves n forward to the end of a rune.
	runeEnd := func(n int) int {
		for n < len(fm) && !utf8.RuneStart(fm[n]) {
			n++
		}
		return n
	}
	// Find hi with fails(hi), lo without.
	lo, step := from, 1
	hi := runeEnd(min(from+step, len(fm)))
	for !fails(hi) {
		if hi == len(fm) {
			return 0, false
		}
		lo, step = hi, step*2
		hi = runeEnd(min(from+step, len(fm)))
	}
	for hi-lo > 1 {
		mid := runeEnd(lo + (hi-lo)/2)
		if mid == hi {
			break
		}
		if fails(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	at := hi - 1
	switch c := fm[at]; {
	case msg != "yaml: found character that cannot start any token":
		return at, c == '\t'
	case c == ' ' || c == '\n' || c == '\r' || !utf8.RuneStart(c):
		return 0, false
	}
	return at, true
}

// yamlErrorLine reads the 1-based line of a yaml.v3 error from its message
// and returns the message without it; found is false when it has none.
func yamlErrorLine(err error) (line int, msg string, found bool) {
	msg = err.Error()
	m := yamlLineErr.FindStringSubmatch(msg)
	if m == nil {
		return 1, msg, false
	}
	line, _ = strconv.Atoi(m[1])
	if yamlParserProblem[m[2]] {
		// yaml.v3 counts lines from 1 for scanner errors but from 0 for
		// parser errors.
		line++
	}
	return line, "yaml: " + m[2], true
}

// likelyErrorChar returns where a yamlAtChar error msg most likely is, for
// yamlErrorChar to check, or -1.
func likelyErrorChar(fm []byte, from int, msg string) int {
	if msg == "yaml: found character that cannot start any token" {
		for i := from; i < len(fm) && fm[i] != '\n'; i++ {
			if fm[i] != ' ' {
				return i
			}
		}
		return -1
	}
	for i := from; i < len(fm); {
		j := i
		for j < len(fm) && fm[j] == ' ' {
			j++
		}
		if j < len(fm) && fm[j] == '\t' {
			return j
		}
		k := bytes.IndexByte(fm[j:], '\n')
		if k < 0 {
			break
		}
		i = j + k + 1
	}
	return -1
}
