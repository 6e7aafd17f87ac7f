// Package masking hides personal values for the screen: what the review,
// the prompts, the lookups and the exports show unless asked to reveal.
package masking

import (
	"strings"
	"unicode/utf8"
)

// Dot is what stands for each hidden character.
const Dot = "•"

// Last keeps at most the last n characters, and never more than half of
// the value: "123456789" → "•••••6789", "6789" → "••89", "12" → "•2"… a
// short value cannot be read whole through its mask.
func Last(s string, n int) string {
	if s == "" {
		return ""
	}
	r := []rune(s)
	keep := min(n, len(r)/2)
	return strings.Repeat(Dot, len(r)-keep) + string(r[len(r)-keep:])
}

// All hides every character.
func All(s string) string { return strings.Repeat(Dot, utf8.RuneCountInString(s)) }

// Email keeps the first letter and the domain: "l•••••@example.com".
func Email(s string) string {
	local, domain, found := strings.Cut(s, "@")
	if !found || local == "" {
		return All(s)
	}
	first, size := utf8.DecodeRuneInString(local)
	return string(first) + All(local[size:]) + "@" + domain
}
