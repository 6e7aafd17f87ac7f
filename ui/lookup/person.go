// Package lookup holds the screens that look something up by id: a Beacon
// user with why it has its status (and the decision), and an end customer
// with what it still needs and its OAuth registrations.
package lookup

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// personMsg is a finished lookup of a person; done says what was done
// before it (a decision, a report), for the line under the status.
type personMsg struct {
	p    *actions.Person
	err  error
	done string
}

// changedMsg is a finished decision or report.
type changedMsg struct {
	action actions.Action
	result actions.Result
	err    error
}

// Person is the support agent's view of one Beacon user: the status, why,
// the duplicates side by side, reports, matches, versions, insights; and
// the decision.
type Person struct {
	frame
	ask     *ask
	id      string
	p       *actions.Person
	origin  actions.Origin
	reveal  bool
	form    *widgets.StepForm
	formOf  actions.Action
	status  client.BeaconUserStatus
	report  *forms.Report
	fetched bool
	// tokens are access tokens typed here for account insights: kept in
	// memory only, never saved.
	tokens     []string
	tokenInput *textinput.Model
	// trail are the people opened before this one with o: Esc goes back
	// to the last of them before it leaves the view.
	trail []string
}

// NewPerson opens the person view on id, or asks for one.
func NewPerson(deps uikit.Deps, id string) *Person {
	m := &Person{frame: newFrame(deps), id: id}
	if id == "" {
		m.ask = newAsk("Look up a person", "becusr_…  (a Beacon user id)", uikit.CreatedIDs(deps, true))
	}
	return m
}

// Init starts the lookup when the id is known.
func (m *Person) Init() tea.Cmd {
	if m.id != "" {
		return m.load("")
	}
	return nil
}

// Title is the header.
func (m *Person) Title() string {
	if m.p != nil {
		return "Person · " + m.p.User.ID
	}
	return "Look up a person"
}

func (m *Person) env() catalog.Env { return catalog.Env{Environment: m.deps.Env, Now: m.deps.Now()} }

// load fetches the person; done is said once it is shown.
func (m *Person) load(done string) tea.Cmd {
	c, env, id := m.deps.Client, m.env(), m.id
	tokens := append(uikit.TokensOf(m.deps, id), m.tokens...)
	return m.run("Looking up "+id+": the user, its versions, reports, matches and duplicates", func(ctx context.Context) tea.Msg {
		p, err := actions.LookUpPerson(ctx, c, env, id, tokens)
		return personMsg{p: p, err: err, done: done}
	})
}

// Update handles a message.
func (m *Person) Update(msg tea.Msg) (uikit.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case personMsg:
		m.stop()
		if msg.err != nil {
			m.say(actions.Explain(actions.Refresh, msg.err), true)
			if m.p == nil && m.ask == nil {
				m.ask = newAsk("Look up a person", "becusr_…", uikit.CreatedIDs(m.deps, true))
			}
			return m, nil
		}
		m.p, m.ask, m.fetched = msg.p, nil, true
		m.say(msg.done, false)
		m.refresh()
		return m, nil
	case changedMsg:
		if msg.err == nil && msg.action == actions.Review {
			m.origin = actions.ByReview
		}
		return m, m.changed(msg, m.load)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	if m.form != nil {
		return m, m.toForm(msg)
	}
	return m, m.frame.tick(msg)
}

func (m *Person) key(k tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := m.frame.key(k); handled {
		return cmd
	}
	switch {
	case m.ask != nil:
		return m.ask.key(k, m.keys.Back, func(id string) tea.Cmd { m.id = id; return m.load("") })
	case m.form != nil:
		if key.Matches(k, m.keys.Back) {
			m.form = nil
			return nil
		}
		return m.toForm(k)
	case m.tokenInput != nil:
		return m.tokenKey(k)
	case m.p == nil:
		if key.Matches(k, m.keys.Back) {
			return goHome()
		}
		return nil
	}
	switch {
	case key.Matches(k, m.keys.Back) && len(m.trail) > 0:
		m.id, m.p, m.trail = m.trail[len(m.trail)-1], nil, m.trail[:len(m.trail)-1]
		m.origin = actions.ByUnknown
		return m.load("")
	case key.Matches(k, m.keys.Back):
		return goHome()
	case key.Matches(k, m.keys.Refresh):
		return m.load("Refreshed.")
	case key.Matches(k, m.keys.Reveal):
		m.reveal = !m.reveal
		m.refresh()
	case key.Matches(k, m.keys.Decide):
		m.status = m.p.User.Status
		return m.openForm(actions.Review, forms.ReviewForm(&m.status, m.formOptions()))
	case key.Matches(k, m.keys.Report):
		m.report = &forms.Report{FraudDate: m.deps.Now().Format("2006-01-02")}
		return m.openForm(actions.Report, forms.ReportForm(m.report, m.formOptions()))
	case key.Matches(k, m.keys.Token):
		in := widgets.NewLineInput("access-sandbox-…")
		in.EchoMode = textinput.EchoPassword
		in.CharLimit = 200
		m.tokenInput = &in
		return m.tokenInput.Focus()
	case key.Matches(k, m.keys.Other):
		for _, d := range m.p.Duplicates {
			if d.Other != nil {
				m.trail = append(m.trail, m.id)
				m.id, m.p, m.origin = d.Other.ID, nil, actions.ByUnknown
				return m.load("")
			}
		}
	default:
		return m.scroll(k)
	}
	return nil
}

