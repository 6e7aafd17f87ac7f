package words

import (
	"fmt"
	"time"
)

// Ago says how long ago t was, the way a list reads it: "just now",
// "5 min ago", "3 h ago", "2 days ago", then the date.
func Ago(now, t time.Time) string {
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h ago", int(d/time.Hour))
	case d < 14*24*time.Hour:
		return fmt.Sprintf("%d days ago", int(d/(24*time.Hour)))
	}
	return t.Local().Format("2006-01-02")
}

// Plural picks the word for n things.
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// OrDash is s, or a dash standing for nothing.
func OrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
