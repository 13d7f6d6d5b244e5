package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/collate"

	"github.com/folio-md/folio/post"
)

// contentExts are the file extensions Hugo reads as pages.
var contentExts = map[string]bool{
	"md": true, "markdown": true, "mdown": true, "mkd": true, "mkdn": true,
	"html": true, "htm": true, "org": true, "adoc": true, "asciidoc": true, "ad": true,
	"rst": true, "pdc": true, "pandoc": true,
}

// srcFile is a file found under a content folder.
type srcFile struct {
	fsPath   string // name in the fs.FS
	rel      string // path under its content folder, as written
	dir      string // rel's folder, "" at the root
	base     string // file name
	name     string // file name without extension and language
	lang     int    // language index, from the name or the content folder
	named    bool   // the language comes from the name
	content  bool   // a content file (by extension)
	root     string // the mount it was found under, as a key
	disabled bool   // in a disabled language
	fallback bool   // from a mount in several languages: a page an earlier mount gives wins, unreported
}

// Load reads the content tree under cfg.ContentDir (and the languages'
// own content folders) in fsys and builds the site as Hugo 0.165 would:
// its pages, sections, taxonomies and terms in every language, their
// URLs, translations, resources, aliases and order.
//
// Load returns an error alone when the configuration cannot be used (an
// unknown permalink token, a default language that is not declared) or a
// folder cannot be read. Problems with single files (front matter that
// does not parse, two index files in one bundle) leave those files out,
// and Load returns the site with an error joining one *post.ParseError or
// *Error per problem; warnings are in Site.Diagnostics.
func Load(fsys fs.FS, cfg Config) (*Site, error) {
	s, err := newSettings(cfg)
	if err != nil {
		return nil, err
	}
	site := &Site{
		Languages:       s.langs,
		DefaultLanguage: s.defaultLang,
		cfg:             s,
		byPost:          map[*post.Post]*Page{},
		byFile:          map[string][]*Page{},
	}
	l := &loader{site: site, s: s, fsys: fsys}
	if err := l.walk(); err != nil {
		return nil, err
	}
	l.makePages()
	l.build()
	if len(l.errs) > 0 {
		return site, errors.Join(l.errs...)
	}
	return site, nil
}

type loader struct {
	site  *Site
	s     *settings
	fsys  fs.FS
	files []*srcFile
	errs  []error

	nodes    []map[string]*Page // per language: every page by path, skipped sections included
	leafDirs map[string]bool    // root+dir of leaf bundles
	pages    []*Page            // from files, in file order
	bundles  map[string][]*Page // leaf bundle dir key -> its pages (one per language)
	resFiles []*srcFile
	collator *collate.Collator // the default language's, for orders across languages
}

func (l *loader) errorf(f *srcFile, cause error, format string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: post.Position{Path: f.fsPath, Line: 1, Column: 1}, Err: fmt.Errorf("%w: "+format, append([]any{cause}, args...)...)})
}

func (l *loader) warn(file string, format string, args ...any) {
	l.site.Diagnostics = append(l.site.Diagnostics, Diagnostic{Pos: post.Position{Path: file, Line: 1, Column: 1}, Message: fmt.Sprintf(format, args...)})
}

