package post

import (
	"time"
)

// Format is the front matter format of a post.
type Format int

// The front matter formats. FormatNone means the file has no front matter.
const (
	FormatNone Format = iota
	FormatYAML
	FormatTOML
	FormatJSON
)

// String returns "", "yaml", "toml" or "json".
func (f Format) String() string {
	switch f {
	case FormatYAML:
		return "yaml"
	case FormatTOML:
		return "toml"
	case FormatJSON:
		return "json"
	}
	return ""
}

// Post is a parsed post: its front matter, decoded, and its Markdown body.
type Post struct {
	Path        string         // name given to ParseFile / WithPath; used in errors
	Format      Format         // the front matter format, FormatNone if there is none
	FrontMatter FrontMatter    // the typed Hugo fields
	Params      map[string]any // every key, lower-cased; nested maps are map[string]any; dates are time.Time
	Body        []byte         // the Markdown after the front matter
	BodyLine    int            // 1-based line of the source where Body starts
}

// FrontMatter holds Hugo's predefined front matter fields and the common
// theme keys, decoded case-insensitively.
type FrontMatter struct {
	Title, LinkTitle, Description, Summary, Slug, URL, Type, Layout string

	Date, PublishDate, Lastmod, ExpiryDate time.Time

	Draft  bool
	Weight int

	Aliases, Authors, Categories, Tags, Keywords, Images []string

	FeaturedImage string // featured_image, featuredImage
	TOC           bool   // toc: true, or toc given as a map

	// TOCSettings is set when toc is a map such as
	// {startLevel: 2, endLevel: 4, ordered: true}; nil otherwise.
	TOCSettings *TOCSettings

	// IsCJKLanguage is Hugo's isCJKLanguage: word counts treat the text as
	// Chinese, Japanese or Korean.
	IsCJKLanguage bool
}

// TOCSettings are a post's own table of contents settings. Zero fields
// mean "use the renderer's setting".
type TOCSettings struct {
	StartLevel int  `json:"startLevel,omitempty"`
	EndLevel   int  `json:"endLevel,omitempty"` // -1 means every level
	Ordered    bool `json:"ordered,omitempty"`
}
