package lookup

import "charm.land/bubbles/v2/key"

// keyMap is the lookup screens' keys.
type keyMap struct {
	Open, Back, Quit, Scroll               key.Binding
	Decide, Report, Refresh, Reveal, Other key.Binding
	Token                                  key.Binding
	Enable, GoFix, Up                      key.Binding
}

func defaultKeys() keyMap {
	b := func(keys []string, k, help string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, help))
	}
	return keyMap{
		Open:    b([]string{"enter"}, "enter", "look up"),
		Back:    b([]string{"esc"}, "esc", "back"),
		Quit:    key.NewBinding(key.WithKeys("ctrl+c")),
		Scroll:  b([]string{"pgdown", "pgup"}, "↑/↓ pgup/pgdn", "scroll"),
		Decide:  b([]string{"v"}, "v", "decide (set status)"),
		Report:  b([]string{"p"}, "p", "report fraud"),
		Refresh: b([]string{"f"}, "f", "refresh"),
		Reveal:  b([]string{"r"}, "r", "reveal"),
		Other:   b([]string{"o"}, "o", "open the other user"),
		Token:   b([]string{"t"}, "t", "insights for a token"),
		Enable:  b([]string{"n"}, "n", "enable"),
		GoFix:   b([]string{"enter"}, "enter", "open the draft to fix it"),
		Up:      b([]string{"up", "down"}, "↑/↓", "choose"),
	}
}
