package content

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// ParseConfig reads the settings Config holds from a Hugo configuration
// file's bytes (hugo.toml, hugo.yaml or hugo.json, by name's extension;
// config.toml and the like too). Keys are matched case-insensitively, as
// Hugo does: baseURL, title, contentDir, languages (weight, title,
// contentDir), defaultContentLanguage,
// defaultContentLanguageInSubdir, permalinks (flat, or per kind: page,
// section, taxonomy, term), uglyURLs, disableAliases, disablePathToLower,
// cascade, ignoreFiles, disableKinds, frontmatter.date (:filename), frontmatter.lastmod (:fileModTime), languages.*.disabled,
// pluralizeListTitles, capitalizeListTitles, titleCaseStyle, taxonomies, module.mounts (those into content),
// buildDrafts, buildFuture and buildExpired. Other keys are ignored.
func ParseConfig(name string, data []byte) (Config, error) {
	m, err := decodeConfig(name, data)
	if err != nil {
		return Config{}, err
	}
	return configFrom(lowerKeys(m)), nil
}

func decodeConfig(name string, data []byte) (map[string]any, error) {
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
		return nil, fmt.Errorf("content: %s: not a TOML, YAML or JSON configuration file", name)
	}
	if err != nil {
		return nil, fmt.Errorf("content: %s: %w", name, err)
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// configNames are the names of a site's configuration file, in the
// order Hugo looks for them.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// ReadConfig reads a Hugo site's configuration from the root of fsys, as
// ParseConfig does: the file hugo.toml (or hugo.yaml, hugo.json,
// config.toml, ...), then the files of the folder config/_default, where
// each file is the key of its name (languages.toml is languages,
// languages.fr.toml is languages.fr, hugo.fr.toml the root of the
// language fr, hugo.toml and config.toml the root), merged over the file, then those of config/production, as the
// hugo command builds. found is false when the site has none of them.
func ReadConfig(fsys fs.FS) (cfg Config, found bool, err error) {
	return ReadConfigEnv(fsys, "production")
}

// ReadConfigEnv is ReadConfig for the environment env (Hugo's
// --environment): config/env is merged over config/_default; an empty
// env reads config/_default only.
func ReadConfigEnv(fsys fs.FS, env string) (cfg Config, found bool, err error) {
	root := map[string]any{}
	for _, name := range configNames {
		data, err := fs.ReadFile(fsys, name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Config{}, false, fmt.Errorf("content: %w", err)
		}
		if root, err = decodeConfig(name, data); err != nil {
			return Config{}, false, err
		}
		found = true
		break
	}
	root = lowerKeys(root)
	dirs := []string{"config/_default"}
	if env = strings.Trim(env, "/"); env != "" && !strings.Contains(env, "/") && env != "_default" && env != ".." {
		dirs = append(dirs, "config/"+env)
	}
	for _, dir := range dirs {
		ok, err := mergeConfigDir(fsys, dir, root)
		if err != nil {
			return Config{}, false, err
		}
		found = found || ok
	}
	return configFrom(root), found, nil
}

// mergeConfigDir merges the configuration files of dir into root, each
// at the key of its name; ok reports whether there was one.
func mergeConfigDir(fsys fs.FS, dir string, root map[string]any) (ok bool, err error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("content: %w", err)
	}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || !slices.Contains([]string{".toml", ".yaml", ".yml", ".json"}, strings.ToLower(ext)) {
			continue
		}
		name := dir + "/" + e.Name()
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return false, fmt.Errorf("content: %w", err)
		}
		m, err := decodeConfig(name, data)
		if err != nil {
			return false, err
		}
		m = lowerKeys(m)
		ok = true
		key := strings.ToLower(strings.TrimSuffix(e.Name(), ext))
		if key == "hugo" || key == "config" {
			mergeInto(root, m)
			continue
		}
		// languages.fr is the map of languages.fr, hugo.fr (config.fr)
		// the root of the language fr, menus.fr and params.fr its menus
		// and params; Hugo reads no other key.fr (permalinks.fr.toml is
		// not the permalinks of fr).
		parts := strings.Split(key, ".")
		if len(parts) == 2 {
			switch parts[0] {
			case "languages":
			case "hugo", "config":
				parts = []string{"languages", parts[1]}
			case "menus", "params":
				parts = []string{"languages", parts[1], parts[0]}
			default:
				continue
			}
		}
		dst := root
		for _, part := range parts[:len(parts)-1] {
			sub, ok := dst[part].(map[string]any)
			if !ok {
				sub = map[string]any{}
				dst[part] = sub
			}
			dst = sub
		}
		last := parts[len(parts)-1]
		if old, ok := dst[last].(map[string]any); ok {
			mergeInto(old, m)
		} else {
			dst[last] = m
		}
	}
	return ok, nil
}

