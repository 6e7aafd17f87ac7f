package drafts

import (
	"crypto/rand"
)

// idAlphabet has no look-alikes (no 0/o, 1/l/i), so an id read aloud or
// off a screen is typed right.
const (
	idAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	idLen      = 6
)

func newID() string {
	b := make([]byte, idLen)
	out := make([]byte, 0, idLen)
	limit := byte(256 - 256%len(idAlphabet))
	for len(out) < idLen {
		if _, err := rand.Read(b); err != nil {
			panic("drafts: random source failed: " + err.Error())
		}
		for _, c := range b {
			if c < limit && len(out) < idLen {
				out = append(out, idAlphabet[int(c)%len(idAlphabet)])
			}
		}
	}
	return string(out)
}

// validID keeps ids to what newID makes, so an id from the command line
// can never name a path outside the drafts directory.
func validID(id string) bool {
	if len(id) != idLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		if !containsByte(idAlphabet, id[i]) {
			return false
		}
	}
	return true
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
