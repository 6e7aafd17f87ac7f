package client

import "time"

// The objects that say why a Beacon user has its status: duplicates in
// the program and report syndications (this organisation's reports and
// the Beacon Network's).

// BeaconMatchCode is a value of BeaconMatchSummaryCode.
type BeaconMatchCode string

const (
	MatchStrong  BeaconMatchCode = "match"
	MatchPartial BeaconMatchCode = "partial_match"
	MatchNone    BeaconMatchCode = "no_match"
	MatchNoData  BeaconMatchCode = "no_data"
)

// BeaconMatchCodes lists the enum in the spec's order.
var BeaconMatchCodes = []BeaconMatchCode{MatchStrong, MatchPartial, MatchNone, MatchNoData}

// BeaconMatchSummaryAnalysis says, per attribute, how two users matched.
type BeaconMatchSummaryAnalysis struct {
	Open
	Address      BeaconMatchCode `json:"address" plaid:"required"`
	DateOfBirth  BeaconMatchCode `json:"date_of_birth" plaid:"required"`
	EmailAddress BeaconMatchCode `json:"email_address" plaid:"required"`
	Name         BeaconMatchCode `json:"name" plaid:"required"`
	IDNumber     BeaconMatchCode `json:"id_number" plaid:"required"`
	IPAddress    BeaconMatchCode `json:"ip_address" plaid:"required"`
	PhoneNumber  BeaconMatchCode `json:"phone_number" plaid:"required"`
}

// BeaconAccountMatchAnalysis is BeaconSyndicatedReportDepositoryAccountMatchAnalysis.
type BeaconAccountMatchAnalysis struct {
	AccountMask   string          `json:"account_mask" plaid:"required"`
	RoutingNumber string          `json:"routing_number" plaid:"required"`
	MatchStatus   BeaconMatchCode `json:"match_status" plaid:"required"`
}

// BeaconReportSyndicationAnalysis is the match summary plus the accounts.
type BeaconReportSyndicationAnalysis struct {
	Open
	BeaconMatchSummaryAnalysis
	DepositoryAccounts []BeaconAccountMatchAnalysis `json:"depository_accounts" plaid:"required"`
}

// BeaconUserRevision names one version of a user.
type BeaconUserRevision struct {
	Open
	ID      string `json:"id" plaid:"required"`
	Version int    `json:"version" plaid:"required"`
}

// BeaconDuplicate is BeaconDuplicateGetResponse: the duplicate and the
// request id.
type BeaconDuplicate struct {
	Open
	BeaconDuplicateRecord
	RequestID string `json:"request_id" plaid:"required"`
}

// BeaconDuplicateRecord is two users of one program that share data
// Duplicate Information Filtering watches, and how each attribute matched.
type BeaconDuplicateRecord struct {
	ID          string                     `json:"id" plaid:"required"`
	BeaconUser1 BeaconUserRevision         `json:"beacon_user1" plaid:"required"`
	BeaconUser2 BeaconUserRevision         `json:"beacon_user2" plaid:"required"`
	Analysis    BeaconMatchSummaryAnalysis `json:"analysis" plaid:"required"`
}

// BeaconReportSyndicationOriginalReport is what a syndication shows of
// the report; ID is nil when another Beacon customer made it.
type BeaconReportSyndicationOriginalReport struct {
	Open
	ID        *string          `json:"id" plaid:"required"`
	CreatedAt time.Time        `json:"created_at" plaid:"required"`
	Type      BeaconReportType `json:"type" plaid:"required"`
	FraudDate *string          `json:"fraud_date" plaid:"required"`
	EventDate string           `json:"event_date" plaid:"required"`
}

// BeaconReportSyndication is a report matching one of this organisation's
// users.
type BeaconReportSyndication struct {
	Open
	ID           string                                `json:"id" plaid:"required"`
	BeaconUserID string                                `json:"beacon_user_id" plaid:"required"`
	Report       BeaconReportSyndicationOriginalReport `json:"report" plaid:"required"`
	Analysis     BeaconReportSyndicationAnalysis       `json:"analysis" plaid:"required"`
}
