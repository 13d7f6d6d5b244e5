package content_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/folio-md/folio/post/content"
)

// hugoPage is what testdata/hugo/layouts/home.html prints for a page.
type hugoPage struct {
	Kind           string   `json:"kind"`
	Path           string   `json:"path"`
	File           string   `json:"file"`
	Lang           string   `json:"lang"`
	Title          string   `json:"title"`
	LinkTitle      string   `json:"linkTitle"`
	Section        string   `json:"section"`
	CurrentSection string   `json:"currentSection"`
	Parent         string   `json:"parent"`
	BundleType     string   `json:"bundleType"`
	RelPermalink   string   `json:"relPermalink"`
	Permalink      string   `json:"permalink"`
	Translations   []string `json:"translations"`
	Aliases        []string `json:"aliases"`
	Draft          bool     `json:"draft"`
	Weight         int      `json:"weight"`
	Date           string   `json:"date"`
	Resources      []struct {
		Name         string `json:"name"`
		RelPermalink string `json:"relPermalink"`
	} `json:"resources"`
	PrevInSection string   `json:"prevInSection"`
	NextInSection string   `json:"nextInSection"`
	Pages         []string `json:"pages"`
	RegularPages  []string `json:"regularPages"`
	Plain         string   `json:"plain"`
}

type hugoSite struct {
	Pages      []hugoPage                                `json:"pages"`
	Files      []string                                  `json:"files"`
	Taxonomies map[string]map[string]map[string][]string `json:"taxonomies"` // lang -> plural -> term -> "weight:path"
}

// hugoSites lists the content folders of testdata/hugo/sites.
func hugoSites(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob("testdata/hugo/sites/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no sites in testdata/hugo/sites: %v", err)
	}
	return dirs
}

// loadHugoSite loads a testdata site with its configuration and flags.
func loadHugoSite(t *testing.T, dir string) (*content.Site, *hugoSite) {
	t.Helper()
	// As the hugo command reads it: hugo.toml, config/_default and
	// config/production.
	cfg, _, err := content.ReadConfig(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if flags, err := os.ReadFile(filepath.Join(dir, "flags")); err == nil {
		f := string(flags)
		cfg.BuildDrafts = strings.Contains(f, "--buildDrafts")
		cfg.BuildFuture = strings.Contains(f, "--buildFuture")
		cfg.BuildExpired = strings.Contains(f, "--buildExpired")
	}
	cfg.Now = time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	site, err := content.Load(os.DirFS(dir), cfg)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	var want hugoSite
	raw, err := os.ReadFile(filepath.Join(dir, "hugo.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	return site, &want
}

func paths(ps []*content.Page) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.Path)
	}
	return out
}

func pathOf(p *content.Page) string {
	if p == nil {
		return ""
	}
	return p.Path
}

