package lookup

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// ask asks for an id: typed or pasted, or picked from what this machine
// created.
type ask struct {
	input  textinput.Model
	known  []uikit.Created
	cursor int // -1: the typed id
	what   string
}

func newAsk(what, placeholder string, k []uikit.Created) *ask {
	in := widgets.NewLineInput(placeholder)
	in.CharLimit = 64
	in.Focus()
	return &ask{input: in, known: k, cursor: -1, what: what}
}

// chosen is the id Enter looks up.
func (a *ask) chosen() string {
	if a.cursor >= 0 && a.cursor < len(a.known) {
		return a.known[a.cursor].ID
	}
	return strings.TrimSpace(a.input.Value())
}

// key handles a key while asking: Esc goes home, Enter looks up the id
// chosen with look, anything else edits or moves.
func (a *ask) key(k tea.KeyPressMsg, back key.Binding, look func(id string) tea.Cmd) tea.Cmd {
	switch {
	case key.Matches(k, back):
		return goHome()
	case k.String() == "enter" && a.chosen() != "":
		return look(a.chosen())
	}
	return a.update(k)
}

func (a *ask) update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "down":
			a.cursor = min(a.cursor+1, len(a.known)-1)
			return nil
		case "up":
			a.cursor = max(a.cursor-1, -1)
			return nil
		}
		a.cursor = -1 // typing goes to the id
	}
	var cmd tea.Cmd
	a.input, cmd = a.input.Update(msg)
	return cmd
}

func (a *ask) view(st theme.Styles) string {
	var b strings.Builder
	b.WriteString(st.Title.Render(a.what) + "\n\n")
	b.WriteString(a.input.View() + "\n\n")
	if len(a.known) == 0 {
		b.WriteString(st.Faint.Render("Type or paste an id. None was created from this machine's drafts yet.") + "\n")
		return b.String()
	}
	b.WriteString(st.Muted.Render("Or pick one created from this machine (↑/↓):") + "\n")
	for i, k := range a.known {
		row := k.ID + "  " + k.Title
		if k.Status != "" {
			row += "  · " + k.Status
		}
		if i == a.cursor {
			b.WriteString(st.Selected.Render("❯ "+row) + "\n")
		} else {
			b.WriteString("  " + st.Text.Render(row) + "\n")
		}
	}
	return b.String()
}
