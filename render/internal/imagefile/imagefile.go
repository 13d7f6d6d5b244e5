// Package imagefile finds the local file an image URL names and reads the
// image's width and height from the file's header. PNG, JPEG, GIF and
// WebP headers are read (image.DecodeConfig, with golang.org/x/image/webp
// registered); other files (SVG, AVIF, ...) are found but have no size.
package imagefile

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // registers GIF for image.DecodeConfig
	_ "image/jpeg" // registers JPEG
	_ "image/png"  // registers PNG
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"strings"

	_ "golang.org/x/image/webp" // registers WebP

	"github.com/folio-md/folio/render/internal/htmlsafe"
)

// Name returns the name, in an fs.FS, of the local file that the image
// URL dest names. A root-relative URL ("/images/a.png") gives its path
// without the leading slash and root set; a relative one ("a.png",
// "../shared/b.png") is resolved against the folder of postPath, the
// post's own path in the same file system (a page bundle's index.md).
// Query and fragment are dropped and %XX escapes decoded. ok is false
// for a URL that names no local file: one with a scheme or a host, a
// fragment alone, or an empty one. err is set for a local path that
// leaves the file system ("../../x.png" from a post at its root).
func Name(dest, postPath string) (name string, root, ok bool, err error) {
	p := dest
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	if p == "" || strings.HasPrefix(p, "//") || hasScheme(p) {
		return "", false, false, nil
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if strings.HasPrefix(p, "/") {
		name, root = path.Clean(strings.TrimLeft(p, "/")), true
	} else {
		name = path.Join(path.Dir(filepath.ToSlash(postPath)), p)
	}
	if !fs.ValidPath(name) || name == "." {
		return "", root, true, ErrOutside
	}
	return name, root, true, nil
}

// ErrOutside is the error of a local image path that leaves the file
// system.
var ErrOutside = errors.New("the path leaves the image file system")

// hasScheme reports whether p starts with a URL scheme ("https:",
// "data:"): letters, digits, '+', '-' and '.' before a ':', with no '/'
// before it.
func hasScheme(p string) bool {
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// Size is the result of looking a file up.
type Size struct {
	Width, Height int   // 0 when the format has no size header read here
	Err           error // fs.ErrNotExist (wrapped) for a missing file, or why the header did not read
}

// Cache remembers the files of one document, so that an image used many
// times is read once. The zero value is ready; it is not safe for
// concurrent use. A document reads relative paths from one file system
// and root-relative ones from one more: root tells them apart (an fs.FS
// need not be comparable, so it cannot be a key).
type Cache struct{ m map[cacheKey]Size }

type cacheKey struct {
	root bool
	name string
}

// Size returns the size of the image file name in fsys; root is Name's.
func (c *Cache) Size(fsys fs.FS, name string, root bool) Size {
	k := cacheKey{root, name}
	if s, ok := c.m[k]; ok {
		return s
	}
	s := read(fsys, name)
	if c.m == nil {
		c.m = make(map[cacheKey]Size)
	}
	c.m[k] = s
	return s
}

func read(fsys fs.FS, name string) Size {
	f, err := fsys.Open(name)
	if err != nil {
		return Size{Err: err}
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(bufio.NewReader(f))
	if errors.Is(err, image.ErrFormat) {
		return Size{} // a file of another format: found, no size
	}
	if err != nil {
		return Size{Err: err}
	}
	return Size{Width: cfg.Width, Height: cfg.Height}
}

// Lookup finds the file of the image URL dest for a post at postPath:
// relative URLs in files, root-relative ones in static (files when nil).
// It returns the image's size (0, 0 when it has none or is not local),
// and problem, a message for the author, when a local image is missing,
// unreadable or outside the file system.
func (c *Cache) Lookup(files, static fs.FS, dest, postPath string) (width, height int, problem string) {
	name, root, local, err := Name(dest, postPath)
	if !local {
		return 0, 0, ""
	}
	shown := htmlsafe.Clip(dest, 60)
	if err != nil {
		return 0, 0, fmt.Sprintf("image %q: %v", shown, err)
	}
	fsys := files
	if root && static != nil {
		fsys = static
	}
	if fsys == nil {
		return 0, 0, ""
	}
	s := c.Size(fsys, name, root)
	switch {
	case errors.Is(s.Err, fs.ErrNotExist):
		return 0, 0, fmt.Sprintf("image %q not found (looked for %s)", shown, name)
	case s.Err != nil:
		return 0, 0, fmt.Sprintf("image %q: cannot read its size: %v", shown, s.Err)
	case s.Width > 0 && s.Height > 0:
		return s.Width, s.Height, ""
	}
	return 0, 0, ""
}
