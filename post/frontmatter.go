package post

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// typer collects the typed fields while the top-level keys are walked.
type typer struct {
	fm        FrontMatter
	dates     map[string]time.Time
	draft     *bool
	published *bool
	authors   []string // from authors
	author    []string // from author
	featured  string   // featured_image
	featured2 string   // featuredImage

	paramsDraft bool // the params map sets draft
	emptyDate   bool // date is present with an empty value ("" or null)
}

// build walks the front matter once and returns its typed fields and
// Params. Errors are collected in b.errs.
func (b *builder) build(root *yaml.Node) (FrontMatter, map[string]any) {
	params := map[string]any{}
	t := &typer{}
	n := root
	if n != nil && n.Kind == yaml.DocumentNode {
		if len(n.Content) == 0 {
			n = nil
		} else {
			n = n.Content[0]
		}
	}
	if n != nil {
		n = deref(n)
		switch {
		case n.Kind == yaml.MappingNode:
			b.top(n, t, params)
		case n.Kind == yaml.ScalarNode && tag(n) == "!!null":
		case n.Kind == 0:
		default:
			b.fail(n, nil, ErrType, "want a map of keys to values, got %s", kindName(n))
		}
	}
	b.finish(t, params)
	return t.fm, params
}

func (b *builder) top(n *yaml.Node, t *typer, params map[string]any) {
	var userParams *yaml.Node
	var userPath *keyPath
	b.each(n, func(k, v *yaml.Node) {
		key, ok := b.mapKey(k, nil)
		if !ok {
			return
		}
		path := &keyPath{key: key, index: -1}
		lk := strings.ToLower(key)
		if _, dup := params[lk]; dup || lk == "params" && userParams != nil {
			b.duplicate(n, deref(k), lk, true, path)
			return
		}
		if lk == "params" {
			userParams, userPath = v, path
			params[lk] = nil // placeholder for duplicate detection
			return
		}
		params[lk] = b.value(v, true, path, 1)
		b.field(t, lk, v, path, params)
	})
	delete(params, "params")
	if userParams == nil {
		return
	}
	switch d := deref(userParams); d.Kind {
	case yaml.MappingNode:
		m, _ := b.value(userParams, true, userPath, 1).(map[string]any)
		for k, v := range m {
			params[k] = v
		}
		_, t.paramsDraft = m["draft"]
	case yaml.ScalarNode:
		if tag(d) != "!!null" {
			b.fail(d, userPath, ErrType, "want a map, got %s", kindName(d))
		}
	default:
		b.fail(d, userPath, ErrType, "want a map, got %s", kindName(d))
	}
}

// field sets the typed field for top-level key lk, and stores the typed
// value in Params as Hugo does for its predefined keys.
func (b *builder) field(t *typer, lk string, v *yaml.Node, path *keyPath, params map[string]any) {
	fm := &t.fm
	str := func(dst *string) {
		if s, ok := b.asString(v, path); ok {
			*dst = s
			params[lk] = s
		}
	}
	switch lk {
	case "title":
		str(&fm.Title)
	case "linktitle":
		str(&fm.LinkTitle)
	case "description":
		str(&fm.Description)
	case "summary":
		str(&fm.Summary)
	case "url":
		str(&fm.URL)
	case "type":
		str(&fm.Type)
	case "layout":
		str(&fm.Layout)
	case "markup":
		str(&fm.Markup)
	case "translationkey":
		str(&fm.TranslationKey)
	case "slug":
		if s, ok := b.asString(v, path); ok {
			fm.Slug = strings.Trim(s, "-")
			params[lk] = fm.Slug
		}
	case "draft":
		if d, ok := b.asBool(v, path); ok {
			t.draft = &d
		}
	case "weight":
		if w, ok := b.asInt(v, path); ok {
			fm.Weight = w
			params[lk] = w
		}
	case "headless":
		if h, ok := b.asBool(v, path); ok {
			fm.Headless = h
			params[lk] = h
		}
	case "iscjklanguage":
		if c, ok := b.asBool(v, path); ok {
			fm.IsCJKLanguage = &c
			params[lk] = c
		}
	case "aliases":
		fm.Aliases = b.asList(v, path, false)
		params[lk] = nonNil(fm.Aliases)
	case "keywords":
		fm.Keywords = b.asList(v, path, true)
		params[lk] = nonNil(fm.Keywords)
	case "categories":
		fm.Categories = b.asList(v, path, false)
	case "tags":
		fm.Tags = b.asList(v, path, false)
	case "images":
		fm.Images = b.asList(v, path, false)
	case "authors":
		t.authors = b.asAuthors(v, path)
	case "author":
		t.author = b.asAuthors(v, path)
	case "featured_image":
		t.featured, _ = b.asString(v, path)
	case "featuredimage":
		t.featured2, _ = b.asString(v, path)
	case "toc":
		b.toc(t, v, path)
	case "date", "lastmod", "modified", "publishdate", "pubdate", "expirydate", "unpublishdate":
		if d, ok := b.asDate(v, path); ok && !d.IsZero() {
			t.setDate(lk, d)
			params[lk] = d
		} else if ok && lk == "date" {
			t.emptyDate = true
		}
	case "published":
		// Hugo reads published as "not a draft" when it is a bool and as
		// an alias of publishDate when it is a date.
		d := deref(v)
		if d.Kind == yaml.ScalarNode {
			if p, ok := boolValue(d); ok {
				t.published = &p
				params[lk] = p
				return
			}
			date, bad, ok := b.dateValue(d)
			if bad != "" {
				b.fail(d, path, ErrDate, "%s", bad)
				return
			}
			if ok {
				if !date.IsZero() {
					t.setDate(lk, date)
					params[lk] = date
				}
				return
			}
		}
		b.fail(d, path, ErrType, "want a bool or a date, got %s", kindName(d))
	}
}