// TestHugoTree compares Load with what Hugo 0.165 made of the same
// content folders (testdata/hugo/README.md), page by page and field by
// field.
func TestHugoTree(t *testing.T) {
	for _, dir := range hugoSites(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			site, want := loadHugoSite(t, dir)
			seen := map[*content.Page]bool{}
			for _, h := range want.Pages {
				id := h.Lang + ":" + h.Path
				p := site.GetPage(h.Lang, h.Path)
				if p == nil {
					t.Errorf("%s: missing (%s %s)", id, h.Kind, h.RelPermalink)
					continue
				}
				seen[p] = true
				var tr []string
				for _, q := range p.Translations {
					tr = append(tr, q.Lang+":"+q.Path)
				}
				var res []string
				for _, r := range p.Resources {
					res = append(res, r.Name+"="+r.RelPermalink)
				}
				var hres []string
				for _, r := range h.Resources {
					hres = append(hres, r.Name+"="+r.RelPermalink)
				}
				slices.Sort(hres)
				date := ""
				if !p.Date.IsZero() {
					date = p.Date.Format(time.RFC3339)
				}
				parent := ""
				if p.Parent != nil {
					parent = p.Parent.Path
				}
				check := func(field string, got, want any) {
					t.Helper()
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("%s: %s = %v, Hugo: %v", id, field, got, want)
					}
				}
				check("Kind", p.Kind, h.Kind)
				check("File", p.File, h.File)
				check("Title", p.Title, h.Title)
				check("LinkTitle", p.LinkTitle, h.LinkTitle)
				check("Section", p.Section, h.Section)
				check("CurrentSection", pathOf(p.CurrentSection), h.CurrentSection)
				check("Parent", parent, h.Parent)
				check("BundleType", p.BundleType, h.BundleType)
				check("RelPermalink", p.RelPermalink, h.RelPermalink)
				check("Permalink", p.Permalink, h.Permalink)
				check("Translations", tr, h.Translations)
				check("Aliases", p.Aliases, h.Aliases)
				check("Draft", p.Draft, h.Draft)
				check("Weight", p.Weight, h.Weight)
				check("Date", date, h.Date)
				check("Resources", res, hres)
				check("PrevInSection", pathOf(p.PrevInSection()), h.PrevInSection)
				check("NextInSection", pathOf(p.NextInSection()), h.NextInSection)
				check("Pages", paths(p.Pages), h.Pages)
				check("RegularPages", paths(p.RegularPages), h.RegularPages)
			}
			for _, p := range site.Pages {
				if !seen[p] {
					t.Errorf("%s:%s: a %s Hugo does not have (%s)", p.Lang, p.Path, p.Kind, p.RelPermalink)
				}
			}
			// .Site.Taxonomies: each term's weighted pages, in order.
			for lang, txs := range want.Taxonomies {
				for plural, terms := range txs {
					tx := site.Taxonomy(lang, plural)
					if tx == nil {
						t.Errorf("%s: no taxonomy %s", lang, plural)
						continue
					}
					for name, list := range terms {
						term := tx.Term(name)
						if term == nil {
							t.Errorf("%s: %s: no term %q", lang, plural, name)
							continue
						}
						var got []string
						for _, w := range term.Weighted {
							got = append(got, fmt.Sprintf("%d:%s", w.Weight, w.Page.Path))
						}
						if fmt.Sprint(got) != fmt.Sprint(list) {
							t.Errorf("%s: %s %q: Weighted = %v, Hugo: %v", lang, plural, name, got, list)
						}
					}
				}
			}
			// Every HTML file and resource Hugo wrote, and no other.
			got := map[string]bool{}
			for _, p := range slices.Concat(site.Pages, site.Unlisted) {
				if p.OutputPath == "" {
					continue // build.render link: a URL, no file
				}
				got[p.OutputPath] = true
				for _, r := range p.Resources {
					if r.OutputPath != "" {
						got[r.OutputPath] = true
					}
				}
			}
			for _, p := range site.Skipped {
				_ = p
			}
			for _, a := range site.Aliases {
				got[a.OutputPath] = true
			}
			headless := map[string]bool{}
			for _, f := range want.Files {
				if strings.HasSuffix(f, ".xml") {
					continue
				}
				if !got[f] {
					headless[f] = true
				}
				delete(got, f)
			}
			for f := range headless {
				if !resourceOfUnlisted(site, f) {
					t.Errorf("Hugo wrote %s; Load has no page, alias or resource there", f)
				}
			}
			for f := range got {
				t.Errorf("Load has %s; Hugo wrote no such file", f)
			}
		})
	}
}

// resourceOfUnlisted reports whether f is a resource of a page that is
// not listed (a headless bundle).
func resourceOfUnlisted(site *content.Site, f string) bool {
	for _, l := range site.Languages {
		for _, p := range []string{"/headless-res"} {
			if pg := site.GetPage(l.Code, p); pg != nil {
				for _, r := range pg.Resources {
					if r.OutputPath == f {
						return true
					}
				}
			}
		}
	}
	return false
}
