package linkrel

import "testing"

func TestExternal(t *testing.T) {
	hosts := []string{"example.org", "www.example.org"}
	tests := map[string]bool{
		"https://go.dev/doc":              true,
		"HTTP://GO.DEV":                   true,
		"//cdn.example.net/x":             true,
		"https://example.org/about":       false,
		"https://WWW.Example.org:443/x":   false,
		"https://user@example.org/":       false,
		"https://example.org.evil.net/":   true,
		"https://[::1]:8080/":             true,
		"/docs/":                          false,
		"#top":                            false,
		"mailto:a@b.example":              false,
		"ftp://files.example/":            false,
		"https://":                        false,
		"other.md":                        false,
		"https:go.dev":                    false,
		"  https://leading.space.example": true,
	}
	for in, want := range tests {
		if got := External([]byte(in), hosts); got != want {
			t.Errorf("External(%q) = %t, want %t", in, got, want)
		}
	}
}

func TestRel(t *testing.T) {
	tests := []struct{ rel, target, want string }{
		{"", "", ""},
		{"nofollow", "", "nofollow"},
		{"", "_blank", "noopener"},
		{"nofollow  ugc", "_blank", "nofollow ugc noopener"},
		{"NoOpener", "_blank", "NoOpener"},
		{"noreferrer", "_self", "noreferrer noopener"},
	}
	for _, tt := range tests {
		if got := Rel(tt.rel, tt.target); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.rel, tt.target, got, tt.want)
		}
	}
}

func TestMarkdownRef(t *testing.T) {
	tests := []struct {
		in, path, suffix string
		ok               bool
	}{
		{"other.md", "other.md", "", true},
		{"../guide/setup.md#install", "../guide/setup.md", "#install", true},
		{"/docs/c.markdown?x=1#y", "/docs/c.markdown", "?x=1#y", true},
		{"with%20space.MD", "with space.MD", "", true},
		{"bad%zz.md", "bad%zz.md", "", true},
		{"https://example.org/readme.md", "", "", false},
		{"//host/a.md", "", "", false},
		{"mailto:a.md", "", "", false},
		{"a/b:c.md", "a/b:c.md", "", true},
		{"other.html", "", "", false},
		{"#x.md", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		p, s, ok := MarkdownRef(tt.in)
		if p != tt.path || s != tt.suffix || ok != tt.ok {
			t.Errorf("MarkdownRef(%q) = %q, %q, %t, want %q, %q, %t", tt.in, p, s, ok, tt.path, tt.suffix, tt.ok)
		}
	}
}
