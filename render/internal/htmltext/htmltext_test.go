package htmltext

import "testing"

func TestText(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"<em>a</em> &amp;\n <b>b</b>", "a & b"},
		{"x<!-- c -->y", "xy"},
		{"a <!-- open", "a"},
		{"a < b", "a < b"},
	}
	for _, tt := range tests {
		if got := Text([]byte(tt.in)); got != tt.want {
			t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
