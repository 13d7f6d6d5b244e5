// Package post reads Hugo-style posts: it finds the front matter (YAML
// between --- lines, TOML between +++ lines, or a JSON object), decodes it
// into Hugo's typed fields and Params, and returns the Markdown body.
//
//	p, err := post.Parse(src, post.WithPath("content/posts/hello.md"))
//	if err != nil {
//		return err // content/posts/hello.md:4:7: front matter: date: cannot parse "2019-13-45"
//	}
//	fmt.Println(p.FrontMatter.Title, p.FrontMatter.Date, p.Params["subtitle"])
//	res, err := renderer.RenderPost(p) // package render reads p.Body, counting lines from p.BodyLine
//
// # Finding the front matter
//
// As in Hugo, a UTF-8 BOM and leading blank lines are skipped and the first
// character decides: "---" opens YAML, "+++" opens TOML, "{" opens a JSON
// object (braces are counted outside strings). Unlike Hugo, a delimiter
// line must hold only the delimiter (trailing blanks allowed), and a file
// starting with "{{" (a shortcode), "- item" or "+ item" has no front
// matter instead of a broken one. CRLF line ends are fine. [Post.Body] is
// the exact rest of the file and [Post.BodyLine] its first line.
//
// # Decoding
//
// The front matter is decoded once into a tree that keeps the position of
// every key and value (go.yaml.in/yaml/v3 nodes; TOML through go-toml/v2's
// parser, with TOML's rules beyond the syntax checked here; JSON through
// encoding/json),
// and walked once to fill [FrontMatter] and [Post.Params].
//
// YAML follows YAML 1.2 as yaml.v3 does, like Hugo since v0.152: yes, no,
// on, off and y are strings, not bools; 010 is octal 8; unquoted dates
// stay strings in Params. So "draft: yes" is an error rather than a
// silently published draft.
//
// Keys are case-insensitive. The typed fields accept what Hugo accepts:
// "7" for weight, "true" for draft, a single string for a list (keywords
// is split on white space), every date layout Hugo reads (quoted or not,
// TOML dates, Unix seconds), with dates without a zone read in the
// location given by [WithLocation] (UTC by default); as in Hugo, a zone
// name alone ("Tue, 10 Sep 2019 10:00:00 CEST") is read the same way, and
// only a numeric offset or Z is kept. Date aliases and
// fallbacks follow Hugo: modified → lastmod, pubdate and published →
// publishDate, unpublishdate → expiryDate; Date falls back to publishDate
// then lastmod, Lastmod to date then publishDate, and PublishDate to Date,
// wherever Date came from: a post with only a lastmod (or modified) date
// is published at that date, as in Hugo, whose date handler stores the
// Date it found as the date its publishDate handler reads. Also as in
// Hugo, a date key that is present but empty ("" or null) stops that
// fallback: PublishDate is then set only by publishDate and its aliases.
// isCJKLanguage is a *bool, nil when absent, so that an explicit false
// can override a renderer's default.
// A date must be one JSON can hold: a date (or Unix seconds) outside the
// years 0..9999, or with a zone offset of 24 hours, is an error at the
// value, so a parsed Post always marshals to JSON.
//
// [Post.Decode] decodes the whole front matter into a struct of the
// caller's; [Post.DecodeStrict] also reports every unknown key with a
// suggestion. [Post.Status] tells whether a post is published, a draft,
// expired or in the future at a given time.
//
// # Errors
//
// Every problem in a post is a [*ParseError] with the file's path and the
// line and column in the whole file (delimiter lines included), the key at
// fault and a cause that matches one of the sentinels ([ErrUnterminated],
// [ErrSyntax], [ErrDate], [ErrType], [ErrValue], [ErrDuplicateKey],
// [ErrTooLarge], [ErrUnknownKey]) with errors.Is. When a post has several
// problems they come together as [Errors], in source order; errors.As with
// a *ParseError target finds the first. Front matter over 1 MiB
// ([WithMaxSize]) and YAML aliases that expand to too many values are
// rejected early. Parse never panics.
//
// # Concurrency
//
// Parse, ParseFile, and the methods of a parsed Post (Decode, DecodeStrict,
// Status) are safe for concurrent use; a Post is not modified after Parse
// returns it.
package post