func (t *typer) setDate(key string, d time.Time) {
	if t.dates == nil {
		t.dates = make(map[string]time.Time, 4)
	}
	t.dates[key] = d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Date precedence, first non-zero wins (Hugo's default front matter
// configuration, without :git). PublishDate then falls back to Date (see
// finish), not to the date key alone.
var (
	dateKeys        = []string{"date", "publishdate", "pubdate", "published", "lastmod", "modified"}
	lastmodKeys     = []string{"lastmod", "modified", "date", "publishdate", "pubdate", "published"}
	publishDateKeys = []string{"publishdate", "pubdate", "published"}
	expiryDateKeys  = []string{"expirydate", "unpublishdate"}
)

func firstDate(dates map[string]time.Time, keys []string) time.Time {
	for _, k := range keys {
		if d, ok := dates[k]; ok && !d.IsZero() {
			return d
		}
	}
	return time.Time{}
}

func (b *builder) finish(t *typer, params map[string]any) {
	fm := &t.fm
	if t.dates != nil {
		fm.Date = firstDate(t.dates, dateKeys)
		fm.Lastmod = firstDate(t.dates, lastmodKeys)
		fm.PublishDate = firstDate(t.dates, publishDateKeys)
		// Hugo's date handler stores the Date it found (from publishDate
		// or lastmod, too) as the date param, which the publishDate
		// handler reads last: so PublishDate falls back to Date, and a
		// post with only lastmod is published at lastmod. A date key that
		// is present but empty is stored as it is and blocks that.
		if fm.PublishDate.IsZero() && !t.emptyDate {
			fm.PublishDate = fm.Date
		}
		fm.ExpiryDate = firstDate(t.dates, expiryDateKeys)
	}
	switch {
	case t.draft != nil:
		fm.Draft = *t.draft
	case t.published != nil:
		fm.Draft = !*t.published
	}
	if !t.paramsDraft {
		// Hugo always sets .Params.draft, unless a params map sets it.
		params["draft"] = fm.Draft
	}
	fm.Authors = t.authors
	for _, a := range t.author {
		if !slices.Contains(fm.Authors, a) {
			fm.Authors = append(fm.Authors, a)
		}
	}
	fm.FeaturedImage = t.featured
	if fm.FeaturedImage == "" {
		fm.FeaturedImage = t.featured2
	}
}

// toc reads toc: a bool, or a map {startLevel, endLevel, ordered, enable}.
func (b *builder) toc(t *typer, v *yaml.Node, path *keyPath) {
	d := deref(v)
	if d.Kind != yaml.MappingNode {
		t.fm.TOC, _ = b.asBool(v, path)
		return
	}
	s := &TOCSettings{}
	set := false
	t.fm.TOC = true
	b.each(d, func(k, v *yaml.Node) {
		key, ok := b.mapKey(k, path)
		if !ok {
			return
		}
		p := &keyPath{parent: path, key: key, index: -1}
		switch strings.ToLower(key) {
		case "startlevel":
			if l, ok := b.asInt(v, p); ok {
				if l < 1 || l > 6 {
					b.fail(deref(v), p, ErrValue, "heading level %d is not between 1 and 6", l)
				} else {
					s.StartLevel, set = l, true
				}
			}
		case "endlevel":
			if l, ok := b.asInt(v, p); ok {
				if (l < 1 || l > 6) && l != -1 {
					b.fail(deref(v), p, ErrValue, "heading level %d is not between 1 and 6 (or -1 for every level)", l)
				} else {
					s.EndLevel, set = l, true
				}
			}
		case "ordered":
			s.Ordered, _ = b.asBool(v, p)
			set = true
		case "enable":
			t.fm.TOC, _ = b.asBool(v, p)
		}
	})
	if s.StartLevel > 0 && s.EndLevel > 0 && s.StartLevel > s.EndLevel {
		b.fail(d, path, ErrValue, "startLevel %d is greater than endLevel %d", s.StartLevel, s.EndLevel)
	}
	if set {
		t.fm.TOCSettings = s
	}
}

// The typed readers below report a wrong value as an error at the value
// and return ok=false.

func (b *builder) asString(v *yaml.Node, path *keyPath) (string, bool) {
	d := deref(v)
	if d.Kind != yaml.ScalarNode {
		b.fail(d, path, ErrType, "want a string, got %s", kindName(d))
		return "", false
	}
	if tag(d) == "!!null" {
		return "", true
	}
	return d.Value, true
}

// boolValue reads a bool scalar: a YAML/TOML/JSON bool, or a string that
// strconv.ParseBool accepts, as Hugo does.
func boolValue(d *yaml.Node) (bool, bool) {
	switch tag(d) {
	case "!!bool":
		return yamlBool(d.Value)
	case "!!str", "!!int":
		v, err := strconv.ParseBool(strings.TrimSpace(d.Value))
		return v, err == nil
	case "!!null":
		return false, true
	}
	return false, false
}

func (b *builder) asBool(v *yaml.Node, path *keyPath) (bool, bool) {
	d := deref(v)
	if d.Kind != yaml.ScalarNode {
		b.fail(d, path, ErrType, "want a bool, got %s", kindName(d))
		return false, false
	}
	if x, ok := boolValue(d); ok {
		return x, true
	}
	b.fail(d, path, ErrType, "cannot use %q as a bool (want true or false)", d.Value)
	return false, false
}

func (b *builder) asInt(v *yaml.Node, path *keyPath) (int, bool) {
	d := deref(v)
	if d.Kind != yaml.ScalarNode {
		b.fail(d, path, ErrType, "want an integer, got %s", kindName(d))
		return 0, false
	}
	if i, ok := intValue(d); ok {
		return i, true
	}
	b.fail(d, path, ErrType, "cannot use %q as an integer", d.Value)
	return 0, false
}

// intValue reads an integer scalar: an integer, an integral number, or a
// string holding a decimal integer.
func intValue(d *yaml.Node) (int, bool) {
	switch tag(d) {
	case "!!int":
		switch i := mustInt(d.Value).(type) {
		case int:
			return i, true
		}
	case "!!float":
		f, ok := yamlFloat(d.Value)
		if ok && f == float64(int(f)) && f >= -1<<53 && f <= 1<<53 {
			return int(f), true
		}
	case "!!str":
		i, err := strconv.Atoi(strings.TrimSpace(d.Value))
		return i, err == nil
	case "!!null":
		return 0, true
	}
	return 0, false
}

func mustInt(s string) any {
	v, _ := yamlInt(s)
	return v
}

// asList reads a list of strings. A single value becomes a one-element
// list, or, with fields set (keywords), is split on white space as Hugo
// does. Numbers and bools in a list are kept as written.
func (b *builder) asList(v *yaml.Node, path *keyPath, fields bool) []string {
	d := deref(v)
	switch d.Kind {
	case yaml.ScalarNode:
		if tag(d) == "!!null" || d.Value == "" {
			return nil
		}
		if fields {
			return strings.Fields(d.Value)
		}
		return []string{d.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(d.Content))
		for i, c := range d.Content {
			c = deref(c)
			switch {
			case c.Kind != yaml.ScalarNode:
				b.fail(c, &keyPath{parent: path, index: i}, ErrType, "want a string, got %s", kindName(c))
			case tag(c) == "!!null":
			default:
				out = append(out, c.Value)
			}
		}
		return out
	}
	b.fail(d, path, ErrType, "want a list of strings, got %s", kindName(d))
	return nil
}

// asAuthors reads author or authors: a name, a list of names, or maps
// with a name key (as in {name: Ana, url: ...}), or a list of those.
func (b *builder) asAuthors(v *yaml.Node, path *keyPath) []string {
	d := deref(v)
	name := func(m *yaml.Node, p *keyPath) (string, bool) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if k := deref(m.Content[i]); strings.EqualFold(k.Value, "name") {
				return b.asString(m.Content[i+1], &keyPath{parent: p, key: k.Value, index: -1})
			}
		}
		b.fail(m, p, ErrType, "want a name, or a map with a name key")
		return "", false
	}
	switch d.Kind {
	case yaml.MappingNode:
		if n, ok := name(d, path); ok && n != "" {
			return []string{n}
		}
		return nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(d.Content))
		for i, c := range d.Content {
			c = deref(c)
			p := &keyPath{parent: path, index: i}
			switch {
			case c.Kind == yaml.MappingNode:
				if n, ok := name(c, p); ok && n != "" {
					out = append(out, n)
				}
			case c.Kind != yaml.ScalarNode:
				b.fail(c, p, ErrType, "want a name, got %s", kindName(c))
			case tag(c) != "!!null":
				out = append(out, c.Value)
			}
		}
		return out
	}
	return b.asList(v, path, false)
}

