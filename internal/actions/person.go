package actions

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// Person is everything that says why a Beacon user has its status: the
// user, its versions, the reports on it, the reports matching it, its
// duplicates (each with the other user as it is now) and the insights on
// the accounts of the access tokens given. What could not be fetched is
// said in Notes: the view shows the rest.
type Person struct {
	User         *client.BeaconUser
	History      []client.BeaconUserRecord
	Reports      []client.BeaconReportRecord
	Syndications []client.BeaconReportSyndication
	Duplicates   []Duplicate
	// DuplicatesListed says whether the duplicates could be listed: only
	// the built-in emulator can (Plaid's API lists them nowhere).
	DuplicatesListed bool
	Insights         []client.BeaconUserAccountInsightsGetResponse
	Notes            []string
}

// Duplicate is a duplicate seen from one of its users: the other one,
// as it is now (nil when it could not be fetched).
type Duplicate struct {
	client.BeaconDuplicateRecord
	Other *client.BeaconUser
}

// NoDuplicateList is why a view against Plaid shows no duplicates.
const NoDuplicateList = "Plaid's API lists no user's duplicates: their ids come in DUPLICATE_DETECTED webhooks " +
	"(`plaid-onboard listen` shows them); `plaid-onboard beacon duplicate ID` opens one."

// LookUpPerson fetches a person. Only the user is needed: a lookup that
// fails after it becomes a note, so the agent still sees what came.
func LookUpPerson(ctx context.Context, c *client.Client, env catalog.Env, id string, tokens []string) (*Person, error) {
	r, err := RefreshBeacon(ctx, c, env, id)
	if err != nil {
		return nil, err
	}
	p := &Person{User: r.Beacon}
	note := func(what string, err error) {
		if err != nil && !errors.Is(err, context.Canceled) {
			p.Notes = append(p.Notes, what+" could not be fetched: "+err.Error())
		}
	}
	p.History, err = client.AllHistory(ctx, c, id)
	note("The version history", err)
	p.Reports, err = client.AllReports(ctx, c, id)
	note("The fraud reports", err)
	p.Syndications, err = client.AllSyndications(ctx, c, id)
	note("The matching reports", err)
	if env.Environment == client.Local {
		found, err := c.EmulatorDuplicates(ctx, &client.EmulatorDuplicatesRequest{BeaconUserID: id})
		note("The duplicates", err)
		p.DuplicatesListed = err == nil
		for _, d := range found.BeaconDuplicates {
			other := d.BeaconUser1.ID
			if other == id {
				other = d.BeaconUser2.ID
			}
			u, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: other})
			note("User "+other, err)
			if err != nil {
				u = nil
			}
			p.Duplicates = append(p.Duplicates, Duplicate{BeaconDuplicateRecord: d, Other: u})
		}
	} else {
		p.Notes = append(p.Notes, NoDuplicateList)
	}
	for _, t := range tokens {
		in, err := c.GetBeaconAccountInsights(ctx, &client.BeaconUserAccountInsightsGetRequest{BeaconUserID: id, AccessToken: t})
		note("The insights of access token "+catalog.MaskLast(t, 4), err)
		if err == nil {
			p.Insights = append(p.Insights, *in)
		}
	}
	return p, nil
}

// Why says in plain words why the person has the status: what matched,
// and whether a reviewer set it.
func (p *Person) Why() []string {
	var out []string
	u := p.User
	if u.AuditTrail.Source != client.AuditDashboard && AuditOrigin(u.BeaconUserRecord) == ByReview {
		out = append(out, fmt.Sprintf("The status was set by hand on %s, after the screening: what follows was found, but did not set it.",
			u.AuditTrail.Timestamp.UTC().Format("2006-01-02 15:04 UTC")))
	}
	for _, r := range p.Reports {
		out = append(out, fmt.Sprintf("Your organisation reported this person for fraud: report %s (%s, %s).", r.ID, r.Type, r.EventDate))
	}
	for _, s := range p.Syndications {
		who := "A Beacon Network report from another company"
		if s.Report.ID != nil {
			who = "Your organisation's fraud report " + *s.Report.ID + " on someone else"
		}
		out = append(out, fmt.Sprintf("%s (%s, %s) matches: %s.", who, s.Report.Type, s.Report.EventDate,
			MatchedWords(s.Analysis.BeaconMatchSummaryAnalysis, s.Analysis.DepositoryAccounts)))
	}
	for _, d := range p.Duplicates {
		other := d.BeaconUser1.ID
		if other == u.ID {
			other = d.BeaconUser2.ID
		}
		name := ""
		if d.Other != nil {
			name = " (" + strings.TrimSpace(d.Other.User.Name.GivenName+" "+d.Other.User.Name.FamilyName) + ")"
		}
		out = append(out, fmt.Sprintf("Duplicate %s: user %s%s in the same program shares %s.", d.ID, other, name,
			MatchedWords(d.Analysis, nil)))
	}
	if len(out) == 0 {
		switch {
		case u.Status == client.BeaconCleared:
			out = append(out, "Nothing matched: no report, no duplicate, no Beacon Network match.")
		case !p.DuplicatesListed:
			out = append(out, "No report or Beacon Network match is recorded; a duplicate may be why (see the note below).")
		default:
			out = append(out, "No report, duplicate or match is recorded: a reviewer set this status.")
		}
	}
	if u.AuditTrail.Source == client.AuditDashboard {
		out = append(out, "The status was last set in the Dashboard.")
	}
	return out
}

