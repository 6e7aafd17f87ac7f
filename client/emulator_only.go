package client

import (
	"context"
	"time"
)

// PathEmulatorBeaconDuplicates is the built-in emulator's own lookup, not
// Plaid's: the duplicates recorded for a user. Plaid's API lists a user's
// duplicates nowhere (their ids reach an app in DUPLICATE_DETECTED
// webhooks), so against sandbox or production the person view says so and
// asks for a duplicate id. The path cannot be mistaken for one of Plaid's.
const PathEmulatorBeaconDuplicates = "/emulator/beacon/user/duplicates"

// EmulatorDuplicatesRequest names the user.
type EmulatorDuplicatesRequest struct {
	BeaconUserID string `json:"beacon_user_id,omitempty" plaid:"required"`
}

// EmulatorDuplicatesResponse lists the user's duplicates, newest first.
type EmulatorDuplicatesResponse struct {
	BeaconDuplicates []BeaconDuplicateRecord `json:"beacon_duplicates" plaid:"required"`
	RequestID        string                  `json:"request_id" plaid:"required"`
}

// EmulatorDuplicates asks the built-in emulator for a user's duplicates;
// only the local environment answers it.
func (c *Client) EmulatorDuplicates(ctx context.Context, req *EmulatorDuplicatesRequest) (*EmulatorDuplicatesResponse, error) {
	var resp EmulatorDuplicatesResponse
	return &resp, c.call(ctx, PathEmulatorBeaconDuplicates, true, req, &resp)
}

// The emulator's own paths for its webhooks, not Plaid's: what a served
// emulator sent, and a webhook sent by hand. Plaid's webhooks are seen by
// whoever receives them; an emulator serving apart keeps its own record,
// which `plaid-onboard emulator webhooks --from URL` asks for.
const (
	PathEmulatorWebhooksList = "/emulator/webhooks/list"
	PathEmulatorWebhooksFire = "/emulator/webhooks/fire"
)

// EmulatorWebhooksListRequest asks for the newest webhooks.
type EmulatorWebhooksListRequest struct {
	Limit int `json:"limit,omitempty"`
}

// EmulatorWebhook is one webhook the emulator sent (or will), with every
// attempt to deliver it.
type EmulatorWebhook struct {
	ID        string                   `json:"id"`
	URL       string                   `json:"url"`
	Code      string                   `json:"code"`
	ObjectID  string                   `json:"object_id"`
	CreatedAt time.Time                `json:"created_at"`
	State     string                   `json:"state"`
	Attempts  []EmulatorWebhookAttempt `json:"attempts"`
}

// EmulatorWebhookAttempt is one try to deliver a webhook.
type EmulatorWebhookAttempt struct {
	At     time.Time `json:"at"`
	Status int       `json:"status"` // HTTP status; 0 when none came
	Error  string    `json:"error,omitempty"`
}

// EmulatorWebhooksListResponse lists them, newest first.
type EmulatorWebhooksListResponse struct {
	Webhooks  []EmulatorWebhook `json:"webhooks" plaid:"required"`
	RequestID string            `json:"request_id" plaid:"required"`
}

// EmulatorWebhooks asks an emulator what it sent.
func (c *Client) EmulatorWebhooks(ctx context.Context, req *EmulatorWebhooksListRequest) (*EmulatorWebhooksListResponse, error) {
	var resp EmulatorWebhooksListResponse
	return &resp, c.call(ctx, PathEmulatorWebhooksList, true, req, &resp)
}

// EmulatorWebhookFireRequest sends a Beacon webhook about an object that
// exists.
type EmulatorWebhookFireRequest struct {
	WebhookCode string `json:"webhook_code,omitempty" plaid:"required"`
	ObjectID    string `json:"object_id,omitempty" plaid:"required"`
}

// EmulatorWebhookFireResponse says it was queued.
type EmulatorWebhookFireResponse struct {
	RequestID string `json:"request_id" plaid:"required"`
}

// EmulatorFireWebhook asks an emulator to send a webhook.
func (c *Client) EmulatorFireWebhook(ctx context.Context, req *EmulatorWebhookFireRequest) (*EmulatorWebhookFireResponse, error) {
	var resp EmulatorWebhookFireResponse
	return &resp, c.call(ctx, PathEmulatorWebhooksFire, false, req, &resp)
}
