package widgets

import "charm.land/bubbles/v2/key"

// FixKey accepts the fix a check suggests. ctrl+y ("yes, use it") is free
// in text inputs, where ctrl+f and ctrl+e already move the cursor.
var FixKey = key.NewBinding(key.WithKeys("ctrl+y"), key.WithHelp("ctrl+y", "use fix"))

// KeyBinds adds "use fix" when a fix is on offer.
func (i *Input) KeyBinds() []key.Binding {
	kb := i.Input.KeyBinds()
	if i.result.Fix != "" {
		kb = append([]key.Binding{FixKey}, kb...)
	}
	return kb
}
