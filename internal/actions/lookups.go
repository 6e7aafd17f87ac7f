package actions

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// Lookup reads what Plaid holds and changes nothing.
const Lookup Action = "lookup"

// lookedUp is a lookup's Result: its answer (every page of a list, as one
// response) and the lines that read it out.
func lookedUp(raw any, requestID string, lines []Line) Result {
	return Result{Action: Lookup, RequestID: requestID, raw: raw, lines: lines}
}

// firstChecked checks a lookup's request before anything is sent.
func firstChecked(env catalog.Env, req any) error {
	if ps := catalog.CheckRequest(req, env); len(ps) > 0 {
		return &ProblemsError{Action: Lookup, Problems: ps}
	}
	return nil
}

// listed is a list lookup: its request checked, every page fetched, the
// items answered as one response and read out.
func listed[T any](env catalog.Env, req any, fetch func() ([]T, error), response func([]T) any, describe func([]T) []Line) (Result, error) {
	if err := firstChecked(env, req); err != nil {
		return Result{}, err
	}
	all, err := fetch()
	if err != nil {
		return Result{}, err
	}
	return lookedUp(response(all), "", describe(all)), nil
}

// History lists every version of a user, newest first, with what changed.
func History(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	return listed(env, &client.BeaconUserHistoryListRequest{BeaconUserID: id},
		func() ([]client.BeaconUserRecord, error) { return client.AllHistory(ctx, c, id) },
		func(all []client.BeaconUserRecord) any {
			return &client.BeaconUserHistoryListResponse{BeaconUsers: all}
		},
		DescribeHistory)
}

// DescribeHistory reads versions out, newest first, each with what
// changed since the one before it.
func DescribeHistory(versions []client.BeaconUserRecord) []Line {
	var lines []Line
	for i, v := range versions {
		change := "first screening"
		if i+1 < len(versions) {
			change = strings.Join(Changes(versions[i+1], v), "; ")
		}
		status := strings.ToUpper(string(v.Status))
		if AuditOrigin(v) == ByReview {
			// The status is not what the screening gave: a review set it
			// later, over the screening's own (which the API keeps nowhere).
			status += " (set by hand " + v.AuditTrail.Timestamp.UTC().Format("2006-01-02 15:04 UTC") + ", after the screening)"
		}
		lines = append(lines, Line{fmt.Sprintf("Version %d", v.Version),
			fmt.Sprintf("%s · %s · %s", status, v.UpdatedAt.UTC().Format("2006-01-02 15:04 UTC"), change)})
	}
	if len(lines) == 0 {
		lines = append(lines, Line{"Versions", "none"})
	}
	return lines
}

// Reports lists the fraud reports on a user.
func Reports(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	return listed(env, &client.BeaconReportListRequest{BeaconUserID: id},
		func() ([]client.BeaconReportRecord, error) { return client.AllReports(ctx, c, id) },
		func(all []client.BeaconReportRecord) any { return &client.BeaconReportListResponse{BeaconReports: all} },
		DescribeReports)
}

// DescribeReports reads reports out, one line each.
func DescribeReports(reports []client.BeaconReportRecord) []Line {
	if len(reports) == 0 {
		return []Line{{"Fraud reports", "none"}}
	}
	var lines []Line
	for _, r := range reports {
		v := fmt.Sprintf("%s · event %s · reported %s", r.Type, r.EventDate, r.CreatedAt.UTC().Format("2006-01-02"))
		if r.FraudAmount != nil {
			v += fmt.Sprintf(" · %.2f %s lost", r.FraudAmount.Value, r.FraudAmount.ISOCurrencyCode)
		}
		lines = append(lines, Line{"Report " + r.ID, v})
	}
	return lines
}

// GetReport fetches one fraud report.
func GetReport(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	req := &client.BeaconReportGetRequest{BeaconReportID: id}
	r, err := checked(ctx, Lookup, env, req, func(ctx context.Context) (*client.BeaconReport, error) { return c.GetBeaconReport(ctx, req) })
	if err != nil {
		return Result{}, err
	}
	return lookedUp(r, r.RequestID, DescribeReport(r)), nil
}

// Syndications lists the reports matching a user, with what matched.
func Syndications(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	return listed(env, &client.BeaconReportSyndicationListRequest{BeaconUserID: id},
		func() ([]client.BeaconReportSyndication, error) { return client.AllSyndications(ctx, c, id) },
		func(all []client.BeaconReportSyndication) any {
			return &client.BeaconReportSyndicationListResponse{BeaconReportSyndications: all}
		},
		DescribeSyndications)
}