// walk lists the files of every content folder.
func (l *loader) walk() error {
	type root struct {
		dir    string // folder in fsys
		prefix string // where it is mounted in the content tree, "" or "docs/"
		lang   int
		// fallback: the mount is in several languages, and this is not
		// the first of them; files named for a language are read once.
		fallback bool
		multi    bool // the mount is in several languages
	}
	var roots []root
	defaultLang := l.s.langIndex[l.s.defaultLang]
	if len(l.s.mounts) > 0 {
		for _, m := range l.s.mounts {
			src := strings.ReplaceAll(m.Source, "\\", "/")
			if path.IsAbs(src) || src == ".." || strings.HasPrefix(path.Clean(src), "../") {
				l.warn(m.Source, "the mount %s -> %s is outside the site's folder; it is not read", m.Source, m.Target)
				continue
			}
			codes := m.Langs
			if len(codes) == 0 {
				codes = []string{m.Lang}
			}
			prefix := strings.Trim(strings.TrimPrefix(strings.Trim(m.Target, "/"), "content"), "/")
			if prefix != "" {
				prefix += "/"
			}
			first := true
			for _, code := range codes {
				lang := defaultLang
				if code != "" {
					li, ok := l.s.langIndex[strings.ToLower(code)]
					if !ok {
						continue // a language the site does not build
					}
					lang = li
				}
				roots = append(roots, root{cleanDir(src), prefix, lang, !first, len(codes) > 1})
				first = false
			}
		}
	} else {
		seen := map[string]bool{}
		mainUsed := false
		for i, d := range l.s.contentDirs {
			if d == "" {
				mainUsed = true
				continue
			}
			if !seen[d] {
				seen[d] = true
				roots = append(roots, root{dir: d, lang: i})
			}
		}
		if mainUsed && !seen[l.s.ContentDir] {
			roots = append([]root{{dir: l.s.ContentDir, lang: defaultLang}}, roots...)
		}
	}
	for _, r := range roots {
		err := fs.WalkDir(l.fsys, r.dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == r.dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if p != r.dir && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			rel := p
			if r.dir != "." {
				rel = strings.TrimPrefix(p, r.dir+"/")
			}
			prefix := r.prefix
			if r.dir == p {
				// A mount of a single file: the target is its name.
				rel, prefix = strings.TrimSuffix(r.prefix, "/"), ""
				if rel == "" {
					rel = path.Base(p)
				}
			}
			for _, rx := range l.s.ignore {
				if rx.MatchString(p) {
					return nil
				}
			}
			f := l.newFile(p, prefix+rel, r.lang)
			if f.disabled || r.fallback && (f.named || !f.content) {
				// A file of a disabled language, or read already: a
				// mount in several languages has its pages in each,
				// and its resources once, shared as Hugo does.
				return nil
			}
			f.fallback = r.multi
			f.root = r.dir + "\x00" + r.prefix + "\x00"
			l.files = append(l.files, f)
			return nil
		})
		if err != nil {
			return fmt.Errorf("content: %w", err)
		}
	}
	return nil
}

func cleanDir(d string) string {
	d = path.Clean("/" + strings.ReplaceAll(d, "\\", "/"))
	if d == "/" {
		return "."
	}
	return d[1:]
}

func (l *loader) newFile(fsPath, rel string, rootLang int) *srcFile {
	f := &srcFile{fsPath: fsPath, rel: rel, lang: rootLang}
	f.dir, f.base = path.Split(rel)
	f.dir = strings.TrimSuffix(f.dir, "/")
	ext := path.Ext(f.base)
	stem := strings.TrimSuffix(f.base, ext)
	f.content = contentExts[strings.ToLower(strings.TrimPrefix(ext, "."))]
	if i := strings.LastIndexByte(stem, '.'); i > 0 {
		code := strings.ToLower(stem[i+1:])
		if li, ok := l.s.langIndex[code]; ok {
			f.lang, f.named = li, true
			stem = stem[:i]
		} else if l.s.disabledLangs[code] {
			f.disabled = true
		}
	}
	f.name = stem
	return f
}

