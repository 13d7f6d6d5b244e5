// Command site turns a Hugo content folder into a static site, with the
// paths Hugo writes.
//
// Usage:
//
//	go run ./examples/site -src DIR -out DIR [-drafts] [-future] [-expired] [-stub NAMES | -stub-unknown] [-cache DIR | -no-cache]
//
// -src is a Hugo site (a folder with hugo.toml, hugo.yaml, hugo.json or
// config.*, or with a content folder) or a content folder itself. The
// content tree is read by package post/content, which follows Hugo
// 0.165's rules: every page is written where Hugo writes it (bundles at
// their folder, _index.md files as section pages, slug, url, permalinks,
// uglyURLs and languages from the configuration), with one home page per
// language, a page per section, taxonomy and term, alias redirect pages,
// page bundle resources copied next to their page, an RSS feed per list
// page, sitemap.xml and the site's static folder as it is. ref and relref
// shortcodes and Markdown links to .md files resolve to the pages' URLs.
// The pages share out/css/site.css and the highlighting stylesheet
// out/css/chroma.css. Links between the
// example's own pages are relative, so the folder works from a web
// server and from the file system alike.
//
// File systems limit a file name to 255 bytes. A path segment longer
// than 200 bytes (a long slug, term or file name) is shortened to at
// most its first 187 bytes (whole characters), a '-' and 12 hex digits of
// a hash of the whole name, and reported as a warning at its key in the
// front matter; links use the shortened name.
//
// Posts are rendered in parallel by runtime.GOMAXPROCS workers (-j),
// each writing a post's page as soon as it has rendered it; the list
// pages, feeds, aliases, resources and sitemaps are then written by the
// same number of workers. An output folder that is missing or empty is
// written without reading anything back; in one that holds files, a file
// whose content did not change is left alone. Drafts,
// posts whose publish date is in the future and expired posts are
// skipped unless -drafts, -future or -expired is given (or the
// configuration's buildDrafts and so on). A post that fails is reported as
// path:line:col: message and the rest of the site is still built; the
// exit code is then 1. On a terminal a progress bar runs while the posts
// render; the program ends with one summary line on standard output:
// pages written, posts skipped and failed, and the time taken.
//
// Rendered posts and highlighted code blocks are kept in -cache (by
// default folio/site under the user's cache folder): building an
// unchanged site again renders nothing, and a post that changed renders
// again with only its changed code blocks highlighted. The summary line
// says how many posts and code blocks came from the cache. The pages are
// the same bytes with or without it. -no-cache (or -cache "") turns it
// off.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/folio-md/folio/examples/internal/cli"
	"github.com/folio-md/folio/render/highlight"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: site -src DIR -out DIR [flags]

Builds a static site from a Hugo site or content folder (-src) with the
paths Hugo writes: pages, sections, taxonomies, terms, aliases, resources,
feeds, a sitemap, the static folder, and the stylesheets.

Flags:
`

// config is what the flags set.
type config struct {
	siteParams  map[string]any // the site's [params], read from its configuration
	src, out    string
	title       string
	titleSet    bool // -title was given: it wins over the configuration's title
	baseURL     string
	style       string
	drafts      bool
	future      bool
	expired     bool
	unsafe      bool
	quiet       bool
	verbose     bool
	stubs       []string
	stubUnknown bool
	workers     int
	now         time.Time
	cache       cacheConfig
	fresh       bool     // -out was missing or empty: no file is read back before it is written
	dirs        sync.Map // the folders under -out made in this build
}

// run is the whole program; it returns the exit code: 0 when every post was
// built or skipped, 1 when a post failed or the site could not be written,
// 2 for bad usage.
func run(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	start := time.Now()
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	var c config
	var stubs string
	fs.StringVar(&c.src, "src", "", "the Hugo site or content folder (`dir`)")
	fs.StringVar(&c.out, "out", "", "the folder the site is written to (`dir`); files in it are overwritten, none deleted")
	fs.StringVar(&c.title, "title", "folio", "the site's `title`")
	fs.StringVar(&c.baseURL, "base-url", "", "the site's absolute `URL`, for canonical links and og:url (optional)")
	fs.StringVar(&c.style, "style", highlight.DefaultStyle, "chroma `style` for code blocks")
	fs.BoolVar(&c.drafts, "drafts", false, "build drafts too")
	fs.BoolVar(&c.future, "future", false, "build posts whose publish date is in the future too")
	fs.BoolVar(&c.expired, "expired", false, "build expired posts too")
	fs.BoolVar(&c.unsafe, "unsafe", false, "let raw HTML in the Markdown through (trusted input only)")
	fs.BoolVar(&c.quiet, "q", false, "do not print warnings (they are still counted)")
	fs.BoolVar(&c.verbose, "v", false, "also list the skipped posts and why")
	fs.StringVar(&stubs, "stub", "", "comma-separated shortcode `names` to render as a visible placeholder instead of failing")
	fs.BoolVar(&c.stubUnknown, "stub-unknown", false, "render every shortcode folio does not know as a visible placeholder")
	fs.IntVar(&c.workers, "j", runtime.GOMAXPROCS(0), "number of posts rendered in parallel")
	c.cache.flags(fs)
	if code, ok := cli.ParseFlags(fs, args, stderr, usage); !ok {
		return code
	}
	fs.Visit(func(f *flag.Flag) { c.titleSet = c.titleSet || f.Name == "title" })
	if c.src == "" || c.out == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "site: -src and -out are required, and nothing else")
		fs.Usage()
		return 2
	}
	if err := cli.CheckStyle(c.style); err != nil {
		fmt.Fprintln(stderr, "site:", err)
		return 2
	}
	if c.workers < 1 {
		c.workers = 1
	}
	for n := range strings.SplitSeq(stubs, ",") {
		if n = strings.TrimSpace(n); n != "" {
			c.stubs = append(c.stubs, n)
		}
	}
	c.now = time.Now()

	s, err := build(&c, progress(stderr))
	if err != nil {
		cli.PrintError(stderr, "site", err)
		return 1
	}
	for _, f := range s.failed {
		cli.PrintError(stderr, "site", f.err)
	}
	if !c.quiet {
		cli.PrintDiagnostics(stderr, s.diagnostics)
	}
	if c.verbose {
		for _, it := range s.skipped {
			fmt.Fprintf(stderr, "%s: skipped (%s)\n", it.post.Path, it.skip)
		}
	}
	if !c.quiet {
		for _, p := range s.built {
			cli.PrintDiagnostics(stderr, p.warnings)
			cli.PrintDiagnostics(stderr, p.diagnostics)
		}
	}
	fmt.Fprintf(stdout, "site: %d pages (%d posts), %d skipped, %d failed, %d warnings%v, in %v\n",
		s.pages, len(s.built), len(s.skipped), len(s.failed), s.warnings, s.cache, time.Since(start).Round(time.Millisecond))
	if len(s.failed) > 0 {
		return 1
	}
	return 0
}