// DescribeSyndications reads matching reports out: whose report, its type
// and date, and what matched.
func DescribeSyndications(all []client.BeaconReportSyndication) []Line {
	if len(all) == 0 {
		return []Line{{"Matching reports", "none"}}
	}
	var lines []Line
	for _, s := range all {
		whose := "Beacon Network (another company)"
		if s.Report.ID != nil {
			whose = "your organisation, report " + *s.Report.ID
		}
		lines = append(lines, Line{"Match " + s.ID, fmt.Sprintf("%s · %s · %s", whose, s.Report.Type, s.Report.EventDate)},
			Line{"", "matched: " + MatchedWords(s.Analysis.BeaconMatchSummaryAnalysis, s.Analysis.DepositoryAccounts)})
	}
	return lines
}

// GetDuplicate fetches a duplicate and both its users, side by side.
func GetDuplicate(ctx context.Context, c *client.Client, env catalog.Env, id string, reveal bool) (Result, error) {
	req := &client.BeaconDuplicateGetRequest{BeaconDuplicateID: id}
	d, err := checked(ctx, Lookup, env, req, func(ctx context.Context) (*client.BeaconDuplicate, error) { return c.GetBeaconDuplicate(ctx, req) })
	if err != nil {
		return Result{}, err
	}
	fetch := func(id string) *client.BeaconUser {
		u, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: id})
		if err != nil {
			return nil
		}
		return u
	}
	one, two := fetch(d.BeaconUser1.ID), fetch(d.BeaconUser2.ID)
	lines := []Line{{"Duplicate", d.ID},
		{"Users", fmt.Sprintf("%s (version %d) and %s (version %d)", d.BeaconUser1.ID, d.BeaconUser1.Version, d.BeaconUser2.ID, d.BeaconUser2.Version)}}
	var a, b *client.BeaconUserData
	if one != nil && two != nil {
		a, b = &one.User, &two.User
	}
	return lookedUp(d, d.RequestID, append(lines, SideBySide(d.Analysis, a, b, reveal, "")...)), nil
}

// SideBySide reads a duplicate out, one line per attribute: how it
// matched, then both users' values when both are known (a, b nil: not),
// masked unless reveal; indent goes before each label.
func SideBySide(an client.BeaconMatchSummaryAnalysis, a, b *client.BeaconUserData, reveal bool, indent string) []Line {
	var lines []Line
	for _, at := range Attributes() {
		v := MatchMark(at.Code(an))
		if a != nil && b != nil {
			v += fmt.Sprintf(": %s | %s", words.OrDash(at.Show(*a, reveal)), words.OrDash(at.Show(*b, reveal)))
		}
		lines = append(lines, Line{indent + at.Label, v})
	}
	return lines
}

// Insights fetches the insights on the accounts an access token linked.
func Insights(ctx context.Context, c *client.Client, env catalog.Env, id, token string) (Result, error) {
	req := &client.BeaconUserAccountInsightsGetRequest{BeaconUserID: id, AccessToken: token}
	r, err := checked(ctx, Lookup, env, req, func(ctx context.Context) (*client.BeaconUserAccountInsightsGetResponse, error) {
		return c.GetBeaconAccountInsights(ctx, req)
	})
	if err != nil {
		return Result{}, err
	}
	return lookedUp(r, r.RequestID, DescribeInsights(r)), nil
}

// DescribeInsights reads an Item's accounts out, the risk attributes
// Plaid knows, the riskiest first in words.
func DescribeInsights(r *client.BeaconUserAccountInsightsGetResponse) []Line {
	lines := []Line{{"Item", r.BankAccountInsights.ItemID}}
	for _, a := range r.BankAccountInsights.Accounts {
		sub := ""
		if a.Subtype != nil {
			sub = " " + *a.Subtype
		}
		lines = append(lines, Line{"Account", a.Type + sub + " · " + catalog.MaskLast(a.AccountID, 4)})
		lines = append(lines, Line{"", strings.Join(attributeWords(a.Attributes), " · ")})
	}
	return lines
}

