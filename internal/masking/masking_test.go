package masking

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A masked value never shows more than half of itself, nor more than the
// characters asked for.
func TestLastNeverShowsMoreThanHalf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"123456789", "•••••6789"}, {"6789", "••89"}, {"12345", "•••45"}, {"1", "•"}, {"", ""}, {"ÄÖÜß", "••Üß"},
	} {
		if got := Last(c.in, 4); got != c.want {
			t.Errorf("Last(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzLast(f *testing.F) {
	f.Add("123456789")
	f.Add("ab")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Last(s, 4)
		shown := utf8.RuneCountInString(strings.ReplaceAll(got, Dot, ""))
		if utf8.RuneCountInString(got) != utf8.RuneCountInString(s) || 2*shown > utf8.RuneCountInString(s) && shown > 0 {
			t.Fatalf("Last(%q) = %q", s, got)
		}
	})
}
