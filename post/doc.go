// Package post reads Hugo-style posts: it finds the front matter (YAML
// between --- lines, TOML between +++ lines, or a JSON object), decodes it
// into Hugo's typed fields and Params, and returns the Markdown body.
package post
