package render

import (
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/folio-md/folio/embed"
	"github.com/folio-md/folio/render/highlight"
	"github.com/folio-md/folio/render/shortcode"
)

// TestResultCacheIdentified: folio's own settings (presets, built-in
// handlers, the hooks HugoCompat installs) all have an identity, so
// their results serve other processes; a closure makes the keys private
// unless WithCacheIdentity names it.
func TestResultCacheIdentified(t *testing.T) {
	t.Parallel()
	store := highlight.NewMemoryCache(1 << 10)
	closure := func(w io.Writer, l Link) error { _, err := io.WriteString(w, l.Destination); return err }
	for _, c := range []struct {
		name string
		opts []Option
		want bool
	}{
		{"defaults", nil, true},
		{"HugoCompat", []Option{HugoCompat()}, true},
		{"every option with a value", []Option{
			WithUnsafeHTML(), WithURLSchemes("ftp"), WithStyleAttributes(), WithIDStyle(IDStyleBlackfriday),
			WithHugoIDs(), WithFigureForTitledImages(), WithoutBlackfridayImages(), WithoutIframeEmbeds(),
			WithSummaryLength(5), WithReadingSpeed(100, 200), WithCJK(), WithTOCLevels(1, 6), WithOrderedTOC(),
			WithSiteParams(map[string]any{"a": []any{1, "b"}}), WithEmbedOptions(embed.Options{Facade: true}),
			WithUnknownShortcodes(shortcode.UnknownPlaceholder), WithInlineShortcodes(true),
			WithoutExtensions(Typographer), WithHighlight(highlight.Config{Style: "github", LineNumbers: highlight.LineNumbersTable}),
			WithShortcodeSyntax(false), WithoutShortcodeHandlers("figure"),
			WithGoAT(true), WithMermaid(true), WithGitHubAlerts(), WithHeadingAnchors(HeadingAnchors{Symbol: "§"}),
			WithLinks(Links{Rel: "nofollow", Target: "_blank"}), WithEmoji(), WithPassthrough(MathDelimiters()),
			WithExtras(Extras{Mark: true}), WithBlockAttributes(), WithDefinitionTermIDs(),
			WithImageFiles(ImageFiles{FS: os.DirFS("testdata")}),
		}, true},
		{"a closure hook", []Option{WithLinkHook(closure)}, false},
		{"a closure hook, named", []Option{WithLinkHook(closure), WithCacheIdentity("links v1")}, true},
	} {
		r := New(append(c.opts, WithResultCache(store))...)
		assert.Equal(t, c.want, r.results.Identified, c.name)
	}
}
