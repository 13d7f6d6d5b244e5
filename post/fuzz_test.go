package post

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/folio-md/folio/internal/position"
	"github.com/folio-md/folio/internal/txtar"
)

// FuzzParse checks properties of Parse on any input: it never panics; an
// error is a *ParseError (or Errors of them) whose line is inside the
// input and whose Offset agrees with its line and column, and a YAML
// error about a tab points at a tab; a post has a Body that is the end of
// the input starting at BodyLine, and FrontMatter and Params that marshal
// to JSON (a date out of JSON's range once got through); Decode into a
// map and DecodeStrict into a struct never panic either, and what they
// decode marshals to JSON too.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("testdata/*.txt")
	for _, p := range paths {
		a, err := txtar.ParseFile(p)
		if err != nil || len(a.Files) == 0 {
			continue
		}
		f.Add(a.Files[0].Data)
	}
	f.Add([]byte("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nbody"))
	f.Add([]byte("{\"a\": {\"b\": [1, {\"c\": \"\\\"}\"}]}}\n"))
	f.Add([]byte("+++\n[[a.b]]\nc = 1\n[[a.b]]\n[a.b.d]\n+++\n"))
	f.Add([]byte("---\ndate: 270000000000\nwhen: 2020-01-01T00:00:00+24:00\n---\n"))
	f.Add([]byte("{\"lastmod\": 253402300799, \"when\": \"Mon, 02 Jan 2006 15:04:05 +2459\"}"))
	f.Add([]byte("---\ntitle: x\nparams:\n  a: 1\n\tb: 2\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Parse(src, WithPath("f.md"))
		if err != nil {
			if p != nil {
				t.Fatalf("Parse returned a post and an error")
			}
			checkFuzzError(t, err, src)
			return
		}
		if !bytes.HasSuffix(src, p.Body) {
			t.Fatalf("Body is not the end of the input")
		}
		before := bytes.TrimPrefix(src[:len(src)-len(p.Body)], []byte(bom))
		if want := bytes.Count(before, []byte("\n")) + 1; p.BodyLine != want {
			t.Fatalf("BodyLine = %d, want %d", p.BodyLine, want)
		}
		if _, err := json.Marshal(p.FrontMatter); err != nil {
			t.Fatalf("FrontMatter does not marshal: %v", err)
		}
		if _, err := json.Marshal(p.Params); err != nil {
			t.Fatalf("Params do not marshal: %v", err)
		}
		var m map[string]any
		if err := p.Decode(&m); err != nil {
			checkFuzzError(t, err, src)
		}
		if _, err := json.Marshal(m); err != nil {
			t.Fatalf("Decode into a map gives what does not marshal: %v", err)
		}
		var s struct {
			Title   string
			Tags    []string
			Date    string
			Lastmod time.Time
			When    *time.Time
			N       int
			Sub     struct{ A []int }
		}
		if err := p.DecodeStrict(&s); err != nil {
			checkFuzzError(t, err, src)
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("DecodeStrict into a struct gives what does not marshal: %v", err)
		}
	})
}

func checkFuzzError(t *testing.T, err error, src []byte) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	list := Errors{pe}
	var errs Errors
	if errors.As(err, &errs) {
		list = errs
	}
	lines := max(bytes.Count(src, []byte("\n"))+1, 1)
	for _, e := range list {
		if e.Line < 1 || e.Line > lines || e.Column < 1 {
			t.Fatalf("%v: position outside the input (%d lines)", e, lines)
		}
		if l, c := position.NewIndex(src, 1).LineCol(e.Offset); l != e.Line || c != e.Column {
			t.Fatalf("%v: Offset %d is at %d:%d", e, e.Offset, l, c)
		}
		if strings.Contains(e.Error(), "yaml: found a tab character") && src[e.Offset] != '\t' {
			t.Fatalf("%v: points at %q, not at a tab", e, src[e.Offset])
		}
		_ = e.Snippet(src)
		_ = e.Error()
	}
}
