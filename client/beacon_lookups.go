package client

import (
	"context"
	"fmt"
	"time"
)

// The paths that say why a Beacon user has its status, and where an end
// customer's OAuth registrations stand (FACTS.md §11).
const (
	PathBeaconUserHistoryList            = "/beacon/user/history/list"
	PathBeaconReportList                 = "/beacon/report/list"
	PathBeaconReportGet                  = "/beacon/report/get"
	PathBeaconReportSyndicationList      = "/beacon/report_syndication/list"
	PathBeaconReportSyndicationGet       = "/beacon/report_syndication/get"
	PathBeaconDuplicateGet               = "/beacon/duplicate/get"
	PathBeaconUserAccountInsightsGet     = "/beacon/user/account_insights/get"
	PathPartnerCustomerOAuthInstitutions = "/partner/customer/oauth_institutions/get"
)

// BeaconUserHistoryListRequest asks for every version of a user, newest
// first; Cursor is the page after the one that named it.
type BeaconUserHistoryListRequest struct {
	BeaconUserID string `json:"beacon_user_id,omitempty" plaid:"required"`
	Cursor       string `json:"cursor,omitempty"`
}

// BeaconUserHistoryListResponse is one page of a user's versions.
type BeaconUserHistoryListResponse struct {
	Open
	BeaconUsers []BeaconUserRecord `json:"beacon_users" plaid:"required"`
	NextCursor  *string            `json:"next_cursor" plaid:"required"`
	RequestID   string             `json:"request_id" plaid:"required"`
}

// BeaconReportListRequest asks for the reports on a user.
type BeaconReportListRequest struct {
	BeaconUserID string `json:"beacon_user_id,omitempty" plaid:"required"`
	Cursor       string `json:"cursor,omitempty"`
}

// BeaconReportListResponse is one page of a user's reports.
type BeaconReportListResponse struct {
	Open
	BeaconReports []BeaconReportRecord `json:"beacon_reports" plaid:"required"`
	NextCursor    *string              `json:"next_cursor" plaid:"required"`
	RequestID     string               `json:"request_id" plaid:"required"`
}

// BeaconReportGetRequest asks for one report.
type BeaconReportGetRequest struct {
	BeaconReportID string `json:"beacon_report_id,omitempty" plaid:"required"`
}

// BeaconReportSyndicationListRequest asks for the reports matching a user.
type BeaconReportSyndicationListRequest struct {
	BeaconUserID string `json:"beacon_user_id,omitempty" plaid:"required"`
	Cursor       string `json:"cursor,omitempty"`
}

// BeaconReportSyndicationListResponse is one page of them.
type BeaconReportSyndicationListResponse struct {
	Open
	BeaconReportSyndications []BeaconReportSyndication `json:"beacon_report_syndications" plaid:"required"`
	NextCursor               *string                   `json:"next_cursor" plaid:"required"`
	RequestID                string                    `json:"request_id" plaid:"required"`
}

// BeaconReportSyndicationGetRequest asks for one report syndication.
type BeaconReportSyndicationGetRequest struct {
	BeaconReportSyndicationID string `json:"beacon_report_syndication_id,omitempty" plaid:"required"`
}

// BeaconReportSyndicationGetResponse is the syndication and the request id.
type BeaconReportSyndicationGetResponse struct {
	Open
	BeaconReportSyndication
	RequestID string `json:"request_id" plaid:"required"`
}

// BeaconDuplicateGetRequest asks for one duplicate.
type BeaconDuplicateGetRequest struct {
	BeaconDuplicateID string `json:"beacon_duplicate_id,omitempty" plaid:"required"`
}

// BeaconUserAccountInsightsGetRequest asks for the insights on the
// accounts an access token links to a user.
type BeaconUserAccountInsightsGetRequest struct {
	BeaconUserID string `json:"beacon_user_id,omitempty" plaid:"required"`
	AccessToken  string `json:"access_token,omitempty" plaid:"required"`
}

