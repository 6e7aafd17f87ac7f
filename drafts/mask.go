package drafts

import (
	"github.com/plaid-onboard/plaid-onboard/catalog"
)

// Masked returns a copy of the draft for display, with the personal data
// the catalogue marks hidden: to its last characters, a date of birth
// entirely, an email to its first letter and domain.
func (d *Draft) Masked() *Draft {
	m := d.Clone()
	eachPersonal(m, func(f *catalog.Field, _ string, value *string) { *value = f.MaskValue(*value) })
	return m
}
