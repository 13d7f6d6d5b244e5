package post_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/folio-md/folio/post"
)

// TestMarshalJSON: json.Marshal of a parsed post gives the shape that
// examples/render -format json documents: camelCase names, every field
// present, absent dates null, absent lists [].
func TestMarshalJSON(t *testing.T) {
	t.Parallel()
	src := "---\ntitle: Hello\ndate: 2024-05-01\ntags: [go]\nseries: x\n---\nHello, *world*.\n"
	p, err := post.Parse([]byte(src), post.WithPath("content/hello.md"))
	require.NoError(t, err)
	got, err := json.MarshalIndent(p, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, `{
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
}`, string(got))

	// A value FrontMatter and a pointer to it marshal alike.
	a, err := json.Marshal(p.FrontMatter)
	require.NoError(t, err)
	b, err := json.Marshal(&p.FrontMatter)
	require.NoError(t, err)
	assert.JSONEq(t, string(a), string(b))

	// It reads back: the same fields, and the same JSON again.
	var q post.Post
	require.NoError(t, json.Unmarshal(got, &q))
	assert.Equal(t, p.Path, q.Path)
	assert.Equal(t, p.Format, q.Format)
	assert.Equal(t, p.Body, q.Body)
	assert.Equal(t, p.BodyLine, q.BodyLine)
	assert.True(t, p.FrontMatter.Date.Equal(q.FrontMatter.Date))
	assert.True(t, q.FrontMatter.ExpiryDate.IsZero())
	assert.Equal(t, []string{"go"}, q.FrontMatter.Tags)
	again, err := json.MarshalIndent(&q, "", "  ")
	require.NoError(t, err)
	assert.Equal(t, string(got), string(again))
}

// TestMarshalJSONEmpty: a post with no front matter still has every field.
func TestMarshalJSONEmpty(t *testing.T) {
	t.Parallel()
	p, err := post.Parse([]byte("Just text.\n"))
	require.NoError(t, err)
	got, err := json.Marshal(p)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(got, &m))
	assert.Equal(t, "", m["format"])
	assert.Equal(t, map[string]any{"draft": false}, m["params"])
	// A Post built by hand, with nil Params, has params {}, not null.
	b, err := json.Marshal(&post.Post{})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"params":{}`)
	fm := m["frontMatter"].(map[string]any)
	for _, k := range []string{"date", "publishDate", "lastmod", "expiryDate", "tocSettings", "isCJKLanguage"} {
		v, ok := fm[k]
		assert.True(t, ok, k)
		assert.Nil(t, v, k)
	}
	for _, k := range []string{"aliases", "authors", "categories", "tags", "keywords", "images"} {
		assert.Equal(t, []any{}, fm[k], k)
	}

	// Zero dates are null however they are set, and set ones keep their zone.
	cet := time.FixedZone("CET", 3600)
	b, err = json.Marshal(post.FrontMatter{Date: time.Date(2020, 1, 2, 3, 4, 5, 0, cet)})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"date":"2020-01-02T03:04:05+01:00","publishDate":null`)
}
