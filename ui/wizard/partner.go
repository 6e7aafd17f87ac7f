package wizard

import (
	"context"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

type partnerFlavor struct{}

func (partnerFlavor) title() string { return "New partner customer" }
func (partnerFlavor) noun() string  { return "end customer" }

func (partnerFlavor) newResult(m *Model, sent actions.Sent) result {
	r := sent.Customer
	return &partnerResult{
		ec: r.EndCustomer.PartnerEndCustomer, secrets: r.EndCustomer.Secrets, requestID: r.RequestID,
		followUps: newFollowUps(),
	}
}

// partnerResult shows the end customer Plaid created, what it still needs,
// and the follow-ups: send the fixes with /update, refresh with /get,
// enable with /enable.
type partnerResult struct {
	ec        client.PartnerEndCustomer
	secrets   client.PartnerSecrets
	prodNow   string // production secret from /enable
	requestID string
	cursor    int
	reveal    bool
	followUps
}

func (r *partnerResult) update(m *Model, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case spinner.TickMsg:
		return r.tick(msg)
	case followUpMsg:
		if !r.finished(msg) {
			return nil
		}
		switch res := msg.result; {
		case res.Customer != nil:
			r.ec = *res.Customer
		case res.Enabled != nil:
			r.ec.Status, r.ec.ProductStatuses, r.prodNow = res.Enabled.Status, res.Enabled.ProductStatuses, res.Enabled.ProductionSecret
		}
		r.cursor = min(r.cursor, max(0, len(r.ec.RequirementsDue)-1))
		return m.observe(msg)
	}
	return nil
}

func (r *partnerResult) key(m *Model, k tea.KeyPressMsg) tea.Cmd {
	due := r.ec.RequirementsDue
	switch {
	case key.Matches(k, m.keys.Up) && len(due) > 0:
		r.cursor = (r.cursor - 1 + len(due)) % len(due)
	case key.Matches(k, m.keys.Down) && len(due) > 0:
		r.cursor = (r.cursor + 1) % len(due)
	case key.Matches(k, m.keys.GoFix) && len(due) > 0:
		req := string(due[r.cursor])
		if !m.flow.Catalog.Updatable(req) {
			m.notice = req + " cannot be changed with /update: ask your Plaid contact, or set it in the Dashboard"
		}
		return m.jump(req)
	case key.Matches(k, m.keys.Reveal):
		r.reveal = !r.reveal
	case key.Matches(k, m.keys.Update):
		req := m.flow.Draft.Partner.UpdateFor(r.ec.ClientID)
		return m.confirmChange(actions.Update, r.ec.ClientID, func() tea.Cmd {
			return r.follow(m, actions.Update, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.UpdateCustomer(ctx, c, env, req)
			})
		})
	case key.Matches(k, m.keys.Refresh):
		id := r.ec.ClientID
		return r.follow(m, actions.Refresh, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
			return actions.RefreshCustomer(ctx, c, env, id)
		})
	case key.Matches(k, m.keys.Enable):
		id := r.ec.ClientID
		enable := func() tea.Cmd {
			return r.follow(m, actions.Enable, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.EnableCustomer(ctx, c, env, &client.PartnerCustomerEnableRequest{EndCustomerClientID: id})
			})
		}
		return m.confirmChange(actions.Enable, r.ec.CompanyName+" ("+id+")", enable)
	}
	return nil
}

func (r *partnerResult) help(m *Model) []key.Binding {
	hb := []key.Binding{}
	if len(r.ec.RequirementsDue) > 0 {
		hb = append(hb, m.keys.Up, m.keys.GoFix, m.keys.Update)
	}
	hb = append(hb, m.keys.Refresh)
	if r.ec.Status == client.StatusPendingEnablement || slices.Contains(mapValues(r.ec.ProductStatuses), string(client.StatusPendingEnablement)) {
		hb = append(hb, m.keys.Enable)
	}
	return append(hb, uikit.Toggled(m.keys.Reveal, r.reveal, "secrets"), m.keys.Review, m.keys.Close)
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func (m *Model) statusStyle(status string) lipgloss.Style {
	switch status {
	case string(client.StatusActive), string(client.BeaconCleared):
		return m.st.OK.Bold(true)
	case string(client.StatusPendingEnablement), string(client.StatusUnderReview), string(client.BeaconPendingReview), string(client.StatusMoreInformationNeeded):
		return m.st.Warn.Bold(true)
	case string(client.StatusDenied), string(client.BeaconRejected):
		return m.st.Bad.Bold(true)
	}
	return m.st.Bold
}

func (r *partnerResult) view(m *Model) string {
	st := m.st
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	line(st.OK.Bold(true).Render("End customer created") + st.Muted.Render("  request "+r.requestID))
	line("")
	row := func(label, v string) { line(uikit.Labelled(st.Muted, label, 14, v, m.width)) }
	row("client_id", st.Bold.Render(r.ec.ClientID))
	row("company", st.Text.Render(r.ec.CompanyName))
	row("status", m.statusStyle(string(r.ec.Status)).Render(string(r.ec.Status)))
	if meaning := actions.PartnerStatusMeaning(r.ec.Status); meaning != "" {
		if r.ec.Status == client.StatusPendingEnablement {
			meaning += " n does it."
		}
		line(uikit.Labelled(st.Muted, "", 14, st.Muted.Render(meaning), m.width))
	}
	if len(r.ec.ProductStatuses) > 0 {
		line("")
		line(st.Title.Render("Products"))
		names := make([]string, 0, len(r.ec.ProductStatuses))
		for p := range r.ec.ProductStatuses {
			names = append(names, p)
		}
		sort.Strings(names)
		for _, p := range names {
			s := r.ec.ProductStatuses[p]
			line("  " + st.Text.Render(uikit.PadRight(p, 24)) + m.statusStyle(s).Render(s))
		}
	}
	if due := r.ec.RequirementsDue; len(due) > 0 {
		line("")
		line(st.Title.Render("Still needed"))
		for i, req := range due {
			mark := "  "
			if i == r.cursor {
				mark = st.Selected.Render("❯ ")
			}
			step := m.flow.Catalog.StepOf(string(req))
			hint := "fix in " + stepTitle(m, step) + ", then u sends it with /update"
			if !m.flow.Catalog.Updatable(string(req)) {
				hint = "set in " + stepTitle(m, step) + " for new customers; /update cannot change it — ask Plaid or use the Dashboard"
			}
			line(mark + st.Text.Render(catalog.RequirementName(req)) + "  " + st.Faint.Render(string(req)))
			line(lipgloss.NewStyle().PaddingLeft(4).Width(m.width).Render(st.Faint.Render(hint)))
		}
	}
	line("")
	line(st.Title.Render("Secrets"))
	secret := func(label, v string) {
		if v == "" {
			return
		}
		if !r.reveal {
			v = catalog.MaskLast(v, 4)
		}
		line("  " + st.Muted.Render(uikit.PadRight(label, 12)) + st.Text.Render(v))
	}
	secret("sandbox", r.secrets.Sandbox)
	secret("production", firstNonEmpty(r.prodNow, r.secrets.Production))
	if !r.reveal {
		line("  " + st.Faint.Render("masked: r reveals them; they are not saved anywhere by this program"))
	}
	r.followUps.view(st, m.width, m.deps.Now(), line)
	return b.String()
}

func stepTitle(m *Model, id string) string {
	if i := m.flow.Index(id); i >= 0 {
		return "“" + m.flow.Steps[i].Title + "”"
	}
	return id
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}
