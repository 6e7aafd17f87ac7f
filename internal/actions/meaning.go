package actions

import (
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// PartnerStatusMeaning says what an end customer's status means for the
// partner ("" for a status newer than this program).
func PartnerStatusMeaning(s client.PartnerEndCustomerStatus) string {
	switch s {
	case client.StatusMoreInformationNeeded:
		return "Plaid needs more before it can enable this customer: see what is still needed."
	case client.StatusUnderReview:
		return "Enabled in Sandbox; Plaid is reviewing it before Production."
	case client.StatusPendingEnablement:
		return "Ready: enable it in full Production."
	case client.StatusActive:
		return "Enabled in all environments."
	case client.StatusDenied:
		return "Did not pass Plaid's review: Sandbox only. Talk to your account manager."
	}
	return ""
}

// Origin is what set a Beacon user's status, as far as the program knows.
type Origin int

// The origins.
const (
	// ByScreening: the status is what a create or update screening gave.
	ByScreening Origin = iota
	// ByReview: set by hand, with /beacon/user/review or in the Dashboard.
	ByReview
	// ByUnknown: read with /beacon/user/get; a screening or a review set it.
	ByUnknown
)

// OriginOf is how a follow-up's answer came about; a change made in the
// Dashboard is a review whatever the call that read it, and a read tells
// what it can from the audit trail (AuditOrigin).
func OriginOf(a Action, u *client.BeaconUser) Origin {
	switch {
	case a == Review || (u != nil && u.AuditTrail.Source == client.AuditDashboard):
		return ByReview
	case a == Refresh && u != nil:
		return AuditOrigin(u.BeaconUserRecord)
	case a == Refresh:
		return ByUnknown
	}
	return ByScreening
}

// screeningSkew is how long after a user's creation its audit trail may
// still be the screening's own.
const screeningSkew = 2 * time.Second

// AuditOrigin is what set a user's status, as its audit trail tells: the
// Dashboard is a review; a first version whose status was set after it
// was created (through the API, not by Beacon's own system) was set by
// hand; one set when it was created, by its screening. Of a later version
// the trail cannot tell.
func AuditOrigin(u client.BeaconUserRecord) Origin {
	switch {
	case u.AuditTrail.Source == client.AuditDashboard:
		return ByReview
	case u.Version != 1 || u.AuditTrail.Source == client.AuditSystem:
		return ByUnknown
	case u.AuditTrail.Timestamp.Sub(u.CreatedAt) > screeningSkew:
		return ByReview
	}
	return ByScreening
}

// Then is the origin after a follows: a refresh keeps what a review set
// (this program did it), and otherwise cannot tell.
func (o Origin) Then(a Action, u *client.BeaconUser) Origin {
	next := OriginOf(a, u)
	if next == ByUnknown && o == ByReview {
		return ByReview
	}
	return next
}

// BeaconMeaning says what a screening's status means for the agent, given
// what set it ("" for a status newer than this program): a status set by
// hand is not explained by what a screening finds.
func BeaconMeaning(s client.BeaconUserStatus, o Origin) string {
	if o == ByReview {
		switch s {
		case client.BeaconCleared:
			return "Cleared by hand after review: this person may be onboarded."
		case client.BeaconPendingReview:
			return "Put back to pending review by hand: it waits for a decision."
		case client.BeaconRejected:
			return "Rejected by hand after review (a fraud report stands on this user): do not onboard this person."
		}
		return ""
	}
	switch s {
	case client.BeaconCleared:
		if o == ByUnknown {
			return "Cleared: nothing was found, or a reviewer cleared this person."
		}
		return "Nothing found: no duplicate in this program, no fraud report of yours, no network match."
	case client.BeaconPendingReview:
		return "Possible duplicate or Beacon Network match: review the user (in the Dashboard), then set the status."
	case client.BeaconRejected:
		if o == ByUnknown {
			return "Rejected: it matches one of your organisation's fraud reports, or a reviewer rejected this person. Do not onboard this person."
		}
		return "Matches one of your organisation's fraud reports: do not onboard this person."
	}
	return ""
}

// ReviewRules are Plaid's rules for setting a Beacon user's status by hand.
const ReviewRules = "rejected needs a fraud report on the user; cleared needs no active report; pending_review is always allowed."

// reportsAreDeletedElsewhere says where the report cleared needs gone is
// removed: Plaid's API has no call for it.
const reportsAreDeletedElsewhere = "A report is removed in the Plaid Dashboard (Beacon → Reports): Plaid's API, and so this program, cannot delete one."
