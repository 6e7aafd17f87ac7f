package catalog

import "github.com/plaid-onboard/plaid-onboard/internal/masking"

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

// MaskLast keeps at most the last n characters, never more than half.
func MaskLast(s string, n int) string { return masking.Last(s, n) }

func maskAll(s string) string { return masking.All(s) }

// MaskEmailAddress keeps the first letter and the domain: "l•••••@example.com".
func MaskEmailAddress(s string) string { return masking.Email(s) }
