package post

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/folio-md/folio/internal/position"
)

// TestDateRange checks that a date JSON cannot hold (a year outside
// 0..9999, a zone offset of 24 hours) is an ErrDate at its value, for
// every date key and every format, written as Unix seconds or as text.
func TestDateRange(t *testing.T) {
	t.Parallel()
	const y10525 = "year 10525 is outside 0..9999 (270000000000 read as Unix seconds)"
	for _, tc := range []struct {
		name string
		in   string
		want string // the whole error, path "x.md"
		key  string
	}{
		{name: "yaml date unix", in: "---\ntitle: x\ndate: 270000000000\n---\n", want: "x.md:3:7: front matter: date: " + y10525, key: "date"},
		{name: "toml date unix", in: "+++\ntitle = 'x'\ndate = 270000000000\n+++\n", want: "x.md:3:8: front matter: date: " + y10525, key: "date"},
		{name: "json date unix", in: "{\n  \"title\": \"x\",\n  \"date\": 270000000000\n}\n", want: "x.md:3:11: front matter: date: " + y10525, key: "date"},
		{name: "yaml publishDate", in: "---\npublishDate: 270000000000\n---\n", want: "x.md:2:14: front matter: publishDate: " + y10525, key: "publishDate"},
		{name: "yaml pubdate", in: "---\npubdate: 270000000000\n---\n", want: "x.md:2:10: front matter: pubdate: " + y10525, key: "pubdate"},
		{name: "yaml published", in: "---\npublished: 270000000000\n---\n", want: "x.md:2:12: front matter: published: " + y10525, key: "published"},
		{name: "yaml lastmod", in: "---\nlastmod: 270000000000\n---\n", want: "x.md:2:10: front matter: lastmod: " + y10525, key: "lastmod"},
		{name: "yaml modified", in: "---\nmodified: 270000000000\n---\n", want: "x.md:2:11: front matter: modified: " + y10525, key: "modified"},
		{name: "yaml expiryDate", in: "---\nexpiryDate: 270000000000\n---\n", want: "x.md:2:13: front matter: expiryDate: " + y10525, key: "expiryDate"},
		{name: "yaml unpublishdate", in: "---\nunpublishdate: 270000000000\n---\n", want: "x.md:2:16: front matter: unpublishdate: " + y10525, key: "unpublishdate"},
		{name: "toml expiryDate", in: "+++\nexpiryDate = 270000000000\n+++\n", want: "x.md:2:14: front matter: expiryDate: " + y10525, key: "expiryDate"},
		{name: "json lastmod", in: "{\"lastmod\": 270000000000}\n", want: "x.md:1:13: front matter: lastmod: " + y10525, key: "lastmod"},
		{name: "first second of 10000", in: "---\ndate: 253402300800\n---\n", want: "x.md:2:7: front matter: date: year 10000 is outside 0..9999 (253402300800 read as Unix seconds)", key: "date"},
		{name: "last second of -1", in: "---\ndate: -62167219201\n---\n", want: "x.md:2:7: front matter: date: year -1 is outside 0..9999 (-62167219201 read as Unix seconds)", key: "date"},
		{name: "int64 minimum", in: "---\ndate: -9223372036854775808\n---\n", want: "x.md:2:7: front matter: date: -9223372036854775808 read as Unix seconds is outside the years 0..9999", key: "date"},
		{name: "beyond int64", in: "---\ndate: 18446744073709551615\n---\n", want: "x.md:2:7: front matter: date: 18446744073709551615 read as Unix seconds is outside the years 0..9999", key: "date"},
		{name: "beyond uint64", in: "{\"date\": 99999999999999999999}", want: "x.md:1:10: front matter: date: cannot use \"99999999999999999999\" as an integer\nx.md:1:10: front matter: date: 99999999999999999999 read as Unix seconds is outside the years 0..9999", key: "date"},
		{name: "yaml five-digit year", in: "---\ndate: 10525-01-01\n---\n", want: "x.md:2:7: front matter: date: year 10525 is outside 0..9999", key: "date"},
		{name: "yaml negative year", in: "---\nlastmod: \"-0001-12-31T10:00:00Z\"\n---\n", want: "x.md:2:10: front matter: lastmod: year -0001 is outside 0..9999", key: "lastmod"},
		{name: "json five-digit year", in: "{\"expiryDate\": \"10525-01-01T00:00:00Z\"}\n", want: "x.md:1:16: front matter: expiryDate: year 10525 is outside 0..9999", key: "expiryDate"},
		{name: "yaml offset +24:00", in: "---\ndate: 2020-01-01T00:00:00+24:00\n---\n", want: "x.md:2:7: front matter: date: zone offset +24:00 is outside -23:59..+23:59", key: "date"},
		{name: "toml offset -24:30", in: "+++\npublishDate = 2020-01-01T00:00:00-24:30\n+++\n", want: "x.md:2:15: front matter: publishDate: zone offset -24:30 is outside -23:59..+23:59", key: "publishDate"},
		{name: "json offset in RFC 1123Z", in: "{\"date\": \"Mon, 02 Jan 2006 15:04:05 +2459\"}\n", want: "x.md:1:10: front matter: date: zone offset +24:59 is outside -23:59..+23:59", key: "date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.in), WithPath("x.md"))
			if err == nil {
				t.Fatalf("Parse(%q): no error", tc.in)
			}
			if p != nil {
				t.Errorf("Parse(%q) returned a Post with its error", tc.in)
			}
			equal(t, err.Error(), tc.want, "Parse(%q)", tc.in)
			if !errors.Is(err, ErrDate) {
				t.Errorf("Parse(%q) = %v, want ErrDate", tc.in, err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %v, not a *ParseError", tc.in, err)
			}
			equal(t, pe.Key, tc.key, "Key")
			line, col := position.NewIndex([]byte(tc.in), 1).LineCol(pe.Offset)
			equal(t, [2]int{line, col}, [2]int{pe.Line, pe.Column}, "Offset %d as line:col", pe.Offset)
		})
	}
}