// makePages turns content files into pages and sets resources aside.
func (l *loader) makePages() {
	s := l.s
	l.nodes = make([]map[string]*Page, len(s.langs))
	for i := range l.nodes {
		l.nodes[i] = map[string]*Page{}
	}
	// Leaf bundles: folders with an index content file.
	l.leafDirs = map[string]bool{}
	for _, f := range l.files {
		if f.content && f.name == "index" {
			l.leafDirs[rootOf(f)+f.dir] = true
		}
	}
	l.bundles = map[string][]*Page{}
	parsed := l.parseAll()
	seenIndex := map[string]*srcFile{}
	for _, f := range l.files {
		if strings.HasPrefix(f.base, "_content.") {
			l.warn(f.fsPath, "content adapters (%s) are not run; the pages it would add are missing", f.base)
			continue
		}
		leaf := l.leafOf(f)
		isIndex := f.content && (f.name == "index" || f.name == "_index") && (leaf == "" || leaf == rootOf(f)+f.dir)
		if !isIndex && (leaf != "" || !f.content) {
			l.resFiles = append(l.resFiles, f)
			continue
		}
		if isIndex {
			key := fmt.Sprintf("%s%s\x00%d", rootOf(f), f.dir, f.lang)
			if first := seenIndex[key]; first != nil {
				l.errorf(f, ErrTwoIndexFiles, "%s and %s are both the index of %q", first.base, f.base, "/"+f.dir)
				continue
			}
			seenIndex[key] = f
		}
		p := &Page{
			Kind: KindPage, File: f.rel, FSPath: f.fsPath, langIndex: f.lang,
			Lang: s.langs[f.lang].Code, inSection: -1, listed: true, rendered: true, keep: true, dir: f.dir, root: rootOf(f),
		}
		switch {
		case f.name == "index":
			p.BundleType = LeafBundle
			p.Path = "/" + f.dir
			if f.dir == "" {
				// Hugo warns about it, but builds it: the home page as a
				// leaf bundle, every other file its resource.
				p.Kind = KindHome
				l.warn(f.fsPath, "index.md at the root makes the home page a leaf bundle: every other file of the content folder is its resource, not a page (use _index.md)")
			}
		case f.name == "_index":
			p.BundleType = BranchBundle
			p.Kind = KindSection
			p.Path = "/" + f.dir
			if f.dir == "" {
				p.Kind, p.Path = KindHome, "/"
			}
		default:
			p.Path = "/" + path.Join(f.dir, f.name)
		}
		p.raw = normalizePath(p.Path, true)
		p.Path = normalizePath(p.Path, false)
		if p.Kind == KindSection {
			top, rest, nested := strings.Cut(strings.TrimPrefix(p.Path, "/"), "/")
			if _, ok := s.taxonomyByPlural(f.lang, top); ok {
				p.Kind = KindTaxonomy
				if nested && rest != "" {
					p.Kind = KindTerm
				}
			}
		}
		if other := l.nodes[f.lang][p.Path]; other != nil {
			if f.fallback {
				continue
			}
			l.warn(f.fsPath, "%s is the page %s in %q already (%s); this file is left out", f.rel, p.Path, p.Lang, other.File)
			continue
		}
		pp, err := parsed[f].post, parsed[f].err
		if err != nil {
			l.errs = append(l.errs, err)
			continue
		}
		p.stem = stemOf(f)
		l.setFromPost(p, pp, p.stem)
		l.nodes[f.lang][p.Path] = p
		l.pages = append(l.pages, p)
		if p.BundleType == LeafBundle {
			k := rootOf(f) + f.dir
			l.bundles[k] = append(l.bundles[k], p)
		}
	}
	// Cascaded front matter first (all of it is known now), then the
	// build options.
	for _, p := range l.pages {
		if l.applyCascade(p) {
			p.keep = true
			l.setFromPost(p, p.Post, p.stem)
		}
	}
	for _, p := range l.pages {
		l.applyBuild(p, l.cascadedBuild(p))
	}
}

// cascadedKeys are the front matter keys a cascade gives to the pages
// under it that do not set them, besides build: those that decide
// whether a page is built and where.
var cascadedKeys = []string{"draft", "date", "publishdate", "expirydate", "lastmod", "slug", "url", "weight", "aliases"}

