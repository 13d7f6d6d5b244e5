package shortcode

import (
	"bytes"
	"fmt"
)

// Kind is what a Node is.
type Kind uint8

const (
	// KindCall is a shortcode call.
	KindCall Kind = iota
	// KindEscape is the escape form {{</* ... */>}}, which stands for literal text.
	KindEscape
)

// InnerMode says whether a shortcode takes inner content: what may stand
// between {{< name >}} and {{< /name >}}. It decides how Parse pairs
// closing tags with calls.
type InnerMode uint8

const (
	// InnerNone (the zero value): a call never has a closing tag, and a
	// closing tag is an error, so no text is dropped unseen. Hugo applies
	// this rule to templates that do not use .Inner.
	InnerNone InnerMode = iota
	// InnerRequired: a call must be closed ({{< x >}}…{{< /x >}}) or
	// self-closed ({{< x />}}). Hugo applies this rule to templates that
	// use .Inner.
	InnerRequired
	// InnerOptional: a call is closed when a matching closing tag follows
	// it (before its parent's closing tag), and stands alone otherwise.
	InnerOptional
)

// String returns "none", "required" or "optional".
func (m InnerMode) String() string {
	switch m {
	case InnerNone:
		return "none"
	case InnerRequired:
		return "required"
	case InnerOptional:
		return "optional"
	}
	return fmt.Sprintf("InnerMode(%d)", uint8(m))
}

// Node is a shortcode call or an escape.
type Node struct {
	Kind Kind
	// Start and End delimit the whole node in the source: for a closed
	// call, from its opening tag to the end of its closing tag.
	Start, End int
	// Text is what an Escape stands for: {{</* x */>}} gives "{{< x >}}".
	Text string

	// The rest describes a call.

	Name     string
	NameOff  int
	Notation Notation
	Args     []Arg
	// Named is true when the arguments are named (never mixed).
	Named bool
	// TagEnd is the end of the opening tag.
	TagEnd int
	// CloseStart is the start of the closing tag, -1 when there is none.
	CloseStart int
	// SelfClosed is true for {{< name />}}.
	SelfClosed bool
	// Children are the calls and escapes in the inner content, in order.
	Children []*Node
	// Ordinal is the zero-based index of the call among the calls of its
	// parent (or of the document, for a top-level call), escapes not
	// counted.
	Ordinal int
}

// Inner returns the raw inner content of a call: src between its tags,
// "" when it has no closing tag.
func (n *Node) Inner(src []byte) []byte {
	if n.CloseStart < 0 {
		return nil
	}
	return src[n.TagEnd:n.CloseStart]
}

// ParseOptions controls Parse.
type ParseOptions struct {
	// Inner tells how the shortcode name takes inner content. Nil means
	// InnerOptional for every name.
	Inner func(name string) InnerMode
}

// Parse finds every shortcode call and escape in src, outside code (see
// the package documentation), and returns the top-level nodes in
// document order. It returns nil, nil at once when src holds no "{{".
// The error is a *SyntaxError.
func Parse(src []byte, opts ParseOptions) ([]*Node, error) {
	// Every call and escape starts with "{{<" or "{{%"; template code in
	// the text ("{{ .Title }}") is no reason to scan the document.
	if !hasTag(src) {
		return nil, nil
	}
	tags, err := scan(src)
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, nil
	}
	nodes, perr := build(src, tags, opts)
	if perr != nil {
		return nil, perr
	}
	return nodes, nil
}

// hasTag reports whether src holds "{{<" or "{{%", in one pass.
func hasTag(src []byte) bool {
	for i := 0; ; i++ {
		k := bytes.Index(src[i:], []byte("{{"))
		if k < 0 {
			return false
		}
		i += k
		if i+2 < len(src) && (src[i+2] == '<' || src[i+2] == '%') {
			return true
		}
	}
}

// build pairs opening and closing tags into a tree, in time linear in
// the number of tags: the nodes are kept in one flat list in document
// order, and a call takes its children out of it when its closing tag
// comes. An optional call that is never closed just leaves its would-be
// children in the list, as its following siblings.
func build(src []byte, tags []tag, opts ParseOptions) ([]*Node, *SyntaxError) {
	mode := func(name string) InnerMode {
		if opts.Inner == nil {
			return InnerOptional
		}
		return opts.Inner(name)
	}
	type frame struct {
		n     *Node
		mode  InnerMode
		first int // index in items of the node's first child
	}
	var items []*Node              // nodes whose parent is not closed yet, in order
	var stack []frame              // open calls, innermost last
	var standalone map[string]bool // names of calls with InnerNone seen so far

	for _, t := range tags {
		switch t.kind {
		case tagEscape:
			items = append(items, &Node{Kind: KindEscape, Start: t.start, End: t.end, Text: t.text, CloseStart: -1})
		case tagOpen:
			n := &Node{
				Kind: KindCall, Start: t.start, End: t.end, Name: t.name, NameOff: t.nameOff,
				Notation: t.notation, Args: t.args, Named: t.named, TagEnd: t.end,
				CloseStart: -1, SelfClosed: t.selfClosed,
			}
			items = append(items, n)
			m := mode(t.name)
			if t.selfClosed {
				// Hugo rejects {{< name />}} for a shortcode without inner
				// content, as it does a closing tag.
				if m == InnerNone {
					return nil, errorf(t.start, t.name, "does not evaluate .Inner, yet the call is self-closed ({{< %s />}}); write {{< %s >}}", t.name, t.name)
				}
				continue
			}
			if m == InnerNone {
				if standalone == nil {
					standalone = make(map[string]bool)
				}
				standalone[t.name] = true
				continue
			}
			stack = append(stack, frame{n: n, mode: m, first: len(items)})
		case tagClose:
			i := len(stack) - 1
			for i >= 0 && stack[i].n.Name != t.name {
				i--
			}
			if i < 0 {
				switch {
				case standalone[t.name] || mode(t.name) == InnerNone:
					return nil, errorf(t.start, t.name, "does not evaluate .Inner, yet a closing tag was provided")
				case len(stack) > 0:
					return nil, errorf(t.start, t.name, "closing tag does not match start tag %q", stack[len(stack)-1].n.Name)
				default:
					return nil, errorf(t.start, t.name, "closing tag, but no shortcode is open")
				}
			}
			// The optional calls above i stand alone: their would-be
			// children stay in items.
			for k := len(stack) - 1; k > i; k-- {
				if stack[k].mode == InnerRequired {
					return nil, errorf(t.start, t.name, "closing tag does not match start tag %q", stack[k].n.Name)
				}
			}
			f := stack[i]
			stack = stack[:i]
			f.n.Children = append([]*Node(nil), items[f.first:]...)
			items = items[:f.first]
			f.n.CloseStart, f.n.End = t.start, t.end
		}
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].mode == InnerRequired {
			n := stack[k].n
			return nil, errorf(n.Start, n.Name, "must be closed or self-closed")
		}
	}
	ordinals(items)
	return items, nil
}

func ordinals(nodes []*Node) {
	k := 0
	for _, n := range nodes {
		if n.Kind != KindCall {
			continue
		}
		n.Ordinal = k
		k++
		ordinals(n.Children)
	}
}