// TestDateRangeEdges checks the dates at the edges of 0..9999, which
// parse and marshal to JSON, and the zone's part in the year.
func TestDateRangeEdges(t *testing.T) {
	t.Parallel()
	plus1 := time.FixedZone("+01", 60*60)
	for _, tc := range []struct {
		name string
		in   string
		loc  *time.Location
		want string // FrontMatter.Date in RFC 3339, or the error
	}{
		{name: "last second of 9999", in: "---\ndate: 253402300799\n---\n", want: "9999-12-31T23:59:59Z"},
		{name: "first second of 0", in: "---\ndate: -62167219200\n---\n", want: "0000-01-01T00:00:00Z"},
		{name: "year 0 as text", in: "---\ndate: 0000-01-01\n---\n", want: "0000-01-01T00:00:00Z"},
		{name: "year 9999 as text", in: "---\ndate: 9999-12-31T23:59:59-23:59\n---\n", want: "9999-12-31T23:59:59-23:59"},
		{name: "offset +23:59", in: "{\"date\": \"2020-01-01T00:00:00+23:59\"}", want: "2020-01-01T00:00:00+23:59"},
		{name: "time only is year 0", in: "---\ndate: 3:04PM\n---\n", want: "0000-01-01T15:04:00Z"},
		{name: "last second of 9999 read one hour east", in: "---\ndate: 253402300799\n---\n", loc: plus1,
			want: "2:7: front matter: date: year 10000 is outside 0..9999 (253402300799 read as Unix seconds)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.in), WithLocation(tc.loc))
			if err != nil {
				equal(t, err.Error(), tc.want, "Parse(%q) error", tc.in)
				if !errors.Is(err, ErrDate) {
					t.Errorf("Parse(%q) = %v, want ErrDate", tc.in, err)
				}
				return
			}
			equal(t, p.FrontMatter.Date.Format(time.RFC3339), tc.want, "Date")
			if _, err = json.Marshal(p.FrontMatter); err != nil {
				t.Errorf("json.Marshal(FrontMatter): %v", err)
			}
			if _, err = json.Marshal(p.Params); err != nil {
				t.Errorf("json.Marshal(Params): %v", err)
			}
		})
	}
}

