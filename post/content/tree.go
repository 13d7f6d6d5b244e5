package content

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/folio-md/folio/post"
)

// build assembles the tree from the pages made of files.
func (l *loader) build() {
	s, site := l.s, l.site
	n := len(s.langs)
	site.byLang = make([]map[string]*Page, n)
	site.homes = make([]*Page, n)
	site.taxonomies = make([]map[string]*Taxonomy, n)

	newNode := func(lang int, kind Kind, p string) *Page {
		pg := &Page{Kind: kind, Path: p, Lang: s.langs[lang].Code, langIndex: lang, BundleType: BranchBundle,
			inSection: -1, listed: true, rendered: true, keep: true}
		l.nodes[lang][p] = pg
		return pg
	}

	// Skipped pages.
	for _, p := range l.pages {
		if !p.keep {
			site.Skipped = append(site.Skipped, p)
		}
	}

	for li := range n {
		nodes := l.nodes[li]
		home := nodes["/"]
		if home == nil {
			home = newNode(li, KindHome, "/")
		}
		if home.Title == "" && home.Post == nil {
			home.Title = cmp.Or(s.langs[li].Title, s.Title)
		}
		site.homes[li] = home
		// Taxonomy pages.
		site.taxonomies[li] = map[string]*Taxonomy{}
		for _, t := range s.taxonomies[li] {
			tp := nodes["/"+t.plural]
			if tp == nil {
				tp = newNode(li, KindTaxonomy, "/"+t.plural)
			}
			tp.Kind = KindTaxonomy
			if tp.Title == "" {
				tp.Title = s.listTitle(t.plural)
			}
			site.taxonomies[li][t.plural] = &Taxonomy{Name: t.singular, Plural: t.plural, Lang: tp.Lang, Page: tp, termsMap: map[string]*Term{},
				key: func(name string) string { return normalizePath(name, false) }}
		}
	}
	// Top-level sections of built pages, made when they have no _index.
	for _, p := range l.pages {
		if !p.keep || p.Kind == KindHome {
			continue
		}
		top, _, nested := strings.Cut(strings.TrimPrefix(p.Path, "/"), "/")
		if !nested && p.Kind == KindPage {
			continue // a page at the root
		}
		if _, ok := s.taxonomyByPlural(p.langIndex, top); ok {
			continue
		}
		if l.nodes[p.langIndex]["/"+top] == nil {
			sec := newNode(p.langIndex, KindSection, "/"+top)
			name := top
			if i := strings.Index(p.dir, "/"); i >= 0 {
				name = p.dir[:i]
			} else if p.dir != "" {
				name = p.dir
			}
			sec.raw = normalizePath("/"+name, true)
			if !s.DisablePluralizeListTitles {
				name = pluralize(name)
			}
			sec.Title = s.listTitle(name)
		}
	}
	// Terms.
	for _, p := range l.pages {
		if !p.keep || p.Kind != KindPage && p.Kind != KindSection && p.Kind != KindHome {
			continue
		}
		for _, t := range s.taxonomies[p.langIndex] {
			tx := site.taxonomies[p.langIndex][t.plural]
			weight, _ := toInt(p.Post.Params[t.plural+"_weight"])
			seen := map[string]bool{}
			for _, name := range termNames(p.Post.Params[t.plural]) {
				key := normalizePath(name, false)
				if strings.Trim(key, "-") == "" || seen[key] {
					continue
				}
				seen[key] = true
				term := tx.termsMap[key]
				if term == nil {
					tp := l.nodes[p.langIndex]["/"+t.plural+"/"+key]
					if tp == nil || tp.Kind != KindTerm {
						tp = newNode(p.langIndex, KindTerm, "/"+t.plural+"/"+key)
						tp.raw = "/" + t.plural + "/" + normalizePath(name, true)
					}
					term = &Term{Name: name, Key: key, Page: tp}
					tp.Term = term
					if tp.Title == "" {
						tp.Title = s.listTitle(name)
					}
					tx.termsMap[key] = term
				}
				term.Weighted = append(term.Weighted, WeightedPage{Weight: weight, Page: p})
			}
		}
	}
	for li := range n {
		for _, tx := range site.taxonomies[li] {
			for _, t := range tx.termsMap {
				tx.Terms = append(tx.Terms, t)
			}
			slices.SortFunc(tx.Terms, func(a, b *Term) int { return strings.Compare(a.Key, b.Key) })
		}
	}

	// Kinds the configuration disables are not built.
	for _, k := range s.DisableKinds {
		for li := range n {
			for _, p := range l.nodes[li] {
				if string(p.Kind) == k {
					p.keep = false
				}
			}
		}
	}

	// Every node: section, parent, listing.
	var all []*Page
	for li := range n {
		paths := make([]string, 0, len(l.nodes[li]))
		for p := range l.nodes[li] {
			paths = append(paths, p)
		}
		slices.Sort(paths)
		for _, p := range paths {
			pg := l.nodes[li][p]
			pg.site = site
			all = append(all, pg)
		}
	}
	for _, p := range all {
		l.place(p)
	}
	// A term page made from an _index file but used by no page still
	// exists in Hugo; give it its taxonomy.
	for _, p := range all {
		if p.Kind == KindTerm && p.Term == nil {
			tx := site.taxonomies[p.langIndex][p.Section]
			_, key := splitLast(p.Path)
			p.Term = &Term{Name: key, Key: key, Page: p}
			if tx != nil {
				tx.termsMap[key] = p.Term
				tx.Terms = append(tx.Terms, p.Term)
			}
		}
	}
	for _, p := range all {
		if p.LinkTitle == "" {
			p.LinkTitle = p.Title
		}
		if !p.keep || !p.listed && !p.listLocal || p.Kind == KindHome || p.Parent == nil {
			continue
		}
		if p.Kind == KindTerm || p.Kind == KindTaxonomy || p.Parent.Kind == KindTerm || p.Parent.Kind == KindTaxonomy {
			continue // terms are listed by their taxonomy; taxonomies, and files under them, by no one
		}
		p.Parent.Pages = append(p.Parent.Pages, p)
	}
	for li := range n {
		for _, tx := range site.taxonomies[li] {
			for _, t := range tx.Terms {
				if t.Page.keep {
					tx.Page.Pages = append(tx.Page.Pages, t.Page)
				}
				for _, w := range t.Weighted {
					if w.Page.listed {
						t.Page.Pages = append(t.Page.Pages, w.Page)
					}
				}
			}
		}
	}
	// Dates of list pages without a date of their own: the newest of what
	// they list, deepest first.
	lists := slices.Clone(all)
	slices.SortStableFunc(lists, func(a, b *Page) int {
		return cmp.Compare(depthOf(b), depthOf(a))
	})
	// A list page's own front matter dates win. A section's is the
	// newest date under it at any depth, not only of what it lists: a
	// subsection dated 2020 holding a page of 2022 makes it 2022.
	newest := map[*Page]time.Time{}
	derive := func(p *Page) {
		latest := p.Date
		for _, c := range p.Pages {
			d := c.Date
			if p.Kind == KindSection && newest[c].After(d) {
				d = newest[c]
			}
			if d.After(latest) {
				latest = d
			}
		}
		if p.Kind == KindSection {
			newest[p] = latest
		}
		if p.Post != nil {
			// Hugo derives the dates of a list page none of whose dates
			// is set: a lastmod or an expiryDate alone keeps it (with
			// lastmod from :fileModTime, every _index file has one).
			fm := &p.Post.FrontMatter
			if !fm.Date.IsZero() && !p.Date.IsZero() || !fm.Lastmod.IsZero() || !fm.ExpiryDate.IsZero() || s.LastmodFromFileModTime {
				return
			}
		}
		p.Date = latest
	}

	// Sections first (a term can list one: tags in a section's
	// _index.md), then terms, then taxonomies and the home page.
	for _, kind := range []Kind{KindSection, KindTerm} {
		for _, p := range lists {
			if p.Kind == kind {
				derive(p)
			}
		}
	}
	for _, p := range lists {
		if p.Kind == KindTaxonomy || p.Kind == KindHome {
			derive(p)
		}
	}
	// The home page's date is the newest of its language, listed or not
	// (with sections disabled it lists nothing).
	for _, p := range all {
		home := site.homes[p.langIndex]
		if p.keep && p.Kind == KindPage && (home.Post == nil || home.Post.FrontMatter.Date.IsZero()) && p.Date.After(home.Date) {
			home.Date = p.Date
		}
	}
	collators := make([]*collate.Collator, n)
	for li := range n {
		collators[li] = collate.New(language.Make(s.langs[li].Code))
	}
	l.collator = collators[s.langIndex[s.defaultLang]]
	for _, p := range all {
		if len(p.Pages) > 1 {
			c := collators[p.langIndex]
			slices.SortStableFunc(p.Pages, func(a, b *Page) int { return defaultOrder(c, a, b) })
		}
		for _, c := range p.Pages {
			// A term's RegularPages are all its pages, sections and the
			// home page included, as Hugo's are.
			if c.Kind == KindPage || p.Kind == KindTerm {
				p.RegularPages = append(p.RegularPages, c)
			}
		}
		if p.Kind != KindTerm && p.Kind != KindTaxonomy {
			for i, c := range p.RegularPages {
				c.inSection = i
			}
		}
		if p.Term != nil && len(p.Term.Weighted) > 1 {
			slices.SortStableFunc(p.Term.Weighted, func(a, b WeightedPage) int {
				if c := cmp.Compare(a.Weight, b.Weight); c != 0 {
					return c
				}
				return defaultOrder(collators[p.langIndex], a.Page, b.Page)
			})
		}
	}

	l.urls(all)
	l.translations(all)
	l.resources()
	l.aliases(all)

	// The site's lists.
	site.Pages = site.Pages[:0]
	for li := range n {
		site.byLang[li] = map[string]*Page{}
	}
	for _, p := range all {
		if !p.keep {
			continue
		}
		site.byLang[p.langIndex][p.Path] = p
		if p.Post != nil {
			site.byPost[p.Post] = p
			k := strings.ToLower(p.File)
			site.byFile[k] = append(site.byFile[k], p)
		}
		if p.listed {
			site.Pages = append(site.Pages, p)
		} else if p.rendered {
			site.Unlisted = append(site.Unlisted, p)
		} else if p.Post != nil {
			site.Headless = append(site.Headless, p)
		}
	}
	siteOrder := func(a, b *Page) int {
		return cmp.Or(cmp.Compare(a.langIndex, b.langIndex), cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)), strings.Compare(a.Path, b.Path))
	}
	slices.SortStableFunc(site.Pages, siteOrder)
	slices.SortStableFunc(site.Unlisted, siteOrder)
	slices.SortStableFunc(site.Headless, siteOrder)
	site.byBase = make([]map[string][]*Page, n)
	for li := range n {
		site.byBase[li] = map[string][]*Page{}
	}
	for _, p := range all {
		if p.keep && p.Kind == KindPage {
			_, base := splitLast(p.Path)
			site.byBase[p.langIndex][base] = append(site.byBase[p.langIndex][base], p)
		}
	}
	l.checkOutputs()
}

