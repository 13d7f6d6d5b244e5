package shortcode

import (
	"errors"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

// fallback returns the handler of a call whose name is not registered:
// an inline shortcode (WithInlineShortcodes), the unknown-shortcode
// handler, or the fallback WithUnknownShortcodes chose. Each adds a
// Diagnostic at the call; UnknownError returns the error.
//
// discards reports that the handler writes nothing of the call's inner
// content, so that the output of calls nested in it is not reported as
// missing from the HTML.
func (e *expander) fallback(n *Node, parent *Call) (h Handler, discards bool, err error) {
	c := e.x.cfg
	if IsInline(n.Name) {
		if parent != nil && IsInline(parent.Name) {
			return Handler{}, false, e.x.errorAt(n.Start, &Error{Name: n.Name, Err: errInlineNested})
		}
		h, err := e.inlineHandler(n)
		// Off, an inline call writes nothing: calls inside it are not missed.
		return h, !c.Inline, err
	}
	name := strconv.Quote(n.Name)
	switch {
	case c.UnknownHandler.Render != nil:
		e.x.host.Warn(n.Start, "unknown shortcode "+name+" rendered by the unknown-shortcode handler")
		return Handler{Render: c.UnknownHandler.Render, Volatile: c.UnknownHandler.Volatile}, false, nil
	case c.Unknown == UnknownDrop:
		e.x.host.Warn(n.Start, "unknown shortcode "+name+" dropped")
		return Handler{Render: dropShortcode}, true, nil
	case c.Unknown == UnknownInner:
		e.x.host.Warn(n.Start, "unknown shortcode "+name+" dropped, its inner content kept")
		return Handler{Render: innerOnlyShortcode}, false, nil
	case c.Unknown == UnknownPlaceholder:
		e.x.host.Warn(n.Start, "unknown shortcode "+name+" replaced by a placeholder")
		return Handler{Render: placeholderShortcode}, true, nil
	}
	return Handler{}, false, e.x.errorAt(n.Start, &Error{Name: n.Name, Err: ErrUnknown})
}

// dropShortcode writes nothing.
func dropShortcode(io.Writer, *Call) error { return nil }

// innerOnlyShortcode writes the call's inner content as Markdown, without
// its common indentation: a call indented in a list item gets it back
// line by line (see callIndent).
func innerOnlyShortcode(w io.Writer, sc *Call) error {
	sc.asMarkdown = true
	_, err := io.WriteString(w, sc.InnerDeindent())
	return err
}

// placeholderShortcode writes an empty element with the call's name: a
// div for a call alone on its lines, a span for one inside text.
func placeholderShortcode(w io.Writer, sc *Call) error {
	sc.asHTML = true
	el := "span"
	if sc.x != nil && isBlockCall(sc.x.orig, sc.off, sc.end) {
		el = "div"
	}
	_, err := fmt.Fprintf(w, `<%s class="%s" data-shortcode="%s"></%s>`, el, UnknownClass, template.HTMLEscapeString(sc.Name), el)
	return err
}

// isBlockCall reports whether src[start:end] stands alone on its lines:
// only spaces and tabs between it and the line breaks around it.
func isBlockCall(src []byte, start, end int) bool {
	for i := start - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	for i := end; i < len(src) && src[i] != '\n'; i++ {
		if src[i] != ' ' && src[i] != '\t' && src[i] != '\r' {
			return false
		}
	}
	return true
}

// errNoInlineDefinition: a call to an inline shortcode without a closing
// tag, and no earlier call defined it.
var errNoInlineDefinition = errors.New("no earlier definition of this inline shortcode: the first call must be closed ({{< name.inline >}}template{{< /name.inline >}})")

// errInlineNested: an inline shortcode call inside another's inner text.
var errInlineNested = fmt.Errorf("%w: inline shortcodes cannot be nested", ErrSyntax)

// inlineHandler returns the handler of a call to an inline shortcode.
// Disabled (the default), it writes nothing. Enabled, a closed call
// defines the shortcode from its inner text, for the rest of the page, and
// runs it; a call without a closing tag runs the earlier definition.
func (e *expander) inlineHandler(n *Node) (Handler, error) {
	if !e.x.cfg.Inline {
		e.x.host.Warn(n.Start, "inline shortcode "+strconv.Quote(n.Name)+" writes nothing: inline shortcodes are off (see render.WithInlineShortcodes)")
		return Handler{Render: dropShortcode}, nil
	}
	if n.CloseStart >= 0 {
		for _, c := range n.Children {
			if c.Kind == KindCall && IsInline(c.Name) {
				return Handler{}, e.x.errorAt(c.Start, &Error{Name: c.Name, Err: errInlineNested})
			}
		}
		t, err := template.New(n.Name).Funcs(Funcs()).Parse(string(e.x.orig[n.TagEnd:n.CloseStart]))
		if err != nil {
			return Handler{}, e.x.errorAt(n.TagEnd, &Error{Name: n.Name, Err: fmt.Errorf("%w: inline shortcode template: %v", ErrSyntax, parseTemplateError(n.Name, err))})
		}
		if e.inline == nil {
			e.inline = make(map[string]*template.Template)
		}
		e.inline[n.Name] = t
	}
	t := e.inline[n.Name]
	if t == nil {
		return Handler{}, e.x.errorAt(n.Start, &Error{Name: n.Name, Err: errNoInlineDefinition})
	}
	return Template(t), nil
}
