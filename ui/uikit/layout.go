package uikit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// Toggled words a toggle key by what pressing it does next ("show
// secrets" / "hide secrets").
func Toggled(b key.Binding, shown bool, what string) key.Binding {
	verb := "show "
	if shown {
		verb = "hide "
	}
	b.SetHelp(b.Help().Key, verb+what)
	return b
}

// PadRight pads s with spaces to n cells.
func PadRight(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// Truncate cuts s to n cells, with an ellipsis when cut.
func Truncate(s string, n int) string {
	if lipgloss.Width(s) <= n {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && lipgloss.Width(string(r))+1 > n {
		r = r[:len(r)-1]
	}
	return string(r) + "…"
}
