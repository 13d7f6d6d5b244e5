package shortcode

import (
	"errors"
	"fmt"
	"io"

	"github.com/folio-md/folio/post"
)

// Func renders one shortcode call to w. For a call in standard notation
// ({{< name >}}) it writes HTML, inserted after the Markdown is rendered;
// for one in Markdown notation ({{% name %}}) it writes Markdown, rendered
// with the rest of the document. An error stops the render; it is
// returned wrapped in an *Error inside a *post.ParseError that carries
// the call's position.
type Func func(w io.Writer, c *Call) error

// Handler is a shortcode: the function that renders its calls and
// whether it takes inner content. Register it with render.WithShortcodeHandler.
type Handler struct {
	// Render renders one call. Required.
	Render Func
	// Inner says whether calls have inner content. Defaults to InnerNone.
	Inner InnerMode
	// CacheID names what Render writes, for render.WithResultCache: a
	// string that changes whenever Render would write something else for
	// the same call and page (a version, the settings it closes over).
	// Without one, a Render that is a top-level function is known by
	// its name; any other (a closure, a method value) has no identity
	// across Renderers, and a Renderer with it caches results for itself
	// only (see render.WithCacheIdentity). Folio's built-in handlers and
	// Template set it.
	CacheID string
	// Volatile says that Render's output depends on more than the call
	// and its page (the clock, a file, the network): a page that calls
	// the shortcode is never stored in a result cache.
	Volatile bool
}

// UnknownMode says what a render does with a call to a shortcode that is
// not registered.
type UnknownMode uint8

const (
	// UnknownError (the default) fails the render with an error that
	// unwraps to ErrUnknown, like Hugo.
	UnknownError UnknownMode = iota
	// UnknownKeepAsText keeps the call, with its inner content and closing
	// tag, as literal text and adds a Diagnostic. The text is then part of
	// Plain, the summary and the word count, and runs through the
	// typographer and linkify; the fallbacks below do not.
	UnknownKeepAsText
	// UnknownDrop drops the call, with its inner content, and adds a
	// Diagnostic.
	UnknownDrop
	// UnknownInner drops the call's tags and keeps its inner content,
	// rendered as Markdown with the rest of the page (whatever the call's
	// notation), and adds a Diagnostic: {{< tabs >}}## One{{< /tabs >}}
	// becomes a heading of the page.
	UnknownInner
	// UnknownPlaceholder replaces the call, with its inner content, by an
	// empty element that marks where it was, and adds a Diagnostic. A call
	// alone on its line (a block) becomes
	//
	//	<div class="shortcode-unknown" data-shortcode="tabs"></div>
	//
	// and a call inside text a <span> with the same attributes. Nothing
	// the author wrote is in it but the name, so it adds no text to Plain,
	// the summary or the word count; a stylesheet can show it, for example
	// with .shortcode-unknown::before { content: "[" attr(data-shortcode) "]" }.
	UnknownPlaceholder
)

// UnknownClass is the class of the element UnknownPlaceholder writes.
const UnknownClass = "shortcode-unknown"

// Errors of shortcode processing, found with errors.Is inside the
// *post.ParseError a render returns. ErrSyntax (see [SyntaxError]) is
// the third.
var (
	// ErrUnknown: a call names a shortcode that is not registered.
	ErrUnknown = errors.New("unknown shortcode")
	// ErrNoRefResolver: ref or relref was called but no resolver is set
	// (see render.WithRefResolver).
	ErrNoRefResolver = errors.New("no ref resolver configured (see render.WithRefResolver)")
)

// Error is the cause of a failed shortcode call: the Err of the
// *post.ParseError a render returns, which carries the call's position.
//
//	var se *shortcode.Error
//	if errors.As(err, &se) { ... se.Name ... }
type Error struct {
	Name string // the shortcode's name; "" when the call has none
	Err  error  // ErrUnknown, an error wrapping ErrSyntax, or the handler's error
}

// Error returns `shortcode "name": cause`.
func (e *Error) Error() string {
	var se *SyntaxError
	if errors.As(e.Err, &se) {
		return se.Error() // already names the shortcode
	}
	if e.Name == "" {
		return "shortcode: " + e.Err.Error()
	}
	return fmt.Sprintf("shortcode %q: %v", e.Name, e.Err)
}

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// Ref is what a ref or relref call asks a [RefResolver] for.
type Ref struct {
	Path         string        // the page reference: "about.md", "/blog/post", "#anchor", ...
	Lang         string        // the lang argument, "" if not given
	OutputFormat string        // the outputFormat argument, "" if not given
	Relative     bool          // relref (a path relative to the site root) rather than ref (an absolute URL)
	Page         *post.Post    // the page being rendered; nil for a render of bare Markdown
	Position     post.Position // where the call is
}

// RefResolver turns a ref or relref call into a URL. The URL is
// HTML-escaped when it is written.
type RefResolver func(ref Ref) (string, error)
