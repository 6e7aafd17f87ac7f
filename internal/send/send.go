// Package send sends a draft's request and says what the answer means: the
// one place the wizard, the plain (accessible) prompts and the submit
// command share, so they cannot drift apart.
package send

import (
	"context"
	"errors"
	"time"

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

// FieldPaths lists the field paths of d's request, to find the field an
// error message names.
func FieldPaths(d *drafts.Draft) []string {
	if d.Partner != nil {
		return client.FieldPaths(client.PartnerCustomerCreateRequest{})
	}
	return client.FieldPaths(client.BeaconUserCreateRequest{})
}

// Check lists every problem of the request d holds: the same rules the
// emulator applies, run before anything is sent.
func Check(d *drafts.Draft, opt client.CheckOptions) validate.Problems {
	switch {
	case d.Partner != nil:
		return d.Partner.Check(opt)
	case d.Beacon != nil:
		return d.Beacon.Check(opt)
	}
	return validate.Problems{{Path: "(body)", Message: "the draft holds no request", State: validate.Invalid}}
}

// Do sends d's request (d must not change while it runs: pass a snapshot)
// and describes the attempt as a submission to record on the draft.
func Do(ctx context.Context, c *client.Client, d *drafts.Draft, env client.Environment, now time.Time) (any, drafts.Submission, error) {
	sub := drafts.Submission{At: now.UTC(), Env: env, Endpoint: Endpoint(d)}
	var (
		resp any
		err  error
	)
	switch {
	case d.Partner != nil:
		var r *client.PartnerCustomerCreateResponse
		if r, err = c.CreatePartnerCustomer(ctx, d.Partner); err == nil {
			resp = r
			sub.RequestID, sub.ClientID, sub.Status = r.RequestID, r.EndCustomer.ClientID, string(r.EndCustomer.Status)
		}
	case d.Beacon != nil:
		var u *client.BeaconUser
		if id := Screened(d); id != "" {
			u, err = c.UpdateBeaconUser(ctx, d.Beacon.UpdateFor(id))
		} else {
			u, err = c.CreateBeaconUser(ctx, d.Beacon)
		}
		if err == nil {
			resp = u
			sub.RequestID, sub.BeaconUserID, sub.Status = u.RequestID, u.ID, string(u.Status)
		}
	default:
		err = errors.New("the draft holds no request")
	}
	sub.Outcome = client.OutcomeOf(err).String()
	var pe *client.Error
	if errors.As(err, &pe) {
		sub.RequestID, sub.ErrorCode = pe.RequestID, pe.ErrorCode
	}
	return resp, sub, err
}
