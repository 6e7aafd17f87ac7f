package widgets

import "charm.land/bubbles/v2/key"

// KeyBinds are the help keys.
func (p *Picker) KeyBinds() []key.Binding {
	return []key.Binding{pickerUp, p.nav.Prev, p.nav.Submit, p.nav.Next}
}