// BeaconUserAccountInsightsGetResponse holds them.
type BeaconUserAccountInsightsGetResponse struct {
	Open
	BeaconUserID        string             `json:"beacon_user_id" plaid:"required"`
	CreatedAt           time.Time          `json:"created_at" plaid:"required"`
	UpdatedAt           time.Time          `json:"updated_at" plaid:"required"`
	BankAccountInsights BeaconBankAccounts `json:"bank_account_insights" plaid:"required"`
	RequestID           string             `json:"request_id" plaid:"required"`
}

// BeaconBankAccounts are the accounts of one Item.
type BeaconBankAccounts struct {
	Open
	ItemID   string                      `json:"item_id" plaid:"required"`
	Accounts []BeaconBankAccountInsights `json:"accounts" plaid:"required"`
}

// BeaconBankAccountInsights is one account's risk attributes. Type and
// Subtype are Plaid's account enums, kept as text: a newer value never
// breaks decoding.
type BeaconBankAccountInsights struct {
	Open
	AccountID  string                      `json:"account_id" plaid:"required"`
	Type       string                      `json:"type" plaid:"required"`
	Subtype    *string                     `json:"subtype" plaid:"required"`
	Attributes BeaconAccountRiskAttributes `json:"attributes" plaid:"required"`
}

// BeaconAccountRiskAttributes are the spec's risk attributes; any may be
// null (Plaid does not know it).
type BeaconAccountRiskAttributes struct {
	Open
	DaysSinceFirstPlaidConnection                     *int  `json:"days_since_first_plaid_connection" plaid:"required"`
	IsAccountClosed                                   *bool `json:"is_account_closed" plaid:"required"`
	IsAccountFrozenOrRestricted                       *bool `json:"is_account_frozen_or_restricted" plaid:"required"`
	TotalPlaidConnectionsCount                        *int  `json:"total_plaid_connections_count" plaid:"required"`
	PlaidConnectionsCount7d                           *int  `json:"plaid_connections_count_7d" plaid:"required"`
	PlaidConnectionsCount30d                          *int  `json:"plaid_connections_count_30d" plaid:"required"`
	FailedPlaidNonOAuthAuthenticationAttemptsCount3d  *int  `json:"failed_plaid_non_oauth_authentication_attempts_count_3d" plaid:"required"`
	PlaidNonOAuthAuthenticationAttemptsCount3d        *int  `json:"plaid_non_oauth_authentication_attempts_count_3d" plaid:"required"`
	FailedPlaidNonOAuthAuthenticationAttemptsCount7d  *int  `json:"failed_plaid_non_oauth_authentication_attempts_count_7d" plaid:"required"`
	PlaidNonOAuthAuthenticationAttemptsCount7d        *int  `json:"plaid_non_oauth_authentication_attempts_count_7d" plaid:"required"`
	FailedPlaidNonOAuthAuthenticationAttemptsCount30d *int  `json:"failed_plaid_non_oauth_authentication_attempts_count_30d" plaid:"required"`
	PlaidNonOAuthAuthenticationAttemptsCount30d       *int  `json:"plaid_non_oauth_authentication_attempts_count_30d" plaid:"required"`
	DistinctIPAddressesCount3d                        *int  `json:"distinct_ip_addresses_count_3d" plaid:"required"`
	DistinctIPAddressesCount7d                        *int  `json:"distinct_ip_addresses_count_7d" plaid:"required"`
	DistinctIPAddressesCount30d                       *int  `json:"distinct_ip_addresses_count_30d" plaid:"required"`
	DistinctIPAddressesCount90d                       *int  `json:"distinct_ip_addresses_count_90d" plaid:"required"`
	DistinctUserAgentsCount3d                         *int  `json:"distinct_user_agents_count_3d" plaid:"required"`
	DistinctUserAgentsCount7d                         *int  `json:"distinct_user_agents_count_7d" plaid:"required"`
	DistinctUserAgentsCount30d                        *int  `json:"distinct_user_agents_count_30d" plaid:"required"`
	DistinctUserAgentsCount90d                        *int  `json:"distinct_user_agents_count_90d" plaid:"required"`
	AddressChangeCount28d                             *int  `json:"address_change_count_28d" plaid:"required"`
	EmailChangeCount28d                               *int  `json:"email_change_count_28d" plaid:"required"`
	PhoneChangeCount28d                               *int  `json:"phone_change_count_28d" plaid:"required"`
	AddressChangeCount90d                             *int  `json:"address_change_count_90d" plaid:"required"`
	EmailChangeCount90d                               *int  `json:"email_change_count_90d" plaid:"required"`
	PhoneChangeCount90d                               *int  `json:"phone_change_count_90d" plaid:"required"`
	DaysSinceAccountOpening                           *int  `json:"days_since_account_opening" plaid:"required"`
	DaysSinceFirstObservedTransaction                 *int  `json:"days_since_first_observed_transaction" plaid:"required"`
}

