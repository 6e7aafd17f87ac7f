package widgets

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/theme"
)

// Update passes a message to the form and makes at once any move between
// fields (or groups) it asked for. When the form's last field is left the
// form is completed (State is huh.StateCompleted).
func (s *StepForm) Update(msg tea.Msg) tea.Cmd {
	f, cmd := s.Form.Update(msg)
	s.Form = f.(*huh.Form)
	if n, ok := s.Form.GetFocusedField().(navigator); ok {
		switch n.takeNav() {
		case next:
			return tea.Batch(cmd, s.Next())
		case back:
			return tea.Batch(cmd, s.Prev())
		}
	}
	return cmd
}

// Next moves to the next field, going on to the next group after a
// group's last one, and completing the form after its last.
func (s *StepForm) Next() tea.Cmd {
	before := s.Form.GetFocusedField()
	f, cmd := s.Form.Update(huh.NextField())
	s.Form = f.(*huh.Form)
	if s.Form.GetFocusedField() != before || s.Form.State != huh.StateNormal {
		return cmd
	}
	// It was the group's last field: the group asked for the next group
	// by command. That command is dropped and the move made now.
	return s.Form.NextGroup()
}

// Prev moves to the previous field, going back a group from a group's
// first; on the form's first field it stays.
func (s *StepForm) Prev() tea.Cmd {
	before := s.Form.GetFocusedField()
	f, cmd := s.Form.Update(huh.PrevField())
	s.Form = f.(*huh.Form)
	if s.Form.GetFocusedField() != before {
		return cmd
	}
	return s.Form.PrevGroup()
}

// AtFirst reports whether the cursor is on the form's first field.
func (s *StepForm) AtFirst() bool {
	return len(s.Fields) > 0 && s.Form.GetFocusedField() == s.Fields[0]
}

// Focus puts the cursor on the field whose key is path, or which path
// lies in ("user.depository_accounts[0].account_number" is in the form of
// item 0), or which lies in path (a problem with all of "address" focuses
// its first field). It reports false, moving nothing, when no field that
// is shown now matches.
func (s *StepForm) Focus(path string) bool {
	target := -1
	for i, f := range s.Fields {
		if hide := s.Hidden[f]; hide != nil && hide() {
			continue
		}
		if k := f.GetKey(); k == path || strings.HasPrefix(path, k+".") || strings.HasPrefix(path, k+"[") || strings.HasPrefix(k, path+".") {
			target = i
			break
		}
	}
	if target < 0 {
		return false
	}
	// Walk there with the form's own moves: back to the top, then on.
	for range len(s.Fields) {
		if s.AtFirst() {
			break
		}
		s.Prev()
	}
	for range len(s.Fields) {
		if s.Form.GetFocusedField() == s.Fields[target] {
			return true
		}
		s.Next()
	}
	return s.Form.GetFocusedField() == s.Fields[target]
}

// StepForm is a built step: the form and its fields in order.
type StepForm struct {
	Form   *huh.Form
	Fields []huh.Field
	// Hidden says, for a field that applies only sometimes (a contact's
	// fields, a purpose's use cases), whether it is hidden now. huh's
	// accessible mode ignores hidden groups, so the plain runner asks this.
	Hidden map[huh.Field]func() bool
}

// KeyMap is huh's key map as the wizard uses it: Ctrl-C belongs to the
// wizard (it saves and leaves), so huh's own quit is off; and selects do
// not filter, so Enter and Tab always move on (the lists are short).
func KeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithDisabled())
	km.Select.Filter.SetEnabled(false)
	km.MultiSelect.Filter.SetEnabled(false)
	return km
}

// NewStepForm assembles a form of fields in groups (one group when none
// are given), with the program's theme and keys.
func NewStepForm(fields []huh.Field, accessible bool, groups ...*huh.Group) *StepForm {
	if len(groups) == 0 {
		groups = []*huh.Group{huh.NewGroup(fields...)}
	}
	form := huh.NewForm(groups...).
		WithTheme(theme.Huh()).
		WithKeyMap(KeyMap()).
		WithShowHelp(false).
		WithShowErrors(false).
		WithAccessible(accessible)
	return &StepForm{Form: form, Fields: fields}
}

// KeyBinds are the form's keys for the footer, worded for where it is:
// Enter on the last field does what submit says (huh says "submit", which
// reads as sending), and completion is offered on Tab, the key our fields
// take for it (huh names ctrl+e).
func (s *StepForm) KeyBinds(submit string) []key.Binding {
	kb := s.Form.KeyBinds()
	out := make([]key.Binding, 0, len(kb))
	for _, b := range kb {
		h := b.Help()
		switch h.Desc {
		case "submit":
			b.SetHelp(h.Key, submit)
		case "complete":
			b.SetHelp("tab", "complete")
		}
		out = append(out, b)
	}
	return out
}
