package page

import (
	"time"

	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/toc"
)

// Document is the JSON form of a rendered post (examples/render -format
// json). Its field names are stable: every field is always present, lists
// are [] rather than null, and dates are RFC 3339 strings or null when the
// post has none.
type Document struct {
	Path        string              `json:"path"`
	Format      string              `json:"format"` // "yaml", "toml", "json" or "" (no front matter)
	FrontMatter FrontMatter         `json:"frontMatter"`
	Params      map[string]any      `json:"params"`
	HTML        string              `json:"html"`
	TOC         []*toc.Item         `json:"toc"`
	Summary     string              `json:"summary"`
	Truncated   bool                `json:"truncated"`
	Plain       string              `json:"plain"`
	WordCount   int                 `json:"wordCount"`
	ReadingTime int                 `json:"readingTime"` // minutes
	Diagnostics []render.Diagnostic `json:"diagnostics"`
}

// FrontMatter is the JSON form of [post.FrontMatter].
type FrontMatter struct {
	Title         string     `json:"title"`
	LinkTitle     string     `json:"linkTitle"`
	Description   string     `json:"description"`
	Summary       string     `json:"summary"`
	Slug          string     `json:"slug"`
	URL           string     `json:"url"`
	Type          string     `json:"type"`
	Layout        string     `json:"layout"`
	Date          *time.Time `json:"date"`
	PublishDate   *time.Time `json:"publishDate"`
	Lastmod       *time.Time `json:"lastmod"`
	ExpiryDate    *time.Time `json:"expiryDate"`
	Draft         bool       `json:"draft"`
	Weight        int        `json:"weight"`
	Aliases       []string   `json:"aliases"`
	Authors       []string   `json:"authors"`
	Categories    []string   `json:"categories"`
	Tags          []string   `json:"tags"`
	Keywords      []string   `json:"keywords"`
	Images        []string   `json:"images"`
	FeaturedImage string     `json:"featuredImage"`
	TOC           bool       `json:"toc"`
}

// NewDocument builds the JSON form of a post and its render.
func NewDocument(p *post.Post, res *render.Result) *Document {
	fm := p.FrontMatter
	d := &Document{
		Path:   p.Path,
		Format: p.Format.String(),
		FrontMatter: FrontMatter{
			Title:         fm.Title,
			LinkTitle:     fm.LinkTitle,
			Description:   fm.Description,
			Summary:       fm.Summary,
			Slug:          fm.Slug,
			URL:           fm.URL,
			Type:          fm.Type,
			Layout:        fm.Layout,
			Date:          timePtr(fm.Date),
			PublishDate:   timePtr(fm.PublishDate),
			Lastmod:       timePtr(fm.Lastmod),
			ExpiryDate:    timePtr(fm.ExpiryDate),
			Draft:         fm.Draft,
			Weight:        fm.Weight,
			Aliases:       list(fm.Aliases),
			Authors:       list(fm.Authors),
			Categories:    list(fm.Categories),
			Tags:          list(fm.Tags),
			Keywords:      list(fm.Keywords),
			Images:        list(fm.Images),
			FeaturedImage: fm.FeaturedImage,
			TOC:           fm.TOC,
		},
		Params:      p.Params,
		HTML:        string(res.HTML),
		TOC:         []*toc.Item{},
		Summary:     string(res.Summary),
		Truncated:   res.Truncated,
		Plain:       res.Plain,
		WordCount:   res.WordCount,
		ReadingTime: res.ReadingTime,
		Diagnostics: res.Diagnostics,
	}
	if d.Params == nil {
		d.Params = map[string]any{}
	}
	if res.TOC != nil && res.TOC.Items != nil {
		d.TOC = res.TOC.Items
	}
	if d.Diagnostics == nil {
		d.Diagnostics = []render.Diagnostic{}
	}
	return d
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func list(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
