package htmlsafe

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAllowed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in          string
		link, image bool
	}{
		{"https://example.com/", true, true},
		{"HTTP://example.com/", true, true},
		{"/relative/path?q=javascript:", true, true},
		{"relative/a:b", true, true}, // the ':' comes after a '/': a path
		{"#frag", true, true},
		{"?q=1", true, true},
		{"//example.com/x", true, true},
		{"mailto:a@example.com", true, true},
		{"tel:+1-555", true, true},
		{"", true, true},
		{"javascript:alert(1)", false, false},
		{"JaVaScRiPt:alert(1)", false, false},
		{" \x01javascript:alert(1)", false, false},
		{"java\tscript:alert(1)", false, false},
		{"java\nscript:alert(1)", false, false},
		{"java\rscript:alert(1)", false, false},
		{"javascript\t:alert(1)", false, false},
		{"java%09script:alert(1)", false, false}, // decoded once: a tab
		{"%6Aavascript:alert(1)", false, false},  // decoded once: javascript
		{"javascript%3Aalert(1)", false, false},  // decoded once
		{"java script:alert(1)", false, false},   // spaces and controls are dropped, to be safe
		{"java%00script:alert(1)", false, false},
		{"\x7fjavascript:alert(1)", false, false},
		{"java\x01script:alert(1)", false, false},
		{"vbscript:msgbox", false, false},
		{"file:///etc/passwd", false, false},
		{"ftp://example.com/", false, false}, // not allowed by default
		{"foo:bar", false, false},            // an unknown scheme
		{"data:text/html,<script>alert(1)</script>", false, false},
		{"data:image/png;base64,iVBOR", false, true},
		{"DATA:IMAGE/WEBP;base64,x", false, true},
		{"data:image/svg+xml,<svg onload=alert(1)>", false, false},
		{"data:image/png,raw", false, false},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:x", false, false},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x:y", true, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.link, Allowed([]byte(tt.in), Link), "Allowed(%q, Link)", tt.in)
		assert.Equal(t, tt.image, Allowed([]byte(tt.in), Image), "Allowed(%q, Image)", tt.in)
	}
}

func TestPolicySchemes(t *testing.T) {
	t.Parallel()
	p := Policy{Schemes: []string{"ftp", "irc"}}
	assert.True(t, p.Allowed([]byte("FTP://example.com/"), Link))
	assert.True(t, p.Allowed([]byte("irc://irc.example.com/#go"), Link))
	assert.False(t, p.Allowed([]byte("xmpp:a@example.com"), Link))
	assert.False(t, p.Allowed([]byte("javascript:alert(1)"), Link))
}

// TestAllowedAllocs is not parallel: AllocsPerRun forbids it.
func TestAllowedAllocs(t *testing.T) {
	u := []byte("https://example.com/a/b")
	assert.Zero(t, testing.AllocsPerRun(100, func() { Allowed(u, Link) }))
	rel := []byte("/docs/getting-started/")
	assert.Zero(t, testing.AllocsPerRun(100, func() { Allowed(rel, Link) }))
}

func TestAttr(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"id", "ID", "class", "lang", "dir", "title", "translate", "role", "data-x", "data-foo-bar", "aria-label"} {
		assert.True(t, Attr([]byte(name), false), "Attr(%q)", name)
	}
	for _, name := range []string{"", "style", "onclick", "ONLOAD", "href", "src", "formaction", "srcdoc", "data-", "data-x=y", "xlink:href", "tabindex", "autofocus"} {
		assert.False(t, Attr([]byte(name), false), "Attr(%q)", name)
	}
	assert.True(t, Attr([]byte("style"), true))
	assert.False(t, Attr([]byte("onclick"), true))
}

func TestURLAttr(t *testing.T) {
	t.Parallel()
	assert.True(t, URLAttr([]byte("href")))
	assert.True(t, URLAttr([]byte("SrcSet")))
	assert.True(t, URLAttr([]byte("xlink:href")))
	assert.False(t, URLAttr([]byte("title")))
	assert.False(t, URLAttr([]byte("a-very-long-attribute-name")))
}

func TestSrcsetAllowed(t *testing.T) {
	t.Parallel()
	assert.True(t, Policy{}.SrcsetAllowed([]byte("/a.png 1x, /b.png 2x")))
	assert.False(t, Policy{}.SrcsetAllowed([]byte("/a.png 1x, javascript:alert(1) 2x")))
}

func TestInertDivAttr(t *testing.T) {
	for _, name := range []string{"filename", "width", "height", "color", "trim", "file", "copy", "lang",
		"data-x", "aria-label", "title", "id", "class", "line-numbers", "x_y"} {
		if !InertDivAttr([]byte(name), false) {
			t.Errorf("InertDivAttr(%q) = false, want true", name)
		}
	}
	for _, name := range []string{"onclick", "onmouseover", "ONLOAD", "style", "href", "src", "srcdoc",
		"formaction", "xlink:href", "autofocus", "tabindex", "contenteditable", "popover", "hidden",
		"accesskey", "is", "slot", "nonce", "Filename", "1x", "-x", "a b", "a=b", "a\"b", "", "xmlns",
		"background", "action", "target", "name"} {
		if InertDivAttr([]byte(name), false) {
			t.Errorf("InertDivAttr(%q) = true, want false", name)
		}
	}
	if !InertDivAttr([]byte("style"), true) {
		t.Error("style is allowed with styles")
	}
}
