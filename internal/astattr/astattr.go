// Package astattr turns the attribute values goldmark parses
// ({#id .class key=value} lists) into text, one rule for every folio
// package that writes them: render's headings and fences, and toc's links.
package astattr

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// Text turns an attribute value goldmark parsed into text: []byte and
// string as they are, numbers and booleans as written, nil as "", and a
// list as its items joined by spaces.
func Text(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return ""
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = Text(e)
		}
		return strings.Join(parts, " ")
	}
	return fmt.Sprint(v)
}

// Of returns the text of n's attribute name, "" when n has none.
func Of(n ast.Node, name string) string {
	v, ok := n.AttributeString(name)
	if !ok {
		return ""
	}
	return Text(v)
}
