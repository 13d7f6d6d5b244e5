package render_test

// Safety tests: untrusted Markdown must not inject script.
//
// Threat model. The author of a post is not trusted: the Markdown body, the
// front matter (params, summary) and the arguments of shortcode calls are
// all theirs. The site is trusted: the renderer options, registered
// shortcode handlers and templates, and the ref resolver, although what a
// resolver returns is derived from the author's path and is checked like
// any other URL. With render.New()'s defaults (raw HTML off) and with
// render.Extender inside a plain goldmark, no input may produce HTML that
// runs script, loads another document or plug-in, submits a form, or
// restyles the page; and folio must never be less safe than goldmark alone
// on the same input.
//
// How the checker decides (unsafeParts, in safety_check_test.go). The
// output is read four ways (parsed as a <body> fragment with scripting on
// and off, tokenized with and without raw text rules) and every element and
// attribute found in any reading is judged:
//
//   - script, style, object, embed, applet, base, meta, link, form, frame,
//     frameset and portal elements are violations, and inside svg or math
//     so are script, foreignObject, the animation elements, use,
//     annotation-xml and maction;
//   - any on* attribute and any srcdoc attribute is a violation;
//   - a style attribute is a violation unless its value is one that folio's
//     own fixed markup writes on that element: the video embeds, goldmark's
//     table alignment and chroma's inline colours (collected from real
//     output when the tests start);
//   - URL attributes (href, src, action, formaction, srcset, poster, cite,
//     data, ping, xlink:href, ...) must have no scheme, or http, https,
//     mailto or tel, or (on <img src> only) a data: URL of a PNG, GIF, JPEG
//     or WebP image. The scheme is read as a browser reads it, after the
//     parser has decoded character references, C0 controls and spaces are
//     trimmed and tabs and newlines removed; then again with every control
//     character removed and after one round of percent-decoding. So an
//     unknown scheme such as foo: is a violation, and so is
//     "javascript%3Aalert(1)", which a browser would take for a path: the
//     checker errs on the safe side;
//   - an iframe must be a YouTube (nocookie or not) or Vimeo player embed.
//
// TestSafetyVectors puts every vector of testdata/safety/vectors.txt into
// every channel (a slot in a Markdown template: a link destination, a
// heading attribute, a shortcode argument, a front matter param, ...) and
// checks Result.HTML, Result.Summary and the TOC's HTML; the Markdown-only
// channels are rendered through render.Extender as well. Plain goldmark
// renders the same input as a baseline: its violations are only logged,
// as evidence that folio is not less safe. FuzzRenderSafe checks the same
// property on any input.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"html"
	"html/template"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/folio-md/folio/internal/golden"
	"github.com/folio-md/folio/post"
	"github.com/folio-md/folio/render"
	"github.com/folio-md/folio/render/shortcode"
	"github.com/folio-md/folio/toc"
)

var safetySeeds = flag.String("safety.seeds", "all",
	"FuzzRenderSafe seed corpus: all (goldens and vectors), passing (goldens and harmless channel inputs that pass today) or none")

// vector is one attack string, numbered in file order.
type vector struct {
	id  string // vec000, vec001, ...
	val string
}

// loadVectors reads testdata/safety/vectors.txt (its format is described at
// the top of the file).
func loadVectors(tb testing.TB) []vector {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "safety", "vectors.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var vs []vector
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, `"`) {
			u, err := strconv.Unquote(line)
			if err != nil {
				tb.Fatalf("vectors.txt:%d: %v", n, err)
			}
			line = u
		}
		vs = append(vs, vector{id: fmt.Sprintf("vec%03d", len(vs)), val: line})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return vs
}

// channel is a place a vector can go: a Markdown template with a slot.
type channel struct {
	name string
	// md is the Markdown body holding v.
	md func(v string) string
	// fm, when set, gives the front matter: the channel renders a post read
	// by post.Parse with RenderPost.
	fm func(v string) map[string]any
	// gm is what plain goldmark renders as the baseline; nil means md(v).
	gm func(v string) string
	// sc marks channels that use shortcodes, which the Extender does not
	// run: only New's Renderer renders them.
	sc bool
	// opts, when set, are renderer options that depend on v (a ref
	// resolver, site params).
	opts func(v string) []render.Option
	// alt sends the channel's FuzzRenderSafe seeds to the renderers with
	// the alternative options (fuzzAltOptions), where the built-in
	// renderings are on.
	alt bool
}

// arg writes v as a shortcode argument: quoted when it can be, else raw.
func arg(v string) string {
	switch {
	case !strings.ContainsAny(v, "\"\n"):
		return `"` + v + `"`
	case !strings.Contains(v, "`"):
		return "`" + v + "`"
	}
	return `"` + strings.ReplaceAll(strings.ReplaceAll(v, `"`, `\"`), "\n", " ") + `"`
}

func fmU(v string) map[string]any { return map[string]any{"u": v} }

// hostileFigure is a shortcode whose own output is correct (its class is
// escaped) but must never land inside an attribute: a forged placeholder
// would put it there.
const hostileFigure = `{{< figure src="/a.png" class="c onerror=alert(1) d" >}}` + "\n\n"

