package post

import (
	"errors"
	"io/fs"
	"time"
)

// Option configures Parse and ParseFile.
type Option interface{ apply(*config) }

type config struct {
	path string
	loc  *time.Location
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithPath sets the name errors carry when parsing bytes.
func WithPath(name string) Option { return optionFunc(func(c *config) { c.path = name }) }

// WithLocation sets the zone for dates written without one (default UTC).
func WithLocation(loc *time.Location) Option { return optionFunc(func(c *config) { c.loc = loc }) }

// Parse reads a post: its front matter, if any, and its body.
func Parse(src []byte, opts ...Option) (*Post, error) {
	return nil, errors.New("post: not implemented")
}

// ParseFile reads the post name from fsys.
func ParseFile(fsys fs.FS, name string, opts ...Option) (*Post, error) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return Parse(src, append(opts, WithPath(name))...)
}

// Decode decodes the whole front matter into v.
func (p *Post) Decode(v any) error { return errors.New("post: not implemented") }
