package shortcode

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/folio-md/folio/post"
)

// Call is one shortcode call, as its handler sees it. The handler must
// not keep it after returning.
type Call struct {
	// Name is the shortcode's name as written in the call.
	Name string
	// Markdown is true for a call in Markdown notation ({{% name %}}),
	// whose output is Markdown.
	Markdown bool
	// IsNamedParams is true when the arguments are named (name=value).
	IsNamedParams bool
	// Params holds the arguments as Hugo's .Params does: a []any of the
	// positional arguments, or a map[string]any of the named ones, or nil
	// when there are none. Quoted values are strings; unquoted ones are
	// typed bool, int, float64 or string.
	Params any
	// Inner is the text between the opening and the closing tag, with the
	// calls inside it already run: the Markdown output of {{% %}} calls,
	// and a placeholder (letters and digits) for the HTML output of
	// {{< >}} calls, replaced when the page is finished. "" when the call
	// has no closing tag. It is what the author wrote: a handler of a
	// {{< >}} call that writes it as HTML must escape it, render it with
	// RenderMarkdown, or use InnerHTML.
	Inner string
	// Parent is the call this one is nested in, nil at the top level. Its
	// Inner is not known yet when the child runs.
	Parent *Call
	// Ordinal is the zero-based index of the call among the calls of its
	// parent, or of the page for a top-level call, whatever their names.
	Ordinal int
	// Position is where the call starts in the source file.
	Position post.Position
	// Page is the post being rendered; nil for a render of bare Markdown.
	Page *post.Post

	x     *Expansion // the page's expansion; nil for a Call made outside one
	off   int        // offset of the call in the source
	end   int        // offset of the end of the call (its closing tag's) in the source
	isTOC bool       // MarkTOC was called
	// discardsInner: the call is an unknown shortcode whose fallback
	// writes nothing of its inner content (UnknownDrop, UnknownPlaceholder).
	discardsInner bool
	// asHTML and asMarkdown make the output HTML or Markdown whatever
	// the call's notation (the fallbacks of unknown shortcodes).
	asHTML, asMarkdown bool
	// authored locates the author's own text in Inner (the rest is the
	// output of nested calls).
	authored []innerSpan
}

// innerSpan says that Inner[start:end] is author text from offset src of
// the source.
type innerSpan struct{ start, end, src int }

// Get returns an argument as Hugo's .Get does: key is an int (the index of
// a positional argument) or a string (the name of a named one). It
// returns nil when there are no arguments or key is of the other kind, and
// "" when the argument is missing.
func (c *Call) Get(key any) any {
	switch p := c.Params.(type) {
	case []any:
		i, ok := key.(int)
		if !ok {
			return nil
		}
		if i < 0 || i >= len(p) {
			return ""
		}
		return p[i]
	case map[string]any:
		k, ok := key.(string)
		if !ok {
			return nil
		}
		v, ok := p[k]
		if !ok {
			return ""
		}
		return v
	}
	return nil
}

// Has reports whether the argument key (an int or a string, see Get) was
// given.
func (c *Call) Has(key any) bool {
	switch p := c.Params.(type) {
	case []any:
		i, ok := key.(int)
		return ok && i >= 0 && i < len(p)
	case map[string]any:
		k, ok := key.(string)
		if !ok {
			return false
		}
		_, ok = p[k]
		return ok
	}
	return false
}

// GetString returns the argument key formatted as text ("" when missing):
// strings as they are, numbers and bools in Go's default format.
func (c *Call) GetString(key any) string {
	switch v := c.Get(key).(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// GetBool returns the argument key as a bool: true, false, 1, 0 or those
// as strings ("true", "false", "1", "0"). A missing argument gives def;
// anything else is an error naming the argument.
func (c *Call) GetBool(key any, def bool) (bool, error) {
	if !c.Has(key) {
		return def, nil
	}
	switch v := c.Get(key).(type) {
	case bool:
		return v, nil
	case int:
		if v == 0 || v == 1 {
			return v == 1, nil
		}
	case string:
		switch v {
		case "true", "1":
			return true, nil
		case "false", "0":
			return false, nil
		}
	}
	return def, &ArgError{Key: key, Err: fmt.Errorf("want true or false, got %s", showArg(c.Get(key)))}
}

// GetInt returns the argument key as an int: an int, or a string of
// decimal digits. A missing argument gives def; anything else is an
// error naming the argument.
func (c *Call) GetInt(key any, def int) (int, error) {
	if !c.Has(key) {
		return def, nil
	}
	switch v := c.Get(key).(type) {
	case int:
		return v, nil
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
			return n, nil
		}
	}
	return def, &ArgError{Key: key, Err: fmt.Errorf("want an integer, got %s", showArg(c.Get(key)))}
}

// ArgError is a handler's error about one argument. GetBool and GetInt
// return it; a handler may return one too. The render positions it at the
// argument rather than at the call.
type ArgError struct {
	Key any   // the argument: an int index or a string name
	Err error // what is wrong with it
}

// Error returns `argument KEY: cause`.
func (e *ArgError) Error() string { return "argument " + argName(e.Key) + ": " + e.Err.Error() }

// Unwrap returns e.Err.
func (e *ArgError) Unwrap() error { return e.Err }

func argName(key any) string {
	if s, ok := key.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprint(key)
}

func showArg(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return fmt.Sprintf("%v (%T)", v, v)
}
