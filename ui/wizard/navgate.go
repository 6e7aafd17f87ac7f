package wizard

import (
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// navGate keeps keys from landing in the wrong field. huh moves the focus
// with a command that runs after the key that asked for it, so keys typed
// right after Tab (fast typing, a paste, tmux) would reach the field being
// left. After a navigation key reaches a form, the gate holds further keys
// until the form reports the focus moved (or the form finished, or
// navGateTimeout passes), then lets them through in order.
type navGate struct {
	form   *huh.Form
	before huh.Field
	queue  []tea.KeyPressMsg
	seq    int
}

// navGateTimeout releases held keys when a navigation key moved nothing
// (Tab on a step's last field).
const navGateTimeout = 150 * time.Millisecond

type navReleaseMsg struct{ seq int }

func isNavKey(k tea.KeyPressMsg) bool {
	switch k.String() {
	case "tab", "enter", "shift+tab":
		return true
	}
	return false
}

func (g *navGate) pending() bool { return g.form != nil }

// arm starts holding keys after a navigation key went to form.
func (g *navGate) arm(form *huh.Form) tea.Cmd {
	g.form, g.before = form, form.GetFocusedField()
	g.seq++
	seq := g.seq
	return tea.Tick(navGateTimeout, func(time.Time) tea.Msg { return navReleaseMsg{seq: seq} })
}

// settled reports whether the navigation happened: the focus moved, the
// form finished, or it is no longer the form on screen.
func (g *navGate) settled(current *huh.Form) bool {
	return g.form != current || g.form.State != huh.StateNormal || g.form.GetFocusedField() != g.before
}

// release empties the queue; the caller replays the keys.
func (g *navGate) release() []tea.KeyPressMsg {
	q := g.queue
	g.form, g.before, g.queue = nil, nil, nil
	return q
}

// activeForm is the huh form that keys go to now, if any.
func (m *Model) activeForm() *huh.Form {
	switch {
	case m.dialog != nil:
		return nil
	case m.mode == modeEdit && m.form != nil:
		return m.form.Form
	case m.mode == modeEdit && m.list != nil && m.list.form != nil:
		return m.list.form.Form
	case m.mode == modeResult:
		if br, ok := m.result.(*beaconResult); ok && br.form != nil {
			return br.form.Form
		}
	}
	return nil
}

// gatedKey handles a key through the gate: held while a navigation is
// settling, else handled, arming the gate when it was a navigation key.
func (m *Model) gatedKey(k tea.KeyPressMsg) tea.Cmd {
	if m.gate.pending() {
		m.gate.queue = append(m.gate.queue, k)
		return nil
	}
	form := m.activeForm()
	cmd := m.key(k)
	if form != nil && isNavKey(k) && m.activeForm() == form && form.State == huh.StateNormal && form.GetFocusedField() != nil {
		// The key went to a form whose focus moves later, by command:
		// hold what follows until it has.
		return tea.Batch(cmd, m.gate.arm(form))
	}
	return cmd
}

// afterNav checks, after any message, whether a held navigation settled,
// and replays the held keys if so.
func (m *Model) afterNav(force bool) tea.Cmd {
	if !m.gate.pending() || (!force && !m.gate.settled(m.activeForm())) {
		return nil
	}
	var cmds []tea.Cmd
	for _, k := range m.gate.release() {
		if m.gate.pending() {
			m.gate.queue = append(m.gate.queue, k)
			continue
		}
		cmds = append(cmds, m.gatedKey(k))
	}
	return tea.Batch(cmds...)
}