func channels() []channel {
	resolver := func(v string) []render.Option {
		return []render.Option{render.WithRefResolver(func(shortcode.Ref) (string, error) { return v, nil })}
	}
	same := func(v string) string { return v }
	return append([]channel{
		// Markdown only: also rendered through the Extender.
		{name: "link", md: func(v string) string { return "[x](" + v + ")\n" }},
		{name: "link-angle", md: func(v string) string { return "[x](<" + v + ">)\n" }},
		{name: "link-title", md: func(v string) string { return "[x](/ok \"" + v + "\")\n" }},
		{name: "link-title-single", md: func(v string) string { return "[x](/ok '" + v + "')\n" }},
		{name: "link-text", md: func(v string) string { return "[" + v + "](/ok)\n" }},
		{name: "image", md: func(v string) string { return "![a](" + v + ")\n" }},
		{name: "image-alt", md: func(v string) string { return "![" + v + "](/i.png)\n" }},
		{name: "image-title", md: func(v string) string { return "![a](/i.png \"" + v + "\")\n" }},
		{name: "refdef", md: func(v string) string { return "[x][r] ![y][r]\n\n[r]: " + v + "\n" }},
		{name: "refdef-title", md: func(v string) string { return "[x][r]\n\n[r]: /ok \"" + v + "\"\n" }},
		{name: "autolink", md: func(v string) string { return "<" + v + ">\n" }},
		{name: "linkify", md: func(v string) string { return "see " + v + " now\n" }},
		{name: "linkify-www", md: func(v string) string { return "www.example.com/" + v + "\n" }},
		{name: "bf-image", md: func(v string) string { return "![a](" + v + "?\"t\")\n" }},
		{name: "bf-image-title", md: func(v string) string { return "![a](/i.png?\"" + v + "\")\n" }},
		{name: "footnote", md: func(v string) string { return "x[^1]\n\n[^1]: " + v + " [f](" + v + ")\n" }},
		{name: "table", md: func(v string) string { return "| a | b |\n|:--|--:|\n| " + v + " | [x](" + v + ") |\n" }},
		{name: "heading", md: func(v string) string { return "## " + v + "\n" }},
		{name: "heading-link", md: func(v string) string { return "## [x](" + v + ") " + v + "\n" }},
		{name: "heading-attr-title", md: func(v string) string { return "## h {title=\"" + v + "\"}\n" }},
		{name: "heading-attr-id", md: func(v string) string { return "## h {#" + v + "}\n" }},
		{name: "heading-attr-class", md: func(v string) string { return "## h {." + v + "}\n" }},
		{name: "heading-attr-style", md: func(v string) string { return "## h {style=\"" + v + "\"}\n" }},
		{name: "heading-attr-onclick", md: func(v string) string { return "## h {onclick=\"" + v + "\"}\n" }},
		{name: "heading-attr-data", md: func(v string) string { return "## h {data-x=\"" + v + "\"}\n" }},
		{name: "heading-attr-href", md: func(v string) string { return "## h {href=\"" + v + "\" src=\"" + v + "\"}\n" }},
		{name: "heading-attr-bare", md: func(v string) string { return "## h {" + v + "}\n" }},
		{name: "setext", md: func(v string) string { return v + "\n===\n" }},
		{name: "list", md: func(v string) string { return "- " + v + "\n- [x](" + v + ")\n" }},
		{name: "tasklist", md: func(v string) string { return "- [ ] " + v + "\n- [x] ok\n" }},
		{name: "blockquote", md: func(v string) string { return "> " + v + "\n>\n> [x](" + v + ")\n" }},
		{name: "emphasis", md: func(v string) string { return "*" + v + "* **" + v + "** ~~" + v + "~~\n" }},
		{name: "codespan", md: func(v string) string { return "`" + v + "`\n" }},
		{name: "text", md: same},
		{name: "html-block", md: func(v string) string { return "<div>\n" + v + "\n</div>\n" }},
		{name: "deflist", md: func(v string) string { return "term\n: " + v + "\n" }},
		{name: "fence-info", md: func(v string) string { return "```" + v + "\nx\n```\n" }},
		{name: "fence-attrs", md: func(v string) string {
			return "```go {href=\"" + v + "\" formaction=\"" + v + "\" srcdoc=\"" + v + "\" style=\"" + v + "\" onclick=\"" + v + "\"}\nx\n```\n"
		}},
		{name: "fence-attr-bare", md: func(v string) string { return "```go {" + v + "}\nx\n```\n" }},
		{name: "fence-code", md: func(v string) string { return "```html\n" + v + "\n```\n" }},
		{name: "indented-code", md: func(v string) string { return "    " + v + "\n" }},
		{name: "summary-more", md: func(v string) string { return v + "\n\n[x](" + v + ")\n\n<!--more-->\n\nrest\n" }},

		// Shortcodes: rendered by New's Renderer only.
		{name: "figure-src", sc: true, md: func(v string) string { return "{{< figure src=" + arg(v) + " >}}\n" }},
		{name: "figure-link", sc: true, md: func(v string) string { return "{{< figure src=\"/a.png\" link=" + arg(v) + " >}}\n" }},
		{name: "figure-attrlink", sc: true, md: func(v string) string {
			return "{{< figure src=\"/a.png\" attr=\"by\" attrlink=" + arg(v) + " >}}\n"
		}},
		{name: "figure-caption", sc: true, md: func(v string) string { return "{{< figure src=\"/a.png\" caption=" + arg(v) + " >}}\n" }},
		{name: "figure-caption-link", sc: true, md: func(v string) string {
			return "{{< figure src=\"/a.png\" caption=" + arg("[c]("+v+")") + " >}}\n"
		}},
		{name: "figure-title", sc: true, md: func(v string) string { return "{{< figure src=\"/a.png\" title=" + arg(v) + " >}}\n" }},
		{name: "figure-alt", sc: true, md: func(v string) string { return "{{< figure src=\"/a.png\" alt=" + arg(v) + " >}}\n" }},
		{name: "figure-class", sc: true, md: func(v string) string { return "{{< figure src=\"/a.png\" class=" + arg(v) + " >}}\n" }},
		{name: "figure-misc", sc: true, md: func(v string) string {
			a := arg(v)
			return "{{< figure src=\"/a.png\" link=\"/l\" target=" + a + " rel=" + a + " width=" + a + " height=" + a + " loading=" + a + " >}}\n"
		}},
		{name: "details-summary", sc: true, md: func(v string) string { return "{{< details summary=" + arg(v) + " >}}x{{< /details >}}\n" }},
		{name: "details-title", sc: true, md: func(v string) string {
			return "{{< details title=" + arg(v) + " class=" + arg(v) + " name=" + arg(v) + " >}}x{{< /details >}}\n"
		}},
		{name: "details-inner", sc: true, md: func(v string) string { return "{{< details >}}\n" + v + "\n{{< /details >}}\n" }},
		{name: "details-inner-md", sc: true, md: func(v string) string { return "{{% details %}}\n" + v + "\n{{% /details %}}\n" }},
		{name: "youtube-id", sc: true, md: func(v string) string { return "{{< youtube " + arg(v) + " >}}\n" }},
		{name: "youtube-attrs", sc: true, md: func(v string) string {
			return "{{< youtube id=\"dQw4w9WgXcQ\" title=" + arg(v) + " class=" + arg(v) + " >}}\n"
		}},
		{name: "youtube-url", sc: true, md: func(v string) string {
			return "{{< youtube " + arg("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t="+v) + " >}}\n"
		}},
		{name: "vimeo-id", sc: true, md: func(v string) string { return "{{< vimeo " + arg(v) + " >}}\n" }},
		{name: "vimeo-url", sc: true, md: func(v string) string { return "{{< vimeo " + arg("https://vimeo.com/55073825#"+v) + " >}}\n" }},
		{name: "vimeo-attrs", sc: true, md: func(v string) string { return "{{< vimeo 55073825 " + arg(v) + " " + arg(v) + " >}}\n" }},
		{name: "highlight-code", sc: true, md: func(v string) string { return "{{< highlight html >}}\n" + v + "\n{{< /highlight >}}\n" }},
		{name: "highlight-lang", sc: true, md: func(v string) string { return "{{< highlight " + arg(v) + " >}}\nx\n{{< /highlight >}}\n" }},
		{name: "highlight-opts", sc: true, md: func(v string) string {
			return "{{< highlight go " + arg(v) + " >}}\nx\n{{< /highlight >}}\n"
		}},
		{name: "param-link", sc: true, fm: fmU, md: func(string) string { return "[x]({{< param u >}}) ![i]({{< param u >}})\n" },
			gm: func(v string) string { return "[x](" + v + ") ![i](" + v + ")\n" }},
		{name: "param-text", sc: true, fm: fmU, md: func(string) string { return "{{< param u >}}\n" }, gm: same},
		{name: "param-alt", sc: true, fm: fmU, md: func(string) string { return "![{{< param u >}}](/i.png)\n" },
			gm: func(v string) string { return "![" + v + "](/i.png)\n" }},
		{name: "param-title", sc: true, fm: fmU, md: func(string) string { return "[x](/ok \"{{< param u >}}\")\n" },
			gm: func(v string) string { return "[x](/ok \"" + v + "\")\n" }},
		{name: "param-heading", sc: true, fm: fmU, md: func(string) string { return "## {{< param u >}}\n" },
			gm: func(v string) string { return "## " + v + "\n" }},
		{name: "param-heading-attr", sc: true, fm: fmU, md: func(string) string {
			return "## h {title=\"{{< param u >}}\" data-x=\"{{< param u >}}\"}\n"
		}, gm: func(v string) string { return "## h {title=\"" + v + "\" data-x=\"" + v + "\"}\n" }},
		{name: "param-heading-id", sc: true, fm: fmU, md: func(string) string { return "## h {#{{< param u >}}}\n" },
			gm: func(v string) string { return "## h {#" + v + "}\n" }},
		{name: "param-md-link", sc: true, fm: fmU, md: func(string) string { return "[x]({{% param u %}})\n" },
			gm: func(v string) string { return "[x](" + v + ")\n" }},
		{name: "param-md-text", sc: true, fm: fmU, md: func(string) string { return "{{% param u %}}\n" }, gm: same},
		{name: "site-param", sc: true,
			opts: func(v string) []render.Option { return []render.Option{render.WithSiteParams(fmU(v))} },
			md:   func(string) string { return "[x]({{< param u >}}) {{< param u >}}\n" },
			gm:   func(v string) string { return "[x](" + v + ") " + v + "\n" }},
		{name: "ref-link", sc: true, opts: resolver, md: func(string) string { return "[x]({{< ref \"a.md\" >}})\n" },
			gm: func(v string) string { return "[x](" + v + ")\n" }},
		{name: "relref-image", sc: true, opts: resolver, md: func(string) string { return "![a]({{< relref \"a.md\" >}})\n" },
			gm: func(v string) string { return "![a](" + v + ")\n" }},
		{name: "ref-text", sc: true, opts: resolver, md: func(string) string { return "{{< ref \"a.md\" >}}\n" }, gm: same},
		{name: "ref-path", sc: true,
			opts: func(string) []render.Option {
				return []render.Option{render.WithRefResolver(func(r shortcode.Ref) (string, error) { return r.Path, nil })}
			},
			md: func(v string) string { return "[x]({{< ref " + arg(v) + " >}})\n" },
			gm: func(v string) string { return "[x](" + v + ")\n" }},
		{name: "sc-link-title", sc: true, md: func(v string) string {
			return "[x](/ok \"{{< figure src=\"/a.png\" class=" + arg(v) + " >}}\")\n"
		}},
		{name: "sc-link-dest", sc: true, md: func(v string) string { return "[x]({{< figure src=" + arg(v) + " >}})\n" }},
		{name: "sc-image-alt", sc: true, md: func(v string) string {
			return "![{{< figure src=\"/a.png\" class=" + arg(v) + " >}}](/m.png)\n"
		}},
		{name: "sc-heading-attr", sc: true, md: func(v string) string {
			return "## h {title=\"{{< figure src=\"/a.png\" class=" + arg(v) + " >}}\"}\n"
		}},
		{name: "sc-heading-text", sc: true, md: func(v string) string { return "## a {{< figure src=\"/a.png\" alt=" + arg(v) + " >}}\n" }},
		{name: "toc-shortcode", sc: true, fm: fmU, md: func(v string) string {
			return "{{< toc >}}\n\n## " + v + "\n\n## [x](" + v + ") {{< param u >}}\n"
		}},
		{name: "forge-heading", sc: true, md: func(v string) string { return hostileFigure + "## " + v + "\n\n" + v + "\n---\n" }},
		{name: "forge-attrs", sc: true, md: func(v string) string {
			return hostileFigure + "## h {title=\"" + v + "\" ." + v + "}\n\n[x](" + v + " \"" + v + "\") ![" + v + "](/i.png)\n\n```" + v + "\nx\n```\n"
		}},
		{name: "forge-param", sc: true, fm: fmU, md: func(v string) string { return hostileFigure + "[x]({{< param u >}})\n\n## {{< param u >}}\n" }},
		{name: "summary-fm", sc: true,
			fm: func(v string) map[string]any { return map[string]any{"summary": "[x](" + v + ") " + v} },
			md: func(string) string { return "Body text.\n" },
			gm: func(v string) string { return "[x](" + v + ") " + v + "\n" }},
		{name: "template-inner", sc: true, md: func(v string) string { return "{{< note >}}" + v + "{{< /note >}}\n" }},
		{name: "template-inner-block", sc: true, md: func(v string) string { return "{{< note >}}\n" + v + "\n{{< /note >}}\n" }},
		{name: "template-get", sc: true, md: func(v string) string {
			return "{{< tlink href=" + arg(v) + " title=" + arg(v) + " text=" + arg(v) + " >}}\n"
		}},
		{name: "template-hugo-funcs", sc: true, md: func(v string) string {
			return "{{< hugofn a=" + arg(v) + " b=" + arg(v) + " c=" + arg(v) + " >}}" + v + "{{< /hugofn >}}\n"
		}},
		{name: "handler-esc", sc: true, md: func(v string) string {
			return "{{< esc " + arg(v) + " >}} [x]({{< esc " + arg(v) + " >}}) ![{{< esc " + arg(v) + " >}}](/i.png)\n"
		}},
		{name: "handler-md", sc: true, md: func(v string) string { return "{{% md %}}\n[x](" + v + ") " + v + "\n{{% /md %}}\n" }},
		{name: "md-details-summary", sc: true, md: func(v string) string { return "{{% details summary=" + arg(v) + " %}}x{{% /details %}}\n" }},
	}, append(append(codeFeatureChannels(), builtinChannels()...), markupChannels()...)...)
}

