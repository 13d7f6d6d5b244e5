package imagefile

import (
	"bytes"
	"errors"
	"image"
	pngenc "image/png"
	"io/fs"
	"testing"
	"testing/fstest"
)

func TestName(t *testing.T) {
	tests := []struct {
		dest, post, name string
		root, ok         bool
		err              error
	}{
		{"photo.png", "blog/bundle/index.md", "blog/bundle/photo.png", false, true, nil},
		{"./a/b.png?v=1#x", "blog/post.md", "blog/a/b.png", false, true, nil},
		{"../shared/c.jpg", "blog/bundle/index.md", "blog/shared/c.jpg", false, true, nil},
		{"/images/d.gif", "blog/post.md", "images/d.gif", true, true, nil},
		{"//cdn.example/e.png", "", "", false, false, nil},
		{"https://example.org/f.png", "", "", false, false, nil},
		{"data:image/png;base64,AAAA", "", "", false, false, nil},
		{"#frag", "", "", false, false, nil},
		{"", "", "", false, false, nil},
		{"my%20photo.png", "blog/post/index.md", "blog/post/my photo.png", false, true, nil},
		{"../../x.png", "post.md", "", false, true, ErrOutside},
		{"/", "", "", true, true, ErrOutside},
		{"a:b/c.png", "", "", false, false, nil},
		{"a/b:c.png", "", "a/b:c.png", false, true, nil},
	}
	for _, tt := range tests {
		name, root, ok, err := Name(tt.dest, tt.post)
		if name != tt.name || root != tt.root || ok != tt.ok || !errors.Is(err, tt.err) {
			t.Errorf("Name(%q, %q) = %q, %t, %t, %v, want %q, %t, %t, %v", tt.dest, tt.post, name, root, ok, err, tt.name, tt.root, tt.ok, tt.err)
		}
	}
}

func TestCacheSize(t *testing.T) {
	var png bytes.Buffer
	if err := pngenc.Encode(&png, image.NewGray(image.Rect(0, 0, 2, 1))); err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"a.png": {Data: png.Bytes()}, "b.svg": {Data: []byte("<svg/>")}, "c.png": {Data: []byte("\x89PNG\r\n\x1a\n")}}
	var c Cache
	if s := c.Size(fsys, "a.png", false); s.Width != 2 || s.Height != 1 || s.Err != nil {
		t.Errorf("a.png: %+v", s)
	}
	if s := c.Size(fsys, "b.svg", false); s != (Size{}) {
		t.Errorf("b.svg: %+v", s)
	}
	if s := c.Size(fsys, "c.png", false); s.Err == nil {
		t.Errorf("c.png: %+v, want an error", s)
	}
	if s := c.Size(fsys, "d.png", false); !errors.Is(s.Err, fs.ErrNotExist) {
		t.Errorf("d.png: %+v, want fs.ErrNotExist", s)
	}
	delete(fsys, "a.png")
	if s := c.Size(fsys, "a.png", false); s.Width != 2 {
		t.Errorf("a.png read again: %+v, want the cached size", s)
	}
}
