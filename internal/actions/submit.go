// Package actions is every call a person makes through this program,
// written once: sending a draft, and the follow-ups (refresh, review,
// report fraud, update, enable). The wizard, the plain prompts and the
// commands call these and differ only in how they ask and show.
package actions

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Noun names what a draft creates: "end customer" or "Beacon user".
func Noun(d *drafts.Draft) string {
	if d.Beacon != nil {
		return "Beacon user"
	}
	return "end customer"
}

// Screened is the Beacon user a draft already created, if any: sending it
// again re-screens that user with /update rather than creating another.
func Screened(d *drafts.Draft) string {
	if d.Beacon == nil {
		return ""
	}
	for i := len(d.Submissions) - 1; i >= 0; i-- {
		if s := d.Submissions[i]; s.Succeeded() && s.BeaconUserID != "" {
			return s.BeaconUserID
		}
	}
	return ""
}

// Endpoint is the path sending d goes to.
func Endpoint(d *drafts.Draft) string {
	switch {
	case d.Partner != nil:
		return client.PathPartnerCustomerCreate
	case Screened(d) != "":
		return client.PathBeaconUserUpdate
	}
	return client.PathBeaconUserCreate
}

// CreatesAgain reports whether sending d again would create a second one
// (rather than update the first): true for an end customer already created.
func CreatesAgain(d *drafts.Draft) bool {
	_, sent := d.LastSuccess()
	return sent && d.Partner != nil
}

// AfterUnknown explains what an unknown outcome means for d's request.
func AfterUnknown(d *drafts.Draft) string {
	if d.Partner != nil {
		return "The end customer may have been created. Sending again is safe: Plaid refuses a second end customer " +
			"with the same application name (CUSTOMER_ALREADY_CREATED), so nothing is created twice — " +
			"sending again finds out."
	}
	return "The Beacon user may have been created. This API cannot look a user up by client_user_id, so " +
		"sending again could create a second user for the same person (Beacon would flag it as a duplicate, " +
		"pending_review). Check the Plaid Dashboard (Beacon → Users) for this client_user_id first."
}

// Catalog is the catalogue of the request a draft holds.
func Catalog(d *drafts.Draft) *catalog.Catalog { return d.Catalog() }

// FieldPaths lists the field paths of d's request, to find the field an
// error message names.
func FieldPaths(d *drafts.Draft) []string {
	if d.Partner != nil {
		return client.FieldPaths(client.PartnerCustomerCreateRequest{})
	}
	return client.FieldPaths(client.BeaconUserCreateRequest{})
}

// Check lists every problem of the request d holds: the same rules the
// emulator applies, run before anything is sent (drafts.Draft.Check).
func Check(d *drafts.Draft, env catalog.Env) validate.Problems { return d.Check(env) }

// Notes is what to know before sending d that does not stop it: advice
// on the answers, and answers /update could never add (catalog Notes).
func Notes(d *drafts.Draft, env catalog.Env) validate.Problems {
	switch {
	case d.Partner != nil:
		return catalog.PartnerCreate().Notes(d.Partner, env)
	case d.Beacon != nil && Endpoint(d) == client.PathBeaconUserCreate:
		return catalog.BeaconUserCreate().Notes(d.Beacon, env)
	case d.Beacon != nil:
		return catalog.BeaconUserCreate().Advice(d.Beacon, env)
	}
	return nil
}

// Sent is what sending a draft created or changed: an end customer, or a
// Beacon user (created or re-screened). One of the two is set.
type Sent struct {
	Customer *client.PartnerCustomerCreateResponse
	Beacon   *client.BeaconUser
}

// Response is the answer as Plaid sent it, for --json.
func (s Sent) Response() any {
	if s.Customer != nil {
		return s.Customer
	}
	return s.Beacon
}

// Submit sends d's request (d must not change while it runs: pass a
// snapshot) and describes the attempt as a submission to record on the
// draft.
func Submit(ctx context.Context, c *client.Client, d *drafts.Draft, env client.Environment, now time.Time) (Sent, drafts.Submission, error) {
	sub := drafts.Submission{At: now.UTC(), Env: env, Emulator: c.Emulator(), Endpoint: Endpoint(d)}
	var (
		sent Sent
		err  error
	)
	switch {
	case d.Partner != nil:
		if sent.Customer, err = c.CreatePartnerCustomer(ctx, d.Partner); err == nil {
			r := sent.Customer
			sub.RequestID, sub.ClientID, sub.Status = r.RequestID, r.EndCustomer.ClientID, string(r.EndCustomer.Status)
		}
	case d.Beacon != nil:
		if id := Screened(d); id != "" {
			sent.Beacon, err = c.UpdateBeaconUser(ctx, d.Beacon.UpdateFor(id))
		} else {
			sent.Beacon, err = c.CreateBeaconUser(ctx, d.Beacon)
		}
		if err == nil {
			u := sent.Beacon
			sub.RequestID, sub.BeaconUserID, sub.Status = u.RequestID, u.ID, string(u.Status)
		}
	default:
		err = errors.New("the draft holds no request")
	}
	if err != nil {
		sent = Sent{}
	}
	sub.Outcome = client.OutcomeOf(err).String()
	var pe *client.Error
	if errors.As(err, &pe) {
		sub.RequestID, sub.ErrorCode = pe.RequestID, pe.ErrorCode
	}
	return sent, sub, err
}

