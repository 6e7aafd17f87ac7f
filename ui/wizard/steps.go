package wizard

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
)

// sidebarWidth is the step list's width; below minSidebarScreen columns the
// list is hidden and the header says which step this is.
const (
	sidebarWidth     = 26
	minSidebarScreen = 72
)

func (m *Model) showSidebar() bool { return m.width >= minSidebarScreen }

func (m *Model) mainWidth() int {
	if m.showSidebar() {
		return max(20, m.width-sidebarWidth-2)
	}
	return max(20, m.width)
}

// formHeight leaves room for the step's heading and notice lines.
func (m *Model) formHeight() int {
	return max(6, m.height-1-max(1, strings.Count(m.noticeView(m.mainWidth()), "\n")+1))
}

// noticeView is the notice wrapped to width, whole: a notice names what
// the user needs next (the copy's id), so it is never cut.
func (m *Model) noticeView(width int) string {
	if m.notice == "" {
		return ""
	}
	return m.st.Warn.Width(max(20, width)).Render(m.notice)
}

func (m *Model) sizeForm() {
	if m.form == nil || m.width == 0 {
		return
	}
	m.form.Form = resize(m.form.Form, m.mainWidth(), m.formHeight())
}

// relayout is a message no field acts on: passing it through a form makes
// huh lay its fields out again.
type relayout struct{}

// resize sizes a form and lays it out at once: huh renders a group's
// content only during an update, so without this the first frame after a
// resize shows the old layout clipped to the new width.
func resize(form *huh.Form, w, h int) *huh.Form {
	form = form.WithWidth(w).WithHeight(h)
	f, _ := form.Update(relayout{})
	return f.(*huh.Form)
}

func (m *Model) firstVisible() int {
	if v := m.flow.Visible(); len(v) > 0 {
		return v[0]
	}
	return 0
}

// enter opens a step, building its form afresh from the draft.
func (m *Model) enter(step int) tea.Cmd {
	m.mode = modeEdit
	m.step = step
	s := m.flow.Steps[step]
	m.visited[s.ID] = true
	if m.flow.Draft.Step != s.ID {
		m.flow.Draft.Step = s.ID
		m.local++ // the step is saved with the draft
	}
	if s.List != nil {
		m.form = nil
		m.list = newListEditor(s.List)
		m.list.setSize(m.mainWidth(), m.height)
		return nil
	}
	m.list = nil
	m.form = s.Form()
	m.sizeForm()
	return m.form.Form.Init()
}

// next goes to the next step that applies, or to the review after the last.
func (m *Model) next() tea.Cmd {
	for _, i := range m.flow.Visible() {
		if i > m.step {
			return m.enter(i)
		}
	}
	return m.openReview()
}

// prev goes to the previous step that applies; back is never blocked.
func (m *Model) prev() tea.Cmd {
	v := m.flow.Visible()
	for j := len(v) - 1; j >= 0; j-- {
		if v[j] < m.step {
			return m.enter(v[j])
		}
	}
	return nil
}

// stepDone moves on when the step's form was completed (Enter on its last
// field).
func (m *Model) stepDone() tea.Cmd {
	if m.form != nil && m.form.Form.State == huh.StateCompleted {
		return m.next()
	}
	return nil
}

// jump opens the step that owns a field path and puts the cursor on the
// field: "address.city", or "redirect_uris[1]" (the second item of a list),
// or "user.depository_accounts[0].routing_number".
func (m *Model) jump(path string) tea.Cmd {
	step := m.flow.StepOf(path)
	if step < 0 || !m.flow.Steps[step].Shown() {
		return nil
	}
	cmd := m.enter(step)
	switch {
	case m.list != nil:
		if i, ok := itemIndex(m.list.list.Path, path); ok && i < m.list.list.Len() {
			m.list.cursor = i
			cmd = tea.Batch(cmd, m.list.edit(i))
			if m.list.form != nil {
				m.list.form.Focus(path)
			}
		}
	case m.form != nil:
		m.form.Focus(path)
	}
	return cmd
}

// itemIndex reads i from a path into item i of the list at list
// ("user.depository_accounts[2].routing_number" → 2).
func itemIndex(list, path string) (int, bool) {
	rest, found := strings.CutPrefix(path, list+"[")
	if !found {
		return 0, false
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 0, false
	}
	i, err := strconv.Atoi(rest[:end])
	return i, err == nil
}
