package client

import "context"

// The paths this client calls.
const (
	PathPartnerCustomerCreate = "/beta/partner/customer/v1/create"
	PathPartnerCustomerGet    = "/beta/partner/customer/v1/get"
	PathPartnerCustomerUpdate = "/beta/partner/customer/v1/update"
	PathPartnerCustomerEnable = "/beta/partner/customer/v1/enable"
	PathBeaconUserCreate      = "/beacon/user/create"
	PathBeaconUserGet         = "/beacon/user/get"
	PathBeaconUserReview      = "/beacon/user/review"
	PathBeaconUserUpdate      = "/beacon/user/update"
	PathBeaconReportCreate    = "/beacon/report/create"
)

// CreatePartnerCustomer creates an end customer; whatever the chosen
// products still need comes back in RequirementsDue.
func (c *Client) CreatePartnerCustomer(ctx context.Context, req *PartnerCustomerCreateRequest) (*PartnerCustomerCreateResponse, error) {
	var resp PartnerCustomerCreateResponse
	return &resp, c.call(ctx, PathPartnerCustomerCreate, false, req, &resp)
}

// GetPartnerCustomer fetches an end customer (without secrets).
func (c *Client) GetPartnerCustomer(ctx context.Context, req *PartnerCustomerGetRequest) (*PartnerCustomerGetResponse, error) {
	var resp PartnerCustomerGetResponse
	return &resp, c.call(ctx, PathPartnerCustomerGet, true, req, &resp)
}

// UpdatePartnerCustomer supplies what an end customer still needs.
func (c *Client) UpdatePartnerCustomer(ctx context.Context, req *PartnerCustomerUpdateRequest) (*PartnerCustomerUpdateResponse, error) {
	var resp PartnerCustomerUpdateResponse
	return &resp, c.call(ctx, PathPartnerCustomerUpdate, false, req, &resp)
}

// EnablePartnerCustomer enables an end customer in full Production.
func (c *Client) EnablePartnerCustomer(ctx context.Context, req *PartnerCustomerEnableRequest) (*PartnerCustomerEnableResponse, error) {
	var resp PartnerCustomerEnableResponse
	return &resp, c.call(ctx, PathPartnerCustomerEnable, false, req, &resp)
}

// CreateBeaconUser creates a Beacon user and screens it at once.
func (c *Client) CreateBeaconUser(ctx context.Context, req *BeaconUserCreateRequest) (*BeaconUser, error) {
	var resp BeaconUser
	return &resp, c.call(ctx, PathBeaconUserCreate, false, req, &resp)
}

// GetBeaconUser fetches a Beacon user.
func (c *Client) GetBeaconUser(ctx context.Context, req *BeaconUserGetRequest) (*BeaconUser, error) {
	var resp BeaconUser
	return &resp, c.call(ctx, PathBeaconUserGet, true, req, &resp)
}

// ReviewBeaconUser sets a Beacon user's status.
func (c *Client) ReviewBeaconUser(ctx context.Context, req *BeaconUserReviewRequest) (*BeaconUser, error) {
	var resp BeaconUser
	return &resp, c.call(ctx, PathBeaconUserReview, false, req, &resp)
}

// UpdateBeaconUser patches a Beacon user's data and screens it again.
func (c *Client) UpdateBeaconUser(ctx context.Context, req *BeaconUserUpdateRequest) (*BeaconUser, error) {
	var resp BeaconUser
	return &resp, c.call(ctx, PathBeaconUserUpdate, false, req, &resp)
}

// CreateBeaconReport reports a Beacon user as fraud.
func (c *Client) CreateBeaconReport(ctx context.Context, req *BeaconReportCreateRequest) (*BeaconReport, error) {
	var resp BeaconReport
	return &resp, c.call(ctx, PathBeaconReportCreate, false, req, &resp)
}
