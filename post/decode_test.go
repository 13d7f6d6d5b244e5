package post

import (
	"errors"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type decodeBase struct {
	Title string
	Tags  []string
}

type decodeTarget struct {
	decodeBase
	*DecodeExtra
	Date     time.Time
	Lastmod  *time.Time
	Weight   int8
	Ratio    float32
	Count    uint
	Draft    bool
	Timeout  time.Duration
	Addr     netip.Addr
	Series   string         `yaml:"series_name" toml:"seriesName" json:"series"`
	Skipped  string         `json:"-"`
	Params   map[string]any `json:"params"`
	Anything any
	Pair     [2]string
	Nested   struct {
		Inner string `json:"inner"`
	}
}

// DecodeExtra is an embedded pointer to an exported struct.
type DecodeExtra struct {
	Extra string
}

func TestDecodeFormats(t *testing.T) {
	t.Parallel()
	srcs := map[string]string{
		"yaml": `---
title: Y
tags: solo
date: 2019-09-10
lastmod: Tue, 10 Sep 2019 10:00:00 +0200
weight: "7"
ratio: 0.5
count: 3
draft: "true"
timeout: 1m30s
addr: 192.0.2.1
series_name: s
skipped: x
extra: e
params: {A: 1}
anything: {Key: [1, two]}
pair: [a, b]
nested: {Inner: i}
---
`,
		"toml": `+++
title = "Y"
tags = "solo"
date = 2019-09-10
lastmod = "Tue, 10 Sep 2019 10:00:00 +0200"
weight = "7"
ratio = 0.5
count = 3
draft = "true"
timeout = "1m30s"
addr = "192.0.2.1"
seriesName = "s"
skipped = "x"
extra = "e"
params = {A = 1}
anything = {Key = [1, "two"]}
pair = ["a", "b"]
nested = {Inner = "i"}
+++
`,
		"json": `{"title": "Y", "tags": "solo", "date": "2019-09-10", "lastmod": "Tue, 10 Sep 2019 10:00:00 +0200",
"weight": "7", "ratio": 0.5, "count": 3, "draft": "true", "timeout": "1m30s", "addr": "192.0.2.1",
"series": "s", "skipped": "x", "extra": "e", "params": {"A": 1}, "anything": {"Key": [1, "two"]},
"pair": ["a", "b"], "nested": {"Inner": "i"}}
`,
	}
	for name, src := range srcs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(src))
			require.NoError(t, err)
			var got decodeTarget
			require.NoError(t, p.Decode(&got))
			assert.Equal(t, "Y", got.Title)
			assert.Equal(t, []string{"solo"}, got.Tags)
			assert.Equal(t, time.Date(2019, 9, 10, 0, 0, 0, 0, time.UTC), got.Date)
			require.NotNil(t, got.Lastmod)
			assert.Equal(t, "2019-09-10T10:00:00+02:00", got.Lastmod.Format(time.RFC3339))
			assert.Equal(t, int8(7), got.Weight)
			assert.Equal(t, float32(0.5), got.Ratio)
			assert.Equal(t, uint(3), got.Count)
			assert.True(t, got.Draft)
			assert.Equal(t, 90*time.Second, got.Timeout)
			assert.Equal(t, netip.MustParseAddr("192.0.2.1"), got.Addr)
			assert.Equal(t, "s", got.Series)
			assert.Empty(t, got.Skipped)
			require.NotNil(t, got.DecodeExtra)
			assert.Equal(t, "e", got.Extra)
			assert.Equal(t, map[string]any{"A": 1}, got.Params, "map keys keep their case")
			assert.Equal(t, map[string]any{"Key": []any{1, "two"}}, got.Anything)
			assert.Equal(t, [2]string{"a", "b"}, got.Pair)
			assert.Equal(t, "i", got.Nested.Inner)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	src := "---\nname: [a]\nlevel: 300\ncount: -1\nwhen: soon\nnested: x\naddr: nope\npair: [a, b, c]\n---\n"
	p, err := Parse([]byte(src), WithPath("d.md"))
	require.NoError(t, err)
	var got struct {
		Name   string
		Level  int8
		Count  uint
		When   time.Time
		Nested struct{ Inner string }
		Addr   netip.Addr
		Pair   [2]string
	}
	err = p.Decode(&got)
	require.Error(t, err)
	assert.Equal(t, strings.Join([]string{
		`d.md:2:7: front matter: name: want a string, got a list`,
		`d.md:3:8: front matter: level: cannot use "300" as int8`,
		`d.md:4:8: front matter: count: cannot use "-1" as uint`,
		`d.md:5:7: front matter: when: cannot parse "soon"`,
		`d.md:6:9: front matter: nested: want a map, got "x"`,
		`d.md:7:7: front matter: addr: cannot use "nope" as netip.Addr: ParseAddr("nope"): unable to parse IP`,
		`d.md:8:7: front matter: pair: want at most 2 values, got 3`,
	}, "\n"), err.Error())
	var list Errors
	require.ErrorAs(t, err, &list)
	assert.Len(t, list, 7)
	assert.ErrorIs(t, err, ErrType)
	assert.ErrorIs(t, err, ErrDate)
	assert.ErrorIs(t, err, ErrValue)
}

