package drafts

import (
	"strings"
	"unicode/utf8"
)

// Masked returns a copy of the draft for display, with personal data
// hidden: sensitive fields down to their last characters, the email to its
// first letter and domain, the phone to its last four digits.
func (d *Draft) Masked() *Draft {
	m := d.Clone()
	sensitive(m, func(path string, f *string) {
		if strings.HasSuffix(path, "date_of_birth") {
			*f = maskAll(*f)
		} else {
			*f = MaskTail(*f, 4)
		}
	})
	if m.Beacon != nil {
		u := &m.Beacon.User
		u.EmailAddress = MaskEmail(u.EmailAddress)
		u.PhoneNumber = MaskTail(u.PhoneNumber, 4)
	}
	return m
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
