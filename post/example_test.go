package post_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"testing/fstest"
	"time"

	"github.com/folio-md/folio/post"
)

func Example() {
	src := []byte(`---
title: Hello, folio
date: 2019-09-10
tags: [go, hugo]
params:
  Subtitle: Front matter as Go values
---
# Hello
`)
	p, err := post.Parse(src, post.WithPath("content/posts/hello.md"))
	if err != nil {
		fmt.Println(err) // content/posts/hello.md:3:7: front matter: date: cannot parse "..."
		return
	}
	fmt.Println(p.FrontMatter.Title, p.FrontMatter.Date.Format(time.DateOnly), p.FrontMatter.Tags)
	fmt.Println(p.Params["subtitle"])
	fmt.Printf("line %d: %q\n", p.BodyLine, p.Body)
	// Output:
	// Hello, folio 2019-09-10 [go hugo]
	// Front matter as Go values
	// line 8: "# Hello\n"
}

func ExampleParse() {
	// TOML front matter; the zone-less date is read in New York time.
	ny, _ := time.LoadLocation("America/New_York")
	src := []byte("+++\ntitle = \"TOML\"\ndate = 2019-09-10T10:00:00\nkeywords = \"static site\"\n+++\nBody\n")
	p, err := post.Parse(src, post.WithLocation(ny))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Format, p.FrontMatter.Title, p.FrontMatter.Date)
	fmt.Printf("%q\n", p.FrontMatter.Keywords)
	// Output:
	// toml TOML 2019-09-10 10:00:00 -0400 EDT
	// ["static" "site"]
}

func ExampleParse_error() {
	src := []byte("---\ntitle: Bad date\ndraft: false\ndate: 2019-13-45\n---\n")
	_, err := post.Parse(src, post.WithPath("content/posts/x.md"))
	fmt.Println(err)
	var pe *post.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Key, errors.Is(err, post.ErrDate))
		fmt.Println(pe.Snippet(src))
	}
	// Output:
	// content/posts/x.md:4:7: front matter: date: cannot parse "2019-13-45"
	// date true
	// date: 2019-13-45
	//       ^
}

func ExampleParseFile() {
	fsys := fstest.MapFS{
		"content/posts/first.md": {Data: []byte(`{"title": "JSON front matter", "weight": "7"}
Body
`)},
	}
	p, err := post.ParseFile(fsys, "content/posts/first.md")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Path, p.Format, p.FrontMatter.Title, p.FrontMatter.Weight)
	// Output:
	// content/posts/first.md json JSON front matter 7
}

func ExamplePost_Decode() {
	src := []byte(`---
title: Decode
date: "Tue, 10 Sep 2019 10:00:00 +0200"
Series: go-basics
gallery: [a.png, b.png]
---
`)
	p, err := post.Parse(src)
	if err != nil {
		fmt.Println(err)
		return
	}
	var fm struct {
		Title   string
		Date    time.Time
		Series  string   `json:"series"`
		Gallery []string `yaml:"gallery"`
	}
	if err := p.Decode(&fm); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(fm.Title, fm.Date.Format(time.RFC3339), fm.Series, fm.Gallery)
	// Output:
	// Decode 2019-09-10T10:00:00+02:00 go-basics [a.png b.png]
}

func ExamplePost_DecodeStrict() {
	src := []byte("---\ntitel: Typo\ndate: 2019-09-10\nseries: x\n---\n")
	p, err := post.Parse(src, post.WithPath("x.md"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var fm struct {
		Title string
		Date  time.Time
	}
	err = p.DecodeStrict(&fm)
	fmt.Println(err)
	fmt.Println(errors.Is(err, post.ErrUnknownKey))
	// Output:
	// x.md:2:1: front matter: titel: unknown key (did you mean "Title"?)
	// x.md:4:1: front matter: series: unknown key
	// true
}

func ExamplePost_Status() {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, src := range []string{
		"---\ndate: 2020-01-01\n---\n",
		"---\ndraft: true\n---\n",
		"---\ndate: 2025-01-01\n---\n",
		"---\nexpiryDate: 2023-06-30\n---\n",
	} {
		p, err := post.Parse([]byte(src))
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(p.Status(now))
	}
	// Output:
	// published
	// draft
	// future
	// expired
}

// ExampleFrontMatter_MarshalJSON shows the JSON form of the front matter:
// camelCase names, absent dates null, absent lists [].
func ExampleFrontMatter_MarshalJSON() {
	p, err := post.Parse([]byte("---\ntitle: Hello\ndate: 2024-05-01\n---\nBody.\n"))
	if err != nil {
		log.Fatal(err)
	}
	b, err := json.Marshal(p.FrontMatter)
	if err != nil {
		log.Fatal(err)
	}
	var fm map[string]any
	if err := json.Unmarshal(b, &fm); err != nil {
		log.Fatal(err)
	}
	fmt.Println(fm["title"], fm["date"], fm["expiryDate"], fm["tags"])
	// Output:
	// Hello 2024-05-01T00:00:00Z <nil> []
}
