package content

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Config holds the Hugo settings that decide a site's pages and URLs.
// Its zero value is Hugo's default configuration for a site whose content
// is in the folder "content": one language, "en", at the root; the
// taxonomies tags and categories; pretty URLs; drafts, future and expired
// pages left out.
type Config struct {
	// BaseURL is the site's absolute URL ("https://example.org/blog/").
	// Permalink is BaseURL joined with the page's path; RelPermalink
	// starts with BaseURL's path ("/blog/..."). Empty means "/".
	BaseURL string
	// Title is the site's title, the home page's title when there is no
	// _index.md.
	Title string
	// Params are the site's [params], keys lower-cased as Hugo reads
	// them: what a param shortcode falls back to (render.WithSiteParams).
	// Load does not read them.
	Params map[string]any
	// ContentDir is the folder of the content in the fs.FS given to Load
	// (Hugo's contentDir). Empty means "content"; "." means the root of
	// the fs.FS is the content folder.
	ContentDir string

	// Mounts, when any has a target in the content tree ("content" or
	// "content/docs"), replace ContentDir and the languages' content
	// folders, as Hugo's module mounts do.
	Mounts []Mount

	// Languages are the site's languages; none means one language,
	// DefaultContentLanguage. Pages are listed in language weight order.
	Languages []Language
	// DefaultContentLanguage is the language of files with no language
	// in their name; empty means "en".
	DefaultContentLanguage string
	// DefaultContentLanguageInSubdir puts the default language under its
	// own prefix ("/en/") too, with a redirect at the root.
	DefaultContentLanguageInSubdir bool

	// Permalinks are URL patterns per kind of page and section or
	// taxonomy: Permalinks.Page["posts"] = "/:year/:month/:slug/". A
	// pattern with an unknown :token is an error from Load.
	Permalinks Permalinks
	// UglyURLs writes pages as /posts/hello.html instead of
	// /posts/hello/index.html.
	UglyURLs bool
	// IgnoreFiles are regular expressions (Go syntax) of content files to
	// leave out, matched against the file's name in the fs.FS, as Hugo's
	// ignoreFiles.
	IgnoreFiles []string

	// DisableKinds are kinds of page that are not built ("section",
	// "taxonomy", "term", "home", "page"), as Hugo's disableKinds.
	DisableKinds []string
	// DateFromFilename is Hugo's [frontmatter] date = [":filename", ...]:
	// a file (or bundle folder) named 2024-03-01-hello takes its date
	// from its name, and its slug from the rest ("hello") unless the
	// front matter sets one.
	DateFromFilename bool

	// LastmodFromFileModTime is Hugo's [frontmatter] lastmod with
	// :fileModTime in it: every content file then gives its page a last
	// modification date, so a section or home page with an _index file
	// keeps the date of its own front matter (none, often) instead of
	// taking its newest page's. (Lastmod itself is not computed.)
	LastmodFromFileModTime bool

	// DisableAliases resolves aliases (Page.Aliases) but writes no
	// redirect pages for them: Site.Aliases holds only the language root
	// redirects.
	DisableAliases bool
	// DisablePathToLower keeps the case of file names in paths and URLs.
	DisablePathToLower bool
	// DisablePluralizeListTitles titles a section with no _index.md by its
	// name ("Post") instead of its plural ("Posts").
	DisablePluralizeListTitles bool
	// DisableCapitalizeListTitles keeps those automatic titles (of
	// sections without _index.md, taxonomies and terms) as written
	// ("tags", "hugo tips"), as Hugo's capitalizeListTitles = false.
	DisableCapitalizeListTitles bool
	// TitleCaseStyle is how automatic titles are capitalized, as Hugo's
	// titleCaseStyle: "" or "ap" (and "chicago", treated as "ap") capitalize
	// each word but short ones inside the title ("The Lord of the
	// Rings"), "go" every word, "firstupper" only the first letter,
	// "none" nothing.
	TitleCaseStyle string

	// Cascade is the site's cascade (Hugo's [[cascade]] in the
	// configuration): a map or a list of maps; only their build options
	// (with their target) are used here.
	Cascade any

	// Taxonomies maps each taxonomy's singular name to its plural, which
	// is the front matter key and the URL segment: {"tag": "tags"}. Nil
	// means Hugo's default, tags and categories; an empty, non-nil map
	// means no taxonomies.
	Taxonomies map[string]string

	// BuildDrafts, BuildFuture and BuildExpired keep pages that Hugo
	// leaves out by default (hugo --buildDrafts and so on).
	BuildDrafts, BuildFuture, BuildExpired bool
	// Now is the time publish dates and expiry dates are compared with;
	// the zero value means time.Now() when Load runs.
	Now time.Time
}

