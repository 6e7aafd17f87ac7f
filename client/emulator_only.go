package client

import "context"

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
