package embed

import (
	"net/url"
	"strings"
)

// Provider is a video host. The built-ins are returned by [Builtins]; a
// caller adds others (PeerTube, Dailymotion, ...) by listing them in a
// [Parser]. Implementations must be safe for concurrent use; the built-ins
// are stateless values.
type Provider interface {
	// Name is the provider's lower-case name, the value of Video.Provider.
	Name() string
	// ParseURL returns the Video that u (an absolute http or https URL
	// without user information) names. It returns an error wrapping
	// ErrUnsupported when u's host is not this provider's, and another
	// sentinel (ErrNoID, ErrInvalidID, ...) when it is but u is not valid.
	ParseURL(u *url.URL) (Video, error)
	// ParseID validates a bare video ID.
	ParseID(id string) (Video, error)
	// Validate checks every field of v by the provider's rules; HTML is
	// only written for a Video that passes.
	Validate(v Video) error
	// Player describes the embed of the validated v under opts.
	Player(v Video, opts Options) (Player, error)
}

// Player describes how to embed one video: what a [Provider] returns and the
// HTML writer uses.
type Player struct {
	// Src is the iframe's src: an absolute https URL built only from
	// validated fields.
	Src string
	// Link is the video's page, the target of a facade link.
	Link string
	// Title is the default accessible title, such as "YouTube video".
	Title string
	// Ratio is the default aspect ratio.
	Ratio Ratio
}

// Builtins returns the built-in providers, YouTube then Vimeo, in a new
// slice the caller may extend.
func Builtins() []Provider {
	return []Provider{youtubeProvider{}, vimeoProvider{}}
}

var builtins = Builtins()

// Parser parses video URLs with a list of providers. The zero Parser uses
// [Builtins]. A Parser is a plain value: it is safe for concurrent use as
// long as the Providers slice is not changed while in use.
//
//	p := embed.Parser{Providers: append(embed.Builtins(), peertube)}
//	v, err := p.Parse("https://video.example/w/abc")
type Parser struct {
	// Providers are asked in order. A bare ID (an input that is not a URL)
	// is validated by the first provider only: YouTube for the built-ins.
	// Defaults to Builtins() if nil.
	Providers []Provider
}

func (p Parser) providers() []Provider {
	if p.Providers == nil {
		return builtins
	}
	return p.Providers
}

func (p Parser) provider(name string) (Provider, error) {
	for _, pr := range p.providers() {
		if pr.Name() == name {
			return pr, nil
		}
	}
	return nil, newError("", name, ErrUnsupported, "no provider named %q", name)
}

// Parse turns a URL of one of p's providers, or a bare ID of its first
// provider, into a validated Video. URLs may omit the scheme
// ("youtu.be/ID") or be protocol-relative ("//www.youtube.com/embed/ID").
// Leading and trailing white space is ignored.
func (p Parser) Parse(urlOrID string) (Video, error) {
	in := strings.TrimSpace(urlOrID)
	if in == "" {
		return Video{}, newError(urlOrID, "", ErrEmpty, "")
	}
	provs := p.providers()
	if len(provs) == 0 {
		return Video{}, newError(urlOrID, "", ErrUnsupported, "the parser has no providers")
	}
	if !looksLikeURL(in) {
		return provs[0].ParseID(in)
	}
	u, err := parseURL(in)
	if err != nil {
		return Video{}, err
	}
	for _, pr := range provs {
		v, err := pr.ParseURL(u)
		if err == nil {
			return v, nil
		}
		if !isUnsupported(err) {
			return Video{}, err
		}
	}
	return Video{}, newError(in, "", ErrUnsupported, "host %+q", u.Host)
}

// ParseID validates a bare ID for the provider with the given name.
func (p Parser) ParseID(provider, id string) (Video, error) {
	pr, err := p.provider(provider)
	if err != nil {
		return Video{}, err
	}
	return pr.ParseID(id)
}

func isUnsupported(err error) bool {
	e, ok := err.(*Error)
	if ok {
		return e.Err == ErrUnsupported
	}
	return false
}

// looksLikeURL tells a URL from a bare ID: bare IDs have no '/', ':' or '.'.
func looksLikeURL(s string) bool {
	return strings.ContainsAny(s, "/:.?#@\\")
}

// parseURL parses s strictly: http, https or no scheme (then https), a
// host, no user information, no port.
func parseURL(s string) (*url.URL, error) {
	raw := s
	switch {
	case strings.HasPrefix(s, "//"):
		raw = "https:" + s
	case !hasScheme(s):
		raw = "https://" + s
	}
	u, err := url.Parse(raw)
	if err != nil {
		return nil, newError(s, "", ErrBadURL, "%v", unwrapURLError(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return nil, newError(s, "", ErrScheme, "scheme %q", u.Scheme)
	}
	if u.Opaque != "" {
		return nil, newError(s, "", ErrBadURL, "no host")
	}
	if u.User != nil {
		return nil, newError(s, "", ErrUserinfo, "")
	}
	if u.Port() != "" {
		return nil, newError(s, "", ErrUnsupported, "a port is not allowed")
	}
	if u.Host == "" {
		return nil, newError(s, "", ErrBadURL, "no host")
	}
	return u, nil
}

func unwrapURLError(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

// hasScheme reports whether s starts with "scheme:" as RFC 3986 defines it.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.':
			if i == 0 {
				return false
			}
		case c == ':':
			return i > 0
		default:
			return false
		}
	}
	return false
}

// host returns u's host lower-cased.
func host(u *url.URL) string { return strings.ToLower(u.Hostname()) }
