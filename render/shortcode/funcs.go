package shortcode

import (
	"fmt"
	"html/template"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/language"

	"github.com/folio-md/folio/render/internal/htmlsafe"
)

// funcState is the call a set of template functions works for: the
// functions markdownify and safeHTML read it. Template binds a fresh one
// to each clone of a template it runs, so concurrent renders never share
// one.
type funcState struct{ call *Call }

// Funcs returns the Hugo template functions folio provides, to pass to
// t.Funcs before t.Parse, since html/template reports an undefined
// function when it parses (ParseTemplate does both):
//
//	t, err := template.New("note").Funcs(shortcode.Funcs()).Parse(text)
//
// The functions, with Hugo's names and meanings:
//
//   - markdownify TEXT: TEXT rendered as Markdown with the renderer's
//     settings (raw HTML policy included), a single wrapping <p> removed.
//   - safeHTML TEXT: TEXT as HTML that is not escaped again. With
//     render.WithUnsafeHTML it is TEXT as written; otherwise the raw HTML
//     in TEXT is omitted as in Markdown ("<!-- raw HTML omitted -->" and a
//     Diagnostic), so that author text (.Get, .Params, .Page) cannot get
//     past the policy. A value that is already HTML (.Inner, markdownify,
//     .RenderString) is kept as it is.
//   - urlize TEXT: TEXT as a URL path, by Hugo's rule: white space runs
//     become '-', characters other than letters, digits, marks and
//     . / \ _ - # + ~ @ (and %XX escapes) are dropped, the result is
//     lower-cased and its non-ASCII characters percent-encoded.
//   - default DEFAULT VALUE: VALUE, or DEFAULT when VALUE is missing or
//     empty (nil, false, 0, "", an empty slice or map).
//   - dict KEY VALUE ...: a map of the pairs, for .RenderString's options.
//   - humanize TEXT: "my-first_post" gives "My first post"; an integer
//     gives its English ordinal ("1st", "22nd").
//   - lower, upper, title TEXT: TEXT in lower case, upper case, or with
//     every word capitalised (Go's cases.Title; Hugo's default "AP" style
//     keeps short words such as "of" in lower case, folio does not).
//   - print, printf, println: html/template's own, as in Hugo.
//
// Outside a render (a template run by hand), markdownify fails and
// safeHTML omits raw HTML. The data a [Template] runs with adds
// .RenderString and .Site.Params.
func Funcs() template.FuncMap { return funcsFor(nil) }

// funcNames are the names Funcs defines, sorted, for error messages.
var funcNames = func() []string {
	var names []string
	for n := range funcsFor(nil) {
		names = append(names, n)
	}
	names = append(names, "print", "printf", "println")
	sort.Strings(names)
	return names
}()

func funcsFor(st *funcState) template.FuncMap {
	call := func() *Call {
		if st == nil {
			return nil
		}
		return st.call
	}
	return template.FuncMap{
		"markdownify": func(v any) (template.HTML, error) {
			c := call()
			if c == nil {
				return "", errOutsideRender
			}
			s, err := c.RenderMarkdown(toText(v))
			return template.HTML(s), err
		},
		"safeHTML": func(v any) template.HTML { return safeHTML(call(), v) },
		"urlize":   func(v any) string { return urlize(toText(v)) },
		"default":  defaultValue,
		"dict":     dict,
		"humanize": func(v any) string { return humanize(v) },
		"lower":    func(v any) string { return strings.ToLower(toText(v)) },
		"upper":    func(v any) string { return strings.ToUpper(toText(v)) },
		"title":    func(v any) string { return cases.Title(language.Und, cases.NoLower).String(toText(v)) },
	}
}

// toText formats a template value as text: strings (and HTML) as they
// are, anything else as fmt.Sprint does.
func toText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case template.HTML:
		return string(v)
	case fmt.Stringer:
		return v.String()
	}
	return fmt.Sprint(v)
}

// safeHTML is the safeHTML function for the call c (nil outside a render).
func safeHTML(c *Call, v any) template.HTML {
	if h, ok := v.(template.HTML); ok {
		return h // made by folio under the policy already
	}
	s := toText(v)
	if c != nil && c.x != nil && (c.x.cfg.UnsafeHTML || c.Markdown) {
		// Trusted input, or a {{% %}} call whose output goldmark renders
		// under the same policy.
		return template.HTML(s)
	}
	b := omitRawHTML(nil, s, func(_ int, tag string) {
		if c != nil {
			c.Warnf("%s (in safeHTML of shortcode %q)", htmlsafe.OmittedMessage([]byte(tag)), c.Name)
		}
	})
	return template.HTML(b)
}

// defaultValue is Hugo's default: given when it is set and not empty,
// else def.
func defaultValue(def any, given ...any) any {
	if len(given) == 0 || isEmpty(given[0]) {
		return def
	}
	return given[0]
}

func isEmpty(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.String, reflect.Slice, reflect.Map, reflect.Array:
		return rv.Len() == 0
	case reflect.Bool:
		return !rv.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return rv.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return rv.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return rv.Float() == 0
	case reflect.Pointer, reflect.Interface:
		return rv.IsNil()
	}
	return false
}

// dict is Hugo's dict: a map of key-value pairs.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: want key-value pairs, got %d arguments", len(kv))
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %d is a %T, not a string", i/2, kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// humanize is Hugo's humanize: an integer becomes its ordinal, text its
// words with the first capitalised.
func humanize(v any) string {
	switch n := v.(type) {
	case int:
		return ordinal(n)
	case int64:
		return ordinal(int(n))
	}
	s := toText(v)
	if n, err := strconv.Atoi(s); err == nil {
		return ordinal(n)
	}
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '-' || r == '_' || unicode.IsSpace(r)
	}), " ")
	s = strings.ToLower(s)
	r, w := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[w:]
}

func ordinal(n int) string {
	suffix := "th"
	switch abs := max(n, -n); {
	case abs%100 >= 11 && abs%100 <= 13:
	case abs%10 == 1:
		suffix = "st"
	case abs%10 == 2:
		suffix = "nd"
	case abs%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// urlize turns s into a URL path as Hugo's urlize does with its default
// settings: white space inside s becomes one '-' (none is added next to
// a '-'), and leading white space is dropped; letters, digits, marks,
// '.', '/', '\', '_', '-', '#', '+', '~', '@' and "%XX" escapes are kept
// and every other character is dropped; the result is lower-cased, and
// its non-ASCII characters are percent-encoded:
// "Hello, World!" gives "hello-world", "Über uns" "%C3%BCber-uns".
func urlize(s string) string {
	src := []rune(s)
	out := make([]rune, 0, len(src))
	prependHyphen, wasHyphen := false, false
	for i, r := range src {
		ok := r == '.' || r == '/' || r == '\\' || r == '_' || r == '#' || r == '+' || r == '~' || r == '-' || r == '@' ||
			unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			r == '%' && i+2 < len(src) && isHex(src[i+1]) && isHex(src[i+2])
		switch {
		case ok:
			wasHyphen = r == '-'
			if prependHyphen {
				if !wasHyphen {
					out = append(out, '-')
				}
				prependHyphen = false
			}
			out = append(out, r)
		case len(out) > 0 && !wasHyphen && unicode.IsSpace(r):
			prependHyphen = true
		}
	}
	p := strings.ToLower(string(out))
	u, err := url.Parse(p)
	if err != nil {
		return p
	}
	return u.String()
}

func isHex(r rune) bool {
	return '0' <= r && r <= '9' || 'a' <= r && r <= 'f' || 'A' <= r && r <= 'F'
}