// PartnerCustomerOAuthInstitutionsGetRequest asks where an end customer's
// OAuth registrations stand.
type PartnerCustomerOAuthInstitutionsGetRequest struct {
	EndCustomerClientID string `json:"end_customer_client_id,omitempty" plaid:"required"`
}

// PartnerCustomerOAuthInstitutionsGetResponse says it, per institution.
// The spec requires none of its keys.
type PartnerCustomerOAuthInstitutionsGetResponse struct {
	Open
	FlowdownStatus      string                    `json:"flowdown_status,omitempty"`
	QuestionnaireStatus string                    `json:"questionnaire_status,omitempty"`
	Institutions        []PartnerOAuthInstitution `json:"institutions,omitempty"`
	RequestID           string                    `json:"request_id,omitempty"`
}

// PartnerOAuthInstitution is one institution's registration.
type PartnerOAuthInstitution struct {
	Open
	Name                     string                   `json:"name,omitempty"`
	InstitutionID            string                   `json:"institution_id,omitempty"`
	Environments             PartnerOAuthEnvironments `json:"environments,omitzero"`
	ProductionEnablementDate *string                  `json:"production_enablement_date"`
	ClassicDisablementDate   *string                  `json:"classic_disablement_date"`
	Errors                   []Error                  `json:"errors,omitempty"`
}

// PartnerOAuthEnvironments is the registration's status per environment.
type PartnerOAuthEnvironments struct {
	Open
	Development OAuthStatus `json:"development,omitempty"`
	Production  OAuthStatus `json:"production,omitempty"`
}

// OAuthStatus is a value of PartnerEndCustomerOAuthInstitutionApplicationStatus.
type OAuthStatus string

// The OAuth registration statuses, in the order they progress.
const (
	OAuthNotStarted        OAuthStatus = "NOT_STARTED"
	OAuthProcessing        OAuthStatus = "PROCESSING"
	OAuthApproved          OAuthStatus = "APPROVED"
	OAuthEnabled           OAuthStatus = "ENABLED"
	OAuthAttentionRequired OAuthStatus = "ATTENTION_REQUIRED"
)

// OAuthStatuses lists the enum in the spec's order.
var OAuthStatuses = []OAuthStatus{OAuthNotStarted, OAuthProcessing, OAuthApproved, OAuthEnabled, OAuthAttentionRequired}

// ListBeaconUserHistory fetches one page of a user's versions.
func (c *Client) ListBeaconUserHistory(ctx context.Context, req *BeaconUserHistoryListRequest) (*BeaconUserHistoryListResponse, error) {
	var resp BeaconUserHistoryListResponse
	return &resp, c.call(ctx, PathBeaconUserHistoryList, true, req, &resp)
}

// ListBeaconReports fetches one page of the reports on a user.
func (c *Client) ListBeaconReports(ctx context.Context, req *BeaconReportListRequest) (*BeaconReportListResponse, error) {
	var resp BeaconReportListResponse
	return &resp, c.call(ctx, PathBeaconReportList, true, req, &resp)
}

// GetBeaconReport fetches one report.
func (c *Client) GetBeaconReport(ctx context.Context, req *BeaconReportGetRequest) (*BeaconReport, error) {
	var resp BeaconReport
	return &resp, c.call(ctx, PathBeaconReportGet, true, req, &resp)
}

