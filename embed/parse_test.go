package embed

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const rick = "dQw4w9WgXcQ"

func yt(id string) Video { return Video{Provider: ProviderYouTube, ID: id} }
func vm(id string) Video { return Video{Provider: ProviderVimeo, ID: id} }

func TestParseAccepts(t *testing.T) {
	t.Parallel()
	withStart := func(v Video, d time.Duration) Video { v.Start = d; return v }
	shorts := yt(rick)
	shorts.Shorts = true
	tests := []struct {
		name, in string
		want     Video
	}{
		{"bare ID", rick, yt(rick)},
		{"bare ID with spaces", "  " + rick + "\n", yt(rick)},
		{"watch", "https://www.youtube.com/watch?v=" + rick, yt(rick)},
		{"watch http", "http://www.youtube.com/watch?v=" + rick, yt(rick)},
		{"watch no www", "https://youtube.com/watch?v=" + rick, yt(rick)},
		{"watch upper-case host", "https://WWW.YouTube.com/watch?v=" + rick, yt(rick)},
		{"watch no scheme", "www.youtube.com/watch?v=" + rick, yt(rick)},
		{"watch other params first", "https://www.youtube.com/watch?feature=share&v=" + rick + "&si=abc", yt(rick)},
		{"watch repeated same v", "https://www.youtube.com/watch?v=" + rick + "&v=" + rick, yt(rick)},
		{"mobile", "https://m.youtube.com/watch?v=" + rick, yt(rick)},
		{"music", "https://music.youtube.com/watch?v=" + rick, yt(rick)},
		{"short link", "https://youtu.be/" + rick, yt(rick)},
		{"short link no scheme", "youtu.be/" + rick, yt(rick)},
		{"short link share id", "https://youtu.be/" + rick + "?si=Ab12", yt(rick)},
		{"embed", "https://www.youtube.com/embed/" + rick, yt(rick)},
		{"embed protocol-relative", "//www.youtube.com/embed/" + rick, yt(rick)},
		{"embed trailing slash", "https://www.youtube.com/embed/" + rick + "/", yt(rick)},
		{"nocookie embed", "https://www.youtube-nocookie.com/embed/" + rick, yt(rick)},
		{"nocookie no www", "https://youtube-nocookie.com/embed/" + rick, yt(rick)},
		{"shorts", "https://www.youtube.com/shorts/" + rick, shorts},
		{"live", "https://www.youtube.com/live/" + rick + "?feature=share", yt(rick)},
		{"v", "https://www.youtube.com/v/" + rick, yt(rick)},
		{"t seconds", "https://youtu.be/" + rick + "?t=42", withStart(yt(rick), 42*time.Second)},
		{"t seconds suffix", "https://www.youtube.com/watch?v=" + rick + "&t=42s", withStart(yt(rick), 42*time.Second)},
		{"t hms", "https://www.youtube.com/watch?v=" + rick + "&t=1h2m3s", withStart(yt(rick), time.Hour+2*time.Minute+3*time.Second)},
		{"t ms", "https://www.youtube.com/watch?v=" + rick + "&t=2m", withStart(yt(rick), 2*time.Minute)},
		{"fragment t", "https://www.youtube.com/watch?v=" + rick + "#t=1m30s", withStart(yt(rick), 90*time.Second)},
		{"embed start end", "https://www.youtube.com/embed/" + rick + "?start=10&end=20",
			Video{Provider: ProviderYouTube, ID: rick, Start: 10 * time.Second, End: 20 * time.Second}},
		{"playlist", "https://www.youtube.com/watch?v=" + rick + "&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI",
			Video{Provider: ProviderYouTube, ID: rick, Playlist: "PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI"}},
		{"id with _ and -", "https://youtu.be/a_b-c_d-e_f", yt("a_b-c_d-e_f")},

		{"vimeo", "https://vimeo.com/76979871", vm("76979871")},
		{"vimeo www", "https://www.vimeo.com/76979871", vm("76979871")},
		{"vimeo no scheme", "vimeo.com/76979871", vm("76979871")},
		{"vimeo unlisted", "https://vimeo.com/76979871/8272103f6e", Video{Provider: ProviderVimeo, ID: "76979871", Hash: "8272103f6e"}},
		{"vimeo player", "https://player.vimeo.com/video/76979871", vm("76979871")},
		{"vimeo player hash", "https://player.vimeo.com/video/76979871?h=8272103f6e&badge=0", Video{Provider: ProviderVimeo, ID: "76979871", Hash: "8272103f6e"}},
		{"vimeo channel", "https://vimeo.com/channels/staffpicks/76979871", vm("76979871")},
		{"vimeo group", "https://vimeo.com/groups/motion/videos/76979871", vm("76979871")},
		{"vimeo showcase", "https://vimeo.com/showcase/1234/video/76979871", vm("76979871")},
		{"vimeo t", "https://vimeo.com/76979871#t=1m2s", withStart(vm("76979871"), 62*time.Second)},
		{"vimeo t seconds", "https://vimeo.com/76979871#t=30s", withStart(vm("76979871"), 30*time.Second)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.in)
			require.NoError(t, err, "Parse(%q)", tt.in)
			assert.Equal(t, tt.want, got, "Parse(%q)", tt.in)
		})
	}
}

func TestParseRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     error
	}{
		{"empty", "", ErrEmpty},
		{"spaces", " \t\n", ErrEmpty},
		{"short ID", "dQw4w9WgXc", ErrInvalidID},
		{"long ID", "dQw4w9WgXcQQ", ErrInvalidID},
		{"over-long ID", strings.Repeat("a", 5000), ErrInvalidID},
		{"ID with quote", `dQw4w9W"XcQ`, ErrInvalidID},
		{"ID with angle", "dQw4w9W<XcQ", ErrInvalidID},
		{"ID with space", "dQw4w9 WgXcQ", ErrInvalidID},
		{"ID with Cyrillic", "dQw4w9WgXсQ", ErrInvalidID},
		{"watch long ID", "https://www.youtube.com/watch?v=" + rick + "x", ErrInvalidID},
		{"watch ID with extra chars", "https://www.youtube.com/watch?v=" + rick + "%22onload%3D", ErrInvalidID},
		{"percent-encoded quote in path", "https://www.youtube.com/embed/dQw4w9W%22XcQ", ErrInvalidID},
		{"percent-encoded angle in path", "https://youtu.be/%3Cscript%3E", ErrInvalidID},
		{"embed ID with quote", `https://www.youtube.com/embed/dQw4w9W"XcQ`, ErrInvalidID},
		{"conflicting v", "https://www.youtube.com/watch?v=" + rick + "&v=aaaaaaaaaaa", ErrInvalidID},
		{"watch without v", "https://www.youtube.com/watch?x=1", ErrNoID},
		{"channel", "https://www.youtube.com/@SomeChannel", ErrNoID},
		{"youtube root", "https://www.youtube.com/", ErrNoID},
		{"youtu.be root", "https://youtu.be/", ErrNoID},
		{"youtu.be two segments", "https://youtu.be/" + rick + "/x", ErrNoID},
		{"embed double slash", "https://www.youtube.com/embed//" + rick, ErrNoID},
		{"bad playlist", "https://www.youtube.com/watch?v=" + rick + "&list=PL%22x", ErrInvalidPlaylist},
		{"bad t", "https://youtu.be/" + rick + "?t=abc", ErrInvalidTime},
		{"negative t", "https://youtu.be/" + rick + "?t=-5", ErrInvalidTime},
		{"t units out of order", "https://youtu.be/" + rick + "?t=3s2m", ErrInvalidTime},
		{"huge t", "https://youtu.be/" + rick + "?t=99999999999", ErrInvalidTime},
		{"huge t hms", "https://youtu.be/" + rick + "?t=999h", ErrInvalidTime},
		{"bad end", "https://www.youtube.com/embed/" + rick + "?end=1.5", ErrInvalidTime},
		{"javascript", "javascript:alert(1)", ErrScheme},
		{"javascript upper", "JaVaScRiPt:alert('" + rick + "')", ErrScheme},
		{"data", "data:text/html,<script>alert(1)</script>", ErrScheme},
		{"ftp", "ftp://www.youtube.com/watch?v=" + rick, ErrScheme},
		{"userinfo trick", "https://youtube.com@evil.com/watch?v=" + rick, ErrUserinfo},
		{"userinfo on youtube", "https://user:pw@www.youtube.com/watch?v=" + rick, ErrUserinfo},
		{"Cyrillic o host", "https://www.yоutube.com/watch?v=" + rick, ErrUnsupported},
		{"punycode host", "https://www.xn--yutube-wqf.com/watch?v=" + rick, ErrUnsupported},
		{"look-alike suffix", "https://www.youtube.com.evil.com/watch?v=" + rick, ErrUnsupported},
		{"look-alike prefix", "https://evilyoutube.com/watch?v=" + rick, ErrUnsupported},
		{"trailing dot host", "https://www.youtube.com./watch?v=" + rick, ErrUnsupported},
		{"port", "https://www.youtube.com:8443/watch?v=" + rick, ErrUnsupported},
		{"other host", "https://example.com/watch?v=" + rick, ErrUnsupported},
		{"backslash host", `https://youtube.com\@evil.com/watch?v=` + rick, ErrBadURL},
		{"control char", "https://www.youtube.com/watch?v=" + rick + "\x00", ErrBadURL},
		{"no host", "https:///watch?v=" + rick, ErrBadURL},

		{"vimeo letters", "https://vimeo.com/abc", ErrInvalidID},
		{"vimeo long ID", "https://vimeo.com/1234567890123", ErrInvalidID},
		{"vimeo bad hash", "https://vimeo.com/76979871/XYZ", ErrInvalidHash},
		{"vimeo upper hash", "https://vimeo.com/76979871/8272103F6E", ErrInvalidHash},
		{"vimeo hash quote", "https://player.vimeo.com/video/76979871?h=82%22onload", ErrInvalidHash},
		{"vimeo hash mismatch", "https://vimeo.com/76979871/8272103f6e?h=aaaaaaaaaa", ErrInvalidHash},
		{"vimeo player no ID", "https://player.vimeo.com/", ErrNoID},
		{"vimeo root", "https://vimeo.com/", ErrNoID},
		{"vimeo channel only", "https://vimeo.com/channels/staffpicks", ErrNoID},
		{"vimeo bad t", "https://vimeo.com/76979871#t=soon", ErrInvalidTime},
		{"vimeo ID quote", `https://player.vimeo.com/video/76979871"onload="x`, ErrInvalidID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse(tt.in)
			require.ErrorIs(t, err, tt.want, "Parse(%q) = %+v", tt.in, got)
			assert.Equal(t, Video{}, got)
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.True(t, strings.HasPrefix(err.Error(), "embed: "), err.Error())
		})
	}
}