// attributeWords names the attributes a reviewer reads first.
func attributeWords(at client.BeaconAccountRiskAttributes) []string {
	var out []string
	flag := func(b *bool, yes string) {
		if b != nil && *b {
			out = append(out, yes)
		}
	}
	flag(at.IsAccountClosed, "CLOSED")
	flag(at.IsAccountFrozenOrRestricted, "FROZEN OR RESTRICTED")
	count := func(n *int, what string) {
		if n != nil {
			out = append(out, fmt.Sprintf("%s %d", what, *n))
		}
	}
	count(at.DaysSinceAccountOpening, "days open")
	count(at.DaysSinceFirstPlaidConnection, "days since first Plaid connection")
	count(at.PlaidConnectionsCount30d, "connections in 30 d")
	count(at.FailedPlaidNonOAuthAuthenticationAttemptsCount30d, "failed logins in 30 d")
	count(at.DistinctIPAddressesCount30d, "IP addresses in 30 d")
	count(at.EmailChangeCount90d, "email changes in 90 d")
	count(at.PhoneChangeCount90d, "phone changes in 90 d")
	count(at.AddressChangeCount90d, "address changes in 90 d")
	return out
}

// Institutions fetches an end customer's OAuth registrations.
func Institutions(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	req := &client.PartnerCustomerOAuthInstitutionsGetRequest{EndCustomerClientID: id}
	r, err := checked(ctx, Lookup, env, req, func(ctx context.Context) (*client.PartnerCustomerOAuthInstitutionsGetResponse, error) {
		return c.GetPartnerOAuthInstitutions(ctx, req)
	})
	if err != nil {
		return Result{}, err
	}
	return lookedUp(r, r.RequestID, DescribeInstitutions(r)), nil
}

// OAuthMeaning says what an institution's status asks of the partner.
func OAuthMeaning(s client.OAuthStatus) string {
	switch s {
	case client.OAuthNotStarted:
		return "starts once the customer is enabled"
	case client.OAuthProcessing:
		return "the bank is reviewing the registration"
	case client.OAuthApproved:
		return "approved; the bank enables it next"
	case client.OAuthEnabled:
		return "people can connect with OAuth"
	case client.OAuthAttentionRequired:
		return "needs you: see the error"
	}
	return ""
}

// DescribeInstitutions reads the registrations out, one line each.
func DescribeInstitutions(r *client.PartnerCustomerOAuthInstitutionsGetResponse) []Line {
	lines := []Line{{"Flowdown", words.OrDash(r.FlowdownStatus)}, {"Questionnaire", words.OrDash(r.QuestionnaireStatus)}}
	insts := append([]client.PartnerOAuthInstitution(nil), r.Institutions...)
	sort.SliceStable(insts, func(i, j int) bool { return insts[i].Name < insts[j].Name })
	for _, in := range insts {
		s := in.Environments.Production
		v := fmt.Sprintf("%s · %s", words.OrDash(string(s)), OAuthMeaning(s))
		if in.ProductionEnablementDate != nil {
			v += " · enabled " + *in.ProductionEnablementDate
		}
		for _, e := range in.Errors {
			v += " · " + e.ErrorCode + ": " + e.ErrorMessage
		}
		lines = append(lines, Line{in.Name + " (" + in.InstitutionID + ")", v})
	}
	if len(insts) == 0 {
		lines = append(lines, Line{"Institutions", "none yet"})
	}
	return lines
}

// DescribePerson reads a person out for plain text: status and what it
// means, why, the duplicates side by side, the reports, the versions, the
// insights, and what could not be fetched.
// origin is what set the status, as far as the caller knows.
func DescribePerson(p *Person, origin Origin, reveal bool) []Line {
	lines := DescribeBeaconUser(p.User, origin)
	for _, w := range p.Why() {
		lines = append(lines, Line{"Why", w})
	}
	for _, d := range p.Duplicates {
		lines = append(lines, Line{"Duplicate " + d.ID, "this user | the other"})
		var other *client.BeaconUserData
		if d.Other != nil {
			other = &d.Other.User
		}
		lines = append(lines, SideBySide(d.Analysis, &p.User.User, other, reveal, "  ")...)
	}
	lines = append(lines, DescribeReports(p.Reports)...)
	lines = append(lines, DescribeSyndications(p.Syndications)...)
	lines = append(lines, DescribeHistory(p.History)...)
	for i := range p.Insights {
		lines = append(lines, DescribeInsights(&p.Insights[i])...)
	}
	for _, n := range p.Notes {
		lines = append(lines, Line{"Note", n})
	}
	return lines
}
