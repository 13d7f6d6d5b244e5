package diagram

import (
	"fmt"

	"github.com/folio-md/folio/render/highlight"
)

// attrsUsed are the fence attributes each diagram reads.
var attrsUsed = map[string]map[string]bool{
	"goat":    {"class": true, "width": true, "height": true},
	"mermaid": {},
}

// Check reports what the diagram in lang ("goat" or "mermaid") leaves out
// of its fence b: the attributes it does not write (a GoAT diagram writes
// class, width and height; a Mermaid one none) and the highlighting
// options, which do not apply. Offsets are those of b's info string. The
// error says why code cannot be drawn at all (see CheckGoAT); the block
// is then better written as code, and the problems do not apply.
func Check(lang, code string, b *highlight.Block) ([]highlight.Problem, error) {
	if lang == "goat" {
		if err := CheckGoAT(code); err != nil {
			return nil, err
		}
	}
	var ps []highlight.Problem
	for _, a := range b.Attrs {
		if !attrsUsed[lang][a.Name] {
			ps = append(ps, highlight.Problem{Offset: a.Offset, Message: fmt.Sprintf("fence attribute %q is not written to the HTML: a %s diagram does not use it", a.Name, lang)})
		}
	}
	for _, a := range b.OptionAttrs() {
		ps = append(ps, highlight.Problem{Offset: a.Offset, Message: fmt.Sprintf("fence option %q is ignored: a %s diagram is not highlighted", a.Name, lang)})
	}
	return ps, nil
}

// GoATOptionsOf reads the class, width and height of a goat fence's
// attributes (as render.CodeBlock.Attributes holds them) as Hugo's GoAT
// hook does: a value is printed as text, and nil, false, 0, "" and an
// empty list are unset.
func GoATOptionsOf(attrs map[string]any) GoATOptions {
	return GoATOptions{Class: attrText(attrs["class"]), Width: attrText(attrs["width"]), Height: attrText(attrs["height"])}
}

func attrText(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case bool:
		if v {
			return "true"
		}
		return ""
	case int:
		if v == 0 {
			return ""
		}
	case float64:
		if v == 0 {
			return ""
		}
	case []any:
		if len(v) == 0 {
			return ""
		}
	}
	return fmt.Sprint(v)
}