func TestConstructors(t *testing.T) {
	t.Parallel()
	v, err := YouTube(rick)
	require.NoError(t, err)
	assert.Equal(t, yt(rick), v)
	v, err = Vimeo("76979871")
	require.NoError(t, err)
	assert.Equal(t, vm("76979871"), v)

	_, err = YouTube("https://youtu.be/" + rick)
	assert.ErrorIs(t, err, ErrInvalidID)
	_, err = YouTube("")
	assert.ErrorIs(t, err, ErrNoID)
	_, err = Vimeo("7697987x")
	assert.ErrorIs(t, err, ErrInvalidID)
	_, err = Vimeo(rick)
	assert.ErrorIs(t, err, ErrInvalidID)
}

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	_, err := Parse("https://youtu.be/abc")
	assert.EqualError(t, err, `embed: youtube: "https://youtu.be/abc": invalid video ID: a YouTube ID has 11 characters, not 3`)
	_, err = Parse("https://www.yоutube.com/watch?v=" + rick)
	assert.EqualError(t, err, `embed: "https://www.yоutube.com/watch?v=dQw4w9WgXcQ": not a supported video host: host "www.y\u043eutube.com"`)
}

// peertube is a caller's provider, to show that Parser takes others.
type peertube struct{}

func (peertube) Name() string { return "peertube" }
func (p peertube) ParseURL(u *url.URL) (Video, error) {
	if host(u) != "video.example.org" {
		return Video{}, newError(u.String(), "peertube", ErrUnsupported, "")
	}
	id, ok := strings.CutPrefix(u.Path, "/w/")
	if !ok {
		return Video{}, newError(u.String(), "peertube", ErrNoID, "")
	}
	return p.ParseID(id)
}
func (peertube) ParseID(id string) (Video, error) {
	v := Video{Provider: "peertube", ID: id}
	return v, peertube{}.Validate(v)
}
func (peertube) Validate(v Video) error {
	if len(v.ID) != 22 || strings.IndexFunc(v.ID, func(r rune) bool { return !isIDChar(r) }) >= 0 {
		return newError(v.ID, "peertube", ErrInvalidID, "want 22 of [A-Za-z0-9_-]")
	}
	return nil
}
func (peertube) Player(v Video, _ Options) (Player, error) {
	return Player{Src: "https://video.example.org/videos/embed/" + v.ID, Link: "https://video.example.org/w/" + v.ID, Title: "PeerTube video", Ratio: Ratio16x9}, nil
}

