package toc_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/folio-md/folio/toc"
)

const exampleDoc = `# Guide

## Install

### From source

## Use *it*

#### Deep tip
`

func ExampleBuild() {
	src := []byte(exampleDoc)
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	doc := md.Parser().Parse(text.NewReader(src))

	t := toc.Build(doc, src, toc.EndLevel(4))
	for _, it := range t.Items {
		fmt.Println(it.Level, it.ID, it.Title)
		for _, sub := range it.Items {
			fmt.Println(" ", sub.Level, sub.ID, sub.Text)
		}
	}
	// Output:
	// 2 install Install
	//   3 from-source From source
	// 2 use-it Use <em>it</em>
	//   4 deep-tip Deep tip
}

// A renderer that already walks the document, to number its headings
// say, hands them to FromHeadings and saves Build's walk.
func ExampleFromHeadings() {
	src := []byte(exampleDoc)
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	doc := md.Parser().Parse(text.NewReader(src))

	var heads []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			heads = append(heads, h)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	t := toc.FromHeadings(heads, src)
	fmt.Printf("%s", t.HTML())
	// Output:
	// <nav id="TableOfContents">
	//   <ul>
	//     <li><a href="#install">Install</a>
	//       <ul>
	//         <li><a href="#from-source">From source</a></li>
	//       </ul>
	//     </li>
	//     <li><a href="#use-it">Use <em>it</em></a></li>
	//   </ul>
	// </nav>
}

func ExampleTOC_HTML() {
	src := []byte(exampleDoc)
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	t := toc.Build(md.Parser().Parse(text.NewReader(src)), src)
	os.Stdout.Write(t.HTML())
	// Output:
	// <nav id="TableOfContents">
	//   <ul>
	//     <li><a href="#install">Install</a>
	//       <ul>
	//         <li><a href="#from-source">From source</a></li>
	//       </ul>
	//     </li>
	//     <li><a href="#use-it">Use <em>it</em></a></li>
	//   </ul>
	// </nav>
}

// Hugo's exact output: a skipped level leaves an empty <li>.
func ExampleHugo() {
	src := []byte("## A\n\n#### B\n")
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	t := toc.Build(md.Parser().Parse(text.NewReader(src)), src, toc.Hugo())
	os.Stdout.Write(t.HTML())
	// Output:
	// <nav id="TableOfContents">
	//   <ul>
	//     <li><a href="#a">A</a>
	//       <ul>
	//         <li></li>
	//       </ul>
	//     </li>
	//   </ul>
	// </nav>
}

func ExampleTOC_Markdown() {
	src := []byte(exampleDoc)
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	// Keep every level, choose them when writing.
	t := toc.Build(md.Parser().Parse(text.NewReader(src)), src, toc.StartLevel(1), toc.EndLevel(-1))
	os.Stdout.Write(t.Markdown(toc.StartLevel(2)))
	fmt.Println("---")
	os.Stdout.Write(t.Markdown(toc.StartLevel(2), toc.EndLevel(2), toc.Ordered(true)))
	// Output:
	// - [Install](#install)
	//   - [From source](#from-source)
	// - [Use it](#use-it)
	//   - [Deep tip](#deep-tip)
	// ---
	// 1. [Install](#install)
	// 1. [Use it](#use-it)
}

func ExampleTOC_MarshalJSON() {
	src := []byte("## Hello `world`\n")
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID()))
	t := toc.Build(md.Parser().Parse(text.NewReader(src)), src)
	b, _ := json.Marshal(t)
	fmt.Println(string(b))
	b, _ = json.Marshal(toc.Build(nil, nil))
	fmt.Println(string(b))
	// Output:
	// {"items":[{"id":"hello-world","title":"Hello \u003ccode\u003eworld\u003c/code\u003e","text":"Hello world","level":2}]}
	// {"items":[]}
}

func ExampleExtender() {
	md := goldmark.New(
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithExtensions(&toc.Extender{Marker: "[TOC]"}),
	)
	src := []byte("[TOC]\n\n## One\n\n## Two\n\n## Changelog {.no-toc}\n")
	var buf bytes.Buffer
	pc := parser.NewContext()
	if err := md.Convert(src, &buf, parser.WithContext(pc)); err != nil {
		panic(err)
	}
	fmt.Print(buf.String())
	fmt.Println(len(toc.Get(pc).Items), "entries")
	// Output:
	// <nav id="TableOfContents">
	//   <ul>
	//     <li><a href="#one">One</a></li>
	//     <li><a href="#two">Two</a></li>
	//   </ul>
	// </nav>
	// <h2 id="one">One</h2>
	// <h2 id="two">Two</h2>
	// <h2 class="no-toc" id="changelog">Changelog</h2>
	// 2 entries
}

func ExampleDuplicateIDs() {
	src := []byte("## Foo\n\n## Bar {#foo}\n")
	md := goldmark.New(goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()))
	doc := md.Parser().Parse(text.NewReader(src))
	for _, d := range toc.DuplicateIDs(doc) {
		for _, n := range d.Nodes[1:] {
			line := bytes.Count(src[:n.Lines().At(0).Start], []byte("\n")) + 1
			fmt.Printf("line %d: id %q already used\n", line, d.ID)
		}
	}
	// Output:
	// line 3: id "foo" already used
}
