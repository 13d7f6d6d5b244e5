package toc_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/toc"
)

func convert(t *testing.T, e *toc.Extender, src string) (string, *toc.TOC) {
	t.Helper()
	m := goldmark.New(
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithExtensions(e),
	)
	var buf bytes.Buffer
	pc := parser.NewContext()
	require.NoError(t, m.Convert([]byte(src), &buf, parser.WithContext(pc)))
	return buf.String(), toc.Get(pc)
}

func TestExtenderZeroValue(t *testing.T) {
	out, tc := convert(t, &toc.Extender{}, "[TOC]\n\n# T\n\n## A\n\n### B\n\n#### C\n")
	require.NotNil(t, tc)
	assert.Equal(t, "- [A](#a)\n  - [B](#b)\n", string(tc.Markdown()))
	// Without a Marker nothing is inserted.
	assert.Contains(t, out, "<p>[TOC]</p>")
	assert.NotContains(t, out, "<nav")
}

func TestExtenderMarker(t *testing.T) {
	e := &toc.Extender{Marker: "[[toc]]", Options: []toc.Option{toc.Hugo(), toc.EndLevel(4)}}
	src := "  [[toc]]  \n\nnot [[toc]] here\n\n[[toc]]\nand more\n\n> [[toc]]\n\n## A\n\n#### B\n"
	out, tc := convert(t, e, src)
	require.NotNil(t, tc)
	nav := string(tc.HTML())
	assert.Contains(t, nav, `<li><a href="#b">B</a></li>`, "options apply")
	assert.Equal(t, 2, bytes.Count([]byte(out), []byte(nav)), "the bare marker and the one in the quote are replaced:\n%s", out)
	assert.Contains(t, out, "<p>not [[toc]] here</p>")
	assert.Contains(t, out, "<p>[[toc]]\nand more</p>")
	assert.Contains(t, out, "<blockquote>\n"+nav+"\n</blockquote>")
}

func TestExtenderConcurrent(t *testing.T) {
	m := goldmark.New(
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithExtensions(&toc.Extender{Marker: "[TOC]"}),
	)
	docs := []string{"[TOC]\n\n## One\n", "[TOC]\n\n## Two\n\n### Three\n", "## Four\n"}
	type res struct {
		out string
		md  string
	}
	results := make([]res, 30)
	done := make(chan int)
	for i := range results {
		go func() {
			var buf bytes.Buffer
			pc := parser.NewContext()
			if err := m.Convert([]byte(docs[i%3]), &buf, parser.WithContext(pc)); err == nil {
				results[i] = res{buf.String(), string(toc.Get(pc).Markdown())}
			}
			done <- i
		}()
	}
	for range results {
		<-done
	}
	want := []string{"- [One](#one)\n", "- [Two](#two)\n  - [Three](#three)\n", "- [Four](#four)\n"}
	for i, r := range results {
		assert.Equal(t, want[i%3], r.md, "document %d", i)
	}
}

func TestGetWithoutExtender(t *testing.T) {
	assert.Nil(t, toc.Get(nil))
	assert.Nil(t, toc.Get(parser.NewContext()))
}