// The site's own shortcode templates, registered in every test renderer.
var (
	noteTemplate  = template.Must(template.New("note").Parse(`<div class="note">{{ .Inner }}</div>`))
	tlinkTemplate = template.Must(template.New("tlink").Parse(`<a href="{{ .Get "href" }}" title="{{ .Get "title" }}">{{ .Get "text" }}</a>`))
	// hugofn is a ported template that marks author text safe the Hugo way
	// (safeHTML, markdownify, urlize from shortcode.Funcs).
	hugofnTemplate = template.Must(shortcode.ParseTemplate("hugofn",
		`<p>{{ .Get "a" | safeHTML }}</p><div>{{ .Get "b" | markdownify }}</div><a href="/t/{{ .Get "c" | urlize }}">{{ .Inner | safeHTML }}</a>`))
)

// siteShortcodes registers the site's shortcodes: two templates, a Go
// handler that escapes its argument correctly, and a Markdown-notation
// handler that returns its inner Markdown, to be rendered with the page.
// siteParams gives the param shortcode a value where the channel has no
// front matter, so that a vector calling {{< param u >}} renders: a URL
// that must not survive in a link.
var siteParams = render.WithSiteParams(map[string]any{"u": "javascript:alert(1)"})

func siteShortcodes() []render.Option {
	return []render.Option{
		render.WithShortcodeHandler("note", shortcode.Template(noteTemplate)),
		render.WithShortcodeHandler("tlink", shortcode.Template(tlinkTemplate)),
		render.WithShortcodeHandler("hugofn", shortcode.Template(hugofnTemplate)),
		render.WithShortcodeHandler("esc", shortcode.Handler{Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := io.WriteString(w, `<span class="esc">`+html.EscapeString(sc.GetString(0))+`</span>`)
			return err
		}}),
		render.WithShortcodeHandler("md", shortcode.Handler{Inner: shortcode.InnerOptional, Render: func(w io.Writer, sc *shortcode.Call) error {
			_, err := io.WriteString(w, sc.Inner)
			return err
		}}),
	}
}

