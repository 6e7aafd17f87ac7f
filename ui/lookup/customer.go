package lookup

import (
	"context"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// customerMsg is a finished lookup of an end customer.
type customerMsg struct {
	ec           *client.PartnerEndCustomer
	institutions *client.PartnerCustomerOAuthInstitutionsGetResponse
	instErr      error
	err          error
	done         string
}

// Customer is partner staff's view of one end customer: its status, what
// it still needs and where to fix each, product statuses, and the OAuth
// registrations bank by bank.
type Customer struct {
	frame
	ask          *ask
	id           string
	ec           *client.PartnerEndCustomer
	institutions *client.PartnerCustomerOAuthInstitutionsGetResponse
	instErr      error
	cursor       int
	draftID      string // the draft of this machine that created it, if any
}

// NewCustomer opens the customer view on id, or asks for one.
func NewCustomer(deps uikit.Deps, id string) *Customer {
	m := &Customer{frame: newFrame(deps), id: id}
	if id == "" {
		m.ask = newAsk("Look up an end customer", "its client_id", uikit.CreatedIDs(deps, false))
	}
	return m
}

// Init starts the lookup when the id is known.
func (m *Customer) Init() tea.Cmd {
	if m.id != "" {
		return m.load("")
	}
	return nil
}

// Title is the header.
func (m *Customer) Title() string {
	if m.ec != nil {
		return "End customer · " + m.ec.ClientID
	}
	return "Look up an end customer"
}

func (m *Customer) load(done string) tea.Cmd {
	c, env, id := m.deps.Client, catalog.Env{Environment: m.deps.Env, Now: m.deps.Now()}, m.id
	m.draftID = ""
	for _, k := range uikit.CreatedIDs(m.deps, false) {
		if k.ID == id {
			m.draftID = k.DraftID
			break
		}
	}
	return m.run("Looking up end customer "+id, func(ctx context.Context) tea.Msg {
		r, err := actions.RefreshCustomer(ctx, c, env, id)
		if err != nil {
			return customerMsg{err: err}
		}
		inst, instErr := c.GetPartnerOAuthInstitutions(ctx, &client.PartnerCustomerOAuthInstitutionsGetRequest{EndCustomerClientID: id})
		return customerMsg{ec: r.Customer, institutions: inst, instErr: instErr, done: done}
	})
}

// Update handles a message.
func (m *Customer) Update(msg tea.Msg) (uikit.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case customerMsg:
		m.stop()
		if msg.err != nil {
			m.say(actions.Explain(actions.Refresh, msg.err), true)
			return m, nil
		}
		m.ec, m.institutions, m.instErr, m.ask = msg.ec, msg.institutions, msg.instErr, nil
		m.cursor = min(m.cursor, max(0, len(m.ec.RequirementsDue)-1))
		m.say(msg.done, false)
		m.refresh()
		return m, nil
	case changedMsg:
		return m, m.changed(msg, m.load)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, m.frame.tick(msg)
}

func (m *Customer) key(k tea.KeyPressMsg) tea.Cmd {
	if cmd, handled := m.frame.key(k); handled {
		return cmd
	}
	switch {
	case m.ask != nil:
		return m.ask.key(k, m.keys.Back, func(id string) tea.Cmd { m.id = id; return m.load("") })
	case m.ec == nil:
		if key.Matches(k, m.keys.Back) {
			return goHome()
		}
		return nil
	}
	due := m.ec.RequirementsDue
	switch {
	case key.Matches(k, m.keys.Back):
		return goHome()
	case key.Matches(k, m.keys.Refresh):
		return m.load("Refreshed.")
	case k.String() == "tab" && len(due) > 0:
		m.cursor = (m.cursor + 1) % len(due)
		m.refresh()
	case key.Matches(k, m.keys.GoFix) && len(due) > 0:
		return m.fix(due[m.cursor])
	case key.Matches(k, m.keys.Enable) && m.enableable():
		id, c, env := m.ec.ClientID, m.deps.Client, catalog.Env{Environment: m.deps.Env, Now: m.deps.Now()}
		return m.confirm(actions.Enable, uikit.Capitalize(actions.Describe(actions.Enable, id))+"?", actions.Consequence(actions.Enable), func() tea.Cmd {
			return m.change(actions.Enable, id, func(ctx context.Context) (actions.Result, error) {
				return actions.EnableCustomer(ctx, c, env, &client.PartnerCustomerEnableRequest{EndCustomerClientID: id})
			})
		})
	default:
		return m.scroll(k)
	}
	return nil
}

func (m *Customer) enableable() bool {
	if m.ec.Status == client.StatusPendingEnablement {
		return true
	}
	for _, s := range m.ec.ProductStatuses {
		if s == string(client.StatusPendingEnablement) {
			return true
		}
	}
	return false
}

// fix opens the draft that created the customer at the step that fixes
// req; without one, says where else it is fixed.
func (m *Customer) fix(req client.RequirementDue) tea.Cmd {
	if m.draftID == "" {
		m.say("No draft on this machine created this customer: fix "+catalog.RequirementName(req)+" in the Dashboard, or ask your Plaid contact.", true)
		return nil
	}
	step := catalog.PartnerCreate().StepOf(string(req))
	var warned string
	open := uikit.Resume(m.deps.Store, m.draftID, func(msg string, _ func() tea.Cmd) { warned = msg })
	if open == nil {
		m.say(warned, true)
		return nil
	}
	return func() tea.Msg {
		msg := open()
		if o, ok := msg.(uikit.OpenDraftMsg); ok && step != "" {
			o.Draft.Step = step
			return o
		}
		return msg
	}
}

// Help lists the keys.
func (m *Customer) Help() []key.Binding {
	switch {
	case m.dialog != nil:
		return nil
	case m.ask != nil || m.ec == nil:
		return []key.Binding{m.keys.Open, m.keys.Back}
	}
	var hb []key.Binding
	if len(m.ec.RequirementsDue) > 0 {
		hb = append(hb, key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next requirement")), m.keys.GoFix)
	}
	if m.enableable() {
		hb = append(hb, m.keys.Enable)
	}
	return append(hb, m.keys.Refresh, m.keys.Scroll, m.keys.Back)
}

// View draws the screen.
func (m *Customer) View() string {
	switch {
	case m.dialog != nil:
		return m.dialogView()
	case m.ask != nil:
		return m.ask.view(m.st) + m.statusText()
	case m.ec == nil:
		return m.statusText()
	}
	return m.bodyView()
}

// SetSize sizes the view and lays the customer out again for the width.
func (m *Customer) SetSize(w, h int) {
	m.frame.SetSize(w, h)
	m.refresh()
}

func (m *Customer) refresh() {
	if m.ec != nil {
		m.setContent(m.content())
	}
}

func (m *Customer) stepTitle(req client.RequirementDue) string {
	c := catalog.PartnerCreate()
	if s := c.Step(c.StepOf(string(req))); s != nil {
		return "“" + s.Title + "”"
	}
	return string(req)
}

func (m *Customer) content() string {
	st, ec := m.st, m.ec
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	wrap := lipgloss.NewStyle().Width(max(20, m.width-2))
	row := func(label, v string) { line(m.labelled(label, 16, v)) }
	row("client_id", st.Bold.Render(ec.ClientID))
	row("Company", ec.CompanyName)
	row("Status", words.OrDash(string(ec.Status)))
	if meaning := actions.PartnerStatusMeaning(ec.Status); meaning != "" {
		line(wrap.Render(st.Text.Render(meaning)))
	}
	if m.draftID != "" {
		row("Created from", "draft "+m.draftID)
	}
	line("")
	line(st.Title.Render("Products"))
	names := make([]string, 0, len(ec.ProductStatuses))
	for p := range ec.ProductStatuses {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		line("  " + st.Text.Render(pad(p, 24)) + st.Muted.Render(ec.ProductStatuses[p]))
	}
	if due := ec.RequirementsDue; len(due) > 0 {
		line("")
		line(st.Title.Render("Still needed"))
		for i, req := range due {
			mark := "  "
			if i == m.cursor {
				mark = st.Selected.Render("❯ ")
			}
			where := "fix in " + m.stepTitle(req) + " of draft " + m.draftID + " (enter opens it), then send it with /update"
			switch {
			case !catalog.PartnerCreate().Updatable(string(req)):
				where = "set in " + m.stepTitle(req) + " for new customers; /update cannot change it: ask Plaid or use the Dashboard"
			case m.draftID == "":
				where = "in " + m.stepTitle(req) + "; no draft on this machine created this customer"
			}
			line(mark + st.Text.Render(catalog.RequirementName(req)) + "  " + st.Faint.Render(string(req)))
			line(lipgloss.NewStyle().PaddingLeft(4).Width(max(20, m.width-2)).Render(st.Faint.Render(where)))
		}
	}
	line("")
	line(st.Title.Render("OAuth institutions"))
	switch {
	case m.instErr != nil:
		line(wrap.Render(st.Warn.Render("! could not be fetched: " + m.instErr.Error())))
	case m.institutions != nil:
		r := m.institutions
		line(st.Muted.Render(pad("flowdown", 16)) + st.Text.Render(words.OrDash(r.FlowdownStatus)) +
			st.Muted.Render("   questionnaire ") + st.Text.Render(words.OrDash(r.QuestionnaireStatus)))
		line(st.Muted.Render(pad("Institution", 28) + pad("Production", 20) + "What it means"))
		for _, in := range r.Institutions {
			s := in.Environments.Production
			style := st.Warn
			switch s {
			case client.OAuthEnabled, client.OAuthApproved:
				style = st.OK
			case client.OAuthAttentionRequired:
				style = st.Bad
			case client.OAuthNotStarted:
				style = st.Muted
			}
			meaning := actions.OAuthMeaning(s)
			if in.ProductionEnablementDate != nil {
				meaning += " (since " + *in.ProductionEnablementDate + ")"
			}
			line(st.Text.Render(pad(truncate(in.Name+" "+in.InstitutionID, 27), 28)) + style.Render(pad(words.OrDash(string(s)), 20)) + st.Muted.Render(meaning))
			for _, e := range in.Errors {
				line(lipgloss.NewStyle().PaddingLeft(4).Width(max(20, m.width-2)).Render(st.Bad.Render(e.ErrorCode + ": " + e.ErrorMessage)))
			}
		}
		if len(r.Institutions) == 0 {
			line(st.Faint.Render("  none yet"))
		}
	}
	return b.String()
}
