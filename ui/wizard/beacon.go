package wizard

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

type beaconFlavor struct{}

func (beaconFlavor) title() string { return "Beacon screening" }
func (beaconFlavor) noun() string  { return "Beacon user" }

func (beaconFlavor) newResult(m *Model, sent actions.Sent) result {
	return &beaconResult{user: sent.Beacon, origin: actions.OriginOf("", sent.Beacon), followUps: newFollowUps()}
}

// beaconResult shows the screening's verdict, what it means for the agent,
// and the follow-ups: refresh, review, report fraud, edit and re-screen.
type beaconResult struct {
	user *client.BeaconUser
	// origin is what set the status shown: a screening, or a review.
	origin actions.Origin
	followUps
	// the open follow-up form, if any
	form   *widgets.StepForm
	formOf string // "report" or "review"
	report *forms.Report
	status client.BeaconUserStatus
}

func (r *beaconResult) update(m *Model, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		return r.tick(msg)
	case followUpMsg:
		if r.finished(msg) && msg.result.Beacon != nil {
			r.user, r.origin = msg.result.Beacon, r.origin.Then(msg.action, msg.result.Beacon)
		}
		return m.observe(msg)
	}
	if r.form != nil {
		return r.toForm(m, msg)
	}
	return nil
}

// toForm passes a message to the open follow-up form and sends the form's
// request once it is complete: huh completes a form by command, so that
// may happen on any message, not only a key.
func (r *beaconResult) toForm(m *Model, msg tea.Msg) tea.Cmd {
	cmd := r.form.Update(msg)
	if r.form.Form.State == huh.StateCompleted {
		of := r.formOf
		r.form = nil
		return tea.Batch(cmd, r.submitForm(m, of))
	}
	return cmd
}

func (r *beaconResult) openForm(m *Model, of string, sf *widgets.StepForm) tea.Cmd {
	r.form, r.formOf = sf, of
	r.form.Form = resize(r.form.Form, min(m.width, 72), max(8, m.height-2))
	return r.form.Form.Init()
}

func (r *beaconResult) key(m *Model, k tea.KeyPressMsg) tea.Cmd {
	if r.form != nil {
		if key.Matches(k, m.keys.Back) {
			r.form = nil
			return nil
		}
		return r.toForm(m, k)
	}
	id := r.user.ID
	switch {
	case key.Matches(k, m.keys.Refresh):
		return r.follow(m, actions.Refresh, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
			return actions.RefreshBeacon(ctx, c, env, id)
		})
	case key.Matches(k, m.keys.Status):
		r.status = r.user.Status
		return r.openForm(m, "review", forms.ReviewForm(&r.status, m.flow.Options()))
	case key.Matches(k, m.keys.Report):
		r.report = &forms.Report{FraudDate: m.deps.Now().Format("2006-01-02")}
		return r.openForm(m, "report", forms.ReportForm(r.report, m.flow.Options()))
	case key.Matches(k, m.keys.Why):
		return func() tea.Msg { return uikit.OpenLookupMsg{Person: true, ID: id} }
	case key.Matches(k, m.keys.Rescreen):
		m.notice = "edit the answers, then s on the review screen re-screens " + id + " with /update (its version goes up)"
		return m.enter(m.firstVisible())
	}
	return nil
}

func (r *beaconResult) submitForm(m *Model, of string) tea.Cmd {
	id := r.user.ID
	switch of {
	case "review":
		status := r.status
		return m.confirmChange(actions.Review, id, func() tea.Cmd {
			return r.follow(m, actions.Review, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.ReviewBeacon(ctx, c, env, id, status)
			})
		})
	case "report":
		req := r.report.Request(id)
		return m.confirmChange(actions.Report, actions.ReportWhat(req), func() tea.Cmd {
			return r.follow(m, actions.Report, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.ReportFraud(ctx, c, env, req)
			})
		})
	}
	return nil
}

func (r *beaconResult) help(m *Model) []key.Binding {
	if r.form != nil {
		return append([]key.Binding{backBinding(m)}, r.form.KeyBinds("continue")...)
	}
	return []key.Binding{m.keys.Why, m.keys.Refresh, m.keys.Status, m.keys.Report, m.keys.Rescreen, m.keys.Review, m.keys.Close}
}

// bigStatus draws the status as a large coloured block: the one thing the
// agent must not miss.
func (m *Model) bigStatus(status client.BeaconUserStatus) string {
	return m.st.StatusBlock(string(status))
}

func (r *beaconResult) view(m *Model) string {
	st, u := m.st, r.user
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	if r.form != nil {
		// The form alone under one line of who it is about: below the
		// details, its last fields would fall off the screen.
		what := "Set the status of "
		if r.formOf == "report" {
			what = "Report for fraud: "
		}
		line(st.Title.Render(what) + st.Bold.Render(u.ID) + st.Muted.Render(" · "+
			strings.TrimSpace(u.User.Name.GivenName+" "+u.User.Name.FamilyName)+" · now "+string(u.Status)))
		line("")
		line(r.form.Form.View())
		return b.String()
	}
	line(m.bigStatus(u.Status))
	line("")
	if meaning := actions.BeaconMeaning(u.Status, r.origin); meaning != "" {
		if u.Status == client.BeaconPendingReview {
			meaning += " v sets it."
		}
		line(lipgloss.NewStyle().Width(m.width).Render(st.Text.Render(meaning)))
	} else {
		line(st.Warn.Render("Status " + string(u.Status) + " is new to this program: see Plaid's docs."))
	}
	line("")
	row := func(label, v string) { line(uikit.Labelled(st.Muted, label, 16, st.Text.Render(v), m.width)) }
	row("Beacon user", st.Bold.Render(u.ID)+st.Muted.Render(fmt.Sprintf("  version %d", u.Version)))
	row("Program", u.ProgramID)
	row("Client user id", u.ClientUserID)
	row("Name", strings.TrimSpace(u.User.Name.GivenName+" "+u.User.Name.FamilyName))
	who := "—"
	if u.AuditTrail.DashboardUserID != nil {
		who = *u.AuditTrail.DashboardUserID
	}
	row("Audit trail", fmt.Sprintf("%s · %s · dashboard user %s", u.AuditTrail.Source, u.AuditTrail.Timestamp.UTC().Format("2006-01-02 15:04:05 UTC"), who))
	if len(u.User.DepositoryAccounts) == 0 {
		row("Accounts", "none")
	}
	for i, a := range u.User.DepositoryAccounts {
		label := ""
		if i == 0 {
			label = "Accounts"
		}
		row(label, fmt.Sprintf("routing %s · ••••%s · added %s", a.RoutingNumber, a.AccountMask, a.AddedAt.UTC().Format("2006-01-02")))
	}
	if len(u.ItemIDs) > 0 {
		row("Linked items", fmt.Sprintf("%d", len(u.ItemIDs)))
	}
	r.followUps.view(st, m.width, m.deps.Now(), line)
	return b.String()
}
