package forms

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// Moving between fields happens here, at once, rather than the way huh
// does it: huh's fields ask for the next field by returning a command, and
// a program runs that command later, on another goroutine, so keys typed
// right after Tab (fast typing, a paste, a busy machine) reach the field
// being left. Our fields instead report the move (navigator) and StepForm
// makes it with huh's own messages before the next key is read.

// Directions a field asks to move in.
const (
	stay = 0
	next = 1
	back = -1
)

// navigator is a field that reports a move instead of asking huh for it.
type navigator interface {
	// takeNav returns the move the last key asked for, and forgets it.
	takeNav() int
}

// navKeys are a field's keys for moving on, as huh's own fields have them:
// Prev unless it is the form's first field, Next unless it is the last,
// and Submit (Enter, completing the form) only on the last.
type navKeys struct {
	Prev, Next, Submit key.Binding
	pending            int
}

func newNavKeys(prev, nxt, submit key.Binding) navKeys {
	return navKeys{Prev: prev, Next: nxt, Submit: submit}
}

// position enables the keys for the field's place in the form.
func (n *navKeys) position(p huh.FieldPosition) {
	n.Prev.SetEnabled(!p.IsFirst())
	n.Next.SetEnabled(!p.IsLast())
	n.Submit.SetEnabled(p.IsLast())
}

// of reports the move a key asks for.
func (n *navKeys) of(msg tea.Msg) int {
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case !isKey:
		return stay
	case key.Matches(k, n.Prev):
		return back
	case key.Matches(k, n.Next, n.Submit):
		return next
	}
	return stay
}

func (n *navKeys) takeNav() int {
	d := n.pending
	n.pending = stay
	return d
}

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