// baseline is plain goldmark with the extensions folio turns on.
func baseline() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAttribute(), parser.WithAutoHeadingID()),
	)
}

// extended is a plain goldmark with folio's Extender, as the Extender's
// documentation shows.
func extended() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, &render.Extender{}))
}

// withFrontMatter returns a post file: fm as a JSON front matter, then md.
func withFrontMatter(fm map[string]any, md string) ([]byte, error) {
	b, err := json.Marshal(fm)
	if err != nil {
		return nil, err
	}
	return append(append(b, '\n'), md...), nil
}

// output is one piece of a render to check.
type output struct {
	Name string // HTML, Summary or TOC, each perhaps after "HugoCompat "
	HTML []byte
}

// renderFolio renders md (with front matter fm, when not nil) with r and
// returns the pieces to check, or an error: a *refusal when folio refused
// the input acceptably.
func renderFolio(r *render.Renderer, fm map[string]any, md string) ([]output, error) {
	var res *render.Result
	var err error
	if fm == nil {
		res, err = r.Render([]byte(md))
	} else {
		var src []byte
		if src, err = withFrontMatter(fm, md); err != nil {
			return nil, err
		}
		var p *post.Post
		if p, err = post.Parse(src); err == nil {
			res, err = r.RenderPost(p)
		}
	}
	if err != nil {
		return nil, acceptableError(err)
	}
	return []output{{"HTML", res.HTML}, {"Summary", res.Summary}, {"TOC", res.TOC.HTML()}}, nil
}

