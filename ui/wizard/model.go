// Package wizard is the shell both flows share: a list of steps down the
// side, the current step's form (or list of items), autosave, the review
// screen, the submit, and the result.
package wizard

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

type mode int

const (
	modeEdit       mode = iota // a step's form or list
	modeSidebar                // choosing a step in the list on the side
	modeReview                 // the review screen
	modeSubmitting             // waiting for Plaid
	modeResult                 // what Plaid answered
	modeFailure                // what went wrong
)

// Model is the wizard.
type Model struct {
	deps   uikit.Deps
	flow   *forms.Flow
	flavor flavor
	saver  *drafts.Autosaver
	unlock func()
	// startAt is a field path Init opens at (StartAt).
	startAt string
	keys    keyMap

	mode   mode
	step   int
	form   *widgets.StepForm
	list   *listEditor
	dialog *uikit.Dialog
	// onConfirm runs when the dialog is answered yes.
	onConfirm func() tea.Cmd

	sidebar int // cursor in the step list (an index into visible(), or len for Review)
	// sidebarFrom is the mode the step list was opened from.
	sidebarFrom mode
	visited     map[string]bool

	problems validate.Problems
	checking bool   // a check is running
	checked  uint64 // the change the problems are for
	seen     uint64 // the change last saved and checked
	local    uint64 // changes the forms do not count (the step moved)
	// fills counts the fictional ones filled in again, filledStep is the
	// step filled last (ctrl+t).
	fills      int
	filledStep string

	save   drafts.SaveStatus
	notice string
	// sizedNotice is the notice the form was sized around: a longer one
	// takes more lines, and the form gives them up.
	sizedNotice string

	review  *review
	submit  *submitting
	result  result
	failure *failure

	sidebarCache struct {
		key  sidebarKey
		view string
	}

	width, height int
	dark          bool
	st            theme.Styles
}

// New opens the wizard on a draft. unlock, when set, releases the draft's
// lock when the wizard closes.
func New(deps uikit.Deps, d *drafts.Draft, unlock func()) *Model {
	m := &Model{deps: deps, unlock: unlock, keys: defaultKeys(), visited: map[string]bool{}, dark: true, st: theme.New(true)}
	opt := forms.Options{Env: deps.Env, Now: deps.Now, Programs: deps.Programs}
	m.flow = forms.NewFlow(d, opt)
	m.flavor = partnerFlavor{}
	if d.Kind == drafts.BeaconUser {
		m.flavor = beaconFlavor{}
	}
	quiet, most := deps.SaveQuiet, deps.SaveMax
	if quiet == 0 {
		quiet, most = drafts.QuietDelay, drafts.MaxDelay
	}
	send := deps.Send
	m.saver = deps.Store.Autosave(drafts.SaveOptions{NoPII: deps.NoPII}, quiet, most, func(s drafts.SaveStatus) {
		if send != nil {
			send(SaveMsg(s))
		}
	})
	m.step = m.firstVisible()
	if i := m.flow.Index(d.Step); i >= 0 && m.flow.Steps[i].Shown() {
		m.step = i
	}
	for _, i := range m.flow.Visible() {
		if i <= m.step {
			m.visited[m.flow.Steps[i].ID] = true
		}
	}
	m.problems = m.flow.Check()
	switch {
	case d.PIIOmitted:
		m.notice = "personal data was not saved with this draft (--no-save-pii): type it again"
	case d.PIIUnreadable:
		m.notice = "personal data in this draft could not be decrypted (its key is missing): type it again"
	case d.LogoMissing:
		m.notice = "the logo file of this draft is missing: choose the logo again"
	}
	return m
}

// Flow exposes the flow (tests, the accessible runner).
func (m *Model) Flow() *forms.Flow { return m.flow }

// StartAt makes Init open the step of a field and put the cursor on it
// (a draft's first problem); "" opens where the draft was left.
func (m *Model) StartAt(path string) { m.startAt = path }

// Init opens the current step, or the field StartAt named.
func (m *Model) Init() tea.Cmd {
	if m.startAt != "" {
		if cmd := m.jump(m.startAt); cmd != nil {
			return cmd
		}
	}
	return m.enter(m.step)
}

// Title is the header: what is being made, and for whom.
func (m *Model) Title() string {
	t := m.flavor.title()
	if d := m.flow.Draft; d.Title != "" {
		t += " · " + d.Title
	}
	return t
}

// SetSize sizes the body.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.sizeForm()
	if m.list != nil {
		m.list.setSize(m.mainWidth(), m.height)
	}
	if m.review != nil {
		m.review.setSize(w, h)
	}
}

// SetDark restyles for the terminal's background.
func (m *Model) SetDark(dark bool) {
	m.dark = dark
	m.st = theme.New(dark)
}

// Close flushes the draft and releases its lock.
func (m *Model) Close() error {
	err := m.saver.Close()
	if m.unlock != nil {
		m.unlock()
		m.unlock = nil
	}
	return err
}

