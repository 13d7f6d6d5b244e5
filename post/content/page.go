package content

import (
	"time"

	"github.com/folio-md/folio/post"
)

// Kind is the kind of a page, as Hugo names it.
type Kind string

// The kinds of page.
const (
	KindHome     Kind = "home"     // the home page of a language: / or /fr/
	KindSection  Kind = "section"  // a top-level folder, or a nested one with an _index file
	KindPage     Kind = "page"     // a regular page: a content file or a leaf bundle
	KindTaxonomy Kind = "taxonomy" // the list of a taxonomy's terms: /tags/
	KindTerm     Kind = "term"     // the pages of one term: /tags/go/
)

// BundleType says whether a page is a page bundle, as Hugo's .BundleType.
type BundleType string

// The bundle types. Sections, the home page, taxonomies and terms are
// branch bundles; a regular page is a leaf bundle when it is a folder's
// index file, and no bundle when it is a file of its own.
const (
	NotABundle   BundleType = ""
	LeafBundle   BundleType = "leaf"
	BranchBundle BundleType = "branch"
)

// Page is a page of the site in one language: a content file, a leaf
// bundle, a section, the home page, a taxonomy or a term.
type Page struct {
	Kind Kind
	// Path is Hugo's logical path of the page, the same in every
	// language: "/posts/hello" for content/posts/hello.md,
	// content/posts/hello.fr.md and content/posts/hello/index.md alike;
	// "/" for the home page, "/tags/go" for a term. It is lower-cased
	// with spaces as '-' (Config.DisablePathToLower keeps the case in
	// URLs, not here).
	Path string
	// File is the content file, relative to its content folder
	// ("posts/hello.fr.md"), or "" for a page with no file (a section
	// without _index.md, a taxonomy, a term without _index.md).
	File string
	// FSPath is the file's name in the fs.FS given to Load
	// ("content/posts/hello.fr.md"), or "".
	FSPath string
	// Lang is the page's language code.
	Lang string

	Title     string // the front matter title, or Hugo's title for a page without one (a section's name, a term as first written)
	LinkTitle string // linkTitle, or else Title
	// Section is the first folder of the page's path ("posts"), "" for
	// the home page and pages at the root; for a taxonomy or term, the
	// taxonomy's plural name.
	Section string
	// Parent is the page that lists this one: the nearest section above
	// it (or the home page) for pages and sections, the taxonomy for a
	// term. Nil for the home page.
	Parent *Page
	// CurrentSection is the page itself for the home page, sections,
	// taxonomies and terms, and Parent for a regular page.
	CurrentSection *Page
	BundleType     BundleType

	// RelPermalink is the page's URL path, BaseURL's path included
	// ("/blog/posts/hello/"); Permalink is the absolute URL. Both are
	// "" for a page that is not rendered (headless, or build.render
	// never).
	RelPermalink, Permalink string
	// OutputPath is the file the page is written to, relative to the
	// publish folder: "posts/hello/index.html", "posts/hello.html" with
	// UglyURLs. "" when the page is not rendered.
	OutputPath string
	// Aliases are the page's aliases, resolved against its URL and
	// prefixed with its language as Hugo does ("/en/old-post"); each has
	// an Alias in Site.Aliases.
	Aliases []string

	// Translations are the same page in the other languages, in
	// language order: pages with the same Path, or the same
	// translationKey.
	Translations []*Page
	// Resources are the files of a page bundle other than its index
	// file, in name order: for a leaf bundle every file under its
	// folder, for a branch bundle the non-content files in its folder.
	Resources []*Resource

	Weight int       // front matter weight
	Date   time.Time // front matter date; for a list page without one, the newest date of the pages it lists
	// Draft, Status: the page's publish state at Config.Now. Pages whose
	// state the Config does not build are in Site.Skipped, not in the
	// tree.
	Draft  bool
	Status post.Status
	// Headless is set for a page that is not rendered (headless: true,
	// build.render never or link); its resources are still published.
	// With build.render link the page keeps its RelPermalink and
	// Permalink but has no OutputPath.
	Headless bool

	// Post is the parsed content file; nil for a page with no file.
	Post *post.Post

	// Pages are the pages this one lists, in Hugo's default order
	// (weight, then date newest first, then link title, then path): for
	// the home page and sections their sections and regular pages, for a
	// taxonomy its terms, for a term the pages that have it.
	Pages []*Page
	// RegularPages are the regular pages among Pages; for a term, all of
	// Pages (sections and the home page too), as in Hugo.
	RegularPages []*Page
	// Term is set on term pages.
	Term *Term

	site        *Site
	slug        string
	key         string         // translation group
	inSection   int            // index in CurrentSection.RegularPages
	listed      bool           // in lists (false for build.list never and local)
	listLocal   bool           // in its section's lists only (build.list local)
	linkOnly    bool           // not rendered, but has a URL (build.render link)
	noResources bool           // build.publishResources false
	build       map[string]any // its own build options
	rendered    bool
	keep        bool   // kept in the tree (built)
	stem        string // its file's name without extension and language, for :filename dates
	warnedBuild bool   // its _build key was reported
	langIndex   int
	dir         string // the page's folder, under its content folder, as written
	root        string // the content folder of its file, "" for a page with no file
	raw         string // Path with the case of the names it is made of, for DisablePathToLower

	target      string // URL path without base path or language prefix
	explicitURL bool   // target comes from the front matter url
}

