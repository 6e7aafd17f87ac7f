package wizard

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// failure is what went wrong with a submit, and what can be done next.
type failure struct {
	err     error
	plaid   *client.Error
	outcome client.Outcome
	// field is the request field the error names, when it names one.
	field string
	// after is set when this failure followed an unknown outcome: the
	// earlier request may be why this one was refused.
	after bool
}

func newFailure(m *Model, err error) *failure {
	f := &failure{err: err, outcome: actions.OutcomeOf(err)}
	if m.failure != nil && m.failure.outcome == client.Unknown {
		f.after = true
	}
	if errors.As(err, &f.plaid) {
		f.field = f.plaid.FieldIn(actions.FieldPaths(m.flow.Draft))
	}
	return f
}

func (m *Model) failureKey(k tea.KeyPressMsg) tea.Cmd {
	f := m.failure
	switch {
	case key.Matches(k, m.keys.GoFix) && f.field != "":
		return m.jump(f.field)
	case key.Matches(k, m.keys.Retry) && f.outcome == client.Unknown:
		if _, unresolved := actions.Unresolved(m.flow.Draft); unresolved {
			return m.confirmUnresolved(m.send)
		}
		m.dialog = uikit.NewDialog("Send again without knowing what happened?", actions.AfterUnknown(m.flow.Draft))
		m.dialog.Danger = true
		m.onConfirm = m.send
		return nil
	case key.Matches(k, m.keys.Retry) && (f.outcome == client.NotSent || (f.plaid != nil && f.plaid.Retryable())):
		return m.send()
	case key.Matches(k, m.keys.Lookup) && f.outcome == client.Unknown && m.flow.Draft.Partner != nil:
		// Safe: a second create with the same application name is refused.
		return m.send()
	case key.Matches(k, m.keys.Back), key.Matches(k, m.keys.Review):
		return m.openReview()
	case key.Matches(k, m.keys.Steps):
		m.openSidebar()
	case key.Matches(k, m.keys.Close):
		return m.close()
	}
	return nil
}

func (m *Model) failureHelp() []key.Binding {
	f := m.failure
	var hb []key.Binding
	if f.field != "" {
		b := m.keys.GoFix
		b.SetHelp("enter", "go to "+f.field)
		hb = append(hb, b)
	}
	switch {
	case f.outcome == client.Unknown:
		if m.flow.Draft.Partner != nil {
			hb = append(hb, m.keys.Lookup)
		}
		b := m.keys.Retry
		b.SetHelp("t", "send again anyway")
		hb = append(hb, b)
	case f.outcome == client.NotSent || (f.plaid != nil && f.plaid.Retryable()):
		hb = append(hb, m.keys.Retry)
	}
	return append(hb, backBinding(m), m.keys.Close)
}

func (m *Model) failureView() string {
	f, st := m.failure, m.st
	width := m.width
	var b strings.Builder
	para := func(style lipgloss.Style, s string) {
		b.WriteString(lipgloss.NewStyle().Width(width).Render(style.Render(s)) + "\n")
	}
	switch {
	case f.plaid != nil:
		para(st.Bad.Bold(true), fmt.Sprintf("%s refused the request", plaidName(m)))
		b.WriteString("\n")
		para(st.Text, f.plaid.Message())
		b.WriteString("\n")
		para(st.Muted, fmt.Sprintf("%s · %s · HTTP %d", f.plaid.ErrorType, f.plaid.ErrorCode, f.plaid.HTTPStatus))
		if f.plaid.RequestID != "" {
			para(st.Muted, "request_id "+f.plaid.RequestID+" (quote it to Plaid support)")
		}
		if f.plaid.SuggestedAction != nil && *f.plaid.SuggestedAction != "" {
			para(st.Text, "Suggested: "+*f.plaid.SuggestedAction)
		}
		if f.plaid.DocumentationURL != "" {
			para(st.Faint, f.plaid.DocumentationURL)
		}
		if f.after && f.plaid.ErrorCode == "CUSTOMER_ALREADY_CREATED" {
			b.WriteString("\n")
			para(st.Warn, "Your earlier request, whose answer was lost, did create the end customer: that is why the name is taken. Find it in the Plaid Dashboard (the message above may name it).")
		}
		if f.field != "" {
			b.WriteString("\n")
			para(st.Accent, fmt.Sprintf("The error names %s: enter takes you there.", f.field))
		}
		if f.plaid.Retryable() {
			para(st.Text, "Plaid asks to try again later (rate limit or maintenance); t tries again.")
		}
	case f.outcome == client.NotSent:
		para(st.Bad.Bold(true), "The request was not sent")
		b.WriteString("\n")
		para(st.Text, f.err.Error())
		b.WriteString("\n")
		para(st.Text, "Nothing reached "+plaidName(m)+", so nothing was created. t tries again.")
	default:
		para(st.Warn.Bold(true), "No usable answer: the outcome is unknown")
		b.WriteString("\n")
		para(st.Text, f.err.Error())
		b.WriteString("\n")
		para(st.Text, actions.AfterUnknown(m.flow.Draft))
		if m.flow.Draft.Partner != nil {
			para(st.Accent, "l sends it again to find out.")
		}
	}
	return b.String()
}

func plaidName(m *Model) string {
	if m.env() == client.Local {
		return "The emulator"
	}
	return "Plaid"
}
