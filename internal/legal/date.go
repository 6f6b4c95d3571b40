package legal

import (
	"cmp"
	"fmt"
	"time"
)

// A Date is the date of a policy version: a day, or only a month when Day is
// 0. The zero Date means the version is undated.
type Date struct {
	Year, Month, Day int
}

// ParseDate parses a date written as "YYYY-MM-DD" or "YYYY-MM". The date must
// exist in the calendar: "2025-02-29" is an error.
func ParseDate(s string) (Date, error) {
	d, ok := parseDate(s)
	if !ok {
		return Date{}, fmt.Errorf("tanggal %q tidak valid (gunakan YYYY-MM-DD atau YYYY-MM)", s)
	}
	return d, nil
}

func parseDate(s string) (Date, bool) {
	if len(s) != len("2006-01") && len(s) != len("2006-01-02") || s[4] != '-' {
		return Date{}, false
	}
	d := Date{Year: atoi(s[:4]), Month: atoi(s[5:7])}
	if d.Year < 1 || d.Month < 1 || d.Month > 12 {
		return Date{}, false
	}
	if len(s) == len("2006-01") {
		return d, true
	}
	d.Day = atoi(s[8:])
	if s[7] != '-' || d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
		return Date{}, false
	}
	return d, true
}

// atoi returns the value of the decimal digits s, or -1 if s holds anything
// else. Unlike strconv.Atoi it accepts no sign.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// daysIn returns the number of days in the given month.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether d is the zero Date, which stands for no date.
func (d Date) IsZero() bool {
	return d == Date{}
}

// String returns d as "YYYY-MM-DD", or as "YYYY-MM" when d has no day. It
// returns "" for the zero Date.
func (d Date) String() string {
	switch {
	case d.IsZero():
		return ""
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Compare returns -1, 0 or +1 as d is before, the same as, or after e. The
// zero Date is before every other date, and a month without a day is before
// every day of that month.
func (d Date) Compare(e Date) int {
	return cmp.Or(
		cmp.Compare(d.Year, e.Year),
		cmp.Compare(d.Month, e.Month),
		cmp.Compare(d.Day, e.Day),
	)
}

// Time returns midnight UTC at the start of d, taking the first of the month
// when d has no day. It returns the zero time.Time for the zero Date.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(d.Month), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
}

// wib is the time of western Indonesia (UTC+7), the zone where most of the
// country lives.
var wib = time.FixedZone("WIB", 7*60*60)

// Today is the date of t in western Indonesian time (WIB): the day a build
// reckons status by unless told otherwise.
func Today(t time.Time) Date {
	y, m, d := t.In(wib).Date()
	return Date{Year: y, Month: int(m), Day: d}
}

// Start returns the moment d begins in WIB, the zone Today reads days in: the
// moment a change of status dated d takes effect.
func (d Date) Start() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return time.Date(d.Year, time.Month(d.Month), max(d.Day, 1), 0, 0, 0, 0, wib)
}