// applyCascade sets the cascadedKeys of p's front matter that p does not
// set itself from the nearest cascade that has them (its own, as a
// section, then its sections', the home page's and the configuration's),
// as Hugo does; it reports whether it changed anything.
func (l *loader) applyCascade(p *Page) bool {
	if p.Post == nil {
		return false
	}
	var sources []any
	if p.Kind != KindPage {
		sources = append(sources, p.Post.Params["cascade"])
	}
	nodes := l.nodes[p.langIndex]
	for dir := p.Path; dir != "/"; {
		if i := strings.LastIndexByte(dir, '/'); i <= 0 {
			dir = "/"
		} else {
			dir = dir[:i]
		}
		if q := nodes[dir]; q != nil && q.Post != nil && q.Kind != KindPage {
			sources = append(sources, q.Post.Params["cascade"])
		}
	}
	sources = append(sources, l.s.Cascade)
	fm := &p.Post.FrontMatter
	changed := false
	for _, key := range cascadedKeys {
		if setsKey(p.Post, key) {
			continue
		}
		v, ok := cascadeValue(sources, key, p)
		if !ok {
			continue
		}
		switch key {
		case "draft":
			if b, ok := v.(bool); ok {
				fm.Draft = b
			}
		case "date", "publishdate", "expirydate", "lastmod":
			t, ok := cascadeTime(v)
			if !ok {
				continue
			}
			switch key {
			case "date":
				fm.Date = t
				if !setsKey(p.Post, "publishdate") && fm.PublishDate.IsZero() {
					fm.PublishDate = t
				}
			case "publishdate":
				fm.PublishDate = t
			case "expirydate":
				fm.ExpiryDate = t
			case "lastmod":
				fm.Lastmod = t
			}
		case "slug":
			fm.Slug = str(v)
		case "url":
			fm.URL = str(v)
		case "weight":
			if w, ok := toInt(v); ok {
				fm.Weight = w
			}
		case "aliases":
			fm.Aliases = termNames(v)
		}
		changed = true
	}
	return changed
}

// keyNames are the front matter names Hugo reads for a cascaded key.
var keyNames = map[string][]string{
	"publishdate": {"publishdate", "pubdate", "published"},
	"expirydate":  {"expirydate", "unpublishdate"},
	"lastmod":     {"lastmod", "modified"},
}

// setsKey reports whether pp's own front matter sets key (by any of its
// names).
func setsKey(pp *post.Post, key string) bool {
	names := keyNames[key]
	if names == nil {
		names = []string{key}
	}
	for _, n := range names {
		if _, _, ok := pp.Position(n); ok {
			return true
		}
	}
	return false
}

// cascadeValue finds key in the first of sources (cascade values: a map,
// or a list of maps with targets) that has it for p.
func cascadeValue(sources []any, key string, p *Page) (any, bool) {
	for _, src := range sources {
		for _, e := range cascadeEntries(src) {
			var target map[string]any
			var val any
			found := false
			for k, v := range e {
				switch lk := strings.ToLower(k); {
				case lk == "target" || lk == "_target":
					target, _ = v.(map[string]any)
				case lk == key:
					val, found = v, true
				}
			}
			if found && cascadeTargets(target, p) {
				return val, true
			}
		}
	}
	return nil, false
}

