package htmlsafe

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFirstTag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"<iframe src=x></iframe>", "<iframe>"},
		{"  \n<DIV class=a>", "<DIV>"},
		{"</div>", "</div>"},
		{"<my-widget data-x>", "<my-widget>"},
		{"<h2>", "<h2>"},
		{"<!-- c --> <!----><section>", "<section>"},
		{"<!DOCTYPE html>", "<!DOCTYPE>"},
		{"<?php echo 1 ?>", "<?...?>"},
		{"<![CDATA[x]]>", "<![CDATA[...]]>"},
		{"<!-- only a comment -->", ""},
		{"<!-- unclosed", ""},
		{"< notag", ""},
		{"<1x>", ""},
		{"", ""},
		{"<" + strings.Repeat("a", 100) + ">", "<" + strings.Repeat("a", 40) + "...>"},
	} {
		assert.Equal(t, tc.want, FirstTag([]byte(tc.in)), "FirstTag(%q)", tc.in)
	}
	assert.Equal(t, "raw HTML omitted", OmittedMessage([]byte("<!-- x -->")))
	assert.Equal(t, "raw HTML <b> omitted", OmittedMessage([]byte("<b>")))
}

// TestFirstTagLinear: firstTag over many comments is linear in its input.
func TestFirstTagLinear(t *testing.T) {
	t.Parallel()
	b := []byte(strings.Repeat("<!-- c -->", 200000) + "<p>")
	assert.Equal(t, "<p>", FirstTag(b))
	b = []byte(strings.Repeat("<!--", 200000))
	assert.Equal(t, "", FirstTag(b))
}
