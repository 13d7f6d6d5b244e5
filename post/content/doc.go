// Package content is Hugo's content model as a library: it reads a Hugo
// content folder from an fs.FS and returns the site Hugo 0.165 would
// build from it, as data: every page in every language with its kind,
// path, section, URL, output file, translations, resources, aliases,
// taxonomies and terms, in Hugo's order.
//
//	fsys := os.DirFS("mysite")
//	cfg, _, err := content.ReadConfig(fsys) // hugo.toml, config/_default; or fill a content.Config
//	site, err := content.Load(fsys, cfg)    // reads mysite/content
//	if err != nil {
//		log.Print(err) // bad files, each at its path:line:col; site holds the rest
//	}
//	for _, p := range site.Pages {
//		fmt.Println(p.Kind, p.Lang, p.RelPermalink, p.OutputPath)
//	}
//	r := render.New(render.WithRefResolver(site.RefResolver())) // ref and relref, resolved
//
// # Hugo's rules
//
// Load follows Hugo 0.165 with its default configuration unless Config
// says otherwise; TestHugoTree checks it field by field against Hugo's
// own output for the content folders in testdata/hugo.
//
//   - Pages: a content file (.md, .markdown, .html, ...) is a regular
//     page; a folder with index.md is a leaf bundle (a page, with every
//     other file under the folder as its resources, .md files included);
//     a folder with _index.md is a branch bundle (a section, or the home
//     page at the root, with the non-content files next to it as its
//     resources). Every top-level folder is a section, with or without
//     _index.md; a nested folder is a section only with an _index.md, and
//     otherwise its pages belong to the section above. _index.md under a
//     taxonomy's folder (content/tags/_index.md, content/tags/go/_index.md)
//     gives the taxonomy or term page its title and front matter.
//   - Paths: Page.Path is the file's path without extension or language,
//     lower-cased, spaces as '-' ("/posts/my-post"): the same in every
//     language, and what Site.GetPage and ref take.
//   - URLs: sections and pages at their path ("/posts/", "/posts/hello/"),
//     a slug replacing the last segment, url replacing the whole path,
//     permalink patterns per section and kind (Config.Permalinks),
//     UglyURLs ("/posts/hello.html"), the language prefix ("/fr/") for all
//     but the default language (and for it too with
//     DefaultContentLanguageInSubdir), characters Hugo drops from paths
//     dropped, and RelPermalink percent-encoded as Hugo writes it. Urlize
//     is Hugo's urlize for titles and terms.
//   - Aliases: relative aliases are resolved against the page's URL,
//     absolute ones get the language prefix; each is an Alias with the
//     file Hugo writes for it. A multilingual site also gets Hugo's
//     language root redirect.
//   - Languages: a language from the file name (hello.fr.md) or from the
//     content folder of the language (Language.ContentDir); translations
//     are the pages with the same path, or the same translationKey.
//   - Publish state: drafts, pages with a future publish date and
//     expired pages are in Site.Skipped unless Config.BuildDrafts,
//     BuildFuture or BuildExpired say otherwise; headless bundles (and
//     build.render never, also through cascade) have no URL but their
//     resources are published (Site.Headless); build.list never or local
//     keeps a rendered page out of Site.Pages (Site.Unlisted), and local
//     keeps it in its section's Pages.
//   - Taxonomies: tags and categories unless Config.Taxonomies says
//     otherwise; a term's key is its name as a path ("Hugo Tips" is
//     /tags/hugo-tips); Term.Weighted orders by the taxonomy weight
//     (tags_weight).
//   - Order: Page.Pages is in Hugo's default order (weight, date newest
//     first, link title, path); PrevInSection and NextInSection walk the
//     section's regular pages as Hugo's do.
//   - Titles: a section without _index.md is titled by its name,
//     pluralized and title-cased ("Posts"), a taxonomy by its plural, a
//     term by its name title-cased, the home page by the site title.
//
// # References
//
// Site.Find, Ref and RelRef resolve references as Hugo's ref and relref
// shortcodes do: relative to the page first, then from the root, then by
// a file name only one page has, with #anchors and other languages.
// Site.RefResolver plugs them into render.WithRefResolver; Site.LinkURL
// rewrites Markdown links to .md files. A reference to no page is an
// error naming it, which the renderer reports at the call.
//
// # Bad input
//
// A file whose front matter does not parse is left out with its
// *post.ParseError; two index files in one folder, an absolute url or
// alias are *Error values at their position; Load returns them joined,
// together with the site built from the rest. Two pages written to one
// file, a content adapter (_content.gotmpl, which needs Hugo's
// templates), a page path given twice, a mount outside the site's folder
// and the _build key Hugo removed (read as build) are Diagnostics. A
// permalink pattern with an unknown token fails Load, naming its key.
//
// Configuration: ParseConfig and ReadConfig read the settings above from
// hugo.toml (or YAML, JSON, config/_default and config/production, or
// another environment with ReadConfigEnv), and also cascade (its build
// options, and the draft, dates, slug, url, weight and aliases it gives
// pages that do not set them), module mounts into the content tree (a
// file or a folder, in one language or several), disableKinds,
// disableAliases, titleCaseStyle, capitalizeListTitles,
// frontmatter.date's :filename and frontmatter.lastmod's :fileModTime,
// disabled languages, and a language's own taxonomies and permalinks
// (languages.fr.taxonomies, which replace the site's). The "_merge" keys
// of Hugo's theme merging are not entries.
//
// What is not modelled: content adapters, Hugo's menus, output formats
// other than HTML (examples/site writes the RSS feeds and sitemaps Hugo
// does), cascade of other keys (a cascaded title, params, type or layout
// does not reach folio's pages), pagination pages, the other frontmatter
// date settings (:git among them: with enableGitInfo, Hugo's default
// lastmod keeps every _index page from deriving a date, which folio
// cannot see), the "sites" matrix of Hugo 0.153+ beyond its languages
// (versions, roles), mounts outside the site's folder (reported, not
// read), and the configuration a theme or module brings (its hugo.toml,
// taxonomies or permalinks merged through "_merge"): ReadConfig reads the
// site's own files only. Where Hugo's answer changes from build to build
// (the title of a term spelled "HTML" on one page and "html" on another;
// the order of translations among languages of equal weight), folio
// gives one of Hugo's answers, always the same.
package content
