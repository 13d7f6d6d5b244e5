package post

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

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
// is that of the line's first non-blank byte.
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
	if m := yamlAnchorErr.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(fm, []byte("*"+m[1])); i >= 0 {
			line = 1 + bytes.Count(fm[:i], []byte("\n"))
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	// Clamp to the front matter and the closing delimiter line.
	lines := bytes.Count(fm, []byte("\n")) + 1
	line = min(max(line, 1), lines)
	off := fmStart
	for i := 1; i < line; i++ {
		off += bytes.IndexByte(fm[off-fmStart:], '\n') + 1
	}
	for off < fmStart+len(fm) && (fm[off-fmStart] == ' ' || fm[off-fmStart] == '\t') {
		off++
	}
	return nil, s.errOff(off, "", &fmError{msg: "yaml: " + msg, kind: ErrSyntax, err: err})
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
