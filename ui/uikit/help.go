package uikit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/theme"
)

// HelpLine renders enabled key bindings as "key action · key action",
// dropping from the end what does not fit in width.
func HelpLine(st theme.Styles, bindings []key.Binding, width int) string {
	var parts []string
	used := 0
	for _, b := range bindings {
		if !b.Enabled() || b.Help().Key == "" {
			continue
		}
		part := st.Key.Render(b.Help().Key) + " " + st.Muted.Render(b.Help().Desc)
		w := lipgloss.Width(part) + 3
		if used+w > width && len(parts) > 0 {
			break
		}
		parts = append(parts, part)
		used += w
	}
	return strings.Join(parts, st.Faint.Render(" · "))
}

// Binding is a shorthand for a key binding with help.
func Binding(keys, help string, extra ...string) key.Binding {
	return key.NewBinding(key.WithKeys(append([]string{keys}, extra...)...), key.WithHelp(keys, help))
}