// Save writes a draft to disk, returning once it is there (or why not).
type Save func(d *drafts.Draft) error

// NotRecordedError says a request was not sent because the attempt could
// not be recorded on its draft first.
type NotRecordedError struct {
	DraftID string
	Err     error
}

func (e *NotRecordedError) Error() string {
	return fmt.Sprintf("nothing was sent: the attempt could not be recorded on draft %s first (%v)", e.DraftID, e.Err)
}

func (e *NotRecordedError) Unwrap() error { return e.Err }

// Intent is the record of an attempt to send d, made before its request
// leaves: its outcome is "sending" until the answer comes.
func Intent(d *drafts.Draft, c *client.Client, env client.Environment, now time.Time) drafts.Submission {
	return drafts.Submission{At: now.UTC(), Env: env, Emulator: c.Emulator(), Endpoint: Endpoint(d), Outcome: drafts.OutcomeSending}
}

// Send sends d's request with the attempt recorded on the draft, on disk,
// before the request leaves: a submission whose outcome is "sending".
// When the answer comes it takes that record's place. A process killed in
// between leaves the draft saying its last outcome is unknown, so it is
// not sent again without --force or a confirmation. If the attempt cannot
// be recorded, nothing is sent (a *NotRecordedError, and an outcome of
// not sent). d must belong to the caller's goroutine while Send runs
// (pass a snapshot); save writes it. recorded is nil when the outcome is
// on disk, else why not: the draft then still says "sending".
func Send(ctx context.Context, c *client.Client, d *drafts.Draft, env client.Environment, now time.Time, save Save) (
	sent Sent, sub drafts.Submission, recorded, err error) {
	intent := Intent(d, c, env, now)
	d.Submissions = append(d.Submissions, intent)
	if err := save(d); err != nil {
		d.Submissions = d.Submissions[:len(d.Submissions)-1]
		sub = intent
		sub.Outcome = client.NotSent.String()
		return Sent{}, sub, nil, &NotRecordedError{DraftID: d.ID, Err: err}
	}
	sent, sub, err = Submit(ctx, c, d, env, now)
	d.Submissions[len(d.Submissions)-1] = sub
	return sent, sub, save(d), err
}

// OutcomeOf is client.OutcomeOf, knowing that a send whose attempt could
// not be recorded first was not sent.
func OutcomeOf(err error) client.Outcome {
	var nr *NotRecordedError
	if errors.As(err, &nr) {
		return client.NotSent
	}
	return client.OutcomeOf(err)
}

// NotRecorded says what to do when the outcome of a send could not be
// saved on its draft: the draft still says the outcome is unknown.
func NotRecorded(d *drafts.Draft, sub drafts.Submission, why error) string {
	check := "`plaid-onboard drafts show " + d.ID + "` shows the attempt"
	switch {
	case sub.BeaconUserID != "":
		check = "the Beacon user is " + sub.BeaconUserID + " (`plaid-onboard beacon get " + sub.BeaconUserID + "` settles the draft)"
	case sub.ClientID != "":
		check = "the end customer is " + sub.ClientID + " (`plaid-onboard customer get " + sub.ClientID + "`)"
	}
	return fmt.Sprintf("the outcome could not be recorded on draft %s (%v): the draft still says the outcome is unknown, "+
		"and sending it again asks first. %s.", d.ID, why, check)
}

// Unresolved is the last attempt to send a Beacon draft when its outcome
// is unknown (a timeout, a reset, a 5xx, or the program stopped while it
// was sent) and nothing settled it since: the user may have been created
// or screened again, and sending again could screen the same person
// twice. An end customer is safe to send again (Plaid refuses a second
// one with the same application name), so it is never unresolved.
func Unresolved(d *drafts.Draft) (drafts.Submission, bool) {
	if d.Beacon == nil || len(d.Submissions) == 0 {
		return drafts.Submission{}, false
	}
	last := d.Submissions[len(d.Submissions)-1]
	return last, last.Unknown()
}

// ResendWarning says what is known of an unresolved attempt and how to
// find out before sending again.
func ResendWarning(d *drafts.Draft, last drafts.Submission) string {
	known := "The last attempt, on " + last.At.Local().Format("2006-01-02 15:04:05") + " to " + last.Env.Label() +
		", got no usable answer"
	if last.Outcome == drafts.OutcomeSending {
		known = "The last attempt, on " + last.At.Local().Format("2006-01-02 15:04:05") + " to " + last.Env.Label() +
			", was on its way when the program stopped"
	}
	if last.RequestID != "" {
		known += " (request " + last.RequestID + ")"
	}
	if id := Screened(d); last.Endpoint == client.PathBeaconUserUpdate && id != "" {
		return known + ": " + id + " may have been screened again. `plaid-onboard beacon get " + id +
			"` shows it and settles the draft; sending again screens the person once more."
	}
	return known + ": the Beacon user may have been created. This API cannot look a user up by client_user_id " +
		"(" + d.Beacon.ClientUserID + "): look for it in the Plaid Dashboard (Beacon → Users) first; if you find its id, " +
		"`plaid-onboard beacon get ID` shows it and settles the draft. Sending again creates a second user if the first one exists."
}
