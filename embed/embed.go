package embed

import (
	"errors"
	"fmt"
	"time"
)

// Provider names of the built-in providers, as found in [Video.Provider].
const (
	ProviderYouTube = "youtube"
	ProviderVimeo   = "vimeo"
)

// Video is a validated video reference. The values [Parse], [YouTube],
// [Vimeo] and [FromHTML] return have passed their provider's rules; a Video
// built by hand is validated again by [Video.HTML] and [Video.AppendHTML].
type Video struct {
	// Provider names the provider: "youtube", "vimeo", or the Name of a
	// caller's [Provider].
	Provider string
	// ID is the video's ID: 11 characters of [A-Za-z0-9_-] for YouTube,
	// decimal digits for Vimeo.
	ID string
	// Hash is the privacy hash of an unlisted Vimeo video (lower-case hex),
	// empty for public videos. YouTube videos have none.
	Hash string
	// Playlist is a YouTube playlist ID (the list= parameter); the embed plays
	// the video within that playlist. Empty for none.
	Playlist string
	// Start is where playback starts; 0 for the beginning. Whole seconds are
	// used.
	Start time.Duration
	// End is where playback stops; 0 for the end. YouTube only (Vimeo's
	// player has no end parameter).
	End time.Duration
	// Title is the accessible title of the iframe; empty means the provider's
	// default ("YouTube video", "Vimeo video") unless [Options.Title] is set.
	Title string
	// Shorts marks a YouTube Short (a youtube.com/shorts/ URL): its default
	// aspect ratio is 9:16 instead of 16:9.
	Shorts bool
	// Ratio is the video's aspect ratio when known (for example from the
	// width and height of a hand-written iframe); zero means the provider's
	// default. [Options.Ratio] overrides it.
	Ratio Ratio
}

// Ratio is an aspect ratio, width to height, such as Ratio{16, 9}. The zero
// Ratio means "the default". Both numbers must be between 1 and 10000.
type Ratio struct {
	W, H int
}

// Common aspect ratios.
var (
	Ratio16x9 = Ratio{16, 9}
	Ratio9x16 = Ratio{9, 16}
	Ratio4x3  = Ratio{4, 3}
	Ratio1x1  = Ratio{1, 1}
	Ratio21x9 = Ratio{21, 9}
)

// IsZero reports whether r is the zero Ratio, which stands for the default.
func (r Ratio) IsZero() bool { return r.W == 0 && r.H == 0 }

// String returns r as "W:H".
func (r Ratio) String() string { return fmt.Sprintf("%d:%d", r.W, r.H) }

func (r Ratio) valid() bool { return r.W >= 1 && r.W <= 10000 && r.H >= 1 && r.H <= 10000 }

// Wrapper selects the markup around the iframe.
type Wrapper uint8

const (
	// WrapperInline (the default) wraps the iframe in a div whose inline
	// style keeps the aspect ratio (the padding-bottom technique): it works
	// in every browser with no stylesheet.
	WrapperInline Wrapper = iota
	// WrapperClass writes no style attribute at all, for pages whose
	// Content-Security-Policy forbids inline styles; the page must include
	// the stylesheet from [CSS].
	WrapperClass
	// WrapperHugo writes the markup of Hugo's built-in youtube and vimeo
	// shortcodes (Hugo v0.147 and later) byte for byte, and uses Hugo's
	// defaults where the options leave a choice: www.youtube.com and
	// loading="eager" for YouTube, dnt=0 and no loading or title attribute
	// for Vimeo. See the package documentation for details.
	WrapperHugo
)

// String returns "inline", "class" or "hugo".
func (w Wrapper) String() string {
	switch w {
	case WrapperInline:
		return "inline"
	case WrapperClass:
		return "class"
	case WrapperHugo:
		return "hugo"
	}
	return fmt.Sprintf("Wrapper(%d)", uint8(w))
}

// Privacy selects the privacy-enhanced player.
type Privacy uint8

const (
	// PrivacyDefault is privacy-enhanced (www.youtube-nocookie.com, Vimeo
	// dnt=1), except with [WrapperHugo], where Hugo's default (off) applies.
	PrivacyDefault Privacy = iota
	// PrivacyOn always uses the privacy-enhanced player.
	PrivacyOn
	// PrivacyOff uses www.youtube.com and Vimeo without dnt=1.
	PrivacyOff
)

// Options controls the HTML of an embed. The zero Options is the recommended
// output: a privacy-enhanced, lazily loaded iframe in a responsive div with
// an inline style, 16:9 (9:16 for YouTube Shorts), with controls and full
// screen allowed. Options holds no references and is safe to share.
type Options struct {
	// Wrapper selects the markup around the iframe. Defaults to WrapperInline.
	Wrapper Wrapper
	// Facade writes a link with a local placeholder instead of the iframe:
	// the page makes no request to the video host until the reader clicks.
	// Without script the link opens the video's page; with [FacadeScript]
	// loaded, a click replaces it with the player. Not available with
	// WrapperHugo.
	Facade bool
	// Thumbnail is an image URL for the facade (https, or a path on the
	// site such as "/img/x.jpg"). Empty uses an inline SVG placeholder, so
	// nothing is fetched from the video host before the click.
	Thumbnail string
	// Privacy selects the privacy-enhanced player. Defaults to on.
	Privacy Privacy
	// Loading is the iframe's loading attribute: "lazy" or "eager".
	// Empty means "lazy" (with WrapperHugo: Hugo's default, "eager" for
	// YouTube and no attribute for Vimeo).
	Loading string
	// Autoplay starts playback when the player loads; browsers only allow
	// that muted, so it also mutes (as Hugo does).
	Autoplay bool
	// Mute starts the video muted.
	Mute bool
	// Loop repeats the video (YouTube: adds playlist=ID, as its player
	// requires).
	Loop bool
	// NoControls hides the player controls.
	NoControls bool
	// NoFullscreen leaves "fullscreen" out of the iframe's allow list.
	NoFullscreen bool
	// Ratio is the aspect ratio; zero means the video's own ratio or the
	// provider's default (16:9, 9:16 for Shorts). With WrapperClass a ratio
	// without a rule in [CSS] needs that rule: pass the ratio to CSS.
	Ratio Ratio
	// Class is added to the wrapper div's class attribute. With WrapperHugo
	// it is Hugo's class argument: it replaces the style attributes.
	Class string
	// Title is the iframe's accessible title; it overrides Video.Title.
	Title string

	facadeClick bool // set internally: the src a facade click loads
}

