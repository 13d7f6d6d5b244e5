package post

import (
	"encoding/json"
	"time"
)

// MarshalJSON writes the front matter as a JSON object with every field
// under its json tag: a zero date is null rather than
// "0001-01-01T00:00:00Z", and a nil list is [] rather than null, so that
// a reader needs no special cases:
//
//	{"title": "Hello", ..., "date": "2024-05-01T00:00:00Z", "expiryDate": null,
//	 ..., "tags": ["go"], "keywords": [], ..., "tocSettings": null, "isCJKLanguage": null, ...}
//
// json.Unmarshal reads that back into a FrontMatter (null dates as the
// zero time; [] lists as empty, non-nil slices).
func (fm FrontMatter) MarshalJSON() ([]byte, error) {
	return json.Marshal(frontMatterJSON{
		Title:          fm.Title,
		LinkTitle:      fm.LinkTitle,
		Description:    fm.Description,
		Summary:        fm.Summary,
		Slug:           fm.Slug,
		URL:            fm.URL,
		Type:           fm.Type,
		Layout:         fm.Layout,
		Date:           timeOrNil(fm.Date),
		PublishDate:    timeOrNil(fm.PublishDate),
		Lastmod:        timeOrNil(fm.Lastmod),
		ExpiryDate:     timeOrNil(fm.ExpiryDate),
		Draft:          fm.Draft,
		Weight:         fm.Weight,
		Aliases:        nonNil(fm.Aliases),
		Authors:        nonNil(fm.Authors),
		Categories:     nonNil(fm.Categories),
		Tags:           nonNil(fm.Tags),
		Keywords:       nonNil(fm.Keywords),
		Images:         nonNil(fm.Images),
		FeaturedImage:  fm.FeaturedImage,
		TOC:            fm.TOC,
		TOCSettings:    fm.TOCSettings,
		IsCJKLanguage:  fm.IsCJKLanguage,
		Headless:       fm.Headless,
		Markup:         fm.Markup,
		TranslationKey: fm.TranslationKey,
	})
}

// frontMatterJSON is FrontMatter as MarshalJSON writes it: the same
// fields, names and tags, in the same order (TestFrontMatterJSONFields
// holds it to that), with dates that may be nil.
type frontMatterJSON struct {
	Title          string       `json:"title"`
	LinkTitle      string       `json:"linkTitle"`
	Description    string       `json:"description"`
	Summary        string       `json:"summary"`
	Slug           string       `json:"slug"`
	URL            string       `json:"url"`
	Type           string       `json:"type"`
	Layout         string       `json:"layout"`
	Date           *time.Time   `json:"date"`
	PublishDate    *time.Time   `json:"publishDate"`
	Lastmod        *time.Time   `json:"lastmod"`
	ExpiryDate     *time.Time   `json:"expiryDate"`
	Draft          bool         `json:"draft"`
	Weight         int          `json:"weight"`
	Aliases        []string     `json:"aliases"`
	Authors        []string     `json:"authors"`
	Categories     []string     `json:"categories"`
	Tags           []string     `json:"tags"`
	Keywords       []string     `json:"keywords"`
	Images         []string     `json:"images"`
	FeaturedImage  string       `json:"featuredImage"`
	TOC            bool         `json:"toc"`
	TOCSettings    *TOCSettings `json:"tocSettings"`
	IsCJKLanguage  *bool        `json:"isCJKLanguage"`
	Headless       bool         `json:"headless"`
	Markup         string       `json:"markup"`
	TranslationKey string       `json:"translationKey"`
}

// MarshalJSON writes the post as a JSON object with its fields under their
// json tags; frontMatter is as [FrontMatter.MarshalJSON] writes it, params
// is {} when the post has none, and body is the Markdown as a string:
//
//	{"path": "content/hello.md", "format": "yaml", "frontMatter": {...},
//	 "params": {...}, "body": "Hello, *world*.\n", "bodyLine": 4}
//
// Dates in params are RFC 3339 strings.
func (p *Post) MarshalJSON() ([]byte, error) {
	params := p.Params
	if params == nil {
		params = map[string]any{}
	}
	return json.Marshal(postJSON{
		Path:        p.Path,
		Format:      p.Format,
		FrontMatter: p.FrontMatter,
		Params:      params,
		Body:        string(p.Body),
		BodyLine:    p.BodyLine,
	})
}

// UnmarshalJSON reads a post written by MarshalJSON. The post it gives
// has no decoded front matter tree, so [Post.Decode] and
// [Post.DecodeStrict] leave their argument unchanged and
// [Post.Position] finds no key; Params holds what JSON can: dates come
// back as strings, and numbers as float64.
func (p *Post) UnmarshalJSON(b []byte) error {
	var j postJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*p = Post{
		Path:        j.Path,
		Format:      j.Format,
		FrontMatter: j.FrontMatter,
		Params:      j.Params,
		Body:        []byte(j.Body),
		BodyLine:    j.BodyLine,
	}
	return nil
}

// postJSON is the JSON form of a Post.
type postJSON struct {
	Path        string         `json:"path"`
	Format      Format         `json:"format"`
	FrontMatter FrontMatter    `json:"frontMatter"`
	Params      map[string]any `json:"params"`
	Body        string         `json:"body"`
	BodyLine    int            `json:"bodyLine"`
}

func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
