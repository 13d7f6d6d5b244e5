package content

import (
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// ParseConfig reads the settings Config holds from a Hugo configuration
// file's bytes (hugo.toml, hugo.yaml or hugo.json, by name's extension;
// config.toml and the like too). Keys are matched case-insensitively, as
// Hugo does: baseURL, title, contentDir, languages (weight, title or
// languageName, contentDir), defaultContentLanguage,
// defaultContentLanguageInSubdir, permalinks (flat, or per kind: page,
// section, taxonomy, term), uglyURLs, disablePathToLower,
// pluralizeListTitles, taxonomies, buildDrafts, buildFuture and
// buildExpired. Other keys are ignored.
func ParseConfig(name string, data []byte) (Config, error) {
	var m map[string]any
	var err error
	switch strings.ToLower(path.Ext(name)) {
	case ".toml":
		err = toml.Unmarshal(data, &m)
	case ".yaml", ".yml":
		err = yaml.Unmarshal(data, &m)
	case ".json":
		err = json.Unmarshal(data, &m)
	default:
		return Config{}, fmt.Errorf("content: %s: not a TOML, YAML or JSON configuration file", name)
	}
	if err != nil {
		return Config{}, fmt.Errorf("content: %s: %w", name, err)
	}
	m = lowerKeys(m)
	var c Config
	c.BaseURL = str(m["baseurl"])
	c.Title = str(m["title"])
	c.ContentDir = str(m["contentdir"])
	c.DefaultContentLanguage = str(m["defaultcontentlanguage"])
	c.DefaultContentLanguageInSubdir = boolean(m["defaultcontentlanguageinsubdir"])
	c.UglyURLs = boolean(m["uglyurls"])
	c.DisablePathToLower = boolean(m["disablepathtolower"])
	if v, ok := m["pluralizelisttitles"]; ok {
		c.DisablePluralizeListTitles = !boolean(v)
	}
	c.BuildDrafts = boolean(m["builddrafts"])
	c.BuildFuture = boolean(m["buildfuture"])
	c.BuildExpired = boolean(m["buildexpired"])
	if langs, ok := m["languages"].(map[string]any); ok {
		for code, v := range langs {
			lm, _ := v.(map[string]any)
			w, _ := toInt(lm["weight"])
			title := str(lm["title"])
			if title == "" {
				title = str(lm["languagename"])
			}
			c.Languages = append(c.Languages, Language{Code: code, Title: title, Weight: w, ContentDir: str(lm["contentdir"])})
		}
	}
	if tx, ok := m["taxonomies"].(map[string]any); ok {
		c.Taxonomies = map[string]string{}
		for k, v := range tx {
			c.Taxonomies[k] = str(v)
		}
	}
	if pl, ok := m["permalinks"].(map[string]any); ok {
		for k, v := range pl {
			switch v := v.(type) {
			case string:
				// The flat form: a section's pages, or a taxonomy's terms.
				if isTaxonomy(c.Taxonomies, k) {
					c.Permalinks.Term = put(c.Permalinks.Term, k, v)
				} else {
					c.Permalinks.Page = put(c.Permalinks.Page, k, v)
				}
			case map[string]any:
				for sec, p := range v {
					switch k {
					case "page":
						c.Permalinks.Page = put(c.Permalinks.Page, sec, str(p))
					case "section":
						c.Permalinks.Section = put(c.Permalinks.Section, sec, str(p))
					case "taxonomy":
						c.Permalinks.Taxonomy = put(c.Permalinks.Taxonomy, sec, str(p))
					case "term":
						c.Permalinks.Term = put(c.Permalinks.Term, sec, str(p))
					}
				}
			}
		}
	}
	return c, nil
}

func isTaxonomy(tx map[string]string, plural string) bool {
	if tx == nil {
		return plural == "tags" || plural == "categories"
	}
	for _, p := range tx {
		if strings.EqualFold(p, plural) {
			return true
		}
	}
	return false
}

func put(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// lowerKeys lower-cases the keys of m and of the maps in it, except the
// codes of languages and the names under taxonomies and permalinks,
// which are compared lower-cased later anyway.
func lowerKeys(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if sub, ok := v.(map[string]any); ok {
			v = lowerKeys(sub)
		}
		out[strings.ToLower(k)] = v
	}
	return out
}

func str(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

func boolean(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return strings.EqualFold(v, "true")
	}
	return false
}