func kindRank(k Kind) int {
	switch k {
	case KindHome:
		return 0
	case KindSection:
		return 1
	case KindPage:
		return 2
	case KindTaxonomy:
		return 3
	}
	return 4
}

func depthOf(p *Page) int {
	if p.Path == "/" {
		return 0
	}
	return strings.Count(p.Path, "/")
}

// place sets p's Section, Parent and CurrentSection.
func (l *loader) place(p *Page) {
	nodes := l.nodes[p.langIndex]
	top, _, nested := strings.Cut(strings.TrimPrefix(p.Path, "/"), "/")
	switch p.Kind {
	case KindHome:
		p.CurrentSection = p
		return
	case KindTaxonomy:
		p.Section = top
		p.Parent = nodes["/"]
		p.CurrentSection = p
		return
	case KindTerm:
		p.Section = top
		p.Parent = nodes["/"+top]
		p.CurrentSection = p
		return
	case KindSection:
		p.Section = top
		p.CurrentSection = p
	default:
		if nested {
			p.Section = top
		}
	}
	// The nearest section above.
	dir := p.Path
	for {
		i := strings.LastIndexByte(dir, '/')
		if i <= 0 {
			break
		}
		dir = dir[:i]
		if q := nodes[dir]; q != nil && q.Kind != KindPage {
			p.Parent = q
			break
		}
	}
	if p.Parent == nil {
		p.Parent = nodes["/"]
	}
	if p.Kind == KindPage {
		p.CurrentSection = p.Parent
	}
}

