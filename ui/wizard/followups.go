package wizard

import (
	"context"
	"time"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
)

// followUpMsg is the answer to a follow-up request from a result screen.
type followUpMsg struct {
	action actions.Action
	result actions.Result
	err    error
}

// followUps is what both result screens share about their follow-up
// requests: one at a time, a spinner while it runs, and the last outcome.
type followUps struct {
	busy     string // the follow-up running, if any
	spin     spinner.Model
	message  string
	bad      bool // message reports a failure
	cancel   context.CancelFunc
	deadline time.Time // when the call's budget runs out
}

func newFollowUps() followUps {
	return followUps{spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
}

// follow starts a follow-up unless one is running.
func (f *followUps) follow(m *Model, a actions.Action, call func(context.Context, *client.Client, catalog.Env) (actions.Result, error)) tea.Cmd {
	if f.busy != "" {
		return nil
	}
	f.busy, f.message = string(a), ""
	c, env := m.deps.Client, m.flow.Env()
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel, f.deadline = cancel, m.deps.Now().Add(c.Budget())
	return tea.Batch(f.spin.Tick, func() tea.Msg {
		defer cancel()
		r, err := call(ctx, c, env)
		return followUpMsg{action: a, result: r, err: err}
	})
}

// stop gives up waiting for the follow-up running (Esc or Ctrl-C): it ends
// as failed, its outcome unknown if it went out.
func (f *followUps) stop() {
	if f.busy != "" && f.cancel != nil {
		f.cancel()
	}
}

// tick turns the spinner while a follow-up runs.
func (f *followUps) tick(msg spinner.TickMsg) tea.Cmd {
	if f.busy == "" {
		return nil
	}
	var cmd tea.Cmd
	f.spin, cmd = f.spin.Update(msg)
	return cmd
}

// finished ends the running follow-up; on failure it says so and returns
// false, and the screen may say more.
func (f *followUps) finished(msg followUpMsg) bool {
	f.busy = ""
	if msg.err != nil {
		f.message, f.bad = actions.Explain(msg.action, msg.err), true
		return false
	}
	f.message, f.bad = msg.result.Done(), false
	return true
}

// observe records on the draft the status a follow-up found, so the home
// screen and `drafts list` show where things stand now.
func (m *Model) observe(msg followUpMsg) tea.Cmd {
	if msg.err != nil {
		return nil
	}
	if m.flow.Draft.Observe(m.env(), msg.result.Seen()) {
		m.local++
		return m.flush()
	}
	return nil
}

// view writes the spinner and the last outcome, each after a blank line.
func (f *followUps) view(st theme.Styles, width int, now time.Time, line func(string)) {
	if f.busy != "" {
		line("")
		line(f.spin.View() + " " + st.Muted.Render(f.busy+"… "+left(f.deadline, now)+" · esc or ctrl+c stops waiting"))
	}
	if f.message != "" {
		line("")
		style := st.OK
		if f.bad {
			style = st.Bad
		}
		line(lipgloss.NewStyle().Width(width).Render(style.Render(f.message)))
	}
}
