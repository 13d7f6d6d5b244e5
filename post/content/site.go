package content

import (
	"errors"
	"fmt"

	"github.com/folio-md/folio/post"
)

// Site is a loaded content tree: every page in every language, the
// taxonomies, the aliases, and what was left out and why. It is read-only
// after Load and safe for concurrent use.
type Site struct {
	// Languages are the site's languages in weight order; the first is
	// not necessarily the default (see DefaultLanguage).
	Languages       []Language
	DefaultLanguage string

	// Pages are all the built pages of every language, in language
	// order, then by kind (home, sections, pages, taxonomies, terms) and
	// path.
	Pages []*Page
	// Unlisted are the pages that are rendered but in no list (build
	// list never, or local: Hugo leaves them out of .Site.Pages), in the
	// order of Pages.
	Unlisted []*Page
	// Headless are the pages from content files that are not rendered
	// and not in Pages (headless: true, build options, cascade; those
	// with build list local are still in their section's Pages), in the
	// order of Pages; GetPage finds them, and their resources are
	// published unless publishResources is false.
	Headless []*Page
	// Aliases are the redirect pages Hugo writes for front matter
	// aliases, and for the language roots of a multilingual site (the
	// default language at /en/ redirecting to /, or / redirecting to
	// /en/ with DefaultContentLanguageInSubdir). An alias at the URL of
	// a page is left out (Hugo writes the page), with a Diagnostic.
	Aliases []Alias
	// Resources are the bundle files that are published, each once, in
	// output path order (those of headless bundles included).
	Resources []*Resource
	// Skipped are the pages left out by their publish state (draft,
	// future, expired) with that state in Status.
	Skipped []*Page
	// Diagnostics are warnings with positions: two pages written to one
	// file, a content adapter that is not run, ...
	Diagnostics []Diagnostic

	cfg        *settings
	byLang     []map[string]*Page // per language: path -> page (home, sections, pages, taxonomies, terms)
	homes      []*Page
	taxonomies []map[string]*Taxonomy
	byPost     map[*post.Post]*Page
	byFile     map[string][]*Page // content-relative file path (lower-cased) -> pages
	byBase     []map[string][]*Page
}

// Alias is a redirect page: the file at OutputPath sends the browser to
// Target (a RelPermalink) with <meta http-equiv="refresh"> and a
// canonical link, as Hugo's alias pages do.
type Alias struct {
	Path       string // "/old/path", as Hugo's .Aliases lists it
	OutputPath string // "old/path/index.html"
	Target     string // the page's RelPermalink
	Permalink  string // the page's Permalink
	Lang       string
	Page       *Page // nil for a language root redirect
}

// Taxonomy is one taxonomy of one language, such as tags in English.
type Taxonomy struct {
	Name     string // singular: "tag"
	Plural   string // "tags": the front matter key and URL segment
	Lang     string
	Page     *Page   // the taxonomy's list page, /tags/
	Terms    []*Term // by key
	termsMap map[string]*Term
	key      func(string) string
}

// Term is one term of a taxonomy.
type Term struct {
	Name string // as first written, in path order of the pages ("Hugo Tips")
	Key  string // the term's path segment ("hugo-tips"); Page.Path is /tags/hugo-tips
	Page *Page
	// Weighted are the term's pages with their taxonomy weight (the
	// front matter's tags_weight for tags), by weight (lowest first, 0
	// included, as Hugo's .Site.Taxonomies orders them), then in Hugo's
	// default order.
	Weighted []WeightedPage
}

// WeightedPage is a page of a term with its taxonomy weight.
type WeightedPage struct {
	Weight int
	Page   *Page
}

// Term returns the term a front matter value names ("Hugo Tips", "hugo
// tips" and "Hugo-Tips" all name /tags/hugo-tips), or nil.
func (t *Taxonomy) Term(name string) *Term {
	return t.termsMap[t.key(name)]
}

// Home returns the home page of lang ("" for the default language).
func (s *Site) Home(lang string) *Page {
	if i, ok := s.langIndex(lang); ok {
		return s.homes[i]
	}
	return nil
}

// GetPage returns the page with Hugo's logical path p ("/posts/hello",
// "/tags/go", "/") in lang ("" for the default language), or nil. Paths
// are matched after the same normalisation as page paths, so
// "/Posts/Hello" and "posts/hello.md" find /posts/hello too.
func (s *Site) GetPage(lang, p string) *Page {
	i, ok := s.langIndex(lang)
	if !ok {
		return nil
	}
	return s.byLang[i][s.cleanRefPath(p)]
}

// PageOf returns the page whose content file is p (a *post.Post that
// Load parsed), or nil.
func (s *Site) PageOf(p *post.Post) *Page { return s.byPost[p] }

// Taxonomy returns the taxonomy named plural ("tags") in lang, or nil.
func (s *Site) Taxonomy(lang, plural string) *Taxonomy {
	i, ok := s.langIndex(lang)
	if !ok {
		return nil
	}
	return s.taxonomies[i][plural]
}

// LanguagePages returns the built pages of lang, in the order of Pages.
func (s *Site) LanguagePages(lang string) []*Page {
	i, ok := s.langIndex(lang)
	if !ok {
		return nil
	}
	var out []*Page
	for _, p := range s.Pages {
		if p.langIndex == i {
			out = append(out, p)
		}
	}
	return out
}

func (s *Site) langIndex(lang string) (int, bool) {
	if lang == "" {
		lang = s.DefaultLanguage
	}
	i, ok := s.cfg.langIndex[lang]
	return i, ok
}

// Diagnostic is a warning about the content, at a position.
type Diagnostic struct {
	Pos     post.Position
	Message string
}

// String returns "path:line:col: message".
func (d Diagnostic) String() string { return d.Pos.String() + ": " + d.Message }

// The causes of an *Error.
var (
	// ErrTwoIndexFiles: a folder holds two index files for one
	// language (index.md and index.html, or index.md and _index.md).
	ErrTwoIndexFiles = errors.New("two index files in one bundle")
	// ErrRefNotFound: a ref or relref names no page.
	ErrRefNotFound = errors.New("page not found")
	// ErrRefAmbiguous: a ref names a file name that several pages have.
	ErrRefAmbiguous = errors.New("ambiguous reference")
	// ErrURL: a front matter url or alias that cannot be used (an
	// absolute http(s) URL, as in Hugo).
	ErrURL = errors.New("bad url")
)

// Error is a problem with the content at a position: a file that cannot
// be a page, a reference that finds no page.
type Error struct {
	Pos post.Position
	Err error // a cause above, possibly wrapped with detail
}

// Error returns "path:line:col: content: cause".
func (e *Error) Error() string { return fmt.Sprintf("%s: content: %v", e.Pos, e.Err) }

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }
