package post_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/folio-md/folio/post"
)

// TestMarshalJSON: json.Marshal of a parsed post gives the shape that
// examples/render -format json documents: camelCase names, every field
// present, absent dates null, absent lists [].
func TestMarshalJSON(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Hello\ndate: 2024-05-01\ntags: [go]\nseries: x\n---\nHello, *world*.\n"
	p, err := post.Parse([]byte(src), post.WithPath("content/hello.md"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	got, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatalf("json.MarshalIndent(post): %v", err)
	}
	want := `{
  "path": "content/hello.md",
  "format": "yaml",
  "frontMatter": {
    "title": "Hello",
    "linkTitle": "",
    "description": "",
    "summary": "",
    "slug": "",
    "url": "",
    "type": "",
    "layout": "",
    "date": "2024-05-01T00:00:00Z",
    "publishDate": "2024-05-01T00:00:00Z",
    "lastmod": "2024-05-01T00:00:00Z",
    "expiryDate": null,
    "draft": false,
    "weight": 0,
    "aliases": [],
    "authors": [],
    "categories": [],
    "tags": [
      "go"
    ],
    "keywords": [],
    "images": [],
    "featuredImage": "",
    "toc": false,
    "tocSettings": null,
    "isCJKLanguage": null,
    "headless": false,
    "markup": "",
    "translationKey": ""
  },
  "params": {
    "date": "2024-05-01T00:00:00Z",
    "draft": false,
    "series": "x",
    "tags": [
      "go"
    ],
    "title": "Hello"
  },
  "body": "Hello, *world*.\n",
  "bodyLine": 7
}`
	if string(got) != want {
		t.Errorf("json.MarshalIndent(post):\n got: %s\nwant: %s", got, want)
	}

	// A value FrontMatter and a pointer to it marshal alike.
	a, err := json.Marshal(p.FrontMatter)
	if err != nil {
		t.Fatalf("json.Marshal(FrontMatter): %v", err)
	}
	b, err := json.Marshal(&p.FrontMatter)
	if err != nil {
		t.Fatalf("json.Marshal(&FrontMatter): %v", err)
	}
	var av, bv any
	if err := json.Unmarshal(a, &av); err != nil {
		t.Errorf("json.Marshal(FrontMatter) is not JSON: %v: %s", err, a)
	} else if err := json.Unmarshal(b, &bv); err != nil {
		t.Errorf("json.Marshal(&FrontMatter) is not JSON: %v: %s", err, b)
	} else if !reflect.DeepEqual(av, bv) {
		t.Errorf("a FrontMatter and a pointer to it marshal differently:\n value: %s\npointer: %s", a, b)
	}

	// It reads back: the same fields, and the same JSON again.
	var q post.Post
	if err := json.Unmarshal(got, &q); err != nil {
		t.Fatalf("json.Unmarshal into a Post: %v", err)
	}
	if q.Path != p.Path {
		t.Errorf("read back: Path = %q, want %q", q.Path, p.Path)
	}
	if q.Format != p.Format {
		t.Errorf("read back: Format = %v, want %v", q.Format, p.Format)
	}
	if !reflect.DeepEqual(q.Body, p.Body) {
		t.Errorf("read back: Body = %q, want %q", q.Body, p.Body)
	}
	if q.BodyLine != p.BodyLine {
		t.Errorf("read back: BodyLine = %d, want %d", q.BodyLine, p.BodyLine)
	}
	if !p.FrontMatter.Date.Equal(q.FrontMatter.Date) {
		t.Errorf("read back: Date = %v, want %v", q.FrontMatter.Date, p.FrontMatter.Date)
	}
	if !q.FrontMatter.ExpiryDate.IsZero() {
		t.Errorf("read back: ExpiryDate = %v, want the zero time", q.FrontMatter.ExpiryDate)
	}
	if want := []string{"go"}; !reflect.DeepEqual(q.FrontMatter.Tags, want) {
		t.Errorf("read back: Tags = %#v, want %#v", q.FrontMatter.Tags, want)
	}
	again, err := json.MarshalIndent(&q, "", "  ")
	if err != nil {
		t.Fatalf("json.MarshalIndent of the post read back: %v", err)
	}
	if string(again) != string(got) {
		t.Errorf("the post read back marshals differently:\n got: %s\nwant: %s", again, got)
	}
}

// TestMarshalJSONEmpty: a post with no front matter still has every field.
func TestMarshalJSONEmpty(t *testing.T) {
	t.Parallel()
	p, err := post.Parse([]byte("Just text.\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatalf("json.Marshal(post): %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatalf("json.Unmarshal: %v", err)
	}
	if m["format"] != "" {
		t.Errorf("format = %#v, want \"\"", m["format"])
	}
	if want := map[string]any{"draft": false}; !reflect.DeepEqual(m["params"], want) {
		t.Errorf("params = %#v, want %#v", m["params"], want)
	}
	// A Post built by hand, with nil Params, has params {}, not null.
	b, err := json.Marshal(&post.Post{})
	if err != nil {
		t.Fatalf("json.Marshal(&post.Post{}): %v", err)
	}
	if want := `"params":{}`; !strings.Contains(string(b), want) {
		t.Errorf("json.Marshal(&post.Post{}) = %s, want it to contain %s", b, want)
	}
	fm := m["frontMatter"].(map[string]any)
	for _, k := range []string{"date", "publishDate", "lastmod", "expiryDate", "tocSettings", "isCJKLanguage"} {
		v, ok := fm[k]
		if !ok {
			t.Errorf("frontMatter has no %s", k)
		}
		if v != nil {
			t.Errorf("frontMatter.%s = %#v, want null", k, v)
		}
	}
	for _, k := range []string{"aliases", "authors", "categories", "tags", "keywords", "images"} {
		if !reflect.DeepEqual(fm[k], []any{}) {
			t.Errorf("frontMatter.%s = %#v, want []", k, fm[k])
		}
	}

	// Zero dates are null however they are set, and set ones keep their zone.
	cet := time.FixedZone("CET", 3600)
	b, err = json.Marshal(post.FrontMatter{Date: time.Date(2020, 1, 2, 3, 4, 5, 0, cet)})
	if err != nil {
		t.Fatalf("json.Marshal(FrontMatter): %v", err)
	}
	if want := `"date":"2020-01-02T03:04:05+01:00","publishDate":null`; !strings.Contains(string(b), want) {
		t.Errorf("json.Marshal(FrontMatter) = %s, want it to contain %s", b, want)
	}
}