// mergeInto copies src into dst, merging maps.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				mergeInto(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// configFrom reads a Config from a decoded configuration with lower-case
// keys.
func configFrom(m map[string]any) Config {
	var c Config
	c.BaseURL = str(m["baseurl"])
	c.Title = str(m["title"])
	c.Params, _ = m["params"].(map[string]any)
	c.ContentDir = str(m["contentdir"])
	c.DefaultContentLanguage = str(m["defaultcontentlanguage"])
	c.DefaultContentLanguageInSubdir = boolean(m["defaultcontentlanguageinsubdir"])
	c.UglyURLs = boolean(m["uglyurls"])
	c.DisablePathToLower = boolean(m["disablepathtolower"])
	c.DisableAliases = boolean(m["disablealiases"])
	c.IgnoreFiles = termNames(m["ignorefiles"])
	for _, k := range termNames(m["disablekinds"]) {
		c.DisableKinds = append(c.DisableKinds, strings.ToLower(k))
	}
	if fm, ok := m["frontmatter"].(map[string]any); ok {
		for _, d := range termNames(fm["lastmod"]) {
			if strings.EqualFold(d, ":fileModTime") {
				c.LastmodFromFileModTime = true
			}
		}
		for _, d := range termNames(fm["date"]) {
			d = strings.ToLower(d)
			if d == ":filename" {
				c.DateFromFilename = true
			}
			if d == ":filename" || d == "date" || d == ":default" {
				break // the first that applies
			}
		}
	}
	if v, ok := m["pluralizelisttitles"]; ok {
		c.DisablePluralizeListTitles = !boolean(v)
	}
	if v, ok := m["capitalizelisttitles"]; ok {
		c.DisableCapitalizeListTitles = !boolean(v)
	}
	c.TitleCaseStyle = str(m["titlecasestyle"])
	c.BuildDrafts = boolean(m["builddrafts"])
	c.BuildFuture = boolean(m["buildfuture"])
	c.BuildExpired = boolean(m["buildexpired"])
	langs, _ := m["languages"].(map[string]any)
	for code, v := range langs {
		if isMergeKey(code) {
			continue
		}
		lm, _ := v.(map[string]any)
		w, _ := toInt(lm["weight"])
		c.Languages = append(c.Languages, Language{Code: code, Title: str(lm["title"]), Weight: w, ContentDir: str(lm["contentdir"]), Disabled: boolean(lm["disabled"])})
	}
	c.Cascade = m["cascade"]
	if mod, ok := m["module"].(map[string]any); ok {
		mounts, _ := mod["mounts"].([]any)
		for _, v := range mounts {
			mm, ok := v.(map[string]any)
			if !ok {
				continue
			}
			mm = lowerKeys(mm)
			mt := Mount{Source: str(mm["source"]), Target: str(mm["target"]), Lang: str(mm["lang"])}
			if sites, ok := mm["sites"].(map[string]any); ok {
				if matrix, ok := sites["matrix"].(map[string]any); ok {
					switch langs := termNames(matrix["languages"]); {
					case len(langs) == 1:
						mt.Lang = langs[0]
					case len(langs) > 1:
						mt.Langs = langs
					}
				}
			}
			c.Mounts = append(c.Mounts, mt)
		}
	}
	c.Taxonomies = taxonomiesFrom(m["taxonomies"])
	if pl, ok := m["permalinks"].(map[string]any); ok {
		c.Permalinks = permalinksFrom(pl, c.Taxonomies)
	}
	// A language's taxonomies and permalinks replace the site's.
	for i, l := range c.Languages {
		lm, _ := langs[l.Code].(map[string]any)
		c.Languages[i].Taxonomies = taxonomiesFrom(lm["taxonomies"])
		if pl, ok := lm["permalinks"].(map[string]any); ok {
			tx := c.Taxonomies
			if c.Languages[i].Taxonomies != nil {
				tx = c.Languages[i].Taxonomies
			}
			p := permalinksFrom(pl, tx)
			c.Languages[i].Permalinks = &p
		}
	}
	return c
}

// isMergeKey reports whether k is Hugo's "_merge" setting, which says
// how a map merges with the theme's and is not an entry of the map.
func isMergeKey(k string) bool { return strings.EqualFold(k, "_merge") }

// taxonomiesFrom reads a taxonomies map (singular = "plural"); nil when
// v is not a map.
func taxonomiesFrom(v any) map[string]string {
	tx, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for k, v := range tx {
		if !isMergeKey(k) {
			out[k] = str(v)
		}
	}
	return out
}

// permalinksFrom reads a permalinks map, flat (a section's pages or a
// taxonomy's terms, by key) or per kind; tx are the taxonomies that
// decide what a flat key is.
func permalinksFrom(pl map[string]any, tx map[string]string) Permalinks {
	var out Permalinks
	for k, v := range pl {
		if isMergeKey(k) {
			continue
		}
		switch v := v.(type) {
		case string:
			if isTaxonomy(tx, k) {
				out.Term = put(out.Term, k, v)
			} else {
				out.Page = put(out.Page, k, v)
			}
		case map[string]any:
			for sec, p := range v {
				if isMergeKey(sec) {
					continue
				}
				switch k {
				case "page":
					out.Page = put(out.Page, sec, str(p))
				case "section":
					out.Section = put(out.Section, sec, str(p))
				case "taxonomy":
					out.Taxonomy = put(out.Taxonomy, sec, str(p))
				case "term":
					out.Term = put(out.Term, sec, str(p))
				}
			}
		}
	}
	return out
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
