package wizard

import (
	"context"
	"errors"
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// flavor is what differs between the two wizards: what they send, and how
// the answer is shown.
type flavor interface {
	title() string
	noun() string // "end customer", "Beacon user"
	newResult(m *Model, sent actions.Sent) result
}

// result is the screen showing what Plaid answered, with the follow-ups.
type result interface {
	update(m *Model, msg tea.Msg) tea.Cmd
	key(m *Model, k tea.KeyPressMsg) tea.Cmd
	view(m *Model) string
	help(m *Model) []key.Binding
	// stop gives up waiting for a follow-up on its way.
	stop()
}

// submitting is the wait for Plaid.
type submitting struct {
	spin   spinner.Model
	cancel context.CancelFunc
	label  string
	// deadline is when the client's budget for the call runs out: the
	// screen counts down to it.
	deadline time.Time
}

// left is the wait still allowed, in whole seconds, as the screen says it.
func left(deadline, now time.Time) string {
	secs := int(max(0, deadline.Sub(now)+time.Second-1) / time.Second)
	return fmt.Sprintf("%d s left", secs)
}

func (s *submitting) update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	s.spin, cmd = s.spin.Update(msg)
	return cmd
}

func (s *submitting) key(m *Model, k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, m.keys.Back, m.keys.Quit) && s.cancel != nil {
		// The request may already have arrived: stopping the wait makes
		// its outcome unknown, and the failure screen says so.
		s.cancel()
		s.cancel = nil
	}
	return nil
}

// submitDoneMsg is Plaid's answer (or the failure) for a submit.
type submitDoneMsg struct {
	sent actions.Sent
	err  error
	sub  drafts.Submission
	// recorded is why the outcome is not on disk (nil when it is).
	recorded error
}

// startSubmit runs the gates before sending: no problems left, the word
// "production" typed for production, and a yes when the draft was sent
// before.
func (m *Model) startSubmit() tea.Cmd {
	m.problems = m.flow.Check()
	if n := len(m.problems); n > 0 {
		if m.mode != modeReview {
			m.openReview()
		}
		m.review.refresh(m)
		m.notice = fmt.Sprintf("fix the %d %s listed before sending", n, words.Plural(n, "problem", "problems"))
		return nil
	}
	if m.deps.Client == nil {
		m.notice = "no connection to " + m.deps.EnvLabel() + ": check PLAID_CLIENT_ID, PLAID_SECRET and PLAID_ENV"
		return nil
	}
	return m.confirmUnresolved(func() tea.Cmd {
		return m.confirmAlreadySent(func() tea.Cmd { return m.confirmProduction(m.send) })
	})
}

// confirmUnresolved asks before sending again a Beacon create whose last
// outcome is unknown.
func (m *Model) confirmUnresolved(then func() tea.Cmd) tea.Cmd {
	last, unresolved := actions.Unresolved(m.flow.Draft)
	if !unresolved {
		return then()
	}
	m.dialog = uikit.NewDialog("Send again without knowing what happened?", actions.ResendWarning(m.flow.Draft, last))
	m.dialog.Danger = true
	m.onConfirm = then
	return nil
}

func (m *Model) confirmAlreadySent(then func() tea.Cmd) tea.Cmd {
	if !actions.CreatesAgain(m.flow.Draft) {
		return then()
	}
	s, _ := m.flow.Draft.LastSuccess()
	ids := s.ClientID + s.BeaconUserID
	m.dialog = uikit.NewDialog("Send this draft again?",
		fmt.Sprintf("It was sent on %s to %s and created %s %s. Sending again creates another %s.",
			s.At.Local().Format("2006-01-02 15:04"), s.Env.Label(), actions.Noun(m.flow.Draft), ids, actions.Noun(m.flow.Draft)))
	m.onConfirm = then
	return nil
}