// defaultOrder is Hugo's default page order: by weight (pages with a
// weight first, lowest first), then date (newest first), then link
// title (compared by the language's collation rules), then file or
// path.
func defaultOrder(c *collate.Collator, a, b *Page) int {
	if c := compareWeight(a.Weight, b.Weight); c != 0 {
		return c
	}
	if !a.Date.Equal(b.Date) {
		return b.Date.Compare(a.Date)
	}
	if a.LinkTitle != b.LinkTitle {
		if r := c.CompareString(a.LinkTitle, b.LinkTitle); r != 0 {
			return r
		}
	}
	return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.Path, b.Path))
}

func compareWeight(a, b int) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	}
	return cmp.Compare(a, b)
}

// termNames reads a taxonomy's front matter value: a string or a list.
func termNames(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			switch e := e.(type) {
			case string:
				out = append(out, e)
			case nil:
			default:
				out = append(out, fmt.Sprint(e))
			}
		}
		return out
	}
	return nil
}

func toInt(v any) (int, bool) {
	switch v := v.(type) {
	case int:
		return v, true
	case int64:
		return int(v), true
	case float64:
		return int(v), true
	case string:
		i, err := strconv.Atoi(strings.TrimSpace(v))
		return i, err == nil
	}
	return 0, false
}

