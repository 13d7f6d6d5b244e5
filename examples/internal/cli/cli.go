// Package cli holds what the example programs share on the command line:
// reading a post from a file or standard input, and printing errors and
// warnings in the path:line:col: message form that editors and CI jump to.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/alecthomas/chroma/v2/styles"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

// StdinName is the path errors carry for a post read from standard input.
const StdinName = "<stdin>"

// ReadPost reads and parses the post in the file name, or standard input
// when name is "-".
func ReadPost(name string, stdin io.Reader) (*post.Post, error) {
	var (
		src []byte
		err error
	)
	if name == "-" {
		name = StdinName
		src, err = io.ReadAll(stdin)
	} else {
		src, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	return post.Parse(src, post.WithPath(name))
}

// PrintError writes err on w: a positioned error (a *post.ParseError) as
// "path:line:col: message", anything else as "prog: message".
func PrintError(w io.Writer, prog string, err error) {
	var pe *post.ParseError
	if errors.As(err, &pe) {
		fmt.Fprintln(w, pe.Error())
		return
	}
	fmt.Fprintf(w, "%s: %v\n", prog, err)
}

// PrintDiagnostics writes each diagnostic on w as
// "path:line:col: warning: message".
func PrintDiagnostics(w io.Writer, ds []render.Diagnostic) {
	for _, d := range ds {
		fmt.Fprintf(w, "%s:%d:%d: warning: %s\n", d.Path, d.Line, d.Column, d.Message)
	}
}

// CheckStyle reports an error naming the known styles when name is not a
// chroma style (highlight.Config.Style would silently fall back).
func CheckStyle(name string) error {
	if _, ok := styles.Registry[strings.ToLower(name)]; ok {
		return nil
	}
	names := styles.Names()
	sort.Strings(names)
	return fmt.Errorf("unknown style %q; known styles: %s", name, strings.Join(names, ", "))
}

// ParseFlags parses args with fs, whose usage prints the text usage and
// then the flags to stderr. It reports whether the program goes on, and
// otherwise its exit code: 0 after -help, 2 after a bad flag (fs, made
// with flag.ContinueOnError, has said what was wrong).
func ParseFlags(fs *flag.FlagSet, args []string, stderr io.Writer, usage string) (code int, ok bool) {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}
