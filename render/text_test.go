package render

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTrimShortHTML(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"<p>Hello <em>world</em></p>\n", "Hello <em>world</em>"},
		{"  <p> x </p>  ", "x"},
		{"<p>a</p>\n<p>b</p>\n", "<p>a</p>\n<p>b</p>\n"},
		{"<ul><li>a</li></ul>", "<ul><li>a</li></ul>"},
		{"<p class=\"x\">a</p>", "<p class=\"x\">a</p>"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, string(trimShortHTML([]byte(tt.in))), "trimShortHTML(%q)", tt.in)
	}
}