// ListBeaconReportSyndications fetches one page of the reports matching a user.
func (c *Client) ListBeaconReportSyndications(ctx context.Context, req *BeaconReportSyndicationListRequest) (*BeaconReportSyndicationListResponse, error) {
	var resp BeaconReportSyndicationListResponse
	return &resp, c.call(ctx, PathBeaconReportSyndicationList, true, req, &resp)
}

// GetBeaconReportSyndication fetches one report syndication.
func (c *Client) GetBeaconReportSyndication(ctx context.Context, req *BeaconReportSyndicationGetRequest) (*BeaconReportSyndicationGetResponse, error) {
	var resp BeaconReportSyndicationGetResponse
	return &resp, c.call(ctx, PathBeaconReportSyndicationGet, true, req, &resp)
}

// GetBeaconDuplicate fetches one duplicate: the two users and what matched.
func (c *Client) GetBeaconDuplicate(ctx context.Context, req *BeaconDuplicateGetRequest) (*BeaconDuplicate, error) {
	var resp BeaconDuplicate
	return &resp, c.call(ctx, PathBeaconDuplicateGet, true, req, &resp)
}

// GetBeaconAccountInsights fetches the insights on a user's accounts.
func (c *Client) GetBeaconAccountInsights(ctx context.Context, req *BeaconUserAccountInsightsGetRequest) (*BeaconUserAccountInsightsGetResponse, error) {
	var resp BeaconUserAccountInsightsGetResponse
	return &resp, c.call(ctx, PathBeaconUserAccountInsightsGet, true, req, &resp)
}

// GetPartnerOAuthInstitutions fetches an end customer's OAuth registrations.
func (c *Client) GetPartnerOAuthInstitutions(ctx context.Context, req *PartnerCustomerOAuthInstitutionsGetRequest) (*PartnerCustomerOAuthInstitutionsGetResponse, error) {
	var resp PartnerCustomerOAuthInstitutionsGetResponse
	return &resp, c.call(ctx, PathPartnerCustomerOAuthInstitutions, true, req, &resp)
}

// maxPages bounds a walk through a list: a server that kept answering a
// next cursor would otherwise hold the caller forever.
const maxPages = 200

// allPages walks a list to its last page.
func allPages[T any](fetch func(cursor string) ([]T, *string, error)) ([]T, error) {
	var out []T
	cursor := ""
	for range maxPages {
		items, next, err := fetch(cursor)
		if err != nil {
			return out, err
		}
		out = append(out, items...)
		if next == nil || *next == "" || *next == cursor {
			return out, nil
		}
		cursor = *next
	}
	return out, fmt.Errorf("the list goes on past %d pages: only those are shown", maxPages)
}

// AllHistory fetches every version of a user, newest first.
func AllHistory(ctx context.Context, c *Client, id string) ([]BeaconUserRecord, error) {
	return allPages(func(cursor string) ([]BeaconUserRecord, *string, error) {
		r, err := c.ListBeaconUserHistory(ctx, &BeaconUserHistoryListRequest{BeaconUserID: id, Cursor: cursor})
		return r.BeaconUsers, r.NextCursor, err
	})
}

// AllReports fetches every report on a user.
func AllReports(ctx context.Context, c *Client, id string) ([]BeaconReportRecord, error) {
	return allPages(func(cursor string) ([]BeaconReportRecord, *string, error) {
		r, err := c.ListBeaconReports(ctx, &BeaconReportListRequest{BeaconUserID: id, Cursor: cursor})
		return r.BeaconReports, r.NextCursor, err
	})
}

// AllSyndications fetches every report syndication of a user.
func AllSyndications(ctx context.Context, c *Client, id string) ([]BeaconReportSyndication, error) {
	return allPages(func(cursor string) ([]BeaconReportSyndication, *string, error) {
		r, err := c.ListBeaconReportSyndications(ctx, &BeaconReportSyndicationListRequest{BeaconUserID: id, Cursor: cursor})
		return r.BeaconReportSyndications, r.NextCursor, err
	})
}
