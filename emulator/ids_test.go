package emulator

import (
	"strings"
	"testing"
)

func TestRandomStringAlphabetAndSpread(t *testing.T) {
	e, err := New(Options{ClientID: "a", Secret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	counts := map[byte]int{}
	for range 2000 {
		s := e.randomString(15, alnum)
		if len(s) != 15 || strings.Trim(s, alnum) != "" {
			t.Fatalf("bad id %q", s)
		}
		for i := range s {
			counts[s[i]]++
		}
	}
	// 30,000 draws over 62 characters: each about 484 times.
	if len(counts) != len(alnum) {
		t.Fatalf("only %d of %d characters drawn", len(counts), len(alnum))
	}
	for c, n := range counts {
		if n < 300 || n > 700 {
			t.Errorf("character %q drawn %d times: biased", c, n)
		}
	}
}
