package wizard

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// View draws the body: the step list and the step, or the review, the
// wait, the result or the failure; a dialog takes the body's place.
func (m *Model) View() string {
	if m.dialog != nil {
		return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, m.dialog.View(m.st, m.width-4))
	}
	switch m.mode {
	case modeReview:
		return m.withNotice(m.review.vp.View())
	case modeSubmitting:
		return "\n" + m.submit.spin.View() + " " + m.st.Bold.Render(m.submit.label) + m.st.Muted.Render(" · "+left(m.submit.deadline, m.deps.Now())) + "\n\n" +
			m.st.Muted.Render("waiting for the answer · esc or ctrl+c stops waiting (the outcome is then unknown)")
	case modeResult:
		return m.withNotice(m.result.view(m))
	case modeFailure:
		return m.withNotice(m.failureView())
	}
	main := m.stepView()
	if !m.showSidebar() {
		return main
	}
	return joinColumns(m.sidebarView(m.height), main, m.height)
}

// joinColumns puts the (fixed-width) sidebar left of the main column line
// by line: lipgloss.JoinHorizontal would measure every line of both.
func joinColumns(left, right string, height int) string {
	ls, rs := strings.Split(left, "\n"), strings.Split(right, "\n")
	blank := strings.Repeat(" ", lipgloss.Width(ls[0]))
	var b strings.Builder
	for i := 0; i < max(len(ls), len(rs)) && i < height; i++ {
		l, r := blank, ""
		if i < len(ls) {
			l = ls[i]
		}
		if i < len(rs) {
			r = rs[i]
		}
		b.WriteString(l + " " + r + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (m *Model) withNotice(body string) string {
	if m.notice == "" {
		return body
	}
	return m.noticeView(m.width) + "\n" + body
}

// stepView is the current step: its heading (and position when the step
// list is hidden), a notice if any, and the form or list.
func (m *Model) stepView() string {
	s := m.flow.Steps[m.step]
	var b strings.Builder
	heading := m.st.Title.Render(s.Title)
	if !m.showSidebar() {
		pos, total := 0, len(m.flow.Visible())
		for j, i := range m.flow.Visible() {
			if i == m.step {
				pos = j + 1
			}
		}
		heading = m.st.Muted.Render(fmt.Sprintf("Step %d/%d · ", pos, total)) + heading
	}
	b.WriteString(heading + "\n")
	if m.notice != "" {
		b.WriteString(m.noticeView(m.mainWidth()) + "\n")
	} else {
		b.WriteString("\n")
	}
	switch {
	case m.form != nil:
		b.WriteString(m.form.Form.View())
	case m.list != nil:
		b.WriteString(m.list.view(m))
	}
	return cropLines(b.String(), m.height)
}

// cropLines keeps the first n lines: the form is already laid out to the
// column's width, so wrapping it again would only cost time.
func cropLines(s string, n int) string {
	count := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			count++
			if count == n {
				return s[:i]
			}
		}
	}
	return s
}

// Help lists the keys for the footer, by mode.
func (m *Model) Help() []key.Binding {
	if m.dialog != nil {
		return nil
	}
	switch m.mode {
	case modeSidebar:
		return []key.Binding{m.keys.Up, m.keys.Choose, backBinding(m), m.keys.Review, m.keys.Quit}
	case modeReview:
		return m.reviewHelp()
	case modeSubmitting:
		b := m.keys.Back
		b.SetHelp("esc", "stop waiting")
		return []key.Binding{b}
	case modeResult:
		return m.result.help(m)
	case modeFailure:
		return m.failureHelp()
	}
	var hb []key.Binding
	switch {
	case m.form != nil:
		next := "next step"
		if v := m.flow.Visible(); len(v) > 0 && v[len(v)-1] == m.step {
			next = "review"
		}
		hb = append(hb, m.form.KeyBinds(next)...)
	case m.list != nil:
		hb = append(hb, m.list.help(m)...)
	}
	hb = append(hb, m.keys.NextStep, m.keys.PrevStep, m.keys.Steps, m.keys.Review, m.keys.Close, m.keys.Quit)
	if m.env() != client.Production {
		hb = append(hb, m.keys.Fill)
	}
	return hb
}

// Status is the autosave's state for the footer.
func (m *Model) Status() string {
	switch {
	case m.save.Err != nil:
		return m.st.Bad.Render("not saved: " + m.save.Err.Error())
	case m.flow.Changes.Count() > 0 && m.save.At.IsZero():
		return m.st.Faint.Render("saving…")
	case !m.save.At.IsZero():
		return m.st.Faint.Render(m.flow.Draft.ID + " saved " + m.save.At.Local().Format("15:04:05"))
	}
	return m.st.Faint.Render("saved as you type")
}
