package client

import "context"

// PathWebhookVerificationKeyGet serves the public key that verifies a
// webhook's Plaid-Verification JWT.
const PathWebhookVerificationKeyGet = "/webhook_verification_key/get"

// WebhookVerificationKeyGetRequest names the key by the JWT's kid.
type WebhookVerificationKeyGetRequest struct {
	KeyID string `json:"key_id,omitempty" plaid:"required"`
}

// WebhookVerificationKeyGetResponse holds the key.
type WebhookVerificationKeyGetResponse struct {
	Open
	Key       JWKPublicKey `json:"key" plaid:"required"`
	RequestID string       `json:"request_id" plaid:"required"`
}

// JWKPublicKey is a JSON Web Key of the P-256 curve (ES256); ExpiredAt is
// set once Plaid stopped signing with it.
type JWKPublicKey struct {
	Open
	Alg       string `json:"alg" plaid:"required"`
	Crv       string `json:"crv" plaid:"required"`
	Kid       string `json:"kid" plaid:"required"`
	Kty       string `json:"kty" plaid:"required"`
	Use       string `json:"use" plaid:"required"`
	X         string `json:"x" plaid:"required"`
	Y         string `json:"y" plaid:"required"`
	CreatedAt int64  `json:"created_at" plaid:"required"`
	ExpiredAt *int64 `json:"expired_at" plaid:"required"`
}

// GetWebhookVerificationKey fetches the key a webhook was signed with.
func (c *Client) GetWebhookVerificationKey(ctx context.Context, req *WebhookVerificationKeyGetRequest) (*WebhookVerificationKeyGetResponse, error) {
	var resp WebhookVerificationKeyGetResponse
	return &resp, c.call(ctx, PathWebhookVerificationKeyGet, true, req, &resp)
}

// Webhook is the body of every webhook this program knows: its type and
// code, the id of the object it is about, and the environment. Only the
// fields of its code are set (the spec has one schema per code).
type Webhook struct {
	WebhookType               string `json:"webhook_type"`
	WebhookCode               string `json:"webhook_code"`
	BeaconUserID              string `json:"beacon_user_id,omitempty"`
	BeaconReportID            string `json:"beacon_report_id,omitempty"`
	BeaconReportSyndicationID string `json:"beacon_report_syndication_id,omitempty"`
	BeaconDuplicateID         string `json:"beacon_duplicate_id,omitempty"`
	EndCustomerClientID       string `json:"end_customer_client_id,omitempty"`
	InstitutionID             string `json:"institution_id,omitempty"`
	InstitutionName           string `json:"institution_name,omitempty"`
	Status                    string `json:"status,omitempty"`
	Environment               string `json:"environment"`
}

// The webhook codes the emulator sends and the listener names.
const (
	WebhookBeacon             = "BEACON"
	WebhookPartner            = "PARTNER"
	WebhookUserStatusUpdated  = "USER_STATUS_UPDATED"
	WebhookReportCreated      = "REPORT_CREATED"
	WebhookReportUpdated      = "REPORT_UPDATED"
	WebhookSyndicationCreated = "REPORT_SYNDICATION_CREATED"
	WebhookDuplicateDetected  = "DUPLICATE_DETECTED"
	WebhookOAuthStatusUpdated = "END_CUSTOMER_OAUTH_STATUS_UPDATED"
)

// WebhookSchemas names each code's schema in the spec.
var WebhookSchemas = map[string]string{
	WebhookUserStatusUpdated:  "BeaconUserStatusUpdatedWebhook",
	WebhookReportCreated:      "BeaconReportCreatedWebhook",
	WebhookReportUpdated:      "BeaconReportUpdatedWebhook",
	WebhookSyndicationCreated: "BeaconReportSyndicationCreatedWebhook",
	WebhookDuplicateDetected:  "BeaconDuplicateDetectedWebhook",
	WebhookOAuthStatusUpdated: "PartnerEndCustomerOAuthStatusUpdatedWebhook",
}

// ObjectID is the id the webhook is about.
func (w Webhook) ObjectID() string {
	for _, id := range []string{w.BeaconUserID, w.BeaconReportID, w.BeaconReportSyndicationID, w.BeaconDuplicateID, w.EndCustomerClientID} {
		if id != "" {
			return id
		}
	}
	return ""
}