// emptyTOC is the HTML of an empty table of contents, checked once by the
// checker's tests rather than in every case.
var emptyTOC = []byte(`<nav id="TableOfContents"></nav>`)

// renderExtender renders md through a goldmark with the Extender.
func renderExtender(md goldmark.Markdown, src string) ([]output, error) {
	pc := parser.NewContext()
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf, parser.WithContext(pc)); err != nil {
		return nil, acceptableError(err)
	}
	outs := []output{{"HTML", buf.Bytes()}}
	if t := toc.Get(pc); t != nil {
		outs = append(outs, output{"TOC", t.HTML()})
	}
	return outs, nil
}

// refusal is an acceptable render error: a *post.ParseError at line 1 or
// later.
type refusal struct{ err error }

func (r *refusal) Error() string { return "refused: " + r.err.Error() }

func isRefusal(err error) bool {
	var r *refusal
	return errors.As(err, &r)
}

// acceptableError returns a *refusal for an error with a position, a
// *post.ParseError at line 1 or later, and a failure otherwise.
func acceptableError(err error) error {
	var pe *post.ParseError
	if errors.As(err, &pe) && pe.Line >= 1 {
		return &refusal{err}
	}
	return fmt.Errorf("error without a position (%T): %w", err, err)
}

// problems checks every output and describes what is wrong. An output
// equal to one already checked is skipped.
func problems(outs []output) []string {
	var ps []string
	for i, o := range outs {
		if slices.ContainsFunc(outs[:i], func(p output) bool { return bytes.Equal(p.HTML, o.HTML) }) || bytes.Equal(o.HTML, emptyTOC) {
			continue
		}
		for _, p := range unsafeParts(o.HTML) {
			ps = append(ps, o.Name+": "+p)
		}
	}
	return ps
}

func showOutputs(outs []output) string {
	var b strings.Builder
	for _, o := range outs {
		fmt.Fprintf(&b, "--- %s ---\n%s\n", o.Name, bytes.TrimRight(o.HTML, "\n"))
	}
	return b.String()
}

// safetyStats counts cases for the closing log line.
type safetyStats struct {
	cases, unsafe, folioOnly, baselineUnsafe, refused, hung atomic.Int64
}

// testVectors returns the attack vectors, or under -short and the race
// detector a sample of them: every fifth.
func testVectors(t *testing.T) []vector {
	vectors := loadVectors(t)
	if !testing.Short() && !raceEnabled {
		return vectors
	}
	var sample []vector
	for i, v := range vectors {
		if i%5 == 0 {
			sample = append(sample, v)
		}
	}
	return sample
}