// urls computes every page's target, RelPermalink, Permalink and
// OutputPath.
func (l *loader) urls(all []*Page) {
	s := l.s
	for _, p := range all {
		target := l.target(p)
		p.target = target
		if !p.keep || !p.rendered && !p.linkOnly {
			continue
		}
		full := s.langPrefix(p.Lang) + target
		if p.explicitURL {
			full = target
		}
		p.RelPermalink = strings.TrimSuffix(s.basePath, "/") + EscapePath(full)
		p.Permalink = s.baseURL + EscapePath(full)
		if s.baseURL == "" {
			p.Permalink = p.RelPermalink
		}
		if p.rendered {
			p.OutputPath = outputFile(full)
		}
	}
}

// outputFile is the file a page at URL path u is written to.
func outputFile(u string) string {
	u = strings.TrimPrefix(u, "/")
	if u == "" || strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	return u
}

// urlBase is the path a page's URL is made of: Path, or with keepCase
// the path with the case of its file and folder names.
func (p *Page) urlBase(keepCase bool) string {
	if keepCase && p.raw != "" {
		return p.raw
	}
	return p.Path
}

// target is the page's URL path without language prefix or base path.
func (l *loader) target(p *Page) string {
	s := l.s
	keep := s.DisablePathToLower
	if p.Post != nil && p.Post.FrontMatter.URL != "" && p.Kind != KindHome {
		u := p.Post.FrontMatter.URL
		if strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") {
			l.errs = append(l.errs, &Error{Pos: keyPos(p.Post, "url"), Err: fmt.Errorf("%w: url %q must be a path, not an absolute URL", ErrURL, u)})
		} else {
			// A url with a leading slash is the path from the server's
			// root; without, from the language's root.
			p.explicitURL = strings.HasPrefix(u, "/")
			slash := strings.HasSuffix(u, "/")
			u = path.Clean("/" + u) // no way out of the publish folder
			if slash && u != "/" {
				u += "/"
			}
			if !strings.HasSuffix(u, "/") {
				if _, last := splitLast(u); !strings.Contains(last, ".") {
					u += "/"
				}
			}
			return u
		}
	}
	var pt *pattern
	if m := s.patterns[p.langIndex][string(p.Kind)]; m != nil {
		pt = m[p.Section]
	}
	var t string
	switch {
	case p.Kind == KindHome:
		if s.UglyURLs {
			return "/index.html"
		}
		return "/"
	case pt != nil:
		t = path.Clean("/" + strings.Trim(pt.expand(p, s), "/"))
		t = urlPath(t, keep)
		if p.Kind == KindPage && s.UglyURLs && t != "/" {
			return t + ".html"
		}
		if t == "/" {
			return t
		}
		return t + "/"
	case p.Kind == KindPage:
		t = p.urlBase(keep)
		if p.slug != "" {
			dir, _ := splitLast(t)
			t = dir + "/" + p.slug
		}
	default:
		t = p.urlBase(keep)
	}
	t = path.Clean(urlPath(t, keep)) // a slug of "../x" stays inside
	if s.UglyURLs {
		if p.Kind == KindPage || p.Kind == KindTerm {
			return t + ".html"
		}
		return t + "/index.html"
	}
	return t + "/"
}