// Attribute is one attribute Beacon compares, as the catalogue declares
// it, with how the analysis and the user object carry it.
type Attribute struct {
	catalog.MatchAttribute
	Code  func(client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode
	Value func(client.BeaconUserData) string
}

// Show is the attribute's value of d, masked as the catalogue masks it
// unless reveal; an ID number keeps its type in clear.
func (a Attribute) Show(d client.BeaconUserData, reveal bool) string {
	v := a.Value(d)
	switch {
	case reveal || v == "":
		return v
	case a.Key == "id_number" && d.IDNumber != nil:
		return string(d.IDNumber.Type) + " " + catalog.MaskLast(d.IDNumber.Value, 4)
	}
	return a.Field.MaskValue(v)
}

// Attributes are the attributes in the order views show them.
func Attributes() []Attribute {
	var out []Attribute
	for _, m := range catalog.BeaconMatchAttributes() {
		a := Attribute{MatchAttribute: m}
		switch m.Key {
		case "name":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.Name }
			a.Value = func(d client.BeaconUserData) string {
				return strings.TrimSpace(d.Name.GivenName + " " + d.Name.FamilyName)
			}
		case "date_of_birth":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.DateOfBirth }
			a.Value = func(d client.BeaconUserData) string { return deref(d.DateOfBirth) }
		case "email_address":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.EmailAddress }
			a.Value = func(d client.BeaconUserData) string { return deref(d.EmailAddress) }
		case "phone_number":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.PhoneNumber }
			a.Value = func(d client.BeaconUserData) string { return deref(d.PhoneNumber) }
		case "address":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.Address }
			a.Value = func(d client.BeaconUserData) string {
				if d.Address == nil {
					return ""
				}
				return strings.Join(strings.Fields(d.Address.Street+", "+d.Address.City+" "+d.Address.Country), " ")
			}
		case "id_number":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.IDNumber }
			a.Value = func(d client.BeaconUserData) string {
				if d.IDNumber == nil {
					return ""
				}
				return string(d.IDNumber.Type) + " " + d.IDNumber.Value
			}
		case "ip_address":
			a.Code = func(an client.BeaconMatchSummaryAnalysis) client.BeaconMatchCode { return an.IPAddress }
			a.Value = func(d client.BeaconUserData) string { return deref(d.IPAddress) }
		default:
			continue
		}
		out = append(out, a)
	}
	return out
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// MatchMark is how a match code reads in a table: ✓ match, ≈ partial,
// ✗ no match, – no data.
func MatchMark(c client.BeaconMatchCode) string {
	switch c {
	case client.MatchStrong:
		return "✓ match"
	case client.MatchPartial:
		return "≈ partial"
	case client.MatchNone:
		return "✗ differs"
	case client.MatchNoData:
		return "– no data"
	}
	return string(c)
}

// MatchedWords lists what matched ("email, name (partly)").
func MatchedWords(a client.BeaconMatchSummaryAnalysis, accounts []client.BeaconAccountMatchAnalysis) string {
	var words []string
	for _, at := range Attributes() {
		switch at.Code(a) {
		case client.MatchStrong:
			words = append(words, strings.ToLower(at.Label))
		case client.MatchPartial:
			words = append(words, strings.ToLower(at.Label)+" (partly)")
		}
	}
	for _, acc := range accounts {
		if acc.MatchStatus == client.MatchStrong {
			words = append(words, "bank account ••••"+acc.AccountMask)
		}
	}
	if len(words) == 0 {
		return "nothing Beacon names"
	}
	return strings.Join(words, ", ")
}

// Changes says what changed from one version of a user to the next.
func Changes(older, newer client.BeaconUserRecord) []string {
	var out []string
	for _, at := range Attributes() {
		if a, b := at.Value(older.User), at.Value(newer.User); a != b {
			switch {
			case a == "":
				out = append(out, at.Label+" added")
			case b == "":
				out = append(out, at.Label+" removed")
			default:
				out = append(out, at.Label+" changed")
			}
		}
	}
	if n, o := len(newer.User.DepositoryAccounts), len(older.User.DepositoryAccounts); n != o {
		out = append(out, fmt.Sprintf("%d bank %s added", n-o, words.Plural(n-o, "account", "accounts")))
	}
	if n, o := len(newer.ItemIDs), len(older.ItemIDs); n != o {
		out = append(out, fmt.Sprintf("%d linked %s added", n-o, words.Plural(n-o, "item", "items")))
	}
	if older.Status != newer.Status {
		out = append(out, fmt.Sprintf("status %s → %s", older.Status, newer.Status))
	}
	if len(out) == 0 {
		out = append(out, "screened again, nothing changed")
	}
	return out
}

// Foresee says, before a decision is sent, what Plaid's rules (ReviewRules)
// make of it for this person: "" when nothing stands in the way.
func (p *Person) Foresee(status client.BeaconUserStatus) string {
	ids := make([]string, len(p.Reports))
	for i, r := range p.Reports {
		ids[i] = r.ID
	}
	switch {
	case status == client.BeaconCleared && len(p.Reports) > 0:
		return fmt.Sprintf("Plaid refuses cleared while a fraud report stands on the user, and this one has %d (%s). "+reportsAreDeletedElsewhere,
			len(p.Reports), strings.Join(ids, ", "))
	case status == client.BeaconRejected && len(p.Reports) == 0:
		return "No fraud report is on this user: Plaid refuses rejected without one (or a confirmed network match). Report fraud first."
	case status == p.User.Status:
		return "The status is already " + string(status) + ": sending it again changes nothing but the audit trail."
	}
	return ""
}
