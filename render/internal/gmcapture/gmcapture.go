// Package gmcapture reads what a goldmark extension adds to a parser: its
// Extend runs against a goldmark.Markdown that only collects the parser
// options, which are then applied to a fresh parser.Config. render uses it
// to wrap parsers whose constructors an upstream module does not export
// (Hugo's passthrough and extras), without copying them.
package gmcapture

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
)

// ParserConfig returns the parser configuration ext sets up: its block
// and inline parsers and its transformers, with their priorities. What
// ext adds to the renderer is dropped.
func ParserConfig(ext goldmark.Extender) *parser.Config {
	sink := &markdownSink{}
	ext.Extend(sink)
	cfg := parser.NewConfig()
	for _, o := range sink.p.opts {
		o.SetParserOption(cfg)
	}
	return cfg
}

type markdownSink struct {
	goldmark.Markdown // nil: only Parser and Renderer are called
	p                 parserSink
	r                 rendererSink
}

func (s *markdownSink) Parser() parser.Parser       { return &s.p }
func (s *markdownSink) Renderer() renderer.Renderer { return &s.r }

type parserSink struct {
	parser.Parser
	opts []parser.Option
}

func (p *parserSink) AddOptions(opts ...parser.Option) { p.opts = append(p.opts, opts...) }

type rendererSink struct{ renderer.Renderer }

func (rendererSink) AddOptions(...renderer.Option) {}