// cascadeTime reads a cascaded date: a time, or a string in one of the
// forms front matter dates take most often.
func cascadeTime(v any) (time.Time, bool) {
	switch v := v.(type) {
	case time.Time:
		return v, true
	case string:
		for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// applyBuild sets p's build options (Hugo's build front matter: render
// always, never or link; list always, never or local;
// publishResources), from cascade merged under its own.
func (l *loader) applyBuild(p *Page, cascaded map[string]any) {
	b := map[string]any{}
	for k, v := range cascaded {
		b[strings.ToLower(k)] = v
	}
	for k, v := range p.build {
		b[strings.ToLower(k)] = v
	}
	switch v := strings.ToLower(fmt.Sprint(b["render"])); v {
	case "never", "false":
		p.Headless = true
	case "link":
		p.Headless, p.linkOnly = true, true
	}
	switch v := strings.ToLower(fmt.Sprint(b["list"])); v {
	case "never", "false":
		p.listed = false
	case "local":
		p.listed, p.listLocal = false, true
	}
	if v, ok := b["publishresources"].(bool); ok && !v {
		p.noResources = true
	}
	if p.Post != nil && p.Post.FrontMatter.Headless {
		p.listed, p.listLocal = false, false
	}
	if p.Headless {
		p.rendered = false
	}
}

// cascadedBuild returns the build options that reach p through cascade:
// from the nearest section above it (or the home page, or the site's
// configuration) whose cascade has build options for p's kind and path;
// a section's or the home page's own cascade first.
func (l *loader) cascadedBuild(p *Page) map[string]any {
	nodes := l.nodes[p.langIndex]
	// A section's cascade applies to the section too (its own build
	// options win, applyBuild merges them on top).
	if p.Kind != KindPage && p.Post != nil {
		if b := cascadeBuild(p.Post.Params["cascade"], p); b != nil {
			return b
		}
	}
	dir := p.Path
	for dir != "/" {
		i := strings.LastIndexByte(dir, '/')
		if i <= 0 {
			dir = "/"
		} else {
			dir = dir[:i]
		}
		q := nodes[dir]
		if q == nil || q.Post == nil || q.Kind == KindPage {
			continue
		}
		if b := cascadeBuild(q.Post.Params["cascade"], p); b != nil {
			return b
		}
	}
	return cascadeBuild(l.s.Cascade, p)
}

// cascadeBuild finds build options for p in a cascade value: a map, or a
// list of maps, each with an optional target (_target) of kind, path and
// lang globs.
func cascadeBuild(v any, p *Page) map[string]any {
	for _, e := range cascadeEntries(v) {
		var build map[string]any
		var target map[string]any
		for k, v := range e {
			switch strings.ToLower(k) {
			case "build", "_build":
				build, _ = v.(map[string]any)
			case "target", "_target":
				target, _ = v.(map[string]any)
			}
		}
		if build == nil || !cascadeTargets(target, p) {
			continue
		}
		return build
	}
	return nil
}

// cascadeEntries are the maps of a cascade value: itself, or the maps
// of a list.
func cascadeEntries(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []any:
		var entries []map[string]any
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				entries = append(entries, m)
			}
		}
		return entries
	case []map[string]any:
		return v
	}
	return nil
}

func cascadeTargets(target map[string]any, p *Page) bool {
	for k, v := range target {
		pattern, _ := v.(string)
		if pattern == "" {
			continue
		}
		var subject string
		switch strings.ToLower(k) {
		case "kind":
			subject = string(p.Kind)
		case "path":
			subject = p.Path
		case "lang":
			subject = p.Lang
		default:
			continue
		}
		if !globMatch(strings.ToLower(pattern), subject) {
			return false
		}
	}
	return true
}

// globMatch matches s against a glob with *, ** and {a,b}, as Hugo's
// cascade targets do: * stops at '/', ** does not.
func globMatch(pattern, s string) bool {
	if i := strings.IndexByte(pattern, '{'); i >= 0 {
		if j := strings.IndexByte(pattern[i:], '}'); j > 0 {
			for alt := range strings.SplitSeq(pattern[i+1:i+j], ",") {
				if globMatch(pattern[:i]+alt+pattern[i+j+1:], s) {
					return true
				}
			}
			return false
		}
	}
	return globRest(pattern, s, 0)
}

func globRest(pattern, s string, depth int) bool {
	if depth > 32 {
		return false
	}
	for len(pattern) > 0 {
		switch {
		case strings.HasPrefix(pattern, "**"):
			rest := strings.TrimPrefix(pattern[2:], "/")
			if rest == "" {
				return true
			}
			for i := 0; i <= len(s); i++ {
				if (i == 0 || s[i-1] == '/') && globRest(rest, s[i:], depth+1) {
					return true
				}
			}
			return false
		case pattern[0] == '*':
			for i := 0; i <= len(s); i++ {
				if globRest(pattern[1:], s[i:], depth+1) {
					return true
				}
				if i < len(s) && s[i] == '/' {
					return false
				}
			}
			return false
		case len(s) == 0 || pattern[0] != s[0]:
			return false
		}
		pattern, s = pattern[1:], s[1:]
	}
	return s == ""
}

func rootOf(f *srcFile) string { return f.root }

type parseResult struct {
	post *post.Post
	err  error
}

