package embed

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

type youtubeProvider struct{}

func (youtubeProvider) Name() string { return ProviderYouTube }

// youtubeHosts are the hosts whose URLs name a video by path or v=.
var youtubeHosts = map[string]bool{
	"youtube.com":              true,
	"www.youtube.com":          true,
	"m.youtube.com":            true,
	"music.youtube.com":        true,
	"youtube-nocookie.com":     true,
	"www.youtube-nocookie.com": true,
}

func (y youtubeProvider) ParseURL(u *url.URL) (Video, error) {
	in := u.String()
	h := host(u)
	q := u.Query()
	var id string
	v := Video{Provider: ProviderYouTube}
	switch {
	case h == "youtu.be" || h == "www.youtu.be":
		seg := pathSegments(u.Path)
		if len(seg) != 1 {
			return Video{}, newError(in, ProviderYouTube, ErrNoID, "want youtu.be/ID")
		}
		id = seg[0]
	case youtubeHosts[h]:
		seg := pathSegments(u.Path)
		switch {
		case len(seg) == 1 && seg[0] == "watch":
			vs := q["v"]
			if len(vs) == 0 {
				return Video{}, newError(in, ProviderYouTube, ErrNoID, "watch URL without v=")
			}
			for _, other := range vs[1:] {
				if other != vs[0] {
					return Video{}, newError(in, ProviderYouTube, ErrInvalidID, "conflicting v= parameters")
				}
			}
			id = vs[0]
		case len(seg) == 2 && (seg[0] == "embed" || seg[0] == "shorts" || seg[0] == "live" || seg[0] == "v" || seg[0] == "e"):
			id = seg[1]
			v.Shorts = seg[0] == "shorts"
		default:
			return Video{}, newError(in, ProviderYouTube, ErrNoID, "path %q names no video", u.Path)
		}
	default:
		return Video{}, newError(in, ProviderYouTube, ErrUnsupported, "")
	}
	if err := validateYouTubeID(id); err != nil {
		err.Input = shorten(in)
		return Video{}, err
	}
	v.ID = id
	if list := q.Get("list"); list != "" {
		if err := validatePlaylist(list); err != nil {
			err.Input = shorten(in)
			return Video{}, err
		}
		v.Playlist = list
	}
	var err error
	// t= (watch pages, youtu.be), start= (embeds), #t= (old links).
	for _, k := range []string{"t", "start"} {
		if s := q.Get(k); s != "" {
			if v.Start, err = parseTime(s); err != nil {
				return Video{}, newError(in, ProviderYouTube, ErrInvalidTime, "%s=%q: %v", k, s, err)
			}
		}
	}
	if s, ok := fragmentTime(u.Fragment); ok && v.Start == 0 {
		if v.Start, err = parseTime(s); err != nil {
			return Video{}, newError(in, ProviderYouTube, ErrInvalidTime, "#t=%q: %v", s, err)
		}
	}
	if s := q.Get("end"); s != "" {
		if v.End, err = parseTime(s); err != nil {
			return Video{}, newError(in, ProviderYouTube, ErrInvalidTime, "end=%q: %v", s, err)
		}
	}
	return v, nil
}

func (youtubeProvider) ParseID(id string) (Video, error) {
	if err := validateYouTubeID(id); err != nil {
		return Video{}, err
	}
	return Video{Provider: ProviderYouTube, ID: id}, nil
}

func (youtubeProvider) Validate(v Video) error {
	if v.Provider != ProviderYouTube {
		return newError(v.Provider, ProviderYouTube, ErrUnsupported, "not a YouTube video")
	}
	if err := validateYouTubeID(v.ID); err != nil {
		return err
	}
	if v.Hash != "" {
		return newError(v.Hash, ProviderYouTube, ErrInvalidHash, "YouTube videos have no hash")
	}
	if v.Playlist != "" {
		if err := validatePlaylist(v.Playlist); err != nil {
			return err
		}
	}
	return validateTimes(v, ProviderYouTube)
}

func (youtubeProvider) Player(v Video, opts Options) (Player, error) {
	hostName := "www.youtube-nocookie.com"
	if privacyOff(opts) {
		hostName = "www.youtube.com"
	}
	q := url.Values{}
	autoplay := opts.Autoplay || opts.facadeClick
	mute := opts.Mute || (opts.Autoplay && !opts.facadeClick)
	hugo := opts.Wrapper == WrapperHugo
	if hugo {
		// Hugo always writes these six, 0 or 1 and seconds.
		q.Set("autoplay", b01(autoplay))
		q.Set("controls", b01(!opts.NoControls))
		q.Set("end", secs(v.End))
		q.Set("loop", b01(opts.Loop))
		q.Set("mute", b01(mute))
		q.Set("start", secs(v.Start))
	} else {
		if autoplay {
			q.Set("autoplay", "1")
		}
		if opts.NoControls {
			q.Set("controls", "0")
		}
		if v.End > 0 {
			q.Set("end", secs(v.End))
		}
		if opts.Loop {
			q.Set("loop", "1")
		}
		if mute {
			q.Set("mute", "1")
		}
		if v.Start > 0 {
			q.Set("start", secs(v.Start))
		}
	}
	if opts.Loop {
		q.Set("playlist", v.ID)
	}
	if v.Playlist != "" {
		q.Set("list", v.Playlist)
	}
	src := "https://" + hostName + "/embed/" + v.ID
	if len(q) > 0 {
		src += "?" + q.Encode() // sorted by key, as Hugo's querify
	}
	link := "https://www.youtube.com/watch?v=" + v.ID
	if v.Shorts {
		link = "https://www.youtube.com/shorts/" + v.ID
	}
	if v.Start > 0 {
		link += "&t=" + secs(v.Start)
		if v.Shorts {
			link = "https://www.youtube.com/watch?v=" + v.ID + "&t=" + secs(v.Start)
		}
	}
	if v.Playlist != "" && !v.Shorts {
		link += "&list=" + v.Playlist
	}
	r := Ratio16x9
	if v.Shorts {
		r = Ratio9x16
	}
	return Player{Src: src, Link: link, Title: "YouTube video", Ratio: r}, nil
}

