package extratags

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gohugoio/hugo-goldmark-extensions/extras"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/folio-md/folio/render/internal/gmtest"
)

var all = extras.Config{
	Delete:      extras.DeleteConfig{Enable: true},
	Insert:      extras.InsertConfig{Enable: true},
	Mark:        extras.MarkConfig{Enable: true},
	Subscript:   extras.SubscriptConfig{Enable: true},
	Superscript: extras.SuperscriptConfig{Enable: true},
}

type ours struct{}

func (ours) Extend(m goldmark.Markdown) { Extend(m, all) }

var (
	upstreamMD = goldmark.New(goldmark.WithExtensions(extras.New(all), extension.Strikethrough))
	oursMD     = goldmark.New(goldmark.WithExtensions(ours{}, extension.Strikethrough))
)

// sameAsUpstream checks that the window changes nothing: Extend renders
// src as upstream's extension does.
func sameAsUpstream(t *testing.T, src string) { gmtest.SameOutput(t, upstreamMD, oursMD, src) }

func TestSameAsUpstream(t *testing.T) {
	for _, src := range []string{
		"==mark== ++ins++ ~sub~ ^sup^ ~~del~~",
		"===x=== +++y+++ ~~~z~~~ ^^w^^ ^+1^ ^-1^ ^'a^",
		"H~2~O 2^10^ ==a ++b++ c== ==é== ^é^",
		"a==b==c x^y^z ==\u00a0x==",
	} {
		sameAsUpstream(t, src)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"=", "==", "+", "++", "~", "~~", "^", "a", "é", " ", "\n", "*", "-", "'", "\u00a0"}
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		sameAsUpstream(t, b.String())
	}
}

func FuzzSameAsUpstream(f *testing.F) {
	f.Add("==mark== ++ins++ ~sub~ ^sup^ ~~del~~ ^+1^")
	f.Fuzz(func(t *testing.T, src string) { sameAsUpstream(t, src) })
}
