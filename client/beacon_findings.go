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
	Address      BeaconMatchCode `json:"address"`
	DateOfBirth  BeaconMatchCode `json:"date_of_birth"`
	EmailAddress BeaconMatchCode `json:"email_address"`
	Name         BeaconMatchCode `json:"name"`
	IDNumber     BeaconMatchCode `json:"id_number"`
	IPAddress    BeaconMatchCode `json:"ip_address"`
	PhoneNumber  BeaconMatchCode `json:"phone_number"`
}

// BeaconAccountMatchAnalysis is BeaconSyndicatedReportDepositoryAccountMatchAnalysis.
type BeaconAccountMatchAnalysis struct {
	AccountMask   string          `json:"account_mask"`
	RoutingNumber string          `json:"routing_number"`
	MatchStatus   BeaconMatchCode `json:"match_status"`
}

// BeaconReportSyndicationAnalysis is the match summary plus the accounts.
type BeaconReportSyndicationAnalysis struct {
	BeaconMatchSummaryAnalysis
	DepositoryAccounts []BeaconAccountMatchAnalysis `json:"depository_accounts"`
}

// BeaconUserRevision names one version of a user.
type BeaconUserRevision struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// BeaconDuplicate is BeaconDuplicateGetResponse: two users of one program
// that share data Duplicate Information Filtering watches.
type BeaconDuplicate struct {
	ID          string                     `json:"id"`
	BeaconUser1 BeaconUserRevision         `json:"beacon_user1"`
	BeaconUser2 BeaconUserRevision         `json:"beacon_user2"`
	Analysis    BeaconMatchSummaryAnalysis `json:"analysis"`
	RequestID   string                     `json:"request_id"`
}

// BeaconReportSyndicationOriginalReport is what a syndication shows of
// the report; ID is nil when another Beacon customer made it.
type BeaconReportSyndicationOriginalReport struct {
	ID        *string          `json:"id"`
	CreatedAt time.Time        `json:"created_at"`
	Type      BeaconReportType `json:"type"`
	FraudDate *string          `json:"fraud_date"`
	EventDate string           `json:"event_date"`
}

// BeaconReportSyndication is a report matching one of this organisation's
// users.
type BeaconReportSyndication struct {
	ID           string                                `json:"id"`
	BeaconUserID string                                `json:"beacon_user_id"`
	Report       BeaconReportSyndicationOriginalReport `json:"report"`
	Analysis     BeaconReportSyndicationAnalysis       `json:"analysis"`
}
