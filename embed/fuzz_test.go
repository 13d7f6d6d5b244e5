package embed

import (
	"errors"
	"testing"
	"unicode/utf8"

	"github.com/folio-md/folio/internal/golden"
)

// fuzzOptions derives Options from fuzz bits, so one input is tried in
// every wrapper and with the flags.
func fuzzOptions(bits uint16, title string) Options {
	o := Options{
		Wrapper:      Wrapper(bits % 3),
		Facade:       bits&(1<<2) != 0,
		Autoplay:     bits&(1<<3) != 0,
		Mute:         bits&(1<<4) != 0,
		Loop:         bits&(1<<5) != 0,
		NoControls:   bits&(1<<6) != 0,
		NoFullscreen: bits&(1<<7) != 0,
		Privacy:      Privacy(bits >> 8 % 3),
	}
	if o.Facade && o.Wrapper == WrapperHugo {
		o.Wrapper = WrapperInline
	}
	if bits&(1<<10) != 0 {
		o.Title = title
	}
	if bits&(1<<11) != 0 {
		o.Ratio = Ratio{int(bits>>12) + 1, 3}
	}
	return o
}

// FuzzParse: any input either fails with an *Error wrapping a sentinel, or
// yields a Video whose HTML has exactly one player, from the provider's
// fixed origins, naming the Video's ID, with the intended title.
func FuzzParse(f *testing.F) {
	for _, c := range golden.Load(f, "testdata/html/*.txt") {
		f.Add(string(c.Input.Data), uint16(0), "")
	}
	for _, s := range []string{
		"https://youtube.com@evil.com/watch?v=dQw4w9WgXcQ", "javascript:alert(1)", "https://www.yоutube.com/watch?v=dQw4w9WgXcQ",
		"https://www.youtube.com/watch?v=dQw4w9W%22XcQ", "//player.vimeo.com/video/1?h=abcdef#t=1h", "vimeo.com/groups/a/videos/1",
	} {
		f.Add(s, uint16(0xffff), `"><script>alert(1)</script>`)
	}
	sentinels := []error{ErrEmpty, ErrBadURL, ErrScheme, ErrUserinfo, ErrUnsupported, ErrNoID, ErrInvalidID,
		ErrInvalidHash, ErrInvalidPlaylist, ErrInvalidTime}
	f.Fuzz(func(t *testing.T, in string, bits uint16, title string) {
		v, err := Parse(in)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Parse(%q) error %T is not *Error", in, err)
			}
			known := false
			for _, s := range sentinels {
				known = known || errors.Is(err, s)
			}
			if !known {
				t.Fatalf("Parse(%q) error %v wraps no sentinel", in, err)
			}
			if v != (Video{}) {
				t.Fatalf("Parse(%q) failed but returned %+v", in, v)
			}
			return
		}
		if err := v.Validate(); err != nil {
			t.Fatalf("Parse(%q) = %+v, which does not validate: %v", in, v, err)
		}
		opts := fuzzOptions(bits, title)
		out, err := v.AppendHTML(nil, opts)
		if err != nil {
			if !utf8.ValidString(title) && opts.Title != "" {
				return
			}
			t.Fatalf("Parse(%q) = %+v, AppendHTML(%+v): %v", in, v, opts, err)
		}
		checkEmbedHTML(t, v, opts, out)
	})
}

// FuzzFromHTML: FromHTML never panics, and what it recognises is a valid
// Video whose HTML passes the same checks as FuzzParse's.
func FuzzFromHTML(f *testing.F) {
	f.Add(embed2019)
	f.Add(hugoYouTube)
	f.Add(hugoVimeo)
	f.Add(`<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" width="640" height="360" title="x"></iframe>`)
	f.Add(`<div style="padding-bottom:75%"><iframe src="//www.youtube.com/embed/dQw4w9WgXcQ" title="a&amp;b"></iframe></div>`)
	f.Add(`<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" onload="x"></iframe>`)
	for _, c := range golden.Load(f, "testdata/html/*.txt") {
		if html, ok := c.Section("html"); ok {
			f.Add(string(html))
		}
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, ok := FromHTML([]byte(in))
		if !ok {
			if v != (Video{}) {
				t.Fatalf("FromHTML(%q) not ok but returned %+v", in, v)
			}
			return
		}
		if err := v.Validate(); err != nil {
			t.Fatalf("FromHTML(%q) = %+v, which does not validate: %v", in, v, err)
		}
		for _, w := range []Wrapper{WrapperInline, WrapperClass, WrapperHugo} {
			opts := Options{Wrapper: w}
			out, err := v.AppendHTML(nil, opts)
			if err != nil {
				t.Fatalf("FromHTML(%q) = %+v, AppendHTML: %v", in, v, err)
			}
			checkEmbedHTML(t, v, opts, out)
		}
	})
}
