package actions

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Action is a follow-up on what a submission created.
type Action string

// The follow-ups.
const (
	Refresh Action = "refresh" // fetch the Beacon user or end customer again
	Review  Action = "review"  // set a Beacon user's status
	Report  Action = "report"  // report a Beacon user for fraud
	Update  Action = "update"  // send an end customer's fixes with /update
	Enable  Action = "enable"  // enable an end customer in full Production
	Remove  Action = "remove"  // remove an end customer not yet enabled
)

// Changes reports whether the action changes data at Plaid: in production
// it asks first, as a submit does.
func (a Action) Changes() bool { return a != Refresh && a != Lookup }

// Irreversible reports whether what a does cannot be undone from this
// program, so every front end asks first, in any environment.
func (a Action) Irreversible() bool { return a == Report || a == Enable || a == Remove }

// Consequence says what an irreversible action leaves behind, for the
// question asked before it.
func Consequence(a Action) string {
	switch a {
	case Report:
		return "It cannot be undone: this program cannot delete a report. This person's status does not change by itself " +
			"(a review can then set it to rejected); anyone screened later who matches them is rejected, in every program " +
			"of yours, and the Beacon Network sees what matched, the type and the date."
	case Enable:
		return "It gets full Production access for its products; this program cannot take it back."
	case Remove:
		return "It is hidden from the Dashboard and its keys stop working; it cannot be brought back."
	}
	return ""
}

// Describe says in words what running a on what does ("set the status of
// becusr_1"), for the question asked before a change in production.
func Describe(a Action, what string) string {
	switch a {
	case Review:
		return "set the status of " + what
	case Report:
		if !strings.Contains(what, " for fraud") {
			what += " for fraud" // an id alone; ReportWhat says the rest
		}
		return "report " + what
	case Update:
		return "change end customer " + what
	case Enable:
		return "enable end customer " + what + " in full Production"
	case Remove:
		return "remove end customer " + what
	}
	return "fetch " + what
}

// ReportWhat restates a fraud report about to be sent, for the question
// asked before it: who, the type, when, how much.
func ReportWhat(req *client.BeaconReportCreateRequest) string {
	s := fmt.Sprintf("%s for fraud: %s, on %s", req.BeaconUserID, ReportTypeWords(req.Type), req.FraudDate)
	if a := req.FraudAmount; a != nil {
		return s + fmt.Sprintf(", %s %.2f lost", a.ISOCurrencyCode, a.Value)
	}
	return s + ", amount unknown"
}

// ReportTypeWords says what a report type means.
func ReportTypeWords(t client.BeaconReportType) string {
	switch t {
	case "first_party":
		return "first party (the person who applied committed it)"
	case "stolen":
		return "stolen identity (someone else used their details)"
	case "synthetic":
		return "synthetic (a made-up identity)"
	case "account_takeover":
		return "account takeover (their account was taken over)"
	case "unknown":
		return "unknown (not sure who committed it)"
	}
	return string(t)
}

// RemovedStatus is what the drafts show of a customer removed: Plaid has
// no status for it, as its /get no longer answers.
const RemovedStatus = "REMOVED"

// Result is what a follow-up got back; the pointer for its answer is set.
type Result struct {
	Action   Action
	Beacon   *client.BeaconUser
	Report   *client.BeaconReport
	Customer *client.PartnerEndCustomer // from get and update
	Enabled  *client.PartnerCustomerEnableResponse
	// Removed is the id of the end customer a remove removed.
	Removed string
	// RequestID is Plaid's id of the request, to quote to support.
	RequestID string
	raw       any
	// lines read a lookup's answer out (the typed answers have their own).
	lines []Line
}

// Response is the answer as Plaid sent it, for --json.
func (r Result) Response() any { return r.raw }

// Done says in a line what was done.
func (r Result) Done() string {
	switch {
	case r.Report != nil:
		return fmt.Sprintf("fraud report %s created (%s, %s). The user can now be set to rejected; anyone matching them is rejected from now on.",
			r.Report.ID, r.Report.Type, r.Report.EventDate)
	case r.Beacon != nil:
		return fmt.Sprintf("%s done: status %s, version %d (request %s)", r.Action, r.Beacon.Status, r.Beacon.Version, r.RequestID)
	case r.Enabled != nil:
		return "enabled with /enable (request " + r.RequestID + ")"
	case r.Action == Update:
		return "sent with /update (request " + r.RequestID + ")"
	case r.Removed != "":
		return "end customer " + r.Removed + " removed (request " + r.RequestID + ")"
	}
	return "refreshed with /get (request " + r.RequestID + ")"
}

// ProblemsError is a follow-up refused before it was sent: its request
// breaks the rules of the catalogue.
type ProblemsError struct {
	Action   Action
	Problems validate.Problems
}

func (e *ProblemsError) Error() string {
	return fmt.Sprintf("the %s cannot be sent: %s", e.Action, e.Problems[0].String())
}

// checked runs a request's rules, then call.
func checked[Resp any](ctx context.Context, a Action, env catalog.Env, req any, call func(context.Context) (Resp, error)) (Resp, error) {
	if ps := catalog.CheckRequest(req, env); len(ps) > 0 {
		var zero Resp
		return zero, &ProblemsError{Action: a, Problems: ps}
	}
	return call(ctx)
}

