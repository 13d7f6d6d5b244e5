package post

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
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

// MarshalText returns the format's name, as String does, so that a Format
// in JSON reads "yaml" rather than 1.
func (f Format) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// UnmarshalText reads a format name written by MarshalText.
func (f *Format) UnmarshalText(b []byte) error {
	switch string(b) {
	case "":
		*f = FormatNone
	case "yaml":
		*f = FormatYAML
	case "toml":
		*f = FormatTOML
	case "json":
		*f = FormatJSON
	default:
		return fmt.Errorf("post: unknown format %q", b)
	}
	return nil
}

// Post is a parsed post: its front matter, decoded, and its Markdown body.
//
// Params holds every top-level key of the front matter, lower-cased, the
// predefined ones included (as Hugo's .Params does), with the keys of a
// "params" map merged on top. Keys of nested maps are lower-cased too,
// except inside lists (a list of maps keeps its keys as written). Values
// are string, bool, int (int64 or uint64 when they do not fit), float64,
// time.Time, nil, map[string]any, []string (a list of strings, or an empty
// list) and []any (any other list). The predefined keys hold their typed
// value: title is a string, weight an int, draft a bool (always set),
// aliases and keywords []string, and the date keys (date, lastmod,
// publishDate, expiryDate and their aliases) time.Time. Other values that
// look like dates stay strings in YAML and JSON, as in Hugo; TOML dates
// are time.Time, except one JSON cannot hold (a zone offset of 24 hours,
// which TOML parsers accept), which stays a string rather than be lost or
// fail the post. Params marshals to JSON and works in html/template.
//
// In JSON (see [Post.MarshalJSON]) a Post is an object with the camelCase
// names of its json tags: path, format ("yaml", "toml", "json" or ""),
// frontMatter, params ({} rather than null), body (the Markdown, as a
// string) and bodyLine.
type Post struct {
	Path        string         `json:"path"`        // name given to ParseFile / WithPath; used in errors
	Format      Format         `json:"format"`      // the front matter format, FormatNone if there is none
	FrontMatter FrontMatter    `json:"frontMatter"` // the typed Hugo fields
	Params      map[string]any `json:"params"`      // every key, lower-cased; nested maps are map[string]any; dates are time.Time
	Body        []byte         `json:"body"`        // the Markdown after the front matter; a string in JSON
	BodyLine    int            `json:"bodyLine"`    // 1-based line of the source where Body starts

	// The decoded front matter, kept for Decode.
	root *yaml.Node
	src  *source
	loc  *time.Location
}

// FrontMatter holds Hugo's predefined front matter fields and the common
// theme keys, decoded case-insensitively. A wrong value for any of them
// (a list for title, "yes" for draft, a date no layout reads) is an error
// from Parse, never a silent zero value.
//
// In JSON (see [FrontMatter.MarshalJSON]) every field is present under
// its camelCase name (the json tags), dates are RFC 3339 strings or null,
// and lists are [] rather than null.
type FrontMatter struct {
	// Title, LinkTitle, Description, Summary, URL, Type and Layout are
	// strings; numbers and bools are taken as written. Slug has leading
	// and trailing '-' trimmed, as in Hugo.
	Title       string `json:"title"`
	LinkTitle   string `json:"linkTitle"`
	Description string `json:"description"`
	Summary     string `json:"summary"`
	Slug        string `json:"slug"`
	URL         string `json:"url"`
	Type        string `json:"type"`
	Layout      string `json:"layout"`

	// The dates, after Hugo's aliases and fallbacks: Date is date, else
	// publishDate (pubdate, published), else lastmod (modified); Lastmod
	// is lastmod (modified), else date, else publishDate; PublishDate is
	// publishDate (pubdate, published), else Date, so a post with only a
	// lastmod date is published at it (unless date is present but empty,
	// as in Hugo); ExpiryDate is expiryDate (unpublishdate).
	// Every date given is within the years 0..9999 and has a zone offset
	// under 24 hours, so FrontMatter marshals to JSON; any other date,
	// under any of these keys, is an error from Parse that wraps ErrDate.
	// A date the front matter does not give is the zero time.Time, null
	// in JSON.
	Date        time.Time `json:"date"`
	PublishDate time.Time `json:"publishDate"`
	Lastmod     time.Time `json:"lastmod"`
	ExpiryDate  time.Time `json:"expiryDate"`

	// Draft is draft (a bool or a strconv.ParseBool string), else the
	// opposite of published when that is a bool.
	Draft bool `json:"draft"`
	// Weight is weight; "7" and 7.0 read as 7.
	Weight int `json:"weight"`

	// Aliases, Categories, Tags and Images are lists of strings; a single
	// string is a one-element list. Keywords given as one string is split
	// on white space, as Hugo does. Authors joins authors and author (a
	// name, a list of names, or maps with a name key). A list the front
	// matter does not give is nil, [] in JSON.
	Aliases    []string `json:"aliases"`
	Authors    []string `json:"authors"`
	Categories []string `json:"categories"`
	Tags       []string `json:"tags"`
	Keywords   []string `json:"keywords"`
	Images     []string `json:"images"`

	FeaturedImage string `json:"featuredImage"` // featured_image, featuredImage
	TOC           bool   `json:"toc"`           // toc: true, or toc given as a map

	// TOCSettings is set when toc is a map with startLevel, endLevel or
	// ordered, such as {startLevel: 2, endLevel: 4, ordered: true}; nil
	// otherwise. A toc map sets TOC, unless it holds enable: false (the
	// LoveIt theme family's form).
	TOCSettings *TOCSettings `json:"tocSettings"`

	// IsCJKLanguage is Hugo's isCJKLanguage: word counts treat the text as
	// Chinese, Japanese or Korean when it is true. It is nil when the front
	// matter does not set isCJKLanguage, so that an explicit false can be
	// told from an absent key: a renderer's own default (render.WithCJK,
	// Hugo's hasCJKLanguage) applies only when it is nil.
	IsCJKLanguage *bool `json:"isCJKLanguage"`

	// Headless is Hugo's headless: the page is not rendered on its own.
	Headless bool `json:"headless"`
	// Markup is the content format (md, html, ...); "" means Markdown.
	Markup string `json:"markup"`
	// TranslationKey links translations of the same content.
	TranslationKey string `json:"translationKey"`
}

// TOCSettings are a post's own table of contents settings. Zero fields
// mean "use the renderer's setting".
type TOCSettings struct {
	StartLevel int  `json:"startLevel,omitempty"`
	EndLevel   int  `json:"endLevel,omitempty"` // -1 means every level
	Ordered    bool `json:"ordered,omitempty"`
}
