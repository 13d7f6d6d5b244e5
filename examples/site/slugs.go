package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// assignSlugs gives each post a folder name under posts/: its front
// matter's slug or else its file name (a bundle's index.md and a section's
// _index.md take their folder's name), cleaned for a URL and kept to
// maxName bytes. Posts are taken in path order; a name already taken gets
// the parent folder's name in front, then a number, so every post keeps
// its own page. A slug that had to be shortened is reported at its key.
func assignSlugs(items []*item) {
	used := map[string]bool{}
	for _, it := range items { // in path order
		dir, file := path.Split(it.rel)
		dir = strings.TrimSuffix(dir, "/")
		base := strings.TrimSuffix(file, path.Ext(file))
		if (base == "index" || base == "_index") && dir != "" {
			base = path.Base(dir)
			dir = path.Dir(dir)
		}
		full := urlize(it.post.FrontMatter.Slug)
		fromSlug := full != ""
		if !fromSlug {
			full = urlize(base)
		}
		if full == "" {
			full = "post"
		}
		slug := shortName(full)
		if used[slug] && dir != "" && dir != "." {
			if s := shortName(urlize(path.Base(dir)) + "-" + slug); !used[s] {
				slug = s
			}
		}
		if used[slug] {
			n := 2
			for used[shortName(fmt.Sprintf("%s-%d", slug, n))] {
				n++
			}
			slug = shortName(fmt.Sprintf("%s-%d", slug, n))
		}
		used[slug] = true
		it.slug = slug
		if len(full) > maxName {
			what, key := "the name of the file is %d bytes as a slug", ""
			if fromSlug {
				what, key = "slug is %d bytes as a file name", "slug"
			}
			it.warn(key, what+", more than the %d allowed here; the post is written to posts/%s/", len(full), maxName, slug)
		}
	}
}

// maxName is the longest file name, in bytes, that the site writes for a
// slug or a term: well under the 255 bytes most file systems allow.
const maxName = 200

// shortName returns name when it is at most maxName bytes long. A longer
// name is cut to its first runes, with any '-' or '.' at the cut removed,
// and a hash of the whole name is added after a '-', within maxName bytes:
// the result is a valid urlize output, readable, the same on every run,
// and different for two different long names.
func shortName(name string) string {
	if len(name) <= maxName {
		return name
	}
	sum := sha256.Sum256([]byte(name))
	hash := hex.EncodeToString(sum[:6])
	keep := maxName - 1 - len(hash)
	for keep > 0 && !utf8.RuneStart(name[keep]) {
		keep--
	}
	prefix := strings.TrimRight(name[:keep], "-.")
	if prefix == "" {
		return hash
	}
	return prefix + "-" + hash
}

// urlize makes s a safe, lower-case path segment: letters and digits are
// kept, '_' and '.' too, every other run of characters becomes one '-', and
// '-' and '.' are trimmed from both ends, so "../x" cannot climb out of
// the site.
func urlize(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return strings.Trim(b.String(), "-.")
}