func TestParserWithCustomProvider(t *testing.T) {
	t.Parallel()
	p := Parser{Providers: append(Builtins(), peertube{})}
	id := "9c9de5e8-0a1e-484a-b0"
	id = strings.ReplaceAll(id, "-", "_") + "x"
	v, err := p.Parse("https://video.example.org/w/" + id)
	require.NoError(t, err)
	assert.Equal(t, Video{Provider: "peertube", ID: id}, v)
	// The built-ins still work through the same Parser.
	v, err = p.Parse("https://youtu.be/" + rick)
	require.NoError(t, err)
	assert.Equal(t, yt(rick), v)

	b, err := p.AppendHTML(nil, Video{Provider: "peertube", ID: id}, Options{})
	require.NoError(t, err)
	assert.Contains(t, string(b), `src="https://video.example.org/videos/embed/`+id+`"`)
	assert.Contains(t, string(b), `title="PeerTube video"`)

	// The package-level functions know only the built-ins.
	_, err = Parse("https://video.example.org/w/" + id)
	assert.ErrorIs(t, err, ErrUnsupported)
	assert.Nil(t, Video{Provider: "peertube", ID: id}.HTML(Options{}))
	_, err = p.Parse("https://video.example.org/w/short")
	assert.ErrorIs(t, err, ErrInvalidID)

	// A Parser without providers says so.
	_, err = Parser{Providers: []Provider{}}.Parse(rick)
	assert.ErrorIs(t, err, ErrUnsupported)
}

func TestAppendHTMLRejects(t *testing.T) {
	t.Parallel()
	good := yt(rick)
	tests := []struct {
		name string
		v    Video
		opts Options
		want error
	}{
		{"hand-made bad ID", Video{Provider: ProviderYouTube, ID: `x"><script>`}, Options{}, ErrInvalidID},
		{"unknown provider", Video{Provider: "dailymotion", ID: "x7tgad0"}, Options{}, ErrUnsupported},
		{"empty video", Video{}, Options{}, ErrUnsupported},
		{"youtube hash", Video{Provider: ProviderYouTube, ID: rick, Hash: "abcdef"}, Options{}, ErrInvalidHash},
		{"vimeo playlist", Video{Provider: ProviderVimeo, ID: "1", Playlist: "PLx"}, Options{}, ErrInvalidPlaylist},
		{"negative start", Video{Provider: ProviderYouTube, ID: rick, Start: -time.Second}, Options{}, ErrInvalidTime},
		{"bad loading", good, Options{Loading: "soon"}, ErrInvalidOptions},
		{"bad ratio", good, Options{Ratio: Ratio{-16, 9}}, ErrInvalidOptions},
		{"half ratio", good, Options{Ratio: Ratio{16, 0}}, ErrInvalidOptions},
		{"bad wrapper", good, Options{Wrapper: 9}, ErrInvalidOptions},
		{"bad privacy", good, Options{Privacy: 9}, ErrInvalidOptions},
		{"facade in hugo mode", good, Options{Facade: true, Wrapper: WrapperHugo}, ErrInvalidOptions},
		{"thumbnail without facade", good, Options{Thumbnail: "/x.jpg"}, ErrInvalidOptions},
		{"javascript thumbnail", good, Options{Facade: true, Thumbnail: "javascript:alert(1)"}, ErrInvalidOptions},
		{"data thumbnail", good, Options{Facade: true, Thumbnail: "data:image/svg+xml,<svg onload=alert(1)>"}, ErrInvalidOptions},
		{"http thumbnail", good, Options{Facade: true, Thumbnail: "http://example.com/x.jpg"}, ErrInvalidOptions},
		{"protocol-relative thumbnail", good, Options{Facade: true, Thumbnail: "//evil.example/x.jpg"}, ErrInvalidOptions},
		{"invalid UTF-8 title", good, Options{Title: "a\xffb"}, ErrInvalidOptions},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b, err := tt.v.AppendHTML([]byte("keep"), tt.opts)
			require.ErrorIs(t, err, tt.want)
			assert.Equal(t, "keep", string(b))
			assert.Nil(t, tt.v.HTML(tt.opts))
		})
	}
	assert.NoError(t, good.Validate())
	assert.True(t, errors.Is(Video{Provider: ProviderYouTube}.Validate(), ErrNoID))
}

func TestParseTime(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]time.Duration{
		"0": 0, "90": 90 * time.Second, "90s": 90 * time.Second, "1m": time.Minute,
		"1h": time.Hour, "1h2m3s": time.Hour + 2*time.Minute + 3*time.Second, "1h3s": time.Hour + 3*time.Second,
		"100h": 100 * time.Hour,
	} {
		got, err := parseTime(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, in := range []string{"", "s", "h", "1x", "1.5", "1m1m", "m1", "1h2", "101h", "-1", "+1", " 1", "1e3", "0x10"} {
		_, err := parseTime(in)
		assert.Error(t, err, in)
	}
}