// parseAll reads and parses every content file that can be a page, on
// runtime.GOMAXPROCS workers: reading files is most of Load's time.
func (l *loader) parseAll() map[*srcFile]parseResult {
	var todo []*srcFile
	for _, f := range l.files {
		if f.content && !strings.HasPrefix(f.base, "_content.") {
			if leaf := l.leafOf(f); leaf == "" || f.name == "index" && leaf == rootOf(f)+f.dir {
				todo = append(todo, f)
			}
		}
	}
	results := make([]parseResult, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(todo), 1)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(todo) {
					return
				}
				f := todo[i]
				pp, err := post.ParseFile(l.fsys, f.fsPath, post.WithPath(f.fsPath))
				results[i] = parseResult{pp, err}
			}
		})
	}
	wg.Wait()
	out := make(map[*srcFile]parseResult, len(todo))
	for i, f := range todo {
		out[f] = results[i]
	}
	return out
}

// stemOf is the name a file gives its page: its name without extension
// and language, or its folder's for an index file.
func stemOf(f *srcFile) string {
	if f.name == "index" || f.name == "_index" {
		_, dir := splitLast("/" + f.dir)
		return dir
	}
	return f.name
}

// dateFromName reads a YYYY-MM-DD prefix of a file name, and the rest
// of the name after it without separators: "2024-03-01-hello" is
// 2024-03-01 and "hello".
func dateFromName(stem string) (time.Time, string, bool) {
	if len(stem) < 10 {
		return time.Time{}, "", false
	}
	d, err := time.Parse("2006-01-02", stem[:10])
	if err != nil {
		return time.Time{}, "", false
	}
	return d, strings.Trim(stem[10:], "-_ "), true
}

// leafOf returns the key of the outermost leaf bundle f is in (its own
// folder included), or "".
func (l *loader) leafOf(f *srcFile) string {
	root := rootOf(f)
	if l.leafDirs[root] {
		return root // index.md at the root: the home page is a leaf bundle
	}
	if f.dir == "" {
		return ""
	}
	for i := 1; i <= len(f.dir); i++ {
		if i == len(f.dir) || f.dir[i] == '/' {
			if k := root + f.dir[:i]; l.leafDirs[k] {
				return k
			}
		}
	}
	return ""
}

// setFromPost fills p's front matter fields and publish state.
func (l *loader) setFromPost(p *Page, pp *post.Post, stem string) {
	s := l.s
	fm := &pp.FrontMatter
	p.Post = pp
	p.Title = fm.Title
	p.LinkTitle = fm.LinkTitle
	p.Weight = fm.Weight
	p.Date = fm.Date
	p.Draft = fm.Draft
	if fm.Slug != "" {
		p.slug = normalizePath(strings.Trim(fm.Slug, "-"), s.DisablePathToLower)
	}
	if s.DateFromFilename {
		if d, rest, ok := dateFromName(stem); ok {
			p.Date = d
			if fm.Slug == "" && rest != "" {
				p.slug = normalizePath(rest, s.DisablePathToLower)
			}
		}
	}
	p.Headless = fm.Headless
	p.build, _ = pp.Params["build"].(map[string]any)
	if old, ok := pp.Params["_build"].(map[string]any); ok && p.build == nil {
		// Hugo 0.145 removed _build, and Hugo 0.165 stops the build at
		// it; folio takes it as build, and says so.
		p.build = old
		if !p.warnedBuild {
			p.warnedBuild = true
			l.site.Diagnostics = append(l.site.Diagnostics, Diagnostic{Pos: keyPos(pp, "_build"),
				Message: `"_build" was removed in Hugo 0.145 (Hugo 0.165 stops at it); rename it "build" (folio reads it as build)`})
		}
	}
	p.Status = pp.Status(s.Now)
	q := *pp
	for {
		switch q.Status(s.Now) {
		case post.Draft:
			if !s.BuildDrafts {
				p.keep = false
				return
			}
			q.FrontMatter.Draft = false
			continue
		case post.Expired:
			if !s.BuildExpired {
				p.keep = false
				return
			}
			q.FrontMatter.ExpiryDate = time.Time{}
			continue
		case post.Future:
			if !s.BuildFuture {
				p.keep = false
				return
			}
			q.FrontMatter.PublishDate = time.Time{}
			continue
		}
		return
	}
}
