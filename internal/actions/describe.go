package actions

import (
	"fmt"
	"sort"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// Line is one labelled line of a readable answer.
type Line struct{ Label, Value string }

// DescribeBeaconUser says what a screening found and who it is about, for
// readers of plain text (the accessible prompts, the commands). Accounts
// appear by mask only.
func DescribeBeaconUser(u *client.BeaconUser, o Origin) []Line {
	status := strings.ToUpper(strings.ReplaceAll(string(u.Status), "_", " "))
	meaning := BeaconMeaning(u.Status, o)
	if meaning == "" {
		meaning = "Status " + string(u.Status) + " is new to this program: see Plaid's docs."
	}
	who := "none"
	if u.AuditTrail.DashboardUserID != nil {
		who = *u.AuditTrail.DashboardUserID
	}
	lines := []Line{
		{"Status", status},
		{"", meaning},
		{"Beacon user", fmt.Sprintf("%s, version %d", u.ID, u.Version)},
		{"Program", u.ProgramID},
		{"Client user id", u.ClientUserID},
		{"Name", strings.TrimSpace(u.User.Name.GivenName + " " + u.User.Name.FamilyName)},
		{"Audit trail", fmt.Sprintf("%s, %s, dashboard user %s", u.AuditTrail.Source,
			u.AuditTrail.Timestamp.UTC().Format("2006-01-02 15:04:05 UTC"), who)},
	}
	for _, a := range u.User.DepositoryAccounts {
		lines = append(lines, Line{"Account", fmt.Sprintf("routing %s, ending %s, added %s",
			a.RoutingNumber, a.AccountMask, a.AddedAt.UTC().Format("2006-01-02"))})
	}
	if len(u.ItemIDs) > 0 {
		lines = append(lines, Line{"Linked items", fmt.Sprint(len(u.ItemIDs))})
	}
	return lines
}

// DescribeEndCustomer says where an end customer stands: status and what
// it means, product statuses, what is still needed and where it is fixed
// (stepTitle names a wizard step; nil leaves steps out), and its secrets,
// masked unless reveal.
func DescribeEndCustomer(ec client.PartnerEndCustomer, secrets client.PartnerSecrets, reveal bool, stepTitle func(id string) string) []Line {
	lines := []Line{{"client_id", ec.ClientID}}
	if ec.CompanyName != "" {
		lines = append(lines, Line{"Company", ec.CompanyName})
	}
	lines = append(lines, Line{"Status", words.OrDash(string(ec.Status)) + missing(ec.Status == "")})
	if meaning := PartnerStatusMeaning(ec.Status); meaning != "" {
		lines = append(lines, Line{"", meaning})
	}
	names := make([]string, 0, len(ec.ProductStatuses))
	for p := range ec.ProductStatuses {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		lines = append(lines, Line{"Product " + p, ec.ProductStatuses[p]})
	}
	for _, req := range ec.RequirementsDue {
		hint := "cannot be changed with /update: ask Plaid or use the Dashboard"
		if catalog.PartnerCreate().Updatable(string(req)) {
			hint = "can be sent with /update"
		}
		if stepTitle != nil {
			hint = "fix it in step " + stepTitle(catalog.PartnerCreate().StepOf(string(req))) + "; " + hint
		}
		lines = append(lines, Line{"Still needed", catalog.RequirementName(req) + " [" + string(req) + "] (" + hint + ")"})
	}
	for _, s := range []struct{ env, v string }{{"sandbox", secrets.Sandbox}, {"production", secrets.Production}} {
		if s.v == "" {
			continue
		}
		if !reveal {
			s.v = catalog.MaskLast(s.v, 4)
		}
		lines = append(lines, Line{"Secret, " + s.env, s.v})
	}
	return lines
}

// DescribeReport says what a fraud report holds.
func DescribeReport(r *client.BeaconReport) []Line {
	lines := []Line{{"Fraud report", r.ID}, {"Beacon user", r.BeaconUserID},
		{"Type", string(r.Type)}, {"Event date", r.EventDate}}
	if r.FraudAmount != nil {
		lines = append(lines, Line{"Amount", fmt.Sprintf("%.2f %s", r.FraudAmount.Value, r.FraudAmount.ISOCurrencyCode)})
	}
	return lines
}

// DescribeResult is a follow-up's answer as a command prints it. Secrets
// are masked: --json prints them.
func DescribeResult(r Result) []Line {
	switch {
	case r.lines != nil:
		return r.lines
	case r.Beacon != nil:
		return DescribeBeaconUser(r.Beacon, OriginOf(r.Action, r.Beacon))
	case r.Report != nil:
		return append(DescribeReport(r.Report), Line{Value: "Anyone screened from now on who matches this user is rejected."})
	case r.Customer != nil:
		return DescribeEndCustomer(*r.Customer, client.PartnerSecrets{}, false, nil)
	case r.Enabled != nil:
		e := r.Enabled
		ec := client.PartnerEndCustomer{ClientID: e.EndCustomerClientID, Status: e.Status, ProductStatuses: e.ProductStatuses}
		lines := DescribeEndCustomer(ec, client.PartnerSecrets{Production: e.ProductionSecret}, false, nil)
		if e.ProductionSecret != "" {
			lines = append(lines, Line{Value: "(masked: --json prints it)"})
		}
		return append(lines, Line{"Request", r.RequestID})
	case r.Removed != "":
		return []Line{{"client_id", r.Removed}, {"Status", "removed: hidden from the Dashboard, its keys deactivated"}, {"Request", r.RequestID}}
	}
	return nil
}

// DescribeSent is a submission's answer as the submit command prints it.
func DescribeSent(s Sent) []Line {
	if s.Customer != nil {
		return append(DescribeEndCustomer(s.Customer.EndCustomer.PartnerEndCustomer, s.Customer.EndCustomer.Secrets, false, nil),
			Line{Value: "(secrets masked: --json prints them)"})
	}
	return DescribeBeaconUser(s.Beacon, OriginOf("", s.Beacon))
}

// missing notes a value Plaid's answer left out, so a blank is not read
// as this program's fault.
func missing(absent bool) string {
	if absent {
		return " (not in Plaid's answer)"
	}
	return ""
}
