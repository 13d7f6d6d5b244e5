// Package alert reads the alert marker of a blockquote, GitHub's
// "> [!NOTE]" and Obsidian's "> [!TIP]- Title", and writes GitHub's alert
// markup. It works on the blockquote's rendered HTML, as Hugo does, so
// that every construct Hugo recognises as an alert is recognised here.
package alert

import (
	"strings"
	"unicode"
)

// Alert is a blockquote that starts with an alert marker.
type Alert struct {
	Type  string // the marker's letters, lower-cased: "note", "tip", ...
	Sign  string // "+", "-" or ""
	Title string // HTML: the rest of the marker's line, "" if none
	Text  string // HTML: the quote's content after the marker's line
}

// Parse reads the alert marker at the start of inner, the HTML of a
// blockquote's content. It follows Hugo 0.165: the content, trimmed of
// white space, starts with "<p>[!LETTERS]", then an optional '+' or '-',
// then at most one blank (space, tab or form feed); the title is the rest
// of that line without a closing "</p>", the text is everything after
// the line ("<p>" added back when the line did not end its paragraph).
//
// One deviation: the line ends at the first line break outside a tag.
// Hugo cuts at the first line break even when it falls inside a tag (a
// link title written over two lines), which splits the tag between title
// and text.
func Parse(inner string) (Alert, bool) {
	t := strings.TrimSpace(inner)
	rest, ok := strings.CutPrefix(t, "<p>[!")
	if !ok {
		return Alert{}, false
	}
	n := 0
	for n < len(rest) && isLetter(rest[n]) {
		n++
	}
	if n == 0 || n >= len(rest) || rest[n] != ']' {
		return Alert{}, false
	}
	a := Alert{Type: strings.ToLower(rest[:n])}
	rest = rest[n+1:]
	if rest != "" && (rest[0] == '+' || rest[0] == '-') {
		a.Sign, rest = rest[:1], rest[1:]
	}
	if rest != "" && (rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\f') {
		rest = rest[1:]
	}
	line, after, found := rest, "", false
	if i := lineEnd(rest); i >= 0 {
		line, after, found = rest[:i], rest[i+1:], true
	}
	a.Title = strings.TrimSuffix(strings.TrimSpace(line), "</p>")
	if found {
		if strings.HasSuffix(line, "</p>") {
			a.Text = after
		} else {
			a.Text = "<p>" + after
		}
	}
	return a, true
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// lineEnd returns the index of the first '\n' of s outside a tag, or -1.
// In the HTML a renderer writes, '<' and '>' inside attribute values are
// escaped, so a tag runs from '<' to the next '>'.
func lineEnd(s string) int {
	inTag := false
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			inTag = true
		case '>':
			inTag = false
		case '\n':
			if !inTag {
				return i
			}
		}
	}
	return -1
}

// DefaultTitle is the title of an alert without one: its type with the
// first letter upper-cased ("Note", "Tip", "Important", "Warning",
// "Caution"), as GitHub shows it.
func DefaultTitle(typ string) string {
	if typ == "" {
		return ""
	}
	r := []rune(typ)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// AppendGitHub appends GitHub's alert markup for a to b: a <div> with the
// classes markdown-alert and markdown-alert-TYPE and role="note", a title
// paragraph (class markdown-alert-title), then the text. An alert with a
// fold sign (Obsidian's "+" open, "-" closed) becomes a <details> element
// whose <summary> is the title, so that it folds without script. title is
// HTML, written as it is; typ holds only ASCII letters (Parse).
func AppendGitHub(b []byte, typ, sign, title, text string) []byte {
	if title == "" {
		title = DefaultTitle(typ)
	}
	if sign == "" {
		b = append(b, `<div class="markdown-alert markdown-alert-`...)
		b = append(b, typ...)
		b = append(b, "\" role=\"note\">\n<p class=\"markdown-alert-title\">"...)
		b = append(b, title...)
		b = append(b, "</p>\n"...)
	} else {
		b = append(b, `<details class="markdown-alert markdown-alert-`...)
		b = append(b, typ...)
		b = append(b, '"')
		if sign == "+" {
			b = append(b, " open"...)
		}
		b = append(b, ">\n<summary class=\"markdown-alert-title\">"...)
		b = append(b, title...)
		b = append(b, "</summary>\n"...)
	}
	if text = strings.TrimSpace(text); text != "" {
		b = append(b, text...)
		b = append(b, '\n')
	}
	if sign == "" {
		return append(b, "</div>\n"...)
	}
	return append(b, "</details>\n"...)
}

// CSS styles the markup of AppendGitHub: a coloured left border and title
// per type (GitHub's five, in light and dark colour schemes), and a
// marker on foldable alerts.
const CSS = `.markdown-alert {
  padding: 0.5rem 1rem;
  margin-bottom: 1rem;
  color: inherit;
  border-left: 0.25em solid var(--markdown-alert-color, #59636e);
}
.markdown-alert > :first-child { margin-top: 0; }
.markdown-alert > :last-child { margin-bottom: 0; }
.markdown-alert .markdown-alert-title {
  display: flex;
  align-items: center;
  gap: 0.5rem;
  margin-bottom: 0.5rem;
  font-weight: 600;
  line-height: 1;
  color: var(--markdown-alert-color, #59636e);
}
details.markdown-alert > summary.markdown-alert-title { display: list-item; cursor: pointer; }
details.markdown-alert:not([open]) > summary.markdown-alert-title { margin-bottom: 0; }
.markdown-alert-note { --markdown-alert-color: #0969da; }
.markdown-alert-tip { --markdown-alert-color: #1a7f37; }
.markdown-alert-important { --markdown-alert-color: #8250df; }
.markdown-alert-warning { --markdown-alert-color: #9a6700; }
.markdown-alert-caution { --markdown-alert-color: #d1242f; }
@media (prefers-color-scheme: dark) {
  .markdown-alert { --markdown-alert-color: #9198a1; }
  .markdown-alert-note { --markdown-alert-color: #4493f8; }
  .markdown-alert-tip { --markdown-alert-color: #3fb950; }
  .markdown-alert-important { --markdown-alert-color: #ab7df8; }
  .markdown-alert-warning { --markdown-alert-color: #d29922; }
  .markdown-alert-caution { --markdown-alert-color: #f85149; }
}
`