func TestDecodeStrictNested(t *testing.T) {
	t.Parallel()
	src := "{\n\"titel\": \"x\",\n\"nested\": {\"iner\": \"y\", \"inner\": \"z\"},\n\"params\": {\"free\": 1},\n\"zzz\": 1\n}\n"
	p, err := Parse([]byte(src), WithPath("s.md"))
	require.NoError(t, err)
	var got decodeTarget
	err = p.DecodeStrict(&got)
	assert.Equal(t, strings.Join([]string{
		`s.md:2:1: front matter: titel: unknown key (did you mean "Title"?)`,
		`s.md:3:12: front matter: nested.iner: unknown key (did you mean "inner"?)`,
		`s.md:5:1: front matter: zzz: unknown key`,
	}, "\n"), err.Error())
	assert.ErrorIs(t, err, ErrUnknownKey)
	assert.Equal(t, "z", got.Nested.Inner, "known keys are still decoded")
	// Without strict, the same post decodes without error.
	require.NoError(t, p.Decode(&decodeTarget{}))
}

func TestDecodeDuplicateField(t *testing.T) {
	t.Parallel()
	// Keys inside lists keep their case, so two of them can name one field.
	p, err := Parse([]byte("---\nitems:\n  - name: a\n    Name: b\n---\n"))
	require.NoError(t, err)
	var got struct{ Items []struct{ Name string } }
	err = p.Decode(&got)
	require.ErrorIs(t, err, ErrDuplicateKey)
	assert.EqualError(t, err, "4:5: front matter: items[0].Name: duplicate key; field Name is already set at line 3")
}

func TestDecodeInvalidTarget(t *testing.T) {
	t.Parallel()
	p, err := Parse([]byte("---\ntitle: x\n---\n"))
	require.NoError(t, err)
	var s struct{ Title string }
	assert.Error(t, p.Decode(s))
	assert.Error(t, p.Decode(nil))
	assert.Error(t, p.Decode((*struct{})(nil)))
	var m map[string]any
	require.NoError(t, p.Decode(&m))
	assert.Equal(t, map[string]any{"title": "x"}, m)

	none, err := Parse([]byte("just text\n"))
	require.NoError(t, err)
	require.NoError(t, none.Decode(&s), "no front matter decodes nothing")
	assert.Empty(t, s.Title)
}

func TestDecodeAliasBomb(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString("---\nok: 1\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	prev := "a"
	for _, name := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		b.WriteString(name + ": &" + name + " [")
		for i := range 9 {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString("*" + prev)
		}
		b.WriteString("]\n")
		prev = name
	}
	b.WriteString("---\n")
	_, err := Parse([]byte(b.String()))
	require.ErrorIs(t, err, ErrTooLarge)

	// The same shape a few levels deep is fine, in Parse and in Decode.
	src := "---\na: &a [x, y]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n"
	p, err := Parse([]byte(src))
	require.NoError(t, err)
	var v struct{ C [][][]string }
	require.NoError(t, p.Decode(&v))
	assert.Equal(t, [][][]string{{{"x", "y"}, {"x", "y"}}, {{"x", "y"}, {"x", "y"}}}, v.C)
}

func TestDecodeConcurrent(t *testing.T) {
	t.Parallel()
	p, err := Parse([]byte("---\ntitle: x\nrating: heavy\n---\n"), WithPath("c.md"))
	require.NoError(t, err)
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			var v struct {
				Title  string
				Rating int
			}
			errs[i] = p.Decode(&v)
		})
	}
	wg.Wait()
	for _, err := range errs {
		assert.EqualError(t, err, `c.md:3:9: front matter: rating: cannot use "heavy" as int`)
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"title", "title", 0},
		{"titel", "title", 1},
		{"tilte", "title", 1},
		{"date", "dates", 1},
		{"publishdate", "pubdate", 4},
		{"", "abc", 3},
		{"héllo", "hello", 1},
	} {
		assert.Equal(t, tt.want, editDistance(tt.a, tt.b), "editDistance(%q, %q)", tt.a, tt.b)
	}
}

func TestStatus(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		fm   FrontMatter
		want Status
	}{
		{FrontMatter{}, Published},
		{FrontMatter{Draft: true, PublishDate: now.Add(time.Hour)}, Draft},
		{FrontMatter{PublishDate: now.Add(time.Hour), ExpiryDate: now.Add(-time.Hour)}, Expired},
		{FrontMatter{PublishDate: now.Add(time.Hour)}, Future},
		{FrontMatter{PublishDate: now, ExpiryDate: now}, Published},
	} {
		p := &Post{FrontMatter: tt.fm}
		assert.Equal(t, tt.want, p.Status(now), "%+v", tt.fm)
	}
}

func TestFormatText(t *testing.T) {
	t.Parallel()
	for _, f := range []Format{FormatNone, FormatYAML, FormatTOML, FormatJSON} {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var g Format
		require.NoError(t, g.UnmarshalText(b))
		assert.Equal(t, f, g)
	}
	var g Format
	assert.Error(t, g.UnmarshalText([]byte("xml")))
}

func TestErrorsUnwrap(t *testing.T) {
	t.Parallel()
	_, err := Parse([]byte("---\ndate: x\ndraft: y\n---\n"))
	var list Errors
	require.ErrorAs(t, err, &list)
	require.Len(t, list, 2)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Same(t, list[0], pe)
	assert.True(t, errors.Is(err, ErrDate) && errors.Is(err, ErrType))
	assert.Equal(t, "2:7: front matter: date: cannot parse \"x\"", pe.Error(), "no path: line:col")
}
