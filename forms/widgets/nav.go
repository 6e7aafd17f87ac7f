package widgets

import (
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
