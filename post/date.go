package post

import (
	"fmt"
	"strings"
	"time"
)

// zoneKind says what a date layout reads about the zone.
type zoneKind uint8

const (
	zoneNone   zoneKind = iota // no zone: the wall clock is read in the default location
	zoneName                   // only a zone name: likewise (Hugo ignores the name)
	zoneOffset                 // a numeric offset (or Z): kept
)

// dateLayouts are the layouts Hugo accepts (spf13/cast's list), in Hugo's
// order, followed by the YAML 1.1 timestamp forms that are not already
// covered (one-digit month, day and hour, lower-case t).
var dateLayouts = []struct {
	layout string
	zone   zoneKind
}{
	{time.DateOnly, zoneNone},                               // 2006-01-02
	{time.RFC3339, zoneOffset},                              // 2006-01-02T15:04:05Z07:00
	{"2006-01-02T15:04:05", zoneNone},                       //
	{time.RFC1123Z, zoneOffset},                             // Mon, 02 Jan 2006 15:04:05 -0700
	{time.RFC1123, zoneName},                                // Mon, 02 Jan 2006 15:04:05 MST
	{time.RFC822Z, zoneOffset},                              // 02 Jan 06 15:04 -0700
	{time.RFC822, zoneName},                                 // 02 Jan 06 15:04 MST
	{time.RFC850, zoneName},                                 // Monday, 02-Jan-06 15:04:05 MST
	{"2006-01-02 15:04:05.999999999 -0700 MST", zoneOffset}, // time.Time.String()
	{"2006-01-02T15:04:05-0700", zoneOffset},                //
	{"2006-01-02 15:04:05Z0700", zoneOffset},                //
	{time.DateTime, zoneNone},                               // 2006-01-02 15:04:05
	{time.ANSIC, zoneNone},                                  // Mon Jan _2 15:04:05 2006
	{time.UnixDate, zoneName},                               // Mon Jan _2 15:04:05 MST 2006
	{time.RubyDate, zoneOffset},                             // Mon Jan 02 15:04:05 -0700 2006
	{"2006-01-02 15:04:05Z07:00", zoneOffset},               //
	{"02 Jan 2006", zoneNone},                               //
	{"2006-01-02 15:04:05 -07:00", zoneOffset},              //
	{"2006-01-02 15:04:05 -0700", zoneOffset},               //
	{time.Kitchen, zoneNone},                                // 3:04PM
	{time.Stamp, zoneNone},                                  // Jan _2 15:04:05
	{time.StampMilli, zoneNone},                             // Jan _2 15:04:05.000
	{time.StampMicro, zoneNone},                             // Jan _2 15:04:05.000000
	{time.StampNano, zoneNone},                              // Jan _2 15:04:05.000000000
	{"2006-1-2T15:4:5.999999999Z07:00", zoneOffset},         // YAML timestamps
	{"2006-1-2t15:4:5.999999999Z07:00", zoneOffset},         //
	{"2006-1-2 15:4:5.999999999", zoneNone},                 //
	{"2006-1-2", zoneNone},                                  //
}

// parseDate reads s with the first layout that matches. Dates with no zone
// or only a zone name are read as wall-clock time in loc.
func parseDate(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] > '9' && !isMonthOrDay(s[0]) {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if l.zone != zoneOffset {
			y, mo, d := t.Date()
			h, mi, sec := t.Clock()
			t = time.Date(y, mo, d, h, mi, sec, t.Nanosecond(), loc)
		}
		return t, true
	}
	return time.Time{}, false
}

// isMonthOrDay reports whether c can start a month or day name.
func isMonthOrDay(c byte) bool {
	if 'a' <= c && c <= 'z' {
		c -= 'a' - 'A'
	}
	return strings.IndexByte("ADFJMNOSTW", c) >= 0
}

// minYear and maxYear bound the years of the dates Parse accepts: RFC
// 3339, the form time.Time's MarshalJSON and MarshalText write (and
// refuse to write otherwise), has years of four digits.
const minYear, maxYear = 0, 9999

// dateProblem says why t cannot be written in RFC 3339, and so not in
// JSON: its year (in its own zone) is outside minYear..maxYear, or its
// zone offset is 24 hours or more, which time.Parse accepts ("+24:00").
// It returns "" for a date JSON can hold.
func dateProblem(t time.Time) string {
	if y := t.Year(); y < minYear || y > maxYear {
		return fmt.Sprintf("year %d is outside %d..%d", y, minYear, maxYear)
	}
	if _, off := t.Zone(); off <= -24*60*60 || off >= 24*60*60 {
		return fmt.Sprintf("zone offset %s is outside -23:59..+23:59", t.Format("-07:00"))
	}
	return ""
}

// longYear reports whether s, which no layout reads, starts like a date
// whose year has more than four digits or a minus sign ("10525-01-01",
// "-0001-01-01"), and returns that year as written.
func longYear(s string) (string, bool) {
	s = strings.TrimSpace(s)
	i := 0
	if strings.HasPrefix(s, "-") {
		i = 1
	}
	j := i
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	digits := j - i
	if digits == 0 || j+1 >= len(s) || s[j] != '-' || s[j+1] < '0' || s[j+1] > '9' {
		return "", false
	}
	if digits > 4 || i == 1 {
		return s[:j], true
	}
	return "", false
}
