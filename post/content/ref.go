package content

import (
	"fmt"
	"path"
	"strings"

	"github.com/folio-md/folio/render/shortcode"
)

// cleanRefPath turns a reference ("posts/hello.md", "/posts/bundle/index.md",
// "/Posts/Hello/") into a page path ("/posts/hello").
func (s *Site) cleanRefPath(ref string) string {
	ref = strings.ReplaceAll(ref, "\\", "/")
	ref = "/" + strings.Trim(ref, "/")
	dir, base := splitLast(ref)
	if ext := path.Ext(base); ext != "" && contentExts[strings.ToLower(ext[1:])] {
		base = strings.TrimSuffix(base, ext)
		if i := strings.LastIndexByte(base, '.'); i > 0 {
			if _, ok := s.cfg.langIndex[strings.ToLower(base[i+1:])]; ok {
				base = base[:i]
			}
		}
		if base == "index" || base == "_index" {
			base = ""
		}
	}
	p := path.Clean(dir + "/" + base)
	return normalizePath(p, false)
}

// Find returns the page a reference names, as Hugo's ref and relref
// find it, from page from (nil to look from the root) in language lang
// ("" for from's language, or the default one): a path with a leading
// '/' from the content root; any other path relative to from's folder
// first, then from the root; a bare file name ("hello.md") anywhere in
// the language when one page alone has it. File extensions, index and
// _index file names and language suffixes may be written or not:
// "/posts/bundle/index.md", "/posts/bundle" and "posts/bundle/" are one
// page. A reference no page has is an error wrapping ErrRefNotFound; a
// bare name several pages have, ErrRefAmbiguous.
func (s *Site) Find(from *Page, lang, ref string) (*Page, error) {
	li, err := s.refLang(from, lang)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", ref, err)
	}
	pages := s.byLang[li]
	ref = strings.TrimSpace(ref)
	if ref == "" {
		if from == nil {
			return nil, fmt.Errorf("%w: empty reference", ErrRefNotFound)
		}
		if from.langIndex == li {
			return from, nil
		}
		for _, t := range from.Translations {
			if t.langIndex == li {
				return t, nil
			}
		}
		return nil, fmt.Errorf("%w: %s has no translation in %q", ErrRefNotFound, from.Path, s.cfg.langs[li].Code)
	}
	if !strings.HasPrefix(ref, "/") && from != nil {
		base := from.Path
		if from.Kind == KindPage && from.BundleType != LeafBundle {
			base, _ = splitLast(from.Path)
		}
		if from.File != "" {
			base = "/" + from.dir
		}
		if p := pages[s.cleanRefPath(path.Join(base, ref))]; p != nil {
			return p, nil
		}
	}
	if p := pages[s.cleanRefPath(ref)]; p != nil {
		return p, nil
	}
	if !strings.Contains(strings.Trim(ref, "/"), "/") {
		_, base := splitLast(s.cleanRefPath(ref))
		switch found := s.byBase[li][base]; len(found) {
		case 0:
		case 1:
			return found[0], nil
		default:
			return nil, fmt.Errorf("%w: %q is the name of %s and %s", ErrRefAmbiguous, ref, found[0].Path, found[1].Path)
		}
	}
	return nil, fmt.Errorf("%w: %q", ErrRefNotFound, ref)
}

func (s *Site) refLang(from *Page, lang string) (int, error) {
	if lang == "" {
		if from != nil {
			return from.langIndex, nil
		}
		return s.cfg.langIndex[s.DefaultLanguage], nil
	}
	li, ok := s.cfg.langIndex[strings.ToLower(lang)]
	if !ok {
		return 0, fmt.Errorf("%w: no language %q", ErrRefNotFound, lang)
	}
	return li, nil
}

// RelRef returns the RelPermalink of the page ref names, with its
// #anchor, as Hugo's relref does: "/posts/hello/#intro" for
// "hello.md#intro". A reference that is only an anchor ("#intro") is
// returned as it is. See Find for how pages are found.
func (s *Site) RelRef(from *Page, lang, ref string) (string, error) {
	return s.ref(from, lang, ref, true)
}

// Ref is RelRef with the page's Permalink, as Hugo's ref.
func (s *Site) Ref(from *Page, lang, ref string) (string, error) {
	return s.ref(from, lang, ref, false)
}

func (s *Site) ref(from *Page, lang, ref string, relative bool) (string, error) {
	target, anchor, hasAnchor := strings.Cut(ref, "#")
	if hasAnchor {
		anchor = "#" + anchor
	}
	if target == "" && hasAnchor && lang == "" {
		return anchor, nil
	}
	p, err := s.Find(from, lang, target)
	if err != nil {
		return "", err
	}
	if p.RelPermalink == "" {
		return "", fmt.Errorf("%w: %q is %s, which is not rendered", ErrRefNotFound, ref, p.Path)
	}
	if relative {
		return p.RelPermalink + anchor, nil
	}
	return p.Permalink + anchor, nil
}

// RefResolver returns a resolver for the ref and relref shortcodes
// (render.WithRefResolver): the page being rendered is found from its
// *post.Post (a post Load parsed), and the call's path, lang and
// relative flag go to Ref or RelRef. A reference that finds no page is
// an error, which the renderer reports at the call.
func (s *Site) RefResolver() shortcode.RefResolver {
	return func(r shortcode.Ref) (string, error) {
		var from *Page
		if r.Page != nil {
			from = s.byPost[r.Page]
		}
		return s.ref(from, r.Lang, r.Path, r.Relative)
	}
}

// LinkURL rewrites the destination of a Markdown link written in page
// from when it names a content file ("../about.md", "other.md#part",
// "/docs/_index.md"): it returns the page's RelPermalink with the
// anchor, and true. Other destinations (URLs, anchors, paths that are
// not content files) come back unchanged with false; a content file no
// page has is an error wrapping ErrRefNotFound. Hugo leaves .md links as
// written unless a render hook resolves them; LinkURL is that hook's
// logic.
func (s *Site) LinkURL(from *Page, dest string) (string, bool, error) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.Contains(dest, "://") || strings.HasPrefix(dest, "//") ||
		strings.HasPrefix(strings.ToLower(dest), "mailto:") {
		return dest, false, nil
	}
	target, anchor, hasAnchor := strings.Cut(dest, "#")
	if hasAnchor {
		anchor = "#" + anchor
	}
	target, _, _ = strings.Cut(target, "?")
	ext := strings.ToLower(path.Ext(target))
	if ext == "" || !contentExts[ext[1:]] || ext == ".html" || ext == ".htm" {
		return dest, false, nil
	}
	u, err := s.RelRef(from, "", target)
	if err != nil {
		return "", false, err
	}
	return u + anchor, true, nil
}
