package uikit

import (
	"strings"
)

// Capitalize upper-cases the first letter of a sentence.
func Capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
