package post

import (
	"sync"
	"testing"
)

func TestPosition(t *testing.T) {
	t.Parallel()
	const (
		yamlSrc = "---\ntitle: x\nSlug: s\ntags:\n  - a\n  - b\nparams:\n  series: y\n  toc: [{level: 2}]\nbase: &b\n  inherited: 1\nchild:\n  <<: *b\n  own: 2\n---\nbody\n"
		tomlSrc = "+++\ntitle = 'x'\ntags = ['a', 'b']\n[params]\nseries = 'y'\n+++\n"
		jsonSrc = "{\n  \"title\": \"x\",\n  \"tags\": [\"a\", \"b\"],\n  \"params\": {\"series\": \"y\"}\n}\n"
	)
	type pos struct{ line, col int }
	for _, tc := range []struct {
		name string
		src  string
		key  string
		want *pos // nil: not found
	}{
		{name: "yaml top-level key", src: yamlSrc, key: "title", want: &pos{2, 1}},
		{name: "yaml key in another case", src: yamlSrc, key: "slug", want: &pos{3, 1}},
		{name: "yaml list", src: yamlSrc, key: "tags", want: &pos{4, 1}},
		{name: "yaml list element", src: yamlSrc, key: "tags[1]", want: &pos{6, 5}},
		{name: "yaml nested key", src: yamlSrc, key: "params.series", want: &pos{8, 3}},
		{name: "yaml key in a list of maps", src: yamlSrc, key: "params.toc[0].level", want: &pos{9, 10}},
		{name: "yaml merged key", src: yamlSrc, key: "child.inherited", want: &pos{11, 3}},
		{name: "yaml own key beside a merge", src: yamlSrc, key: "child.own", want: &pos{14, 3}},
		{name: "yaml missing key", src: yamlSrc, key: "nope"},
		{name: "yaml index out of range", src: yamlSrc, key: "tags[2]"},
		{name: "yaml index into a map", src: yamlSrc, key: "params[0]"},
		{name: "yaml key into a list", src: yamlSrc, key: "tags.a"},
		{name: "yaml key into a string", src: yamlSrc, key: "title.x"},
		{name: "toml key", src: tomlSrc, key: "tags", want: &pos{3, 1}},
		{name: "toml list element", src: tomlSrc, key: "tags[1]", want: &pos{3, 14}},
		{name: "toml table key", src: tomlSrc, key: "params.series", want: &pos{5, 1}},
		{name: "json key", src: jsonSrc, key: "tags", want: &pos{3, 3}},
		{name: "json list element", src: jsonSrc, key: "tags[0]", want: &pos{3, 12}},
		{name: "json nested key", src: jsonSrc, key: "params.series", want: &pos{4, 14}},
		{name: "BOM and CRLF", src: "\ufeff---\r\nslug: s\r\n---\r\n", key: "slug", want: &pos{2, 1}},
		{name: "BOM on the JSON line", src: "\ufeff{\"slug\": \"s\"}", key: "slug", want: &pos{1, 2}},
		{name: "multi-byte text before the key", src: "---\nk: {é: 1, slug: s}\n---\n", key: "k.slug", want: &pos{2, 12}},
		{name: "no front matter", src: "just text\n", key: "title"},
		{name: "empty front matter", src: "---\n---\n", key: "title"},
		{name: "empty path", src: yamlSrc, key: ""},
		{name: "bad paths", src: yamlSrc, key: "[0]"},
		{name: "trailing dot", src: yamlSrc, key: "params."},
		{name: "bad index", src: yamlSrc, key: "tags[x]"},
		{name: "unclosed index", src: yamlSrc, key: "tags[1"},
		{name: "text after an index", src: yamlSrc, key: "tags[1]x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			line, col, ok := p.Position(tc.key)
			if tc.want == nil {
				if ok {
					t.Errorf("Position(%q) = %d:%d, want none", tc.key, line, col)
				}
				return
			}
			if !ok {
				t.Fatalf("Position(%q) found nothing", tc.key)
			}
			equal(t, pos{line, col}, *tc.want, "Position(%q)", tc.key)
		})
	}
}

// TestPositionConcurrent calls Position from many goroutines on one Post,
// for the race detector.
func TestPositionConcurrent(t *testing.T) {
	t.Parallel()
	p, err := Parse([]byte("---\ntitle: x\ntags: [a, b]\n---\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var wg sync.WaitGroup
	results := make([][3]int, 16)
	for i := range results {
		wg.Go(func() {
			l, c, ok := p.Position("tags[1]")
			if ok {
				results[i] = [3]int{l, c, 1}
			}
		})
	}
	wg.Wait()
	for _, r := range results {
		equal(t, r, [3]int{3, 11, 1}, "Position(\"tags[1]\") as {line, col, found}")

	}
}
