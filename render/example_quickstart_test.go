package render_test

import (
	"fmt"
	"log"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
)

// Example_quickStart is the README's quick start: read a post, render it
// once, and use what the one parse yields.
func Example_quickStart() {
	src := []byte(`---
title: Hello, folio
date: 2019-09-10
tags: [go, hugo]
---

Hugo-style posts, *rendered* in Go.

<!--more-->

## Install it {#install}

{{< youtube id="dQw4w9WgXcQ" title="A demo" >}}
`)
	p, err := post.Parse(src, post.WithPath("content/posts/hello.md"))
	if err != nil {
		log.Fatal(err) // content/posts/hello.md:3:7: front matter: date: ...
	}
	r := render.New() // immutable: build once, share between goroutines
	res, err := r.RenderPost(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.FrontMatter.Title, p.FrontMatter.Date.Format("2006-01-02"), p.FrontMatter.Tags)
	fmt.Printf("summary: %s\n", res.Summary)
	fmt.Println("toc:", res.TOC.Items[0].ID, "words:", res.WordCount, "minutes:", res.ReadingTime)
	// Output:
	// Hello, folio 2019-09-10 [go hugo]
	// summary: <p>Hugo-style posts, <em>rendered</em> in Go.</p>
	// toc: install words: 7 minutes: 1
}