// tokenKey edits the access token being typed; Enter looks up its
// insights with the rest, Esc drops it.
func (m *Person) tokenKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.tokenInput = nil
		return nil
	case k.String() == "enter":
		t := strings.TrimSpace(m.tokenInput.Value())
		m.tokenInput = nil
		if t == "" {
			return nil
		}
		m.tokens = append(m.tokens, t)
		return m.load("Insights asked for the token ending " + catalog.MaskLast(t, 4) + ".")
	}
	in, cmd := m.tokenInput.Update(k)
	m.tokenInput = &in
	return cmd
}

func (m *Person) formOptions() forms.Options {
	return forms.Options{Env: m.deps.Env, Now: m.deps.Now, Programs: m.deps.Programs}
}

func (m *Person) openForm(a actions.Action, sf *widgets.StepForm) tea.Cmd {
	m.form, m.formOf = sf, a
	m.form.Form = m.form.Form.WithWidth(min(m.width, 72)).WithHeight(max(8, m.height-4))
	return m.form.Form.Init()
}

// toForm passes a message to the open form; once complete, the change is
// confirmed (with what Plaid's rules make of it) and sent.
func (m *Person) toForm(msg tea.Msg) tea.Cmd {
	cmd := m.form.Update(msg)
	if m.form.Form.State != huh.StateCompleted {
		return cmd
	}
	m.form = nil
	id, c, env := m.p.User.ID, m.deps.Client, m.env()
	switch m.formOf {
	case actions.Review:
		status := m.status
		body := "Plaid's rules: " + actions.ReviewRules
		if w := m.p.Foresee(status); w != "" {
			body = w + "\n\n" + body
		}
		return tea.Batch(cmd, m.confirm(actions.Review, fmt.Sprintf("Set %s to %s?", id, status), body, func() tea.Cmd {
			return m.change(actions.Review, id, func(ctx context.Context) (actions.Result, error) {
				return actions.ReviewBeacon(ctx, c, env, id, status)
			})
		}))
	case actions.Report:
		req := m.report.Request(id)
		return tea.Batch(cmd, m.confirm(actions.Report, uikit.Capitalize(actions.Describe(actions.Report, actions.ReportWhat(req)))+"?",
			actions.Consequence(actions.Report), func() tea.Cmd {
				return m.change(actions.Report, id, func(ctx context.Context) (actions.Result, error) {
					return actions.ReportFraud(ctx, c, env, req)
				})
			}))
	}
	return cmd
}

// Help lists the keys.
func (m *Person) Help() []key.Binding {
	switch {
	case m.dialog != nil:
		return nil
	case m.form != nil:
		return append([]key.Binding{m.keys.Back}, m.form.KeyBinds("continue")...)
	case m.ask != nil || m.p == nil:
		return []key.Binding{m.keys.Open, m.keys.Back}
	}
	if m.tokenInput != nil {
		return []key.Binding{m.keys.Back}
	}
	hb := []key.Binding{m.keys.Decide, m.keys.Report, m.keys.Refresh, uikit.Toggled(m.keys.Reveal, m.reveal, "personal data"), m.keys.Token}
	if len(m.p.Duplicates) > 0 {
		hb = append(hb, m.keys.Other)
	}
	return append(hb, m.keys.Scroll, m.keys.Back)
}

// View draws the screen.
func (m *Person) View() string {
	switch {
	case m.dialog != nil:
		return m.dialogView()
	case m.form != nil:
		what := "Decide: set the status of "
		if m.formOf == actions.Report {
			what = "Report for fraud: "
		}
		return m.st.Title.Render(what) + m.st.Bold.Render(m.p.User.ID) + m.st.Muted.Render(" · now "+string(m.p.User.Status)) +
			"\n\n" + m.form.Form.View()
	case m.ask != nil:
		return m.ask.view(m.st) + m.statusText()
	case m.p == nil:
		return m.statusText()
	case m.tokenInput != nil:
		return m.st.Title.Render("Account insights for an access token of "+m.p.User.ID) + "\n\n" +
			m.st.Muted.Render("One linked to the user (its access_tokens); kept in memory only, never saved.") + "\n\n" +
			m.tokenInput.View() + "\n\n" + m.st.Faint.Render("enter looks it up · esc cancels")
	}
	return m.bodyView()
}

