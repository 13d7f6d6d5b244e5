package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/folio-md/folio/internal/golden"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden runs the program on each testdata/*.txt case: the comment is
// the command line (the input file's name is appended), the first section
// the input file; the outputs are stdout, stderr and the exit code.
func TestGolden(t *testing.T) {
	pattern, err := filepath.Abs("testdata/*.txt") // the cases run in a temporary folder
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range golden.Load(t, pattern) {
		t.Run(c.Name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.WriteFile(c.Input.Name, c.Input.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			args := append(strings.Fields(string(c.Comment)), c.Input.Name)
			var stdout, stderr bytes.Buffer
			code := run(args, nil, &stdout, &stderr)
			c.Check(t, *update,
				golden.Output{Name: "stdout", Data: stdout.Bytes()},
				golden.Output{Name: "stderr", Data: stderr.Bytes()},
				golden.Output{Name: "exit", Data: []byte(strconv.Itoa(code))},
			)
		})
	}
}

func TestFlags(t *testing.T) {
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		code   int
		stdout string
		stderr string
	}{
		{name: "help", args: []string{"-h"}, code: 0, stderr: "usage: toc"},
		{name: "no file", args: nil, code: 2, stderr: "one FILE.md is required"},
		{name: "bad format", args: []string{"-format", "xml", "x.md"}, code: 2, stderr: `unknown -format "xml"`},
		{name: "bad start", args: []string{"-start", "0", "x.md"}, code: 2, stderr: "-start must be 1 to 6"},
		{name: "bad end", args: []string{"-end", "7", "x.md"}, code: 2, stderr: "-end 1 to 6 or -1"},
		{name: "missing file", args: []string{"nope/x.md"}, code: 1, stderr: "toc: open nope/x.md"},
		{name: "stdin", args: []string{"-"}, stdin: "## One\n\n### Two\n", code: 0, stdout: "- [One](#one)\n  - [Two](#two)\n"},
		{name: "stdin error", args: []string{"-"}, stdin: "+++\ntitle = \n+++\n", code: 1, stderr: "<stdin>:2:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			assert.Equal(t, tc.code, code, stderr.String())
			assert.Contains(t, stderr.String(), tc.stderr)
			assert.Equal(t, tc.stdout, stdout.String())
		})
	}
}
