package validate

import (
	"fmt"
	"strings"
	"time"
)

const dateLayout = "2006-01-02"

// MinBirthYear is our own plausibility floor for a date of birth; Plaid
// states none.
const MinBirthYear = 1900

// DateOfBirth checks user.date_of_birth: a real calendar date written
// YYYY-MM-DD, not after today and not before 1900. Other common ways of
// writing a date get the YYYY-MM-DD form as the fix when they are
// unambiguous.
func DateOfBirth(s string, today time.Time) Result {
	lo := time.Date(MinBirthYear, 1, 1, 0, 0, 0, 0, time.UTC)
	return dateInRange(s, lo, dayOf(today), "a date of birth")
}

// PastDate checks a YYYY-MM-DD date that cannot be in the future, such as a
// Beacon report's fraud_date.
func PastDate(s string, today time.Time) Result {
	lo := time.Date(MinBirthYear, 1, 1, 0, 0, 0, 0, time.UTC)
	return dateInRange(s, lo, dayOf(today), "a date")
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func dateInRange(s string, lo, hi time.Time, what string) Result {
	check := func(x string) Result { return dateInRange(x, lo, hi, what) }
	if r := lengthAndText(check, s, 40); r.State != Valid {
		return r
	}
	if r, spaced := surroundingSpace(s, check); spaced {
		return r
	}
	if s == "" || strings.TrimSpace(s) == "" {
		return incomplete("type " + what + " as YYYY-MM-DD")
	}
	if len(s) == len(dateLayout) && fitsTemplate(s, "dddd-dd-dd") {
		d, err := time.Parse(dateLayout, s)
		switch {
		case err != nil:
			return invalid("is not a real calendar date")
		case d.After(hi):
			return invalid("cannot be in the future")
		case d.Before(lo):
			return invalid(fmt.Sprintf("cannot be before %d", lo.Year()))
		}
		return ok()
	}
	if len(s) < len(dateLayout) && fitsTemplate(s, "dddd-dd-dd"[:len(s)]) {
		if dateCompletable(s, lo, hi) {
			return incomplete("YYYY-MM-DD")
		}
		return invalid(fmt.Sprintf("no date between %s and %s starts like this", lo.Format(dateLayout), hi.Format(dateLayout)))
	}
	msg := "must be written YYYY-MM-DD, like 1990-05-29"
	if d, found := parseOtherDate(s); found && !d.After(hi) && !d.Before(lo) {
		return invalid(msg).withFix(check, s, d.Format(dateLayout))
	}
	return invalid(msg)
}

// fitsTemplate reports whether each byte of s matches the template, where
// 'd' stands for a digit and anything else for itself.
func fitsTemplate(s, tmpl string) bool {
	if len(s) > len(tmpl) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if tmpl[i] == 'd' {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		} else if s[i] != tmpl[i] {
			return false
		}
	}
	return true
}

// dateCompletable reports whether some date in [lo, hi] is written with the
// prefix p (which already fits the template). The year range sharing the
// prefix is computed, not enumerated; months and days are only examined once
// the year is whole, so the walk is at most 12×31 steps.
func dateCompletable(p string, lo, hi time.Time) bool {
	k := min(4, len(p))
	yp := atoi3(p[:k]) // atoi3 reads any run of digits
	scale := 1
	for i := k; i < 4; i++ {
		scale *= 10
	}
	yLo, yHi := max(yp*scale, lo.Year()), min(yp*scale+scale-1, hi.Year())
	if yLo > yHi {
		return false
	}
	if len(p) <= 5 {
		return true
	}
	y := yp
	for m := 1; m <= 12; m++ {
		if !digitsAgree(p, 5, m) {
			continue
		}
		for d := 1; d <= daysIn(y, time.Month(m)); d++ {
			if !digitsAgree(p, 8, d) {
				continue
			}
			day := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
			if !day.Before(lo) && !day.After(hi) {
				return true
			}
		}
	}
	return false
}

// digitsAgree reports whether the two-digit number n, written at offset in
// a full date string, agrees with whatever of p covers those positions.
func digitsAgree(p string, offset, n int) bool {
	two := [2]byte{byte('0' + n/10), byte('0' + n%10)} //nolint:gosec // n is a month or a day: two digits
	for i := 0; i < 2 && offset+i < len(p); i++ {
		if p[offset+i] != two[i] {
			return false
		}
	}
	return true
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// parseOtherDate reads the unambiguous ways people write dates. Slashed
// dates are read only when one of the first two numbers exceeds 12, so
// 05/06/1990 (May or June?) gets no fix.
func parseOtherDate(s string) (time.Time, bool) {
	for _, layout := range []string{
		"20060102", "2006/01/02", "2006.01.02", "2006-1-2", "2006/1/2",
		"02.01.2006", "2.1.2006", "January 2, 2006", "Jan 2, 2006", "2 January 2006", "2 Jan 2006",
	} {
		if d, err := time.Parse(layout, s); err == nil {
			return d, true
		}
	}
	var a, b, y int
	if n, err := fmt.Sscanf(s, "%d/%d/%d", &a, &b, &y); err == nil && n == 3 && y >= 1000 {
		var m, d int
		switch {
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12:
			m, d = a, b
		default:
			return time.Time{}, false
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() == d && int(t.Month()) == m {
			return t, true
		}
	}
	return time.Time{}, false
}