// TestSafetyVectors renders every vector in every channel, with folio and,
// for the Markdown-only channels, with the Extender; both must be safe.
// Plain goldmark's violations on the same input are logged only.
func TestSafetyVectors(t *testing.T) {
	vectors := testVectors(t)
	chans := channels()
	ext := 0
	for _, ch := range chans {
		if markdownOnly(ch) {
			ext++
		}
	}
	var st safetyStats
	var pool helperPool
	t.Cleanup(pool.stop)
	t.Cleanup(func() {
		t.Logf("%d vectors × (%d channels + %d through the Extender) = %d cases: unsafe %d (%d where plain goldmark is safe), hung %d, refused with a positioned error %d; plain goldmark unsafe in %d",
			len(vectors), len(chans), ext, st.cases.Load(), st.unsafe.Load(), st.folioOnly.Load(), st.hung.Load(), st.refused.Load(), st.baselineUnsafe.Load())
	})
	for _, ch := range chans {
		t.Run(ch.name, func(t *testing.T) {
			t.Parallel()
			gm := baseline()
			h := pool.get()
			defer pool.put(h)
			for _, v := range vectors {
				t.Run(v.id, func(t *testing.T) {
					outs, err := h.render(ch.name, v.val)
					st.check(t, "folio", ch, v.val, gm, outs, err)
				})
			}
		})
		if !markdownOnly(ch) {
			continue
		}
		t.Run("ext-"+ch.name, func(t *testing.T) {
			t.Parallel()
			gm := baseline()
			md := extended()
			for _, v := range vectors {
				t.Run(v.id, func(t *testing.T) {
					outs, err := renderExtender(md, ch.md(v.val))
					st.check(t, "Extender", ch, v.val, gm, outs, err)
				})
			}
		})
	}
}

// markdownOnly reports whether the Extender can render ch: no shortcodes,
// no front matter, no options.
func markdownOnly(ch channel) bool { return !ch.sc && ch.fm == nil && ch.opts == nil }

// check judges one case: the outputs of who (folio or the Extender) for
// vector v in channel ch, or its error, with plain goldmark as the baseline.
func (st *safetyStats) check(t *testing.T, who string, ch channel, v string, gm goldmark.Markdown, outs []output, err error) {
	t.Helper()
	st.cases.Add(1)
	md := ch.md(v)
	gmSrc := md
	if ch.gm != nil {
		gmSrc = ch.gm(v)
	}
	var buf bytes.Buffer
	var gmBad []string
	if err := gm.Convert([]byte(gmSrc), &buf); err == nil {
		gmBad = unsafeParts(buf.Bytes())
	}
	if len(gmBad) > 0 {
		st.baselineUnsafe.Add(1)
		t.Logf("plain goldmark is unsafe too: %q", gmBad)
	}
	switch {
	case isRefusal(err):
		st.refused.Add(1)
		t.Logf("%s %v", who, err)
		return
	case errors.Is(err, errHung):
		st.hung.Add(1)
		t.Fatalf("vector %q: %v\ninput:\n%s", v, err, md)
	case err != nil:
		t.Fatalf("vector %q: %v\ninput:\n%s", v, err, md)
	}
	ps := problems(outs)
	if len(ps) == 0 {
		return
	}
	st.unsafe.Add(1)
	worse := ""
	if len(gmBad) == 0 {
		st.folioOnly.Add(1)
		worse = " (plain goldmark is safe on the same input: folio is less safe)"
	}
	t.Errorf("vector %q: %s output is unsafe%s:\n  %s\ninput:\n%s\n%s", v, who, worse, strings.Join(ps, "\n  "), md, showOutputs(outs))
}

// renderCase renders vector v in channel ch with folio, as a test renderer
// configured for the channel, once with folio's defaults (base) and once
// under HugoCompat (hugo: Hugo's tables, TOC titles, summaries and
// shortcode markup); see renderFolio for the results, the second render's
// named "HugoCompat ...". A refusal by either is the case's.
func renderCase(base, hugo *render.Renderer, ch channel, v string) ([]output, error) {
	r, rh := base, hugo
	if ch.opts != nil {
		r = render.New(append(siteShortcodes(), ch.opts(v)...)...)
		rh = render.New(append(append(siteShortcodes(), render.HugoCompat()), ch.opts(v)...)...)
	}
	var fm map[string]any
	if ch.fm != nil {
		fm = ch.fm(v)
	}
	outs, err := renderFolio(r, fm, ch.md(v))
	if err != nil {
		return nil, err
	}
	hugoOuts, err := renderFolio(rh, fm, ch.md(v))
	if err != nil {
		return nil, err
	}
	for _, o := range hugoOuts {
		o.Name = "HugoCompat " + o.Name
		outs = append(outs, o)
	}
	return outs, nil
}

// Folio renders run in a helper process (this test binary, running
// TestSafetyHelperProcess), so that an input that makes a render hang or
// grow without bound (forged placeholders that expand into themselves, say)
// fails its own case, after renderTimeout, instead of the whole test run.

const helperEnv = "FOLIO_SAFETY_HELPER"

func renderTimeout() time.Duration {
	if raceEnabled {
		return 30 * time.Second
	}
	return 3 * time.Second
}

// errHung: a render did not finish in time.
var errHung = errors.New("the render did not finish")

type helperRequest struct {
	Channel, Vector string
}

type helperResponse struct {
	Outputs []output
	Refused string // the message of an acceptable error
	Err     string // any other error
}

// helperPool hands helpers to the channels running in parallel, so that
// a process serves channel after channel.
type helperPool struct {
	mu   sync.Mutex
	free []*helper
	all  []*helper
}

func (p *helperPool) get() *helper {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		h := p.free[n-1]
		p.free = p.free[:n-1]
		return h
	}
	h := &helper{}
	p.all = append(p.all, h)
	return h
}

func (p *helperPool) put(h *helper) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.free = append(p.free, h)
}

// stop ends every helper process; it runs once every channel is done.
func (p *helperPool) stop() {
	for _, h := range p.all {
		h.stop()
	}
}

// helper is one helper process, started on first use and again after a
// timeout killed it.
type helper struct {
	cmd  *exec.Cmd
	enc  *json.Encoder
	dec  *json.Decoder
	pipe io.Closer
}