// Errors returned (wrapped in an [*Error]) by the parsers and by
// [Video.AppendHTML]. Test for them with [errors.Is].
var (
	// ErrEmpty: the input is empty or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrBadURL: the input is not a well-formed URL.
	ErrBadURL = errors.New("malformed URL")
	// ErrScheme: the URL's scheme is not http or https (javascript:, data:, ...).
	ErrScheme = errors.New("scheme must be http or https")
	// ErrUserinfo: the URL has a user name or password before its host
	// (https://youtube.com@evil.example/), a trick to disguise the host.
	ErrUserinfo = errors.New("URL has user information before the host")
	// ErrUnsupported: the URL's host is not one of a supported provider.
	ErrUnsupported = errors.New("not a supported video host")
	// ErrNoID: the URL belongs to a provider but names no video.
	ErrNoID = errors.New("URL names no video")
	// ErrInvalidID: the video ID breaks its provider's rules.
	ErrInvalidID = errors.New("invalid video ID")
	// ErrInvalidHash: a Vimeo privacy hash is not hexadecimal.
	ErrInvalidHash = errors.New("invalid privacy hash")
	// ErrInvalidPlaylist: a YouTube playlist ID breaks the rules.
	ErrInvalidPlaylist = errors.New("invalid playlist ID")
	// ErrInvalidTime: a start or end time is not seconds or 1h2m3s form.
	ErrInvalidTime = errors.New("invalid time")
	// ErrInvalidOptions: the Options cannot be honoured.
	ErrInvalidOptions = errors.New("invalid options")
)

// Error is the error type of this package: what was parsed, by which
// provider, and why it failed. Err is one of the Err* sentinels.
//
//	var e *embed.Error
//	if errors.As(err, &e) { ... e.Input ... }
type Error struct {
	Input    string // the URL, ID or HTML given (shortened to 100 bytes)
	Provider string // the provider that rejected it, if known
	Err      error  // the sentinel: ErrInvalidID, ErrUnsupported, ...
	Detail   string // what exactly is wrong, for people
}

// Error returns `embed: youtube: "input": invalid video ID: detail`.
func (e *Error) Error() string {
	s := "embed: "
	if e.Provider != "" {
		s += e.Provider + ": "
	}
	if e.Input != "" {
		s += fmt.Sprintf("%q: ", e.Input)
	}
	s += e.Err.Error()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	return s
}

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

func newError(input, provider string, err error, detail string, args ...any) *Error {
	if len(input) > 100 {
		input = input[:100] + "..."
	}
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	return &Error{Input: input, Provider: provider, Err: err, Detail: detail}
}

// Parse turns any supported YouTube or Vimeo URL, or a bare YouTube ID, into a
// validated Video. It uses the built-in providers; see [Parser] to add more.
func Parse(urlOrID string) (Video, error) { return Parser{}.Parse(urlOrID) }

// YouTube validates a bare YouTube video ID (11 characters of [A-Za-z0-9_-]).
func YouTube(id string) (Video, error) { return youtubeProvider{}.ParseID(id) }

// Vimeo validates a bare Vimeo video ID (decimal digits). For an unlisted
// video, set the returned Video's Hash, or parse its URL instead.
func Vimeo(id string) (Video, error) { return vimeoProvider{}.ParseID(id) }

// FromHTML recognises a hand-written embed: a YouTube or Vimeo iframe alone,
// or inside the responsive wrapper divs older posts use, white space allowed.
// ok is false when the fragment holds anything else (text, other elements,
// comments, scripts, event-handler attributes) or the iframe's src is not a
// valid video URL. The Video carries the iframe's title attribute, and its
// aspect ratio when the wrapper or the iframe's width and height give one.
func FromHTML(fragment []byte) (v Video, ok bool) { return Parser{}.FromHTML(fragment) }

// HTML writes the embed for v: a responsive iframe (or a facade link, see
// [Options.Facade]) with every attribute escaped. It returns nil when v or
// opts is invalid; [Video.AppendHTML] says why. The output has no trailing
// newline.
func (v Video) HTML(opts Options) []byte {
	b, err := v.AppendHTML(nil, opts)
	if err != nil {
		return nil
	}
	return b
}

// AppendHTML appends the embed for v to dst, like [Video.HTML], and returns
// an [*Error] when v fails its provider's rules or opts cannot be honoured.
// It handles the built-in providers; use [Parser.AppendHTML] for others.
func (v Video) AppendHTML(dst []byte, opts Options) ([]byte, error) {
	return Parser{}.AppendHTML(dst, v, opts)
}

// Validate checks v by its built-in provider's rules.
func (v Video) Validate() error {
	p, err := Parser{}.provider(v.Provider)
	if err != nil {
		return err
	}
	return p.Validate(v)
}
