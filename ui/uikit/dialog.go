package uikit

import (
	"strings"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
)

// Dialog asks a question over a screen: y/n, or typing a word to confirm
// (production submits).
type Dialog struct {
	Title string
	Body  string
	// Word, when set, must be typed to confirm; otherwise y confirms.
	Word  string
	input textinput.Model
	// Answer is set once the user decides: true to go on.
	Answered, Confirmed bool
	// Danger colours the dialog red.
	Danger bool
}

// NewDialog builds a y/n dialog.
func NewDialog(title, body string) *Dialog { return &Dialog{Title: title, Body: body} }

// NewTypeToConfirm builds a dialog that needs word typed.
func NewTypeToConfirm(title, body, word string) *Dialog {
	in := widgets.NewLineInput(word)
	in.CharLimit = 32
	in.Focus()
	return &Dialog{Title: title, Body: body, Word: word, input: in, Danger: true}
}

// Update handles a key.
func (d *Dialog) Update(msg tea.Msg) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		if d.Word != "" {
			var cmd tea.Cmd
			d.input, cmd = d.input.Update(msg)
			return cmd
		}
		return nil
	}
	switch {
	case k.String() == "esc":
		d.Answered, d.Confirmed = true, false
		return nil
	case d.Word == "":
		switch strings.ToLower(k.String()) {
		case "y":
			d.Answered, d.Confirmed = true, true
		case "n", "enter":
			d.Answered, d.Confirmed = true, false
		}
		return nil
	case k.String() == "enter":
		d.Answered = true
		d.Confirmed = strings.TrimSpace(d.input.Value()) == d.Word
		return nil
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	return cmd
}

// View draws the dialog in a box of the given width.
func (d *Dialog) View(st theme.Styles, width int) string {
	border := st.P.Accent
	if d.Danger {
		border = st.P.Bad
	}
	inner := max(20, min(width, 72)-4)
	var b strings.Builder
	b.WriteString(st.Bold.Render(d.Title) + "\n\n")
	b.WriteString(lipgloss.NewStyle().Width(inner).Render(d.Body) + "\n\n")
	if d.Word != "" {
		b.WriteString(d.input.View() + "\n")
		b.WriteString(st.Faint.Render("type " + d.Word + " and press enter · esc cancels"))
	} else {
		b.WriteString(st.Key.Render("y") + st.Muted.Render(" yes · ") + st.Key.Render("n") + st.Muted.Render(" no"))
	}
	return lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1).Width(inner + 4).Render(b.String())
}
