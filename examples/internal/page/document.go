package page

import (
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/toc"
)

// Document is the JSON form of a rendered post (examples/render -format
// json). Its field names are stable: every field is always present, lists
// are [] rather than null, and dates are RFC 3339 strings or null when the
// post has none. Path, format, frontMatter and params are the post's own
// JSON form (post.Post's json tags; post.FrontMatter.MarshalJSON).
type Document struct {
	Path        string              `json:"path"`
	Format      post.Format         `json:"format"`      // "yaml", "toml", "json" or "" (no front matter)
	FrontMatter post.FrontMatter    `json:"frontMatter"` // as post.FrontMatter marshals itself
	Params      map[string]any      `json:"params"`
	HTML        string              `json:"html"`
	TOC         []*toc.Item         `json:"toc"`
	Summary     string              `json:"summary"`
	Truncated   bool                `json:"truncated"`
	Plain       string              `json:"plain"`       // render.Result.Plain: Hugo's .Plain, character references kept
	Text        string              `json:"text"`        // render.Result.Text: Plain decoded
	SummaryText string              `json:"summaryText"` // render.Result.SummaryText: the summary's text, decoded
	WordCount   int                 `json:"wordCount"`
	ReadingTime int                 `json:"readingTime"` // minutes
	Diagnostics []render.Diagnostic `json:"diagnostics"`
}

// NewDocument builds the JSON form of a post and its render.
func NewDocument(p *post.Post, res *render.Result) *Document {
	d := &Document{
		Path:        p.Path,
		Format:      p.Format,
		FrontMatter: p.FrontMatter,
		Params:      p.Params,
		HTML:        string(res.HTML),
		TOC:         []*toc.Item{},
		Summary:     string(res.Summary),
		Truncated:   res.Truncated,
		Plain:       res.Plain,
		Text:        res.Text,
		SummaryText: res.SummaryText,
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
