package drafts

import (
	"strings"
	"unicode/utf8"

	"github.com/plaid-onboard/plaid-onboard/catalog"
)

// Masked returns a copy of the draft for display, with the personal data
// the catalogue marks hidden: to its last characters, a date of birth
// entirely, an email to its first letter and domain.
func (d *Draft) Masked() *Draft {
	m := d.Clone()
	eachPersonal(m, func(f *catalog.Field, _ string, value *string) { *value = MaskValue(f, *value) })
	return m
}

// MaskValue masks a value of a personal field the way the catalogue says.
func MaskValue(f *catalog.Field, v string) string {
	switch {
	case f.Personal == catalog.NotPersonal:
		return v
	case f.Mask == catalog.MaskAll:
		return maskAll(v)
	case f.Mask == catalog.MaskEmail:
		return MaskEmail(v)
	}
	return MaskTail(v, 4)
}

// MaskTail keeps the last n characters: "123456789" → "•••••6789".
func MaskTail(s string, n int) string {
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

// MaskEmail keeps the first letter and the domain: "l•••••@example.com".
func MaskEmail(s string) string {
	local, domain, found := strings.Cut(s, "@")
	if !found || local == "" {
		return MaskTail(s, 0)
	}
	first, size := utf8.DecodeRuneInString(local)
	return string(first) + strings.Repeat("•", utf8.RuneCountInString(local[size:])) + "@" + domain
}