func keyPos(pp *post.Post, key string) post.Position {
	line, col, ok := pp.Position(key)
	if !ok {
		line, col = 1, 1
	}
	return post.Position{Path: pp.Path, Line: line, Column: col}
}

// translations links pages across languages: same translationKey, or
// else same kind and path.
func (l *loader) translations(all []*Page) {
	if len(l.s.langs) < 2 {
		return
	}
	groups := map[string][]*Page{}
	var keys []string
	for _, p := range all {
		if !p.keep {
			continue
		}
		k := string(p.Kind) + "\x00" + p.Path
		if p.Post != nil && p.Post.FrontMatter.TranslationKey != "" {
			k = "key\x00" + p.Post.FrontMatter.TranslationKey
		}
		p.key = k
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	for _, k := range keys {
		g := groups[k]
		if len(g) < 2 {
			continue
		}
		// Hugo's ByLanguage: by language weight, then date (newest
		// first), then link title.
		slices.SortStableFunc(g, func(a, b *Page) int {
			if c := cmp.Compare(l.s.langs[a.langIndex].Weight, l.s.langs[b.langIndex].Weight); c != 0 {
				return c
			}
			if !a.Date.Equal(b.Date) {
				return b.Date.Compare(a.Date)
			}
			if c := l.collator.CompareString(a.LinkTitle, b.LinkTitle); c != 0 {
				return c
			}
			return cmp.Compare(a.langIndex, b.langIndex)
		})
		for _, p := range g {
			for _, q := range g {
				if q != p && q.langIndex != p.langIndex {
					p.Translations = append(p.Translations, q)
				}
			}
		}
	}
}

// dirURL is the folder of a page's URL, where its resources go.
func dirURL(target string) string {
	if strings.HasSuffix(target, "/") {
		return target
	}
	dir, last := splitLast(target)
	if i := strings.LastIndexByte(last, '.'); i > 0 {
		last = last[:i]
	}
	if last == "index" {
		return dir + "/"
	}
	return dir + "/" + last + "/"
}

// resources gives bundle files to their pages.
func (l *loader) resources() {
	s := l.s
	for _, f := range l.resFiles {
		root := rootOf(f)
		var pages []*Page
		var base string
		if leaf := l.leafOf(f); leaf != "" {
			pages, base = l.bundles[leaf], leaf
		} else {
			// The nearest folder with a section (or the home page).
			dir := f.dir
			for {
				p := normalizePath("/"+dir, false)
				for li := range s.langs {
					if q := l.nodes[li][p]; q != nil && q.Kind != KindPage {
						pages = append(pages, q)
					}
				}
				if len(pages) > 0 || dir == "" {
					break
				}
				dir, _ = splitLast(dir)
			}
			base = root + dir
		}
		if len(pages) == 0 {
			continue
		}
		name := strings.TrimPrefix(strings.TrimPrefix(root+f.rel, base), "/")
		r := &Resource{Name: name, FSPath: f.fsPath, Content: f.content}
		if f.named {
			r.Lang = s.langs[f.lang].Code
		}
		// The page it is published with.
		var pub *Page
		for _, p := range pages {
			if f.named && p.langIndex == f.lang || !f.named && p.langIndex == f.lang {
				pub = p
				break
			}
		}
		if pub == nil {
			pub = pages[0]
		}
		if !r.Content && pub.target != "" && pub.keep && !pub.noResources {
			u := s.langPrefix(pub.Lang) + dirURL(pub.target) + name
			if pub.explicitURL {
				u = dirURL(pub.target) + name
			}
			r.RelPermalink = strings.TrimSuffix(s.basePath, "/") + EscapePath(u)
			r.Permalink = s.baseURL + EscapePath(u)
			if s.baseURL == "" {
				r.Permalink = r.RelPermalink
			}
			r.OutputPath = strings.TrimPrefix(u, "/")
			l.site.Resources = append(l.site.Resources, r)
		}
		for _, p := range pages {
			if p.root == "" || p.root == root {
				p.Resources = append(p.Resources, r)
			}
		}
	}
	slices.SortFunc(l.site.Resources, func(a, b *Resource) int { return strings.Compare(a.OutputPath, b.OutputPath) })
	for _, ps := range l.bundles {
		for _, p := range ps {
			slices.SortFunc(p.Resources, func(a, b *Resource) int { return strings.Compare(a.Name, b.Name) })
		}
	}
}

// aliases resolves front matter aliases and adds the language root
// redirects.
func (l *loader) aliases(all []*Page) {
	s, site := l.s, l.site
	for _, p := range all {
		if !p.keep || !p.rendered || p.Post == nil {
			continue
		}
		for _, a := range p.Post.FrontMatter.Aliases {
			a = strings.ReplaceAll(a, "\\", "/")
			if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
				l.errs = append(l.errs, &Error{Pos: keyPos(p.Post, "aliases"), Err: fmt.Errorf("%w: alias %q must be a path, not an absolute URL", ErrURL, a)})
				continue
			}
			if a == "" {
				continue
			}
			var ap string
			if strings.HasPrefix(a, "/") {
				ap = s.langPrefix(p.Lang) + a
			} else {
				// Relative to the folder of the page's URL.
				full := s.langPrefix(p.Lang) + p.target
				if p.explicitURL {
					full = p.target
				}
				dir, _ := splitLast(strings.TrimSuffix(full, "/"))
				ap = path.Join("/"+strings.TrimPrefix(dir, "/"), a)
			}
			ap = path.Clean(ap)
			out := strings.TrimPrefix(ap, "/")
			// Hugo writes an alias ending in .html or .htm (in lower
			// case) as that file, and any other as a page's would be
			// ("/v1.2" is /v1.2/index.html).
			switch {
			case strings.HasSuffix(ap, ".html") || strings.HasSuffix(ap, ".htm"):
			case s.UglyURLs:
				out += ".html"
				ap += ".html"
			default:
				out += "/index.html"
			}
			p.Aliases = append(p.Aliases, ap)
			if s.DisableAliases {
				continue
			}
			site.Aliases = append(site.Aliases, Alias{Path: ap, OutputPath: out, Target: p.RelPermalink, Permalink: p.Permalink, Lang: p.Lang, Page: p})
		}
	}
	if s.multi || s.DefaultContentLanguageInSubdir {
		home := site.homes[s.langIndex[s.defaultLang]]
		if s.DefaultContentLanguageInSubdir {
			site.Aliases = append(site.Aliases, Alias{Path: "/", OutputPath: "index.html", Target: home.RelPermalink, Permalink: home.Permalink, Lang: home.Lang})
		} else {
			site.Aliases = append(site.Aliases, Alias{Path: "/" + s.defaultLang, OutputPath: s.defaultLang + "/index.html", Target: home.RelPermalink, Permalink: home.Permalink, Lang: home.Lang})
		}
	}
}

