package wizard

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// stepState is how a step stands, as the step list marks it.
type stepState int

const (
	stepUntouched stepState = iota // ·  not yet opened, nothing wrong
	stepDone                       // ✓  opened, nothing wrong
	stepProblems                   // ✗  something to fix
)

// state judges a step from the latest check: any invalid value marks it ✗;
// a missing or unfinished one does once the step has been opened (an
// untouched step is not yet "wrong").
func (m *Model) state(i int) stepState {
	ps := m.flow.ProblemsOf(i, m.problems)
	// Opened in this session, or holding answers (a resumed draft): what
	// is missing there counts; in a step not yet reached only a broken
	// rule does.
	touched := m.visited[m.flow.Steps[i].ID] || m.flow.Answered(i)
	for _, p := range ps {
		if p.State == validate.Invalid || touched {
			return stepProblems
		}
	}
	if touched {
		return stepDone
	}
	return stepUntouched
}

// invalidIn reports a broken rule (not just something missing) in step i.
func (m *Model) invalidIn(i int) bool {
	for _, p := range m.flow.ProblemsOf(i, m.problems) {
		if p.State == validate.Invalid {
			return true
		}
	}
	return false
}

func (m *Model) openSidebar() {
	if m.mode != modeSidebar {
		m.sidebarFrom = m.mode
	}
	m.mode = modeSidebar
	m.sidebar = 0
	for j, i := range m.flow.Visible() {
		if i == m.step {
			m.sidebar = j
		}
	}
}

func (m *Model) sidebarKey(k tea.KeyPressMsg) tea.Cmd {
	visible := m.flow.Visible()
	switch {
	case key.Matches(k, m.keys.Up):
		m.sidebar = (m.sidebar - 1 + len(visible) + 1) % (len(visible) + 1)
	case key.Matches(k, m.keys.Down):
		m.sidebar = (m.sidebar + 1) % (len(visible) + 1)
	case key.Matches(k, m.keys.Choose):
		if m.sidebar == len(visible) {
			return m.openReview()
		}
		return m.enter(visible[m.sidebar])
	case key.Matches(k, m.keys.Back, m.keys.Steps):
		// Back where the list was opened: the review, the result, or the
		// step, whose fields are shown again if another screen was between.
		m.mode = m.sidebarFrom
		if m.mode == modeEdit && m.form == nil && m.list == nil {
			return m.enter(m.step)
		}
	case key.Matches(k, m.keys.Review):
		return m.openReview()
	case key.Matches(k, m.keys.Close):
		return m.close()
	}
	return nil
}

// sidebarKey is what the step list's drawing depends on; it is drawn
// again only when that changes (most keys change none of it).
type sidebarKey struct {
	step, cursor, height, problems, visited int
	mode                                    mode
	dark, result                            bool
	checked                                 uint64
}

// sidebarView draws the steps: ✓ done, ✗ problems, · not yet opened, with
// the current step (and, while choosing, the cursor) highlighted.
func (m *Model) sidebarView(height int) string {
	k := sidebarKey{step: m.step, cursor: m.sidebar, height: height, problems: len(m.problems), visited: len(m.visited),
		mode: m.mode, dark: m.dark, result: m.result != nil || m.mode == modeFailure, checked: m.checked}
	if k == m.sidebarCache.key && m.sidebarCache.view != "" {
		return m.sidebarCache.view
	}
	m.sidebarCache.key, m.sidebarCache.view = k, m.drawSidebar(height)
	return m.sidebarCache.view
}

func (m *Model) drawSidebar(height int) string {
	st := m.st
	var b strings.Builder
	visible := m.flow.Visible()
	for j, i := range visible {
		s := m.flow.Steps[i]
		mark := st.Faint.Render("·")
		switch state := m.state(i); {
		case i == m.step && (m.mode == modeEdit || m.mode == modeSidebar):
			// The step being filled in keeps its ›: red while a rule in it
			// is broken, never "wrong" for what is not typed yet.
			mark = st.Accent.Render("›")
			if m.invalidIn(i) {
				mark = st.Bad.Render("›")
			}
		case state == stepDone:
			mark = st.OK.Render("✓")
		case state == stepProblems:
			mark = st.Bad.Render("✗")
		}
		// Where the mark gives way to the cursor or the ›, a ✗ after the
		// title still says something is wrong (colour alone would not,
		// under NO_COLOR).
		wrong, room := "", sidebarWidth-5
		cursorHere := m.mode == modeSidebar && j == m.sidebar
		current := i == m.step && (m.mode == modeEdit || m.mode == modeSidebar)
		if (current && m.invalidIn(i)) || (cursorHere && !current && m.state(i) == stepProblems) {
			wrong, room = " "+st.Bad.Render("✗"), room-2
		}
		title := uikit.Truncate(s.Title, room)
		line := mark + " " + st.Text.Render(title)
		switch {
		case cursorHere:
			line = st.Selected.Render("❯ ") + st.Selected.Render(title) + wrong
		case current:
			line = mark + " " + st.Selected.Render(title) + wrong
		}
		b.WriteString(line + "\n")
	}
	review := "  Review and submit"
	switch {
	case m.mode == modeSidebar && m.sidebar == len(visible):
		review = st.Selected.Render("❯ Review and submit")
	case m.mode == modeReview:
		review = st.Accent.Render("▸ ") + st.Selected.Render("Review and submit")
	}
	b.WriteString("\n" + review)
	if m.result != nil || m.mode == modeFailure {
		b.WriteString("\n" + st.Muted.Render("  Result (ctrl+r)"))
	}
	return lipgloss.NewStyle().Width(sidebarWidth).Height(height).
		Border(lipgloss.NormalBorder(), false, true, false, false).BorderForeground(st.P.Border).
		Render(b.String())
}
