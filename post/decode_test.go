package post

import (
	"errors"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
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
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			var got decodeTarget
			if err := p.Decode(&got); err != nil {
				t.Fatalf("p.Decode(&got): %v", err)
			}
			equal(t, got.Title, "Y", "got.Title")
			deepEqual(t, got.Tags, []string{"solo"}, "got.Tags")
			equal(t, got.Date, time.Date(2019, 9, 10, 0, 0, 0, 0, time.UTC), "got.Date")
			if got.Lastmod == nil {
				t.Fatalf("got.Lastmod is nil")
			}
			equal(t, got.Lastmod.Format(time.RFC3339), "2019-09-10T10:00:00+02:00", "got.Lastmod.Format(time.RFC3339)")
			equal(t, got.Weight, int8(7), "got.Weight")
			equal(t, got.Ratio, float32(0.5), "got.Ratio")
			equal(t, got.Count, uint(3), "got.Count")
			if !got.Draft {
				t.Errorf("got.Draft is false")
			}
			equal(t, got.Timeout, 90*time.Second, "got.Timeout")
			equal(t, got.Addr, netip.MustParseAddr("192.0.2.1"), "got.Addr")
			equal(t, got.Series, "s", "got.Series")
			equal(t, got.Skipped, "", "got.Skipped (json:\"-\")")
			if got.DecodeExtra == nil {
				t.Fatalf("got.DecodeExtra is nil")
			}
			equal(t, got.Extra, "e", "got.Extra")
			deepEqual(t, got.Params, map[string]any{"A": 1}, "map keys keep their case")
			deepEqual(t, got.Anything, map[string]any{"Key": []any{1, "two"}}, "got.Anything")
			equal(t, got.Pair, [2]string{"a", "b"}, "got.Pair")
			equal(t, got.Nested.Inner, "i", "got.Nested.Inner")
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	src := "---\nname: [a]\nlevel: 300\ncount: -1\nwhen: soon\nnested: x\naddr: nope\npair: [a, b, c]\n---\n"
	p, err := Parse([]byte(src), WithPath("d.md"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
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
	if err == nil {
		t.Fatalf("p.Decode: no error")
	}
	equal(t, err.Error(), strings.Join([]string{
		`d.md:2:7: front matter: name: want a string, got a list`,
		`d.md:3:8: front matter: level: cannot use "300" as int8`,
		`d.md:4:8: front matter: count: cannot use "-1" as uint`,
		`d.md:5:7: front matter: when: cannot parse "soon"`,
		`d.md:6:9: front matter: nested: want a map, got "x"`,
		`d.md:7:7: front matter: addr: cannot use "nope" as netip.Addr: ParseAddr("nope"): unable to parse IP`,
		`d.md:8:7: front matter: pair: want at most 2 values, got 3`,
	}, "\n"), "p.Decode error")
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("p.Decode: %v is not a %T", err, list)
	}
	equal(t, len(list), 7, "len(Errors)")
	if !errors.Is(err, ErrType) {
		t.Errorf("p.Decode: got %v, want %v", err, ErrType)
	}
	if !errors.Is(err, ErrDate) {
		t.Errorf("p.Decode: got %v, want %v", err, ErrDate)
	}
	if !errors.Is(err, ErrValue) {
		t.Errorf("p.Decode: got %v, want %v", err, ErrValue)
	}
}

func TestDecodeStrictNested(t *testing.T) {
	t.Parallel()
	src := "{\n\"titel\": \"x\",\n\"nested\": {\"iner\": \"y\", \"inner\": \"z\"},\n\"params\": {\"free\": 1},\n\"zzz\": 1\n}\n"
	p, err := Parse([]byte(src), WithPath("s.md"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var got decodeTarget
	err = p.DecodeStrict(&got)
	equal(t, err.Error(), strings.Join([]string{
		`s.md:2:1: front matter: titel: unknown key (did you mean "Title"?)`,
		`s.md:3:12: front matter: nested.iner: unknown key (did you mean "inner"?)`,
		`s.md:5:1: front matter: zzz: unknown key`,
	}, "\n"), "p.DecodeStrict error")
	if !errors.Is(err, ErrUnknownKey) {
		t.Errorf("p.DecodeStrict: got %v, want %v", err, ErrUnknownKey)
	}
	equal(t, got.Nested.Inner, "z", "known keys are still decoded")
	// Without strict, the same post decodes without error.
	if err := p.Decode(&decodeTarget{}); err != nil {
		t.Fatalf("p.Decode(&decodeTarget{}): %v", err)
	}
}

func TestDecodeDuplicateField(t *testing.T) {
	t.Parallel()
	// Keys inside lists keep their case, so two of them can name one field.
	p, err := Parse([]byte("---\nitems:\n  - name: a\n    Name: b\n---\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var got struct{ Items []struct{ Name string } }
	err = p.Decode(&got)
	if !errors.Is(err, ErrDuplicateKey) {
		t.Fatalf("p.Decode: got %v, want %v", err, ErrDuplicateKey)
	}
	if err == nil {
		t.Errorf("p.Decode: no error, want %q", "4:5: front matter: items[0].Name: duplicate key; field Name is already set at line 3")
	} else {
		equal(t, err.Error(), "4:5: front matter: items[0].Name: duplicate key; field Name is already set at line 3", "p.Decode")
	}
}

func TestDecodeInvalidTarget(t *testing.T) {
	t.Parallel()
	p, err := Parse([]byte("---\ntitle: x\n---\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var s struct{ Title string }
	if p.Decode(s) == nil {
		t.Errorf("p.Decode(s): no error")
	}
	if p.Decode(nil) == nil {
		t.Errorf("p.Decode(nil): no error")
	}
	if p.Decode((*struct{})(nil)) == nil {
		t.Errorf("p.Decode((*struct{})(nil)): no error")
	}
	var m map[string]any
	if err := p.Decode(&m); err != nil {
		t.Fatalf("p.Decode(&m): %v", err)
	}
	deepEqual(t, m, map[string]any{"title": "x"}, "m")

	none, err := Parse([]byte("just text\n"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if err := none.Decode(&s); err != nil {
		t.Fatalf("no front matter decodes nothing: %v", err)
	}
	equal(t, s.Title, "", "s.Title")
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
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("Parse: got %v, want %v", err, ErrTooLarge)
	}

	// The same shape a few levels deep is fine, in Parse and in Decode.
	src := "---\na: &a [x, y]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n"
	p, err := Parse([]byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	var v struct{ C [][][]string }
	if err := p.Decode(&v); err != nil {
		t.Fatalf("p.Decode(&v): %v", err)
	}
	deepEqual(t, v.C, [][][]string{{{"x", "y"}, {"x", "y"}}, {{"x", "y"}, {"x", "y"}}}, "v.C")
}

func TestDecodeConcurrent(t *testing.T) {
	t.Parallel()
	p, err := Parse([]byte("---\ntitle: x\nrating: heavy\n---\n"), WithPath("c.md"))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
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
		if err == nil {
			t.Errorf("Decode: no error, want %q", `c.md:3:9: front matter: rating: cannot use "heavy" as int`)
		} else {
			equal(t, err.Error(), `c.md:3:9: front matter: rating: cannot use "heavy" as int`, "Decode")
		}
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
		equal(t, editDistance(tt.a, tt.b), tt.want, "editDistance(%q, %q)", tt.a, tt.b)
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
		equal(t, p.Status(now), tt.want, "%+v", tt.fm)
	}
}

func TestFormatText(t *testing.T) {
	t.Parallel()
	for _, f := range []Format{FormatNone, FormatYAML, FormatTOML, FormatJSON} {
		b, err := f.MarshalText()
		if err != nil {
			t.Fatalf("f.MarshalText: %v", err)
		}
		var g Format
		if err := g.UnmarshalText(b); err != nil {
			t.Fatalf("g.UnmarshalText(b): %v", err)
		}
		equal(t, g, f, "UnmarshalText(%q)", b)

	}
	var g Format
	if g.UnmarshalText([]byte("xml")) == nil {
		t.Errorf("g.UnmarshalText([]byte(\"xml\")): no error")
	}
}

func TestErrorsUnwrap(t *testing.T) {
	t.Parallel()
	_, err := Parse([]byte("---\ndate: x\ndraft: y\n---\n"))
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("Parse: %v is not a %T", err, list)
	}
	if len(list) != 2 {
		t.Fatalf("len(Errors) = %d, want 2: %v", len(list), list)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("Parse: %v is not a %T", err, pe)
	}
	if pe != list[0] {
		t.Errorf("errors.As gave %p, want list[0], %p", pe, list[0])
	}
	if !(errors.Is(err, ErrDate) && errors.Is(err, ErrType)) {
		t.Errorf("errors.Is(err, ErrDate) && errors.Is(err, ErrType) is false")
	}
	equal(t, pe.Error(), "2:7: front matter: date: cannot parse \"x\"", "no path: line:col")
}