// Mount is a folder (or a file) of fsys mounted into the site, as Hugo's
// [[module.mounts]]: Source "content/en" at Target "content" makes its
// files the site's content, in Lang ("" for the default language). A
// file mounted at "content/about.md" is that page. A Source outside fsys
// ("../README.md") is not read, and reported.
type Mount struct {
	Source, Target, Lang string
	// Langs, when it has more than one language, makes the mount's files
	// pages of each of them (Hugo's sites.matrix.languages): a path an
	// earlier mount gives in a language is kept, as Hugo falls back to
	// such a mount only for what a language lacks.
	Langs []string
}

// Language is one language of a multilingual site.
type Language struct {
	Code       string // "en", "fr", "pt-br": the suffix of translated files and the URL prefix
	Title      string // the language's site title, used for its home page when it has no _index.md
	Weight     int    // languages are ordered by weight, then code
	ContentDir string // the language's own content folder, if any (Hugo's contentDir per language)
	// Disabled leaves the language out: its files (hello.de.md, its
	// content folder) are not read.
	Disabled bool
	// Taxonomies, when not nil, replace Config.Taxonomies for this
	// language (Hugo's languages.fr.taxonomies); an empty map means none.
	Taxonomies map[string]string
	// Permalinks, when not nil, replace Config.Permalinks as a whole for
	// this language (Hugo's languages.fr.permalinks).
	Permalinks *Permalinks
}

// Permalinks are URL patterns by kind of page, each keyed by section (for
// pages and sections) or by taxonomy (plural name, for taxonomies and
// terms). A pattern is a path with tokens: :year, :month, :monthname,
// :day, :weekday, :weekdayname, :yearday, :section, :sections (also
// :sections[1:], :sections[last]), :title, :slug, :slugorfilename,
// :slugorcontentbasename, :filename, :contentbasename and :lang.
type Permalinks struct {
	Page, Section, Taxonomy, Term map[string]string
}

// site-wide settings with defaults filled in, computed once by Load.
type settings struct {
	Config
	langs         []Language // by weight
	defaultLang   string
	multi         bool
	basePath      string                           // BaseURL's path, "/" or "/blog/"
	baseURL       string                           // BaseURL without its trailing slash
	taxonomies    [][]taxonomyName                 // per language, by plural
	patterns      []map[string]map[string]*pattern // per language: kind -> key -> pattern
	langIndex     map[string]int
	contentDirs   []string // per language, "" when the language has none of its own
	mounts        []Mount  // the mounts into the content tree
	disabledLangs map[string]bool
	ignore        []*regexp.Regexp
}

type taxonomyName struct{ singular, plural string }