// IsHome reports whether p is a home page, as Hugo's .IsHome.
func (p *Page) IsHome() bool { return p.Kind == KindHome }

// IsSection reports whether p is a section page, as Hugo's .IsSection.
func (p *Page) IsSection() bool { return p.Kind == KindSection }

// IsPage reports whether p is a regular page, as Hugo's .IsPage.
func (p *Page) IsPage() bool { return p.Kind == KindPage }

// IsNode reports whether p lists other pages (every kind but page), as
// Hugo's .IsNode.
func (p *Page) IsNode() bool { return p.Kind != KindPage }

// PrevInSection and NextInSection are the regular pages around p in its
// section's RegularPages, with Hugo's orientation: PrevInSection is the
// page after p in that list (older, in date order), NextInSection the page
// before it. Nil at either end and for pages that are not regular pages.
func (p *Page) PrevInSection() *Page {
	if p.Kind != KindPage || p.CurrentSection == nil || p.inSection < 0 {
		return nil
	}
	list := p.CurrentSection.RegularPages
	if i := p.inSection + 1; i < len(list) {
		return list[i]
	}
	return nil
}

// NextInSection: see PrevInSection.
func (p *Page) NextInSection() *Page {
	if p.Kind != KindPage || p.CurrentSection == nil || p.inSection <= 0 {
		return nil
	}
	return p.CurrentSection.RegularPages[p.inSection-1]
}

// Sections returns the names of the sections p is in, outermost first:
// ["docs", "guide"] for a page of the section /docs/guide. Empty for the
// home page and pages at the root.
func (p *Page) Sections() []string { return p.sectionNames() }

// Site returns the site the page belongs to.
func (p *Page) Site() *Site { return p.site }

// Resource is a file of a page bundle that is not the bundle's index.
type Resource struct {
	// Name is the file's path relative to its bundle ("sub/note.txt").
	Name string
	// FSPath is its name in the fs.FS given to Load.
	FSPath string
	// Lang is the language its name carries ("only.fr.txt"), or "".
	Lang string
	// Content is set for a content file (a .md file inside a leaf
	// bundle): such a resource is not published and has no URL.
	Content bool
	// RelPermalink, Permalink and OutputPath say where the file is
	// published: next to the page of its bundle (one copy, shared by the
	// bundle's translations unless its name carries a language).
	RelPermalink, Permalink, OutputPath string
}