// Update handles a message.
func (m *Model) Update(msg tea.Msg) (uikit.Screen, tea.Cmd) {
	var cmds []tea.Cmd
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		m.SetDark(msg.IsDark())
		cmds = append(cmds, m.toStep(msg))
	case SaveMsg:
		m.save = drafts.SaveStatus(msg)
		if msg.CopyID != "" {
			m.flow.Draft.ID = msg.CopyID
			m.notice = fmt.Sprintf("another window changed this draft: your changes continue in a copy, draft %s", msg.CopyID)
		}
	case problemsMsg:
		m.checking = false
		m.problems, m.checked = msg.problems, msg.change
		if m.review != nil {
			m.review.refresh(m)
		}
		if m.checked != m.seen {
			// The answers changed while the check ran: check them again.
			cmds = append(cmds, m.check())
		}
	case flushedMsg:
		if msg.err != nil {
			m.notice = "saving the draft failed: " + msg.err.Error()
		}
	case tea.KeyPressMsg:
		cmds = append(cmds, m.key(msg))
	default:
		cmds = append(cmds, m.other(msg))
	}
	cmds = append(cmds, m.afterChange())
	if m.notice != m.sizedNotice {
		m.sizedNotice = m.notice
		m.sizeForm()
	}
	return m, tea.Batch(cmds...)
}

// other routes a non-key message to whatever is active (huh's own
// messages, spinner ticks, answers from Plaid).
func (m *Model) other(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case submitDoneMsg:
		return m.submitted(msg)
	case followUpMsg:
		if m.result != nil {
			return m.result.update(m, msg)
		}
		return nil
	}
	switch m.mode {
	case modeSubmitting:
		return m.submit.update(msg)
	case modeResult:
		return m.result.update(m, msg)
	}
	return m.toStep(msg)
}

// toStep passes a message to the current step.
func (m *Model) toStep(msg tea.Msg) tea.Cmd {
	switch {
	case m.form != nil:
		return tea.Batch(m.form.Update(msg), m.stepDone())
	case m.list != nil:
		return m.list.update(m, msg)
	}
	return nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	if m.dialog != nil {
		cmd := m.dialog.Update(k)
		if m.dialog.Answered {
			confirmed, then := m.dialog.Confirmed, m.onConfirm
			m.dialog, m.onConfirm = nil, nil
			if confirmed && then != nil {
				return then()
			}
		}
		return cmd
	}
	if key.Matches(k, m.keys.Quit) && m.mode != modeSubmitting && !m.followingUp() {
		return m.quit(true)
	}
	switch m.mode {
	case modeSidebar:
		return m.sidebarKey(k)
	case modeReview:
		return m.reviewKey(k)
	case modeSubmitting:
		return m.submit.key(m, k)
	case modeResult:
		return m.resultKey(k)
	case modeFailure:
		return m.failureKey(k)
	}
	switch {
	case key.Matches(k, m.keys.Close):
		return m.close()
	case key.Matches(k, m.keys.NextStep):
		return m.next()
	case key.Matches(k, m.keys.PrevStep):
		return m.prev()
	case key.Matches(k, m.keys.Steps):
		m.openSidebar()
		return nil
	case key.Matches(k, m.keys.Review):
		return m.openReview()
	case key.Matches(k, m.keys.Fill):
		return m.fill()
	}
	if m.form != nil {
		first := m.form.AtFirst()
		cmd := m.toStep(k)
		// huh cannot go back past a step's first field: the wizard can.
		if first && k.String() == "shift+tab" && m.form != nil && m.form.AtFirst() {
			return tea.Batch(cmd, m.prev())
		}
		return cmd
	}
	return m.toStep(k)
}

// afterChange autosaves and re-checks when the answers changed.
func (m *Model) afterChange() tea.Cmd {
	now := m.flow.Changes.Count() + m.local
	if now == m.seen {
		return nil
	}
	m.seen = now
	d := m.flow.Draft
	d.RefreshTitle()
	// A wizard becomes a draft with its first answer: opening one and
	// moving between steps without typing leaves no file behind.
	if m.flow.Changes.Count() > 0 || d.Revision > 0 || len(d.Submissions) > 0 {
		m.saver.Changed(d.Clone())
	}
	return m.check()
}

// check runs the whole-request check on a snapshot, off the UI goroutine;
// a change while it runs starts another when it reports.
func (m *Model) check() tea.Cmd {
	if m.checking {
		return nil
	}
	m.checking = true
	snap, env, change := m.flow.Draft.Clone(), m.flow.Env(), m.seen
	return func() tea.Msg { return problemsMsg{change: change, problems: snap.Check(env)} }
}

// Problems are the latest problems of the whole request.
func (m *Model) Problems() validate.Problems { return m.problems }

// Fresh reports whether the problems are for the current answers.
func (m *Model) Fresh() bool { return !m.checking && m.checked == m.seen }

func (m *Model) quit(aborted bool) tea.Cmd {
	return func() tea.Msg { return uikit.QuitMsg{Aborted: aborted} }
}

// close leaves the wizard for the home screen; the draft is saved by the
// app, which closes the wizard.
func (m *Model) close() tea.Cmd {
	return func() tea.Msg { return uikit.GoHomeMsg{} }
}

func (m *Model) env() client.Environment { return m.deps.Env }

// followingUp reports a follow-up request on its way from a result screen.
func (m *Model) followingUp() bool {
	switch r := m.result.(type) {
	case *partnerResult:
		return m.mode == modeResult && r.busy != ""
	case *beaconResult:
		return m.mode == modeResult && r.busy != ""
	}
	return false
}
