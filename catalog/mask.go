package catalog

import (
	"strings"
	"unicode/utf8"
)

// MaskValue hides a value of the field the way the catalogue says: as it
// is when the field is not personal, else to its last four characters, a
// date of birth entirely, an email to its first letter and domain.
func (f *Field) MaskValue(v string) string {
	switch {
	case f.Personal == NotPersonal:
		return v
	case f.Mask == MaskAll:
		return maskAll(v)
	case f.Mask == MaskEmail:
		return MaskEmailAddress(v)
	}
	return MaskLast(v, 4)
}

// MaskLast keeps the last n characters: "123456789" → "•••••6789".
func MaskLast(s string, n int) string {
	if s == "" {
		return ""
	}
	count := utf8.RuneCountInString(s)
	if count <= n {
		return strings.Repeat("•", count)
	}
	r := []rune(s)
	return strings.Repeat("•", count-n) + string(r[count-n:])
}

func maskAll(s string) string {
	if s == "" {
		return ""
	}
	return strings.Repeat("•", utf8.RuneCountInString(s))
}

// MaskEmailAddress keeps the first letter and the domain: "l•••••@example.com".
func MaskEmailAddress(s string) string {
	local, domain, found := strings.Cut(s, "@")
	if !found || local == "" {
		return MaskLast(s, 0)
	}
	first, size := utf8.DecodeRuneInString(local)
	return string(first) + strings.Repeat("•", utf8.RuneCountInString(local[size:])) + "@" + domain
}
