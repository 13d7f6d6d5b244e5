package main

import (
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// bar is the progress display: a progress bar on a terminal, nothing
// otherwise. The workers call add, each for its own posts.
type bar interface {
	start(n int)
	add()
	finish()
}

type noBar struct{}

func (noBar) start(int) {}
func (noBar) add()      {}
func (noBar) finish()   {}

type termBar struct {
	w io.Writer
	b *progressbar.ProgressBar
}

func (t *termBar) start(n int) {
	t.b = progressbar.NewOptions(n,
		progressbar.OptionSetWriter(t.w),
		progressbar.OptionSetDescription("rendering"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(32),
		progressbar.OptionThrottle(50*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}
func (t *termBar) add()    { t.b.Add(1) } //nolint:errcheck // a display error is not the build's
func (t *termBar) finish() { t.b.Finish() }

// progress returns a progress bar when w is a terminal.
func progress(w io.Writer) bar {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return &termBar{w: w}
	}
	return noBar{}
}
