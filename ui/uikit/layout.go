package uikit

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
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

// Labelled is a label in a column of labelWidth cells and its value
// wrapped beside it in the rest of width, each part's lines under each
// other: a long value is shown whole, and a label as wide as its column
// wraps in it instead of running into the value. The parts come styled.
func Labelled(label lipgloss.Style, labelText string, labelWidth int, value string, width int) string {
	l := labelText
	if lipgloss.Width(l) >= labelWidth {
		l = lipgloss.NewStyle().Width(labelWidth - 1).Render(l)
	}
	l = PadRight(label.Render(l), labelWidth)
	v := lipgloss.NewStyle().Width(max(12, width-labelWidth)).Render(value)
	return lipgloss.JoinHorizontal(lipgloss.Top, l, v)
}

// WrapCode wraps each line of preformatted text (a JSON body) wider than
// width, its continuations indented two cells past the line's own
// indentation: nothing is cut, and the nesting still reads.
func WrapCode(s string, width int) string {
	width = max(width, 20)
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if ansi.StringWidth(l) <= width {
			out = append(out, l)
			continue
		}
		content := strings.TrimLeft(l, " ")
		lead := min(len(l)-len(content), width/2)
		indent := strings.Repeat(" ", lead+2)
		for n, piece := range strings.Split(ansi.Wrap(content, width-lead-2, ""), "\n") {
			if n == 0 {
				out = append(out, strings.Repeat(" ", lead)+piece)
			} else {
				out = append(out, indent+piece)
			}
		}
	}
	return strings.Join(out, "\n")
}