// RefreshBeacon fetches a Beacon user as it stands now.
func RefreshBeacon(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	req := &client.BeaconUserGetRequest{BeaconUserID: id}
	u, err := checked(ctx, Refresh, env, req, func(ctx context.Context) (*client.BeaconUser, error) { return c.GetBeaconUser(ctx, req) })
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Refresh, Beacon: u, RequestID: u.RequestID, raw: u}, nil
}

// ReviewBeacon sets a Beacon user's status by hand.
func ReviewBeacon(ctx context.Context, c *client.Client, env catalog.Env, id string, status client.BeaconUserStatus) (Result, error) {
	req := &client.BeaconUserReviewRequest{BeaconUserID: id, Status: status}
	u, err := checked(ctx, Review, env, req, func(ctx context.Context) (*client.BeaconUser, error) { return c.ReviewBeaconUser(ctx, req) })
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Review, Beacon: u, RequestID: u.RequestID, raw: u}, nil
}

// ReportFraud reports a Beacon user for fraud.
func ReportFraud(ctx context.Context, c *client.Client, env catalog.Env, req *client.BeaconReportCreateRequest) (Result, error) {
	r, err := checked(ctx, Report, env, req, func(ctx context.Context) (*client.BeaconReport, error) { return c.CreateBeaconReport(ctx, req) })
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Report, Report: r, RequestID: r.RequestID, raw: r}, nil
}

// RefreshCustomer fetches an end customer as it stands now.
func RefreshCustomer(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	req := &client.PartnerCustomerGetRequest{EndCustomerClientID: id}
	r, err := checked(ctx, Refresh, env, req, func(ctx context.Context) (*client.PartnerCustomerGetResponse, error) {
		return c.GetPartnerCustomer(ctx, req)
	})
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Refresh, Customer: &r.EndCustomer, RequestID: r.RequestID, raw: r}, nil
}

// UpdateCustomer sends what an end customer still needs.
func UpdateCustomer(ctx context.Context, c *client.Client, env catalog.Env, req *client.PartnerCustomerUpdateRequest) (Result, error) {
	r, err := checked(ctx, Update, env, req, func(ctx context.Context) (*client.PartnerCustomerUpdateResponse, error) {
		return c.UpdatePartnerCustomer(ctx, req)
	})
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Update, Customer: &r.EndCustomer, RequestID: r.RequestID, raw: r}, nil
}

// EnableCustomer enables an end customer in full Production, for all its
// products or those req names.
func EnableCustomer(ctx context.Context, c *client.Client, env catalog.Env, req *client.PartnerCustomerEnableRequest) (Result, error) {
	r, err := checked(ctx, Enable, env, req, func(ctx context.Context) (*client.PartnerCustomerEnableResponse, error) {
		return c.EnablePartnerCustomer(ctx, req)
	})
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Enable, Enabled: r, RequestID: r.RequestID, raw: r}, nil
}

// RemoveCustomer removes an end customer that is not enabled in full
// Production: what a demo that made customers uses to clean up.
func RemoveCustomer(ctx context.Context, c *client.Client, env catalog.Env, id string) (Result, error) {
	req := &client.PartnerCustomerRemoveRequest{EndCustomerClientID: id}
	r, err := checked(ctx, Remove, env, req, func(ctx context.Context) (*client.PartnerCustomerRemoveResponse, error) {
		return c.RemovePartnerCustomer(ctx, req)
	})
	if err != nil {
		return Result{}, err
	}
	return Result{Action: Remove, Removed: id, RequestID: r.RequestID, raw: r}, nil
}

// Explain says what went wrong with a follow-up, in words for the person
// who asked for it; a refused review comes with Plaid's rules.
func Explain(a Action, err error) string {
	var pe *client.Error
	var problems *ProblemsError
	switch {
	case errors.Is(err, context.Canceled) && a.Changes() && client.OutcomeOf(err) != client.NotSent:
		return "stopped waiting for the " + string(a) + ": its outcome is unknown (a refresh shows where things stand)"
	case errors.Is(err, context.Canceled):
		return "stopped waiting for the " + string(a) + ": nothing was changed"
	case errors.As(err, &problems):
		return problems.Error()
	case errors.As(err, &pe) && a == Review:
		return "Plaid refused the status: " + pe.Message() + "\nThe rules: " + ReviewRules + " " + reportsAreDeletedElsewhere
	}
	return string(a) + " failed: " + err.Error()
}

// Seen is what a follow-up found of the object it answered about: its
// id and the status it now has (none when the answer carries one, as a
// fraud report's does not), so the draft that created it can show it, and
// of a Beacon user enough to settle an attempt whose outcome was unknown.
func (r Result) Seen() drafts.Seen {
	switch {
	case r.Beacon != nil:
		return drafts.SeenBeaconUser(r.Beacon)
	case r.Customer != nil:
		return drafts.Seen{ID: r.Customer.ClientID, Status: string(r.Customer.Status)}
	case r.Enabled != nil:
		return drafts.Seen{ID: r.Enabled.EndCustomerClientID, Status: string(r.Enabled.Status)}
	case r.Removed != "":
		return drafts.Seen{ID: r.Removed, Status: RemovedStatus}
	}
	return drafts.Seen{}
}

// Observe records on the drafts of s what r found: the status, on the
// drafts that created what r is about, so `drafts list` and the home
// screen show it as it is now; and an attempt whose outcome was unknown,
// settled. Every front end calls it after a follow-up made outside the
// draft (a command, a lookup view); a wizard records it on its own draft.
func Observe(s *drafts.Store, env client.Environment, r Result) error {
	if s == nil {
		return nil
	}
	return s.Observe(env, r.Seen())
}
