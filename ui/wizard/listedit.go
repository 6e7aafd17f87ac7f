package wizard

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// listEditor is a list step: the items, each with its verdict, and a small
// form for the item being added or edited.
type listEditor struct {
	list    *forms.List
	cursor  int
	editing int // the item whose form is open, -1 for none
	added   bool
	form    *widgets.StepForm
	width   int
	height  int
}

func newListEditor(l *forms.List) *listEditor { return &listEditor{list: l, editing: -1} }

func (e *listEditor) setSize(w, h int) {
	e.width, e.height = w, h
	if e.form != nil {
		e.form.Form = resize(e.form.Form, w, max(6, h-4))
	}
}

func (e *listEditor) edit(i int) tea.Cmd {
	e.editing, e.cursor = i, i
	e.form = e.list.Form(i)
	e.setSize(e.width, e.height)
	return e.form.Form.Init()
}

func (e *listEditor) closeForm() {
	// A new item left empty goes away again: nothing was typed to keep.
	if e.added && e.editing >= 0 && e.editing < e.list.Len() && strings.Trim(e.list.Item(e.editing), "—· ") == "" {
		e.list.Remove(e.editing)
		e.cursor = max(0, min(e.cursor, e.list.Len()-1))
	}
	e.form, e.editing, e.added = nil, -1, false
}

func (e *listEditor) update(m *Model, msg tea.Msg) tea.Cmd {
	if e.form != nil {
		if k, isKey := msg.(tea.KeyPressMsg); isKey && key.Matches(k, m.keys.Back) {
			e.closeForm()
			return nil
		}
		first := e.form.AtFirst()
		cmd := e.form.Update(msg)
		if k, isKey := msg.(tea.KeyPressMsg); isKey && k.String() == "shift+tab" && first {
			e.closeForm()
			return cmd
		}
		if e.form.Form.State == huh.StateCompleted {
			e.added = false
			e.closeForm()
		}
		return cmd
	}
	k, isKey := msg.(tea.KeyPressMsg)
	if !isKey {
		return nil
	}
	n := e.list.Len()
	switch {
	case key.Matches(k, m.keys.Up):
		if n > 0 {
			e.cursor = (e.cursor - 1 + n) % n
		}
	case key.Matches(k, m.keys.Down):
		if n > 0 {
			e.cursor = (e.cursor + 1) % n
		}
	case key.Matches(k, m.keys.Add), n == 0 && k.String() == "enter":
		if !e.list.CanAdd() {
			m.notice = e.list.Full()
			return nil
		}
		i := e.list.Add()
		e.added = true
		return e.edit(i)
	case key.Matches(k, m.keys.Edit):
		if n > 0 {
			return e.edit(e.cursor)
		}
	case key.Matches(k, m.keys.Remove):
		if n == 0 {
			return nil
		}
		i := e.cursor
		m.dialog = uikit.NewDialog("Remove this "+e.list.Noun+"?", e.list.Item(i))
		m.onConfirm = func() tea.Cmd {
			e.list.Remove(i)
			e.cursor = max(0, min(e.cursor, e.list.Len()-1))
			return nil
		}
	case k.String() == "tab":
		return m.next()
	case k.String() == "shift+tab":
		return m.prev()
	}
	return nil
}

func (e *listEditor) help(m *Model) []key.Binding {
	if e.form != nil {
		return append([]key.Binding{uikit.Binding("esc", "done")}, e.form.KeyBinds("back to the list")...)
	}
	return []key.Binding{m.keys.Add, m.keys.Edit, m.keys.Remove, m.keys.Up, uikit.Binding("tab", "next step")}
}

func (e *listEditor) view(m *Model) string {
	st := m.st
	var b strings.Builder
	if e.list.Hint != "" {
		b.WriteString(lipgloss.NewStyle().Width(e.width).Render(st.Muted.Render(e.list.Hint)) + "\n\n")
	}
	n := e.list.Len()
	if n == 0 {
		b.WriteString(st.Faint.Render(fmt.Sprintf("No %ss yet. Press a (or enter) to add one.", e.list.Noun)) + "\n")
	}
	for i := range n {
		problems := m.problems.Under(e.list.ItemPath(i))
		mark := st.OK.Render("✓")
		if len(problems) > 0 {
			mark = st.Bad.Render("✗")
		}
		item := e.list.Item(i)
		if strings.Trim(item, "—· ") == "" {
			item = "(empty)"
		}
		line := fmt.Sprintf("%s %d. %s", mark, i+1, uikit.Truncate(item, e.width-8))
		if i == e.cursor && e.form == nil {
			line = st.Selected.Render("❯ ") + line
		} else {
			line = "  " + line
		}
		b.WriteString(line + "\n")
		if len(problems) > 0 && (i == e.cursor || e.editing == i) {
			b.WriteString("      " + st.Bad.Render(problems[0].Message) + "\n")
		}
	}
	if !e.list.CanAdd() {
		b.WriteString(st.Warn.Render(e.list.Full()) + "\n")
	}
	if e.form != nil {
		verb := "Editing"
		if e.added {
			verb = "Adding"
		}
		b.WriteString("\n" + st.Bold.Render(fmt.Sprintf("%s %s %d", verb, e.list.Noun, e.editing+1)) + "\n")
		b.WriteString(e.form.Form.View())
	}
	return b.String()
}
