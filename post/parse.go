package post

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"go.yaml.in/yaml/v3"
)

// Option configures Parse and ParseFile.
type Option interface{ apply(*config) }

// DefaultMaxSize is the default limit on the size of the front matter:
// 1 MiB.
const DefaultMaxSize = 1 << 20

type config struct {
	path    string
	loc     *time.Location
	maxSize int
}

type optionFunc func(*config)

func (f optionFunc) apply(c *config) { f(c) }

// WithPath sets the name errors carry when parsing bytes. ParseFile sets
// it to the file's name.
func WithPath(name string) Option { return optionFunc(func(c *config) { c.path = name }) }

// WithLocation sets the zone for dates written without one, or with only
// a zone name (default UTC), like Hugo's timeZone setting. A nil loc means
// UTC.
func WithLocation(loc *time.Location) Option { return optionFunc(func(c *config) { c.loc = loc }) }

// WithMaxSize sets the largest front matter accepted, in bytes
// (default [DefaultMaxSize]). Larger front matter is an error that wraps
// [ErrTooLarge], found without reading past the limit. n <= 0 removes the
// limit.
func WithMaxSize(n int) Option { return optionFunc(func(c *config) { c.maxSize = n }) }

// Parse reads a post: its front matter, if any, and its body.
//
// The front matter is found as Hugo finds it, after a UTF-8 BOM and blank
// lines: YAML between --- lines, TOML between +++ lines, or a JSON object
// starting with {. Unlike Hugo, a --- or +++ line counts only when it
// holds nothing else (trailing blanks are fine), and a file starting with
// "{{" (a shortcode) or "- item" has no front matter: it is all content.
//
// On error Parse returns a nil Post and a *ParseError (or [Errors] when
// there are several problems); nothing is dropped silently.
func Parse(src []byte, opts ...Option) (*Post, error) {
	cfg := config{loc: time.UTC, maxSize: DefaultMaxSize}
	for _, o := range opts {
		if o != nil {
			o.apply(&cfg)
		}
	}
	if cfg.loc == nil {
		cfg.loc = time.UTC
	}
	sp, perr := splitFrontMatter(src, cfg.maxSize)
	if perr != nil {
		perr.Path = cfg.path
		return nil, perr
	}
	p := &Post{
		Path:     cfg.path,
		Format:   sp.format,
		Body:     src[sp.bodyStart:],
		BodyLine: sp.bodyLine,
		loc:      cfg.loc,
	}
	s := &source{src: src, path: cfg.path}
	var root *yaml.Node
	fm := src[sp.fmStart:sp.fmEnd]
	switch sp.format {
	case FormatNone:
		p.Params = map[string]any{"draft": false}
		return p, nil
	case FormatYAML:
		s.lineOff, s.runeCols = sp.fmLine-1, true
		root, perr = parseYAML(s, fm, sp.fmStart, sp.fmLine)
	case FormatTOML:
		root, perr = parseTOML(s, fm, sp.fmStart, sp.fmLine)
	case FormatJSON:
		root, perr = parseJSON(s, fm, sp.fmStart)
	}
	if perr != nil {
		return nil, perr
	}
	b := newBuilder(s, sp.format, cfg.loc, len(fm))
	p.FrontMatter, p.Params = b.build(root)
	if err := b.err(); err != nil {
		return nil, err
	}
	s.lines = nil // built only for errors; do not keep it
	p.root, p.src = root, s
	return p, nil
}

// err returns the collected errors: nil, one *ParseError, or Errors in
// source order without repeats.
func (b *builder) err() error {
	if len(b.errs) == 0 {
		return nil
	}
	slices.SortStableFunc(b.errs, func(x, y *ParseError) int {
		return cmp.Compare(x.Offset, y.Offset)
	})
	errs := b.errs[:1]
	for _, e := range b.errs[1:] {
		last := errs[len(errs)-1]
		if e.Offset == last.Offset && e.Err.Error() == last.Err.Error() {
			continue
		}
		errs = append(errs, e)
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errs
}

// ParseFile reads the post name from fsys. Errors carry name as their
// Path.
//
// name is an [fs.FS] path: unrooted and slash-separated, such as
// "content/posts/x.md" (see [fs.ValidPath]). A rooted name such as
// "/home/me/x.md" is an error that names it and wraps [fs.ErrInvalid];
// read such a file with os.DirFS("/") and "home/me/x.md", or with
// [os.ReadFile] and [Parse].
func ParseFile(fsys fs.FS, name string, opts ...Option) (*Post, error) {
	if !fs.ValidPath(name) {
		return nil, fmt.Errorf("post: %q is not a valid fs.FS path (fs.FS paths are unrooted and slash-separated, such as \"posts/x.md\"; see fs.ValidPath): %w", name, fs.ErrInvalid)
	}
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("post: %w", err)
	}
	return Parse(src, append(opts, WithPath(name))...)
}
