package embed

import (
	"net/url"
	"strings"
)

type vimeoProvider struct{}

func (vimeoProvider) Name() string { return ProviderVimeo }

func (vimeoProvider) ParseURL(u *url.URL) (Video, error) {
	in := u.String()
	h := host(u)
	seg := pathSegments(u.Path)
	var id, hash string
	switch h {
	case "vimeo.com", "www.vimeo.com":
		switch {
		case len(seg) == 1 || len(seg) == 2 && isDigits(seg[0]):
			// vimeo.com/ID, vimeo.com/ID/HASH
			id = seg[0]
			if len(seg) == 2 {
				hash = seg[1]
			}
		case len(seg) == 3 && seg[0] == "channels" && isSlug(seg[1]):
			id = seg[2]
		case len(seg) == 4 && seg[0] == "groups" && isSlug(seg[1]) && seg[2] == "videos":
			id = seg[3]
		case len(seg) == 4 && (seg[0] == "showcase" || seg[0] == "album") && isSlug(seg[1]) && seg[2] == "video":
			id = seg[3]
		default:
			return Video{}, newError(in, ProviderVimeo, ErrNoID, "path %q names no video", u.Path)
		}
	case "player.vimeo.com":
		if len(seg) != 2 || seg[0] != "video" {
			return Video{}, newError(in, ProviderVimeo, ErrNoID, "want player.vimeo.com/video/ID")
		}
		id = seg[1]
	default:
		return Video{}, newError(in, ProviderVimeo, ErrUnsupported, "")
	}
	if err := validateVimeoID(id); err != nil {
		err.Input = shorten(in)
		return Video{}, err
	}
	if qh := u.Query().Get("h"); qh != "" {
		if hash != "" && hash != qh {
			return Video{}, newError(in, ProviderVimeo, ErrInvalidHash, "path hash and h= differ")
		}
		hash = qh
	}
	if hash != "" {
		if err := validateVimeoHash(hash); err != nil {
			err.Input = shorten(in)
			return Video{}, err
		}
	}
	v := Video{Provider: ProviderVimeo, ID: id, Hash: hash}
	if s, ok := fragmentTime(u.Fragment); ok {
		t, err := parseTime(s)
		if err != nil {
			return Video{}, newError(in, ProviderVimeo, ErrInvalidTime, "#t=%q: %v", s, err)
		}
		v.Start = t
	}
	return v, nil
}

func (vimeoProvider) ParseID(id string) (Video, error) {
	if err := validateVimeoID(id); err != nil {
		return Video{}, err
	}
	return Video{Provider: ProviderVimeo, ID: id}, nil
}

func (vimeoProvider) Validate(v Video) error {
	if v.Provider != ProviderVimeo {
		return newError(v.Provider, ProviderVimeo, ErrUnsupported, "not a Vimeo video")
	}
	if err := validateVimeoID(v.ID); err != nil {
		return err
	}
	if v.Hash != "" {
		if err := validateVimeoHash(v.Hash); err != nil {
			return err
		}
	}
	if v.Playlist != "" {
		return newError(v.Playlist, ProviderVimeo, ErrInvalidPlaylist, "Vimeo videos have no playlist")
	}
	if v.Shorts {
		return newError(v.ID, ProviderVimeo, ErrInvalidID, "Shorts are YouTube's")
	}
	return validateTimes(v, ProviderVimeo)
}

func (vimeoProvider) Player(v Video, opts Options) (Player, error) {
	// Query order: h first (Vimeo's own embed code puts it first), then
	// the options in a fixed order.
	var q []string
	if v.Hash != "" {
		q = append(q, "h="+v.Hash)
	}
	if opts.Autoplay || opts.facadeClick {
		q = append(q, "autoplay=1")
	}
	if opts.Mute || opts.Autoplay && !opts.facadeClick {
		q = append(q, "muted=1")
	}
	if opts.Loop {
		q = append(q, "loop=1")
	}
	if opts.NoControls {
		q = append(q, "controls=0")
	}
	if opts.Wrapper == WrapperHugo {
		// Hugo writes dnt first and always.
		q = append([]string{"dnt=" + b01(!privacyOff(opts))}, q...)
	} else if !privacyOff(opts) {
		q = append(q, "dnt=1")
	}
	src := "https://player.vimeo.com/video/" + v.ID
	if len(q) > 0 {
		src += "?" + strings.Join(q, "&")
	}
	if v.Start > 0 {
		src += "#t=" + secs(v.Start) + "s"
	}
	link := "https://vimeo.com/" + v.ID
	if v.Hash != "" {
		link += "/" + v.Hash
	}
	if v.Start > 0 {
		link += "#t=" + secs(v.Start) + "s"
	}
	return Player{Src: src, Link: link, Title: "Vimeo video", Ratio: Ratio16x9}, nil
}

// validateVimeoID checks Vimeo's rule: 1 to 12 decimal digits.
func validateVimeoID(id string) *Error {
	if id == "" {
		return newError(id, ProviderVimeo, ErrNoID, "empty ID")
	}
	if !isDigits(id) {
		return newError(id, ProviderVimeo, ErrInvalidID, "a Vimeo ID has only digits")
	}
	if len(id) > 12 {
		return newError(id, ProviderVimeo, ErrInvalidID, "a Vimeo ID has at most 12 digits, not %d", len(id))
	}
	return nil
}

// validateVimeoHash checks a privacy hash: 6 to 32 lower-case hex digits.
func validateVimeoHash(h string) *Error {
	if len(h) < 6 || len(h) > 32 {
		return newError(h, ProviderVimeo, ErrInvalidHash, "length %d is not 6 to 32", len(h))
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return newError(h, ProviderVimeo, ErrInvalidHash, "character %q at %d is not lower-case hex", c, i)
		}
	}
	return nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isSlug accepts a channel, group or showcase name.
func isSlug(s string) bool {
	if s == "" || len(s) > 100 {
		return false
	}
	return strings.IndexFunc(s, func(r rune) bool { return !isIDChar(r) && r != '.' }) < 0
}
