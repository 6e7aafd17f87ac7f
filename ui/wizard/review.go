package wizard

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// review is the last screen before sending: every remaining problem (each
// a jump to the step that fixes it), the answers by step, and the exact
// body that will be sent.
type review struct {
	vp     viewport.Model
	cursor int // over the problems, then the notes
	reveal bool
	// notes are what to know before sending that does not stop it.
	notes validate.Problems
	// itemLines are the line of each problem and note in the content, to
	// keep the cursor in view.
	itemLines []int
}

// items are the problems then the notes: each a jump to its field.
func (r *review) items(m *Model) validate.Problems {
	return append(append(validate.Problems{}, m.problems...), r.notes...)
}

func (m *Model) openReview() tea.Cmd {
	m.mode = modeReview
	m.form, m.list = nil, nil
	if m.review == nil {
		m.review = &review{vp: viewport.New()}
	}
	// The gate: the whole request is checked again, now, on the live
	// answers (huh's accessible mode can let anything through).
	m.problems = m.flow.Check()
	m.checked = m.seen
	m.review.notes = m.flow.Notes()
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
	r.cursor = min(r.cursor, max(0, len(r.items(m))-1))
	r.vp.SetContent(r.content(m))
}

func (r *review) content(m *Model) string {
	st := m.st
	width := r.vp.Width()
	var b strings.Builder
	r.itemLines = r.itemLines[:0]
	line := func(s string) { b.WriteString(s + "\n") }
	item := func(i int, p validate.Problem, fix string) {
		step := ""
		if j := m.flow.StepOf(p.Path); j >= 0 {
			step = m.flow.Steps[j].Title
		}
		mark := "  "
		if i == r.cursor {
			mark = st.Selected.Render("❯ ")
		}
		r.itemLines = append(r.itemLines, strings.Count(b.String(), "\n"))
		text := fmt.Sprintf("%s — %s", m.flow.Catalog.FieldName(p.Path), p.Message)
		if p.Fix != "" {
			text += " (" + fix + ": " + r.shownFix(m, p) + ")"
		}
		// Wrapped under the text, not back at column 1.
		body := lipgloss.NewStyle().Width(max(10, width-4)).Render(st.Text.Render(text) + st.Faint.Render("  → "+step+" · "+p.Path))
		line(lipgloss.JoinHorizontal(lipgloss.Top, mark, body))
	}
	// Sent already: said first, so "Ready to send" is not read as "not
	// sent yet".
	s, sent := m.flow.Draft.LastSuccess()
	if sent {
		what := "s sends it again and creates another one"
		if !actions.CreatesAgain(m.flow.Draft) {
			what = "s re-screens the same user with /update"
		}
		line(st.Warn.Bold(true).Render(lipgloss.NewStyle().Width(max(10, width-2)).Render(fmt.Sprintf("Already sent from this draft on %s (%s): %s.",
			s.At.Local().Format("2006-01-02 15:04"), s.Env, what))))
	}
	ready := "Ready to send: every answer passes its checks"
	if sent {
		ready = "Ready to send again: every answer passes its checks"
	}
	if n := len(m.problems); n > 0 {
		line(st.Bad.Bold(true).Render(fmt.Sprintf("%d %s to fix before sending", n, words.Plural(n, "problem", "problems"))))
		for i, p := range m.problems {
			item(i, p, "fix")
		}
	} else {
		line(st.OK.Bold(true).Render(ready))
	}
	if n := len(r.notes); n > 0 {
		line(st.Warn.Bold(true).Render(fmt.Sprintf("%d %s before sending (none stops it)", n, words.Plural(n, "note", "notes"))))
		for i, p := range r.notes {
			item(len(m.problems)+i, p, "suggested")
		}
	}
	if names := m.flow.Catalog.UpdatableNames(); len(names) > 0 && actions.Endpoint(m.flow.Draft) == m.flow.Catalog.Endpoint {
		line(st.Faint.Render(lipgloss.NewStyle().Width(width - 2).Render("After the create, only these can be changed (with /update): " +
			strings.Join(names, ", ") + ".")))
	}
	line("")
	for _, i := range m.flow.Visible() {
		s := m.flow.Steps[i]
		line(st.Title.Render(s.Title))
		for _, l := range s.Summary() {
			line(lipgloss.NewStyle().PaddingLeft(2).Render(uikit.Labelled(st.Muted, l.Label, 29, st.Text.Render(l.Shown(r.reveal)), width-2)))
		}
	}
	line("")
	line(st.Title.Render(fmt.Sprintf("Request body — POST %s → %s", actions.Endpoint(m.flow.Draft), m.deps.EnvLabel())))
	note := "Credentials go in headers, never in the body. Personal data is masked here (r shows it) and sent in full."
	if r.reveal {
		note = "Credentials go in headers, never in the body. Personal data is shown (r masks it)."
	}
	line(st.Faint.Render(lipgloss.NewStyle().Width(max(10, width-2)).Render(note)))
	// Wrapped, not cut: the body is read here before it is sent.
	line(st.Text.Render(uikit.WrapCode(actions.DisplayBody(m.flow.Draft, r.reveal), width-1)))
	return b.String()
}

func (m *Model) reviewKey(k tea.KeyPressMsg) tea.Cmd {
	r := m.review
	switch {
	case key.Matches(k, m.keys.Up):
		if n := len(r.items(m)); n > 0 {
			r.cursor = (r.cursor - 1 + n) % n
			r.refresh(m)
			r.show()
		}
	case key.Matches(k, m.keys.Down):
		if n := len(r.items(m)); n > 0 {
			r.cursor = (r.cursor + 1) % n
			r.refresh(m)
			r.show()
		}
	case key.Matches(k, m.keys.GoFix):
		if items := r.items(m); len(items) > 0 {
			return m.jump(items[r.cursor].Path)
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
		// Back to the step the review was opened from.
		if slices.Contains(m.flow.Visible(), m.step) {
			return m.enter(m.step)
		}
		return m.enter(m.lastVisible())
	case key.Matches(k, m.keys.Review):
		if m.result != nil {
			m.mode = modeResult
		}
	case key.Matches(k, m.keys.Close):
		return m.close()
	}
	return nil
}

// show scrolls the cursor's problem into view.
func (r *review) show() {
	if r.cursor < len(r.itemLines) {
		line := r.itemLines[r.cursor]
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
	if len(m.problems)+len(m.review.notes) > 0 {
		hb = append(hb, m.keys.Up, m.keys.GoFix)
	}
	hb = append(hb, m.keys.Submit, uikit.Toggled(m.keys.Reveal, m.review.reveal, "personal data"), m.keys.ScrollUp, backBinding(m), m.keys.Steps, m.keys.Close)
	return hb
}

func backBinding(m *Model) key.Binding {
	b := m.keys.Back
	b.SetHelp("esc", "back to the steps")
	return b
}

// shownFix is a suggested value as the review shows it: masked like the
// field's answer unless the personal data is revealed.
func (r *review) shownFix(m *Model, p validate.Problem) string {
	if f := m.flow.Catalog.Field(p.Path); f != nil && !r.reveal {
		return f.MaskValue(p.Fix)
	}
	return p.Fix
}