// validateYouTubeID checks YouTube's rule: exactly 11 of [A-Za-z0-9_-].
func validateYouTubeID(id string) *Error {
	if id == "" {
		return newError(id, ProviderYouTube, ErrNoID, "empty ID")
	}
	if len(id) != 11 {
		return newError(id, ProviderYouTube, ErrInvalidID, "a YouTube ID has 11 characters, not %d", len(id))
	}
	if i := strings.IndexFunc(id, func(r rune) bool { return !isIDChar(r) }); i >= 0 {
		return newError(id, ProviderYouTube, ErrInvalidID, "character %q at %d is not one of A-Z a-z 0-9 _ -", id[i], i)
	}
	return nil
}

// validatePlaylist checks a playlist ID: 2 to 64 of [A-Za-z0-9_-].
func validatePlaylist(list string) *Error {
	if len(list) < 2 || len(list) > 64 {
		return newError(list, ProviderYouTube, ErrInvalidPlaylist, "length %d is not 2 to 64", len(list))
	}
	if strings.IndexFunc(list, func(r rune) bool { return !isIDChar(r) }) >= 0 {
		return newError(list, ProviderYouTube, ErrInvalidPlaylist, "only A-Z a-z 0-9 _ - are allowed")
	}
	return nil
}

func isIDChar(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' || r == '-'
}

// pathSegments splits a path into its non-empty segments, allowing one
// trailing slash but no empty segment in between.
func pathSegments(p string) []string {
	p = strings.TrimPrefix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil
	}
	seg := strings.Split(p, "/")
	for _, s := range seg {
		if s == "" {
			return nil
		}
	}
	return seg
}

// maxTime bounds start and end times (a day is longer than any video).
const maxTime = 100 * time.Hour

// parseTime reads seconds ("90", "90s") or h/m/s form ("1h2m3s", "2m").
func parseTime(s string) (time.Duration, error) {
	if s == "" {
		return 0, errInvalidTimeForm
	}
	if n, ok := atoiBounded(s); ok {
		return time.Duration(n) * time.Second, nil
	}
	var d time.Duration
	rest := s
	last := byte(0)
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, errInvalidTimeForm
		}
		n, ok := atoiBounded(rest[:i])
		if !ok {
			return 0, errInvalidTimeForm
		}
		unit := rest[i]
		var mul time.Duration
		switch unit {
		case 'h':
			mul = time.Hour
		case 'm':
			mul = time.Minute
		case 's':
			mul = time.Second
		default:
			return 0, errInvalidTimeForm
		}
		if last != 0 && !unitAfter(last, unit) {
			return 0, errInvalidTimeForm
		}
		last = unit
		d += time.Duration(n) * mul
		if d > maxTime {
			return 0, errTimeRange
		}
		rest = rest[i+1:]
	}
	return d, nil
}

func unitAfter(prev, next byte) bool {
	order := map[byte]int{'h': 0, 'm': 1, 's': 2}
	return order[next] > order[prev]
}

type timeError string

func (e timeError) Error() string { return string(e) }

const (
	errInvalidTimeForm = timeError("want seconds (90) or h/m/s form (1h2m3s)")
	errTimeRange       = timeError("longer than 100 hours")
)

// atoiBounded parses 1 to 7 decimal digits, optionally followed by 's'.
func atoiBounded(s string) (int, bool) {
	s = strings.TrimSuffix(s, "s")
	if s == "" || len(s) > 7 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && time.Duration(n)*time.Second <= maxTime
}

// fragmentTime returns the value of t= in a fragment such as "t=1m30s".
func fragmentTime(frag string) (string, bool) {
	for part := range strings.SplitSeq(frag, "&") {
		if v, ok := strings.CutPrefix(part, "t="); ok {
			return v, true
		}
	}
	return "", false
}

func validateTimes(v Video, provider string) error {
	if v.Start < 0 || v.Start > maxTime {
		return newError(v.Start.String(), provider, ErrInvalidTime, "start must be between 0 and 100h")
	}
	if v.End < 0 || v.End > maxTime {
		return newError(v.End.String(), provider, ErrInvalidTime, "end must be between 0 and 100h")
	}
	return nil
}

func privacyOff(opts Options) bool {
	switch opts.Privacy {
	case PrivacyOn:
		return false
	case PrivacyOff:
		return true
	}
	return opts.Wrapper == WrapperHugo
}

func b01(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func secs(d time.Duration) string { return strconv.FormatInt(int64(d/time.Second), 10) }

func shorten(s string) string {
	if len(s) > 100 {
		return s[:100] + "..."
	}
	return s
}
