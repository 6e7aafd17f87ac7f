package send

import "github.com/plaid-onboard/plaid-onboard/client"

// PartnerStatusMeaning says what an end customer's status means for the
// partner.
var PartnerStatusMeaning = map[client.PartnerEndCustomerStatus]string{
	client.StatusMoreInformationNeeded: "Plaid needs more before it can enable this customer: see what is still needed.",
	client.StatusUnderReview:           "Enabled in Sandbox; Plaid is reviewing it before Production.",
	client.StatusPendingEnablement:     "Ready: enable it in full Production.",
	client.StatusActive:                "Enabled in all environments.",
	client.StatusDenied:                "Did not pass Plaid's review: Sandbox only. Talk to your account manager.",
}

// BeaconMeaning says what a screening's status means for the agent.
var BeaconMeaning = map[client.BeaconUserStatus]string{
	client.BeaconCleared:       "Nothing found: no duplicate in this program, no fraud report of yours, no network match.",
	client.BeaconPendingReview: "Possible duplicate or Beacon Network match: review the user (in the Dashboard), then set the status.",
	client.BeaconRejected:      "Matches one of your organisation's fraud reports: do not onboard this person.",
}

// ReviewRules are Plaid's rules for setting a Beacon user's status by hand.
const ReviewRules = "rejected needs a fraud report on the user; cleared needs no active report; pending_review is always allowed."

// Requirement says where a requirement of an end customer is fixed, and
// whether /update can carry the fix (it takes only legal_entity_name,
// redirect_uris, bank_addendum_acceptance and questionnaires).
type Requirement struct {
	Step      string // the wizard step's id
	Updatable bool
}

// Requirements maps each requirements_due value to its fix.
var Requirements = map[client.RequirementDue]Requirement{
	client.RequirementLegalEntityName:        {"company", true},
	client.RequirementWebsite:                {"company", false},
	client.RequirementApplicationName:        {"company", false},
	client.RequirementIsDiligenceAttested:    {"attestations", false},
	client.RequirementTechnicalContact:       {"contacts", false},
	client.RequirementBillingContact:         {"contacts", false},
	client.RequirementAddress:                {"address", false},
	client.RequirementBankAddendumAcceptance: {"addendum", true},
	client.RequirementCRAQuestionnaire:       {"cra", true},
}
