package actions

import "github.com/plaid-onboard/plaid-onboard/client"

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

// BeaconMeaning says what a screening's status means for the agent (""
// for a status newer than this program).
func BeaconMeaning(s client.BeaconUserStatus) string {
	switch s {
	case client.BeaconCleared:
		return "Nothing found: no duplicate in this program, no fraud report of yours, no network match."
	case client.BeaconPendingReview:
		return "Possible duplicate or Beacon Network match: review the user (in the Dashboard), then set the status."
	case client.BeaconRejected:
		return "Matches one of your organisation's fraud reports: do not onboard this person."
	}
	return ""
}

// ReviewRules are Plaid's rules for setting a Beacon user's status by hand.
const ReviewRules = "rejected needs a fraud report on the user; cleared needs no active report; pending_review is always allowed."