// confirmChange asks, in production, before a follow-up that changes data
// at Plaid (review, report, update, enable): the same typed word as a
// submit.
// confirmChange asks before a change: in production, for the word
// production typed; elsewhere, y or n before what cannot be undone (a
// fraud report, an enablement). Other changes go at once.
func (m *Model) confirmChange(a actions.Action, what string, then func() tea.Cmd) tea.Cmd {
	switch {
	case m.env() == client.Production && a.Changes():
		m.dialog = uikit.NewTypeToConfirm("In PRODUCTION?",
			"This will "+actions.Describe(a, what)+" at Plaid, in production. "+actions.Consequence(a)+" Type production to do it.", "production")
	case a.Irreversible():
		m.dialog = uikit.NewDialog(uikit.Capitalize(actions.Describe(a, what))+"?", actions.Consequence(a))
	default:
		return then()
	}
	m.onConfirm = then
	return nil
}

func (m *Model) confirmProduction(then func() tea.Cmd) tea.Cmd {
	if m.env() != client.Production {
		return then()
	}
	m.dialog = uikit.NewTypeToConfirm("Send to PRODUCTION?",
		fmt.Sprintf("This creates a real %s at Plaid, in production. Type production to send it.", actions.Noun(m.flow.Draft)), "production")
	m.onConfirm = then
	return nil
}

func (m *Model) send() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	m.mode = modeSubmitting
	m.notice = ""
	m.submit = &submitting{
		spin:     spinner.New(spinner.WithSpinner(spinner.Dot)),
		cancel:   cancel,
		label:    fmt.Sprintf("POST %s → %s", actions.Endpoint(m.flow.Draft), m.deps.EnvLabel()),
		deadline: m.deps.Now().Add(m.deps.Client.Budget()),
	}
	// The attempt is recorded on disk before the request leaves
	// (actions.Send, on a snapshot); the draft on screen carries the same
	// record meanwhile, so no autosave writes it away.
	d, c, env, now := m.flow.Draft, m.deps.Client, m.env(), m.deps.Now()
	snap := d.Clone()
	d.Submissions = append(d.Submissions, actions.Intent(d, c, env, now))
	saver := m.saver
	save := func(d *drafts.Draft) error {
		saver.Changed(d.Clone())
		var changed *drafts.ChangedError
		if err := saver.Flush(); err != nil && !errors.As(err, &changed) {
			return err
		}
		return nil
	}
	do := func() tea.Msg {
		defer cancel()
		sent, sub, recorded, err := actions.Send(ctx, c, snap, env, now, save)
		return submitDoneMsg{sent: sent, err: err, sub: sub, recorded: recorded}
	}
	return tea.Batch(m.submit.spin.Tick, do)
}

// submitted puts the outcome in place of the attempt's record, saves the
// draft at once, and shows the result or what went wrong.
func (m *Model) submitted(msg submitDoneMsg) tea.Cmd {
	d := m.flow.Draft
	var notRecorded *actions.NotRecordedError
	if errors.As(msg.err, &notRecorded) {
		d.Submissions = d.Submissions[:len(d.Submissions)-1] // nothing was sent
	} else {
		d.Submissions[len(d.Submissions)-1] = msg.sub
	}
	if msg.recorded != nil {
		m.notice = actions.NotRecorded(d, msg.sub, msg.recorded)
	}
	m.local++
	m.submit = nil
	flush := m.flush()
	if msg.err != nil {
		m.failure = newFailure(m, msg.err)
		m.mode = modeFailure
		return flush
	}
	m.failure = nil
	if d.Beacon != nil && m.deps.RememberProgram != nil {
		m.deps.RememberProgram(d.Beacon.ProgramID)
	}
	m.result = m.flavor.newResult(m, msg.sent)
	m.mode = modeResult
	return flush
}

// flush saves the draft now (a submission must not wait for a pause in
// typing).
func (m *Model) flush() tea.Cmd {
	check := m.afterChange()
	saver := m.saver
	return tea.Batch(check, func() tea.Msg { return flushedMsg{err: saver.Flush()} })
}

func (m *Model) resultKey(k tea.KeyPressMsg) tea.Cmd {
	if m.followingUp() && key.Matches(k, m.keys.Back, m.keys.Quit) {
		m.result.stop()
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Steps):
		m.openSidebar()
		return nil
	case key.Matches(k, m.keys.Close):
		return m.close()
	case key.Matches(k, m.keys.Review) || key.Matches(k, m.keys.Back):
		return m.openReview()
	}
	return m.result.key(m, k)
}