func newSettings(c Config) (*settings, error) {
	s := &settings{Config: c}
	if s.ContentDir == "" {
		s.ContentDir = "content"
	}
	s.ContentDir = strings.Trim(s.ContentDir, "/")
	if s.ContentDir == "" {
		s.ContentDir = "."
	}
	s.defaultLang = strings.ToLower(cmp.Or(c.DefaultContentLanguage, "en"))
	s.disabledLangs = map[string]bool{}
	for _, l := range c.Languages {
		if l.Disabled {
			s.disabledLangs[strings.ToLower(l.Code)] = true
		} else {
			s.langs = append(s.langs, l)
		}
	}
	for i := range s.langs {
		s.langs[i].Code = strings.ToLower(s.langs[i].Code)
	}
	if len(s.langs) == 0 {
		s.langs = []Language{{Code: s.defaultLang}}
	}
	slices.SortStableFunc(s.langs, func(a, b Language) int {
		return cmp.Or(cmp.Compare(a.Weight, b.Weight), strings.Compare(a.Code, b.Code))
	})
	s.langIndex = map[string]int{}
	for i, l := range s.langs {
		if l.Code == "" {
			return nil, fmt.Errorf("content: language %d has no code", i+1)
		}
		if _, dup := s.langIndex[l.Code]; dup {
			return nil, fmt.Errorf("content: language %q is declared twice", l.Code)
		}
		s.langIndex[l.Code] = i
	}
	if _, ok := s.langIndex[s.defaultLang]; !ok {
		return nil, fmt.Errorf("content: defaultContentLanguage %q is not one of the languages", s.defaultLang)
	}
	s.multi = len(s.langs) > 1
	for _, m := range c.Mounts {
		t := strings.Trim(m.Target, "/")
		if t == "content" || strings.HasPrefix(t, "content/") {
			s.mounts = append(s.mounts, m)
		}
	}
	for _, l := range s.langs {
		s.contentDirs = append(s.contentDirs, strings.Trim(l.ContentDir, "/"))
	}

	base := strings.TrimSuffix(c.BaseURL, "/")
	s.baseURL = base
	s.basePath = "/"
	if i := strings.Index(base, "://"); i >= 0 {
		rest := base[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			s.basePath = rest[j:] + "/"
		}
	} else if strings.HasPrefix(base, "/") {
		s.basePath = base + "/"
		s.baseURL = ""
	}

	for _, l := range s.langs {
		tx := c.Taxonomies
		if l.Taxonomies != nil {
			tx = l.Taxonomies
		}
		s.taxonomies = append(s.taxonomies, taxonomyNames(tx))
		pl := c.Permalinks
		where := "permalinks"
		if l.Permalinks != nil {
			pl, where = *l.Permalinks, "languages."+l.Code+".permalinks"
		}
		pt, err := parsePatterns(pl, where)
		if err != nil {
			return nil, err
		}
		s.patterns = append(s.patterns, pt)
	}
	for _, re := range c.IgnoreFiles {
		rx, err := regexp.Compile(re)
		if err != nil {
			return nil, fmt.Errorf("content: ignoreFiles: %w", err)
		}
		s.ignore = append(s.ignore, rx)
	}
	if s.Now.IsZero() {
		s.Now = time.Now()
	}
	return s, nil
}

// taxonomyNames are the taxonomies of tx (singular to plural; nil
// means tags and categories), by plural.
func taxonomyNames(tx map[string]string) []taxonomyName {
	if tx == nil {
		tx = map[string]string{"tag": "tags", "category": "categories"}
	}
	var out []taxonomyName
	for sing, pl := range tx {
		if pl = strings.ToLower(strings.TrimSpace(pl)); pl != "" {
			out = append(out, taxonomyName{strings.ToLower(sing), pl})
		}
	}
	slices.SortFunc(out, func(a, b taxonomyName) int { return strings.Compare(a.plural, b.plural) })
	return out
}

// parsePatterns parses the permalink patterns of pl; where names them in
// errors.
func parsePatterns(pl Permalinks, where string) (map[string]map[string]*pattern, error) {
	patterns := map[string]map[string]*pattern{}
	for _, kind := range []Kind{KindPage, KindSection, KindTaxonomy, KindTerm} {
		m := map[Kind]map[string]string{KindPage: pl.Page, KindSection: pl.Section, KindTaxonomy: pl.Taxonomy, KindTerm: pl.Term}[kind]
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p, err := parsePattern(m[k])
			if err != nil {
				return nil, fmt.Errorf("content: %s.%s.%s: %w", where, kind, k, err)
			}
			if patterns[string(kind)] == nil {
				patterns[string(kind)] = map[string]*pattern{}
			}
			patterns[string(kind)][strings.ToLower(k)] = p
		}
	}
	return patterns, nil
}

// langPrefix is the URL prefix of lang: "" for the default language
// (unless DefaultContentLanguageInSubdir), else "/lang".
func (s *settings) langPrefix(lang string) string {
	if !s.multi && !s.DefaultContentLanguageInSubdir {
		return ""
	}
	if lang == s.defaultLang && !s.DefaultContentLanguageInSubdir {
		return ""
	}
	return "/" + lang
}

func (s *settings) taxonomyByPlural(lang int, pl string) (taxonomyName, bool) {
	for _, t := range s.taxonomies[lang] {
		if t.plural == pl {
			return t, true
		}
	}
	return taxonomyName{}, false
}