func (h *helper) start() error {
	cmd := exec.Command(os.Args[0], "-test.run=^TestSafetyHelperProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), helperEnv+"=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	h.cmd, h.enc, h.dec, h.pipe = cmd, json.NewEncoder(in), json.NewDecoder(out), in
	return nil
}

func (h *helper) stop() {
	if h.cmd == nil {
		return
	}
	h.pipe.Close()
	done := make(chan struct{})
	go func() { h.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(renderTimeout()):
		h.cmd.Process.Kill()
		<-done
	}
	h.cmd = nil
}

func (h *helper) kill() {
	h.cmd.Process.Kill()
	h.cmd.Wait()
	h.cmd = nil
}

// render renders vector v in the channel named ch in the helper process.
func (h *helper) render(ch, v string) ([]output, error) {
	if h.cmd == nil {
		if err := h.start(); err != nil {
			return nil, fmt.Errorf("starting the helper process: %w", err)
		}
	}
	type result struct {
		resp helperResponse
		err  error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		if r.err = h.enc.Encode(helperRequest{ch, v}); r.err == nil {
			r.err = h.dec.Decode(&r.resp)
		}
		done <- r
	}()
	select {
	case r := <-done:
		if r.err != nil {
			h.kill()
			return nil, fmt.Errorf("the render crashed its process: %w", r.err)
		}
		if r.resp.Refused != "" {
			return nil, &refusal{errors.New(r.resp.Refused)}
		}
		if r.resp.Err != "" {
			return nil, errors.New(r.resp.Err)
		}
		return r.resp.Outputs, nil
	case <-time.After(renderTimeout()):
		h.kill()
		return nil, fmt.Errorf("%w within %v (killed): it hangs or its output grows without bound", errHung, renderTimeout())
	}
}

// TestSafetyHelperProcess is the helper process of TestSafetyVectors: it
// renders the requests it reads from stdin and writes the results to
// stdout. It is skipped when run as an ordinary test.
func TestSafetyHelperProcess(t *testing.T) {
	if os.Getenv(helperEnv) != "1" {
		t.Skip("helper process of TestSafetyVectors")
	}
	chans := map[string]channel{}
	for _, ch := range channels() {
		chans[ch.name] = ch
	}
	base := render.New(append(siteShortcodes(), siteParams)...)
	hugo := render.New(append(siteShortcodes(), siteParams, render.HugoCompat())...)
	dec := json.NewDecoder(os.Stdin)
	enc := json.NewEncoder(os.Stdout)
	for {
		var req helperRequest
		if err := dec.Decode(&req); err != nil {
			os.Exit(0) // stdin closed: done, without the test framework's output
		}
		var resp helperResponse
		ch, ok := chans[req.Channel]
		if !ok {
			resp.Err = "unknown channel " + req.Channel
		} else if outs, err := renderCase(base, hugo, ch, req.Vector); isRefusal(err) {
			resp.Refused = err.(*refusal).err.Error()
		} else if err != nil {
			resp.Err = err.Error()
		} else {
			resp.Outputs = outs
		}
		if err := enc.Encode(resp); err != nil {
			os.Exit(1)
		}
	}
}

// Fuzz option bits, the second argument of FuzzRenderSafe.
const (
	fuzzModeMask   = 3 // 0 Render, 1 RenderPost with params, 2 post.Parse + RenderPost, 3 Extender
	fuzzNoSC       = 4 // shortcodes off
	fuzzAltOptions = 8 // figures for titled images, Blackfriday IDs, ordered TOC
	fuzzSummary    = 16
	fuzzHugo       = 32 // HugoCompat: Hugo's tables, TOC titles with images, summaries, shortcode markup
)

// fuzzTarget holds the renderers FuzzRenderSafe chooses from.
type fuzzTarget struct {
	renderers [8]*render.Renderer // by the fuzzNoSC, fuzzAltOptions and fuzzHugo bits
	ext       goldmark.Markdown
}

func newFuzzTarget() *fuzzTarget {
	resolver := render.WithRefResolver(func(ref shortcode.Ref) (string, error) {
		if ref.Page != nil {
			if s, ok := ref.Page.Params["ref"].(string); ok {
				return s, nil
			}
		}
		return ref.Path, nil // a resolver that trusts the path it is given
	})
	site := render.WithSiteParams(map[string]any{"site": map[string]any{"u": `javascript:alert(1)`, "q": `"><img src=x onerror=alert(1)>`}})
	common := append(siteShortcodes(), resolver, site)
	alt := []render.Option{render.WithFigureForTitledImages(), render.WithIDStyle(render.IDStyleBlackfriday), render.WithOrderedTOC()}
	ft := &fuzzTarget{ext: extended()}
	for i := range ft.renderers {
		opts := append([]render.Option(nil), common...)
		if i&1 != 0 {
			opts = append(opts, render.WithShortcodeSyntax(false))
		}
		if i&2 != 0 {
			opts = append(opts, alt...)
			opts = append(opts, codeFeatureOptions()...)
			opts = append(opts, builtinFuzzOptions()...)
			opts = append(opts, markupFeatureOptions()...)
		}
		if i&4 != 0 {
			opts = append(opts, render.HugoCompat())
		}
		ft.renderers[i] = render.New(opts...)
	}
	return ft
}

// check renders one fuzz input and returns the violations of its outputs,
// or an error for a refusal without a position. An acceptable refusal has
// no violations.
func (ft *fuzzTarget) check(md string, flags uint8, val string) ([]string, []output, error) {
	r := ft.renderers[(flags&fuzzNoSC)>>2|(flags&fuzzAltOptions)>>2|(flags&fuzzHugo)>>3]
	var outs []output
	var err error
	renderPost := func(p *post.Post) {
		res, rerr := r.RenderPost(p)
		if rerr != nil {
			err = acceptableError(rerr)
			return
		}
		outs = []output{{"HTML", res.HTML}, {"Summary", res.Summary}, {"TOC", res.TOC.HTML()}}
	}
	switch flags & fuzzModeMask {
	case 0:
		outs, err = renderFolio(r, nil, md)
	case 1:
		p := &post.Post{Body: []byte(md), BodyLine: 1, Params: map[string]any{"u": val, "ref": val}}
		if flags&fuzzSummary != 0 {
			p.FrontMatter.Summary = val
		}
		renderPost(p)
	case 2:
		p, perr := post.Parse([]byte(md))
		if perr != nil {
			err = acceptableError(perr)
			break
		}
		renderPost(p)
	case 3:
		outs, err = renderExtender(ft.ext, md)
	}
	if isRefusal(err) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	return problems(outs), outs, nil
}

// FuzzRenderSafe renders any Markdown with folio and checks that the
// output (HTML, Summary, TOC HTML) has no violation by the safety checker.
// The second argument chooses the renderer (see the fuzz* bits), the third
// is a value the document can reach: the params u and ref of the post, its
// summary, and what the ref resolver returns for a page. A render may be
// refused only with a *post.ParseError at line 1 or later. WithUnsafeHTML
// is never used.
//
// The seeds (-safety.seeds) are, with "all" (the default), the render
// golden inputs, every vector (each in one channel, turn by turn) and every
// channel (with one vector); with "passing", the goldens and every channel
// holding a harmless value, minus the seeds that fail already, so that the
// fuzzer starts from clean inputs and has to find the holes itself (the
// fuzzer stops at a failing seed); with "none", nothing.
func FuzzRenderSafe(f *testing.F) {
	ft := newFuzzTarget()
	var seeds []fuzzSeed
	if *safetySeeds != "none" {
		for _, dir := range []string{"testdata/ids", "testdata/extensions", "testdata/rawhtml", "testdata/summary", "testdata/images",
			"testdata/hooks", "testdata/embeds", "testdata/post", "testdata/shortcodes", "highlight/testdata/highlight"} {
			for _, c := range golden.Load(f, filepath.Join(filepath.FromSlash(dir), "*.txt")) {
				seeds = append(seeds, fuzzSeed{string(c.Input.Data), 0, "https://example.com/a"})
			}
		}
		seeds = append(seeds, builtinSeeds(f)...)
	}
	switch *safetySeeds {
	case "all":
		vectors := loadVectors(f)
		chans := channels()
		for i, v := range vectors {
			seeds = append(seeds, channelSeed(chans[i%len(chans)], v.val))
		}
		for i, ch := range chans {
			seeds = append(seeds, channelSeed(ch, vectors[(i*7)%len(vectors)].val))
		}
	case "passing":
		for _, ch := range channels() {
			for _, v := range []string{"https://example.com/a?b=1#c", "hello world"} {
				seeds = append(seeds, channelSeed(ch, v))
			}
		}
		kept := seeds[:0]
		for _, s := range seeds {
			if ps, _, err := ft.check(s.md, s.flags, s.val); err == nil && len(ps) == 0 {
				kept = append(kept, s)
			}
		}
		f.Logf("%d of %d seeds pass today and are kept", len(kept), len(seeds))
		seeds = kept
	}
	for _, s := range seeds {
		f.Add(s.md, s.flags, s.val)
	}

	f.Fuzz(func(t *testing.T, md string, flags uint8, val string) {
		// A render that hangs or grows without bound cannot be stopped:
		// the watchdog ends the process, which the fuzzer records as a
		// crash with its input.
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(renderTimeout()):
				panic(fmt.Sprintf("FuzzRenderSafe: the render did not finish within %v: it hangs or its output grows without bound\nflags %#x, value %q, input: %q", renderTimeout(), flags, val, md))
			}
		}()
		ps, outs, err := ft.check(md, flags, val)
		if err != nil {
			t.Fatalf("%v\ninput: %q", err, md)
		}
		if len(ps) > 0 {
			t.Fatalf("unsafe output (flags %#x, value %q):\n  %s\ninput: %q\n%s", flags, val, strings.Join(ps, "\n  "), md, showOutputs(outs))
		}
	})
}

type fuzzSeed struct {
	md    string
	flags uint8
	val   string
}

// channelSeed is a fuzz input for vector v in channel ch.
func channelSeed(ch channel, v string) fuzzSeed {
	var flags uint8
	switch {
	case ch.fm != nil:
		flags = 1
	case !ch.sc && ch.opts == nil && len(v)%2 == 0:
		flags = 3 // half the Markdown-only seeds go through the Extender
	}
	if ch.fm != nil && ch.fm(v)["summary"] != nil {
		flags |= fuzzSummary
	}
	if ch.alt {
		flags |= fuzzAltOptions
	}
	if len(v)%3 == 0 && flags&fuzzModeMask != 3 { // a third of the seeds under HugoCompat
		flags |= fuzzHugo
	}
	return fuzzSeed{ch.md(v), flags, v}
}
