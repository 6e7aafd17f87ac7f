package wizard

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// review is the last screen before sending: every remaining problem (each
// a jump to the step that fixes it), the answers by step, and the exact
// body that will be sent.
type review struct {
	vp     viewport.Model
	cursor int
	reveal bool
	// problemLines are the line of each problem in the content, to keep
	// the cursor in view.
	problemLines []int
}

func (m *Model) openReview() tea.Cmd {
	m.mode = modeReview
	m.form, m.list = nil, nil
	// The gate: the whole request is checked again, now, on the live
	// answers (huh's accessible mode can let anything through).
	m.problems = m.flow.Check()
	m.checked = m.seen
	if m.review == nil {
		m.review = &review{vp: viewport.New()}
	}
	m.review.cursor = 0
	m.review.setSize(m.width, m.height)
	m.review.refresh(m)
	m.review.vp.GotoTop()
	return nil
}

func (r *review) setSize(w, h int) {
	r.vp.SetWidth(max(20, w))
	r.vp.SetHeight(max(3, h))
}

func (r *review) refresh(m *Model) {
	r.cursor = min(r.cursor, max(0, len(m.problems)-1))
	r.vp.SetContent(r.content(m))
}

func (r *review) content(m *Model) string {
	st := m.st
	width := r.vp.Width()
	var b strings.Builder
	r.problemLines = r.problemLines[:0]
	line := func(s string) { b.WriteString(s + "\n") }
	if n := len(m.problems); n > 0 {
		line(st.Bad.Bold(true).Render(fmt.Sprintf("%d %s to fix before sending", n, uikit.Plural(n, "problem", "problems"))))
		for i, p := range m.problems {
			step := ""
			if j := m.flow.StepOf(p.Path); j >= 0 {
				step = m.flow.Steps[j].Title
			}
			mark := "  "
			if i == r.cursor {
				mark = st.Selected.Render("❯ ")
			}
			r.problemLines = append(r.problemLines, strings.Count(b.String(), "\n"))
			text := fmt.Sprintf("%s — %s", p.Path, p.Message)
			if p.Fix != "" {
				text += " (fix: " + p.Fix + ")"
			}
			line(mark + lipgloss.NewStyle().Width(width-4).Render(st.Text.Render(text)+st.Faint.Render("  → "+step)))
		}
	} else {
		line(st.OK.Bold(true).Render("Ready to send: every answer passes its checks"))
	}
	if s, sent := m.flow.Draft.LastSuccess(); sent {
		what := "sending again creates another one"
		if !actions.CreatesAgain(m.flow.Draft) {
			what = "s re-screens the same user with /update"
		}
		line(st.Warn.Render(fmt.Sprintf("Already sent from this draft on %s (%s): %s.",
			s.At.Local().Format("2006-01-02 15:04"), s.Env, what)))
	}
	line("")
	for _, i := range m.flow.Visible() {
		s := m.flow.Steps[i]
		line(st.Title.Render(s.Title))
		for _, l := range s.Summary() {
			line("  " + st.Muted.Render(padRight(l.Label, 28)) + " " + st.Text.Render(l.Shown(r.reveal)))
		}
	}
	line("")
	line(st.Title.Render(fmt.Sprintf("Request body — POST %s → %s", actions.Endpoint(m.flow.Draft), m.env().Label())))
	note := "Credentials go in headers, never in the body. Personal data is masked here (r shows it) and sent in full."
	if r.reveal {
		note = "Credentials go in headers, never in the body. Personal data is shown (r masks it)."
	}
	line(st.Faint.Render(note))
	line(st.Text.Render(actions.DisplayBody(m.flow.Draft, r.reveal)))
	return b.String()
}

func (m *Model) reviewKey(k tea.KeyPressMsg) tea.Cmd {
	r := m.review
	switch {
	case key.Matches(k, m.keys.Up):
		if n := len(m.problems); n > 0 {
			r.cursor = (r.cursor - 1 + n) % n
			r.refresh(m)
			r.show()
		}
	case key.Matches(k, m.keys.Down):
		if n := len(m.problems); n > 0 {
			r.cursor = (r.cursor + 1) % n
			r.refresh(m)
			r.show()
		}
	case key.Matches(k, m.keys.GoFix):
		if len(m.problems) > 0 {
			return m.jump(m.problems[r.cursor].Path)
		}
	case key.Matches(k, m.keys.Submit):
		return m.startSubmit()
	case key.Matches(k, m.keys.Reveal):
		r.reveal = !r.reveal
		r.refresh(m)
	case key.Matches(k, m.keys.ScrollUp):
		r.vp.PageUp()
	case key.Matches(k, m.keys.ScrollDn):
		r.vp.PageDown()
	case key.Matches(k, m.keys.Steps):
		m.openSidebar()
	case key.Matches(k, m.keys.Back):
		return m.enter(m.lastVisible())
	case key.Matches(k, m.keys.Review):
		if m.result != nil {
			m.mode = modeResult
		}
	case key.Matches(k, m.keys.Close):
		return m.close("")
	}
	return nil
}

// show scrolls the cursor's problem into view.
func (r *review) show() {
	if r.cursor < len(r.problemLines) {
		line := r.problemLines[r.cursor]
		if line < r.vp.YOffset() || line >= r.vp.YOffset()+r.vp.Height() {
			r.vp.SetYOffset(max(0, line-1))
		}
	}
}

func (m *Model) lastVisible() int {
	v := m.flow.Visible()
	return v[len(v)-1]
}

func (m *Model) reviewHelp() []key.Binding {
	var hb []key.Binding
	if len(m.problems) > 0 {
		hb = append(hb, m.keys.Up, m.keys.GoFix)
	}
	hb = append(hb, m.keys.Submit, m.keys.Reveal, m.keys.ScrollUp, backBinding(m), m.keys.Steps, m.keys.Close)
	return hb
}

func backBinding(m *Model) key.Binding {
	b := m.keys.Back
	b.SetHelp("esc", "back to the steps")
	return b
}

func padRight(s string, n int) string {
	if w := lipgloss.Width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}
