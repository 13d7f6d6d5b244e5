package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// taxonomy groups posts by the terms of one front matter list (tags or
// categories). Terms are matched by their URL form, so "Go" and "go" are
// one term shown as first written.
type taxonomy struct {
	kind  string
	terms map[string]*termEntry
}

type termEntry struct {
	name  string // as first written
	key   string // the urlize form, which groups names
	dir   string // its folder under the taxonomy: key, shortened if too long
	items []*item
}

func newTaxonomy(kind string) *taxonomy { return &taxonomy{kind: kind, terms: map[string]*termEntry{}} }

func termKey(name string) string {
	if k := urlize(name); k != "" {
		return k
	}
	return "term"
}

func (tx *taxonomy) add(it *item, names []string) {
	seen := map[string]bool{}
	for _, n := range names {
		k := termKey(n)
		if strings.TrimSpace(n) == "" || seen[k] {
			continue
		}
		seen[k] = true
		t := tx.terms[k]
		if t == nil {
			t = &termEntry{name: n, key: k}
			tx.terms[k] = t
		}
		t.items = append(t.items, it)
	}
}

var singular = map[string]string{"tags": "tag", "categories": "category"}

// shorten returns s, or its first runes and "…" when it is long, for a
// message.
func shorten(s string) string {
	const n = 40
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// assignDirs gives every term its folder, in key order: the key, or when
// it is too long its short form (shortName), with a number added in the
// unlikely case that another term has that name already. A shortened term
// is reported in each post that has it, at the list's key. Call it once
// all terms are added, before url.
func (tx *taxonomy) assignDirs() {
	used := map[string]bool{}
	for _, t := range tx.sorted() {
		if len(t.key) <= maxName {
			used[t.key] = true
		}
	}
	for _, t := range tx.sorted() {
		if len(t.key) <= maxName {
			t.dir = t.key
			continue
		}
		dir := shortName(t.key)
		for n := 2; used[dir]; n++ {
			dir = shortName(fmt.Sprintf("%s-%d", t.key, n))
		}
		used[dir] = true
		t.dir = dir
		for _, it := range t.items {
			it.warn(tx.kind, "%s %q is %d bytes as a file name, more than the %d allowed here; its page is %s/%s/",
				singular[tx.kind], shorten(t.name), len(t.key), maxName, tx.kind, dir)
		}
	}
}

// url returns the page of a term relative to the site root.
func (tx *taxonomy) url(name string) string {
	dir := termKey(name)
	if t := tx.terms[dir]; t != nil && t.dir != "" {
		dir = t.dir
	}
	return tx.kind + "/" + dir + "/index.html"
}

// sorted returns the terms by name.
func (tx *taxonomy) sorted() []*termEntry {
	ts := make([]*termEntry, 0, len(tx.terms))
	for _, t := range tx.terms {
		ts = append(ts, t)
	}
	slices.SortFunc(ts, func(a, b *termEntry) int { return strings.Compare(a.key, b.key) })
	return ts
}