// checkOutputs reports pages and aliases written to the same file.
func (l *loader) checkOutputs() {
	site := l.site
	owner := map[string]*Page{}
	for _, p := range slices.Concat(site.Pages, site.Unlisted) {
		if p.OutputPath == "" {
			continue
		}
		if q := owner[p.OutputPath]; q != nil {
			site.Diagnostics = append(site.Diagnostics, Diagnostic{Pos: pagePos(p),
				Message: fmt.Sprintf("%s (%s) and %s (%s) are both written to %s; the first is kept", describe(q), q.Lang, describe(p), p.Lang, p.OutputPath)})
			continue
		}
		owner[p.OutputPath] = p
	}
	// An alias never replaces a page (Hugo writes the page); the alias
	// is dropped with a warning.
	kept := site.Aliases[:0]
	for _, a := range site.Aliases {
		if q := owner[a.OutputPath]; q != nil {
			if a.Page != nil {
				site.Diagnostics = append(site.Diagnostics, Diagnostic{Pos: keyPos(a.Page.Post, "aliases"),
					Message: fmt.Sprintf("alias %s is the URL of %s; the alias page is not written", a.Path, describe(q))})
			}
			continue
		}
		kept = append(kept, a)
	}
	site.Aliases = kept
}

func pagePos(p *Page) post.Position {
	if p.FSPath == "" {
		return post.Position{}
	}
	return post.Position{Path: p.FSPath, Line: 1, Column: 1}
}

func describe(p *Page) string {
	if p.File != "" {
		return p.File
	}
	return string(p.Kind) + " " + p.Path
}