func (b *builder) asDate(v *yaml.Node, path *keyPath) (time.Time, bool) {
	d := deref(v)
	if d.Kind != yaml.ScalarNode {
		b.fail(d, path, ErrType, "want a date, got %s", kindName(d))
		return time.Time{}, false
	}
	t, bad, ok := b.dateValue(d)
	switch {
	case bad != "":
		b.fail(d, path, ErrDate, "%s", bad)
		return time.Time{}, false
	case ok:
		return t, true
	}
	b.fail(d, path, ErrDate, "cannot parse %q", d.Value)
	return time.Time{}, false
}

// maxUnixSeconds bounds the integers dateValue hands to time.Unix, far
// beyond the years 0..9999 and far inside what time.Time computes with.
const maxUnixSeconds = 1 << 53

// dateValue reads a date scalar: a string in one of the date layouts, a
// TOML date, or an integer (Unix seconds). Null and "" are the zero time.
// ok is false when d is not a date; a date that RFC 3339, and so JSON,
// cannot hold (see dateProblem) is not one either, and bad says why.
func (b *builder) dateValue(d *yaml.Node) (t time.Time, bad string, ok bool) {
	switch tag(d) {
	case "!!null":
		return time.Time{}, "", true
	case "!!int":
		var sec int64
		switch i := mustInt(d.Value).(type) {
		case int:
			sec = int64(i)
		case int64:
			sec = i
		case uint64:
			sec = maxUnixSeconds + 1
		default:
			if !isDecimal(d.Value) {
				return time.Time{}, "", false
			}
			sec = maxUnixSeconds + 1 // too long for 64 bits
		}
		if sec < -maxUnixSeconds || sec > maxUnixSeconds {
			return time.Time{}, fmt.Sprintf("%s read as Unix seconds is outside the years %d..%d", d.Value, minYear, maxYear), false
		}
		t := time.Unix(sec, 0).In(b.loc)
		if bad := dateProblem(t); bad != "" {
			return time.Time{}, fmt.Sprintf("%s (%s read as Unix seconds)", bad, d.Value), false
		}
		return t, "", true
	case "!!bool", "!!float":
		return time.Time{}, "", false
	}
	if strings.TrimSpace(d.Value) == "" {
		return time.Time{}, "", true
	}
	t, ok = parseDate(d.Value, b.loc)
	if !ok {
		if y, found := longYear(d.Value); found {
			return time.Time{}, fmt.Sprintf("year %s is outside %d..%d", y, minYear, maxYear), false
		}
		return time.Time{}, "", false
	}
	if bad := dateProblem(t); bad != "" {
		return time.Time{}, bad, false
	}
	return t, "", true
}

// isDecimal reports whether s is a decimal integer, with an optional sign
// and '_' between digits as YAML and TOML allow.
func isDecimal(s string) bool {
	s = strings.TrimLeft(s, "+-")
	if s == "" {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}