// refresh lays the person out again (after a lookup, a resize, a reveal).
func (m *Person) refresh() {
	if m.p == nil {
		return
	}
	m.setContent(m.content())
}

func (m *Person) content() string {
	st, p, u := m.st, m.p, m.p.User
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	wrap := lipgloss.NewStyle().Width(max(20, m.width-2))
	origin := actions.OriginOf(actions.Refresh, u)
	if m.origin == actions.ByReview {
		origin = actions.ByReview
	}
	line(st.StatusBlock(string(u.Status)))
	line("")
	if meaning := actions.BeaconMeaning(u.Status, origin); meaning != "" {
		line(wrap.Render(st.Text.Render(meaning)))
	}
	line("")
	row := func(label, v string) { line(m.labelled(label, 16, v)) }
	row("Beacon user", st.Bold.Render(u.ID)+st.Muted.Render(fmt.Sprintf("  version %d", u.Version)))
	row("Name", actions.Attributes()[0].Show(u.User, true))
	row("Program", u.ProgramID)
	row("Client user id", u.ClientUserID)
	row("Last change", fmt.Sprintf("%s, %s", u.AuditTrail.Source, u.AuditTrail.Timestamp.UTC().Format("2006-01-02 15:04 UTC")))

	section := func(title string) { line(""); line(st.Title.Render(title)) }
	section("Why")
	for _, w := range p.Why() {
		// A hanging indent: the bullet's text lines up under itself.
		for i, l := range strings.Split(lipgloss.NewStyle().Width(max(16, m.width-4)).Render(w), "\n") {
			if i == 0 {
				line("• " + l)
			} else {
				line("  " + l)
			}
		}
	}
	for _, d := range p.Duplicates {
		section("Duplicate " + d.ID)
		m.sideBySide(line, u, d)
	}
	section("Fraud reports on this user")
	m.lines(line, actions.DescribeReports(p.Reports))
	section("Reports that match this user")
	m.lines(line, actions.DescribeSyndications(p.Syndications))
	section("Versions")
	m.lines(line, actions.DescribeHistory(p.History))
	if len(p.Insights) > 0 {
		section("Account insights")
		for i := range p.Insights {
			m.lines(line, actions.DescribeInsights(&p.Insights[i]))
		}
	}
	if len(p.Notes) > 0 {
		line("")
		for _, n := range p.Notes {
			line(wrap.Render(st.Warn.Render("! " + n)))
		}
	}
	return b.String()
}

// sideBySide draws a duplicate: each attribute of this user and the other,
// with how it matched, the matches marked.
func (m *Person) sideBySide(line func(string), u *client.BeaconUser, d actions.Duplicate) {
	st := m.st
	other := "the other user"
	if d.Other != nil {
		other = d.Other.ID
	}
	col := max(12, (m.width-16-14)/2)
	line(st.Muted.Render(pad("", 16)+pad(truncate("this user", col-1), col)+pad(truncate(other, col-1), col)) + st.Muted.Render("match"))
	for _, at := range actions.Attributes() {
		code := at.Code(d.Analysis)
		mine, theirs := at.Show(u.User, m.reveal), "—"
		if d.Other != nil {
			theirs = words.OrDash(at.Show(d.Other.User, m.reveal))
		}
		mark := st.Faint.Render(actions.MatchMark(code))
		label := st.Muted.Render(pad(at.Label, 16))
		switch code {
		case client.MatchStrong:
			mark, label = st.Bad.Bold(true).Render(actions.MatchMark(code)), st.Bad.Bold(true).Render(pad(at.Label, 16))
		case client.MatchPartial:
			mark = st.Warn.Render(actions.MatchMark(code))
		}
		line(label + st.Text.Render(pad(truncate(words.OrDash(mine), col-1), col)+pad(truncate(theirs, col-1), col)) + mark)
	}
}

func (m *Person) lines(line func(string), ls []actions.Line) {
	for _, l := range ls {
		line(m.labelled(l.Label, 22, l.Value))
	}
}

// SetSize sizes the view and lays the person out again for the width.
func (m *Person) SetSize(w, h int) {
	m.frame.SetSize(w, h)
	m.refresh()
}