// TestDateRangeParams checks that a value outside the date keys that JSON
// cannot hold as a date stays the text written.
func TestDateRangeParams(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   string
		want any
	}{
		{name: "toml offset +24:00", in: "+++\nreleased = 2020-01-01T00:00:00+24:00\n+++\n", want: "2020-01-01T00:00:00+24:00"},
		{name: "toml in range", in: "+++\nreleased = 2020-01-01T00:00:00+23:00\n+++\n", want: time.Date(2020, 1, 1, 0, 0, 0, 0, time.FixedZone("", 23*60*60))},
		{name: "yaml offset +24:00", in: "---\nreleased: 2020-01-01T00:00:00+24:00\n---\n", want: "2020-01-01T00:00:00+24:00"},
		{name: "yaml five-digit year", in: "---\nreleased: 10525-01-01\n---\n", want: "10525-01-01"},
		{name: "yaml unix seconds", in: "---\nreleased: 270000000000\n---\n", want: 270000000000},
		{name: "json unix seconds", in: "{\"released\": 270000000000}", want: 270000000000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.in))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			got := p.Params["released"]
			if want, ok := tc.want.(time.Time); ok {
				gotTime, ok := got.(time.Time)
				if !ok {
					t.Fatalf("released is a %T (%v), want a time.Time", got, got)
				}
				if !want.Equal(gotTime) {
					t.Errorf("released = %v, want %v", got, want)
				}
			} else {
				deepEqual(t, got, tc.want, "released")
			}
			if _, err = json.Marshal(p.Params); err != nil {
				t.Errorf("json.Marshal(Params): %v", err)
			}
			var m map[string]any
			if err := p.Decode(&m); err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if _, err = json.Marshal(m); err != nil {
				t.Errorf("json.Marshal of the decoded map: %v", err)
			}
		})
	}
}

// TestDecodeDateRange checks that Decode reports a date JSON cannot hold in
// a time.Time field of the caller's, in every format.
func TestDecodeDateRange(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		in   string
		want string
	}{
		{name: "yaml", in: "---\n\nreleased: 270000000000\n---\n", want: "x.md:3:11: front matter: released: year 10525 is outside 0..9999 (270000000000 read as Unix seconds)"},
		{name: "toml", in: "+++\nreleased = 2020-01-01T00:00:00+24:00\n+++\n", want: "x.md:2:12: front matter: released: zone offset +24:00 is outside -23:59..+23:59"},
		{name: "json", in: "{\"released\": \"10525-01-01\"}", want: "x.md:1:14: front matter: released: year 10525 is outside 0..9999"},
		{name: "pointer", in: "---\nupdated: 270000000000\n---\n", want: "x.md:2:10: front matter: updated: year 10525 is outside 0..9999 (270000000000 read as Unix seconds)"},
		{name: "list", in: "---\nhistory: [2020-01-01, 270000000000]\n---\n", want: "x.md:2:23: front matter: history[1]: year 10525 is outside 0..9999 (270000000000 read as Unix seconds)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p, err := Parse([]byte(tc.in), WithPath("x.md"))
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			var v struct {
				Released time.Time
				Updated  *time.Time
				History  []time.Time
			}
			for i, decode := range []func(any) error{p.Decode, p.DecodeStrict} {
				name := []string{"Decode", "DecodeStrict"}[i]
				err = decode(&v)
				if err == nil {
					t.Fatalf("%s: no error", name)
				}
				equal(t, err.Error(), tc.want, "%s error", name)
				if !errors.Is(err, ErrDate) {
					t.Errorf("%s = %v, want ErrDate", name, err)
				}
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Errorf("%s = %v, not a *ParseError", name, err)
				}
				if _, err = json.Marshal(v); err != nil {
					t.Errorf("json.Marshal(%+v): %v", v, err)
				}
			}

		})
	}
}
