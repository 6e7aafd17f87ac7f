package catalog

import (
	"sync"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// The lookups a support agent and partner staff make (FACTS.md §11): each
// sends an id, and a cursor for the next page of a list.

func idField(path, label, what string) *Field {
	return &Field{Path: path, Label: label, Rule: Identifier(what)}
}

func cursorField() *Field {
	return &Field{Path: "cursor", Label: "Page cursor", Help: "next_cursor of the page before"}
}

// BeaconUserHistoryList is the catalogue of /beacon/user/history/list.
var BeaconUserHistoryList = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconUserHistoryListRequest]("list a Beacon user's versions",
		client.PathBeaconUserHistoryList, nil, nil, []*Field{beaconUserIDField(), cursorField()})
})

// BeaconReportList is the catalogue of /beacon/report/list.
var BeaconReportList = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconReportListRequest]("list the fraud reports on a Beacon user",
		client.PathBeaconReportList, nil, nil, []*Field{beaconUserIDField(), cursorField()})
})

// BeaconReportGet is the catalogue of /beacon/report/get.
var BeaconReportGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconReportGetRequest]("get a fraud report",
		client.PathBeaconReportGet, nil, nil, []*Field{idField("beacon_report_id", "Fraud report id", "Beacon report id")})
})

// BeaconReportSyndicationList is the catalogue of /beacon/report_syndication/list.
var BeaconReportSyndicationList = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconReportSyndicationListRequest]("list the reports matching a Beacon user",
		client.PathBeaconReportSyndicationList, nil, nil, []*Field{beaconUserIDField(), cursorField()})
})

// BeaconReportSyndicationGet is the catalogue of /beacon/report_syndication/get.
var BeaconReportSyndicationGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconReportSyndicationGetRequest]("get a report syndication",
		client.PathBeaconReportSyndicationGet, nil, nil,
		[]*Field{idField("beacon_report_syndication_id", "Report syndication id", "Beacon report syndication id")})
})

// BeaconDuplicateGet is the catalogue of /beacon/duplicate/get.
var BeaconDuplicateGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconDuplicateGetRequest]("get a Beacon duplicate",
		client.PathBeaconDuplicateGet, nil, nil, []*Field{idField("beacon_duplicate_id", "Duplicate id", "Beacon duplicate id")})
})

// BeaconAccountInsightsGet is the catalogue of /beacon/user/account_insights/get.
var BeaconAccountInsightsGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.BeaconUserAccountInsightsGetRequest]("get the insights on a Beacon user's accounts",
		client.PathBeaconUserAccountInsightsGet, nil, nil,
		[]*Field{beaconUserIDField(), {Path: "access_token", Label: "Access token", Kind: Secret, Personal: Sealed, Rule: Identifier("access token")}})
})

// PartnerOAuthInstitutions is the catalogue of /partner/customer/oauth_institutions/get.
var PartnerOAuthInstitutions = sync.OnceValue(func() *Catalog {
	return newCatalog[client.PartnerCustomerOAuthInstitutionsGetRequest]("get an end customer's OAuth registrations",
		client.PathPartnerCustomerOAuthInstitutions, nil, nil, []*Field{clientIDField()})
})

// WebhookVerificationKeyGet is the catalogue of /webhook_verification_key/get.
var WebhookVerificationKeyGet = sync.OnceValue(func() *Catalog {
	return newCatalog[client.WebhookVerificationKeyGetRequest]("get a webhook verification key",
		client.PathWebhookVerificationKeyGet, nil, nil, []*Field{{Path: "key_id", Label: "Key id (the JWT's kid)"}})
})
