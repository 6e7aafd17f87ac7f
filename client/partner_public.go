package client

import "context"

// Plaid's public partner API (FACTS.md §2, §4): the documented flow beside
// the beta paths. It creates with a different body (bank addendum as a
// yes/no, assets under management, a registration number; no
// questionnaires), answers with fewer fields, and is the only one that
// removes an end customer.
const (
	PathPublicCustomerCreate  = "/partner/customer/create"
	PathPublicCustomerGet     = "/partner/customer/get"
	PathPublicCustomerEnable  = "/partner/customer/enable"
	PathPartnerCustomerRemove = "/partner/customer/remove"
)

// PublicCustomerCreateRequest is PartnerCustomerCreateRequest, the body of
// POST /partner/customer/create.
type PublicCustomerCreateRequest struct {
	CompanyName             string                 `json:"company_name,omitempty" plaid:"required"`
	IsDiligenceAttested     *bool                  `json:"is_diligence_attested,omitempty" plaid:"required"`
	Products                []Product              `json:"products,omitempty"`
	CreateLinkCustomization *bool                  `json:"create_link_customization,omitempty"`
	Logo                    string                 `json:"logo,omitempty"`
	LegalEntityName         string                 `json:"legal_entity_name,omitempty" plaid:"required"`
	Website                 string                 `json:"website,omitempty" plaid:"required"`
	ApplicationName         string                 `json:"application_name,omitempty" plaid:"required"`
	TechnicalContact        PartnerContact         `json:"technical_contact,omitzero"`
	BillingContact          PartnerContact         `json:"billing_contact,omitzero"`
	CustomerSupportInfo     CustomerSupportInfo    `json:"customer_support_info,omitzero"`
	Address                 PartnerAddress         `json:"address,omitzero" plaid:"required"`
	IsBankAddendumCompleted *bool                  `json:"is_bank_addendum_completed,omitempty" plaid:"required"`
	AssetsUnderManagement   *AssetsUnderManagement `json:"assets_under_management,omitempty"`
	RedirectURIs            []string               `json:"redirect_uris,omitempty"`
	RegistrationNumber      string                 `json:"registration_number,omitempty"`
}

// AssetsUnderManagement is PartnerEndCustomerAssetsUnderManagement, needed
// for end customers with a monthly service commitment.
type AssetsUnderManagement struct {
	Open
	Amount          float64 `json:"amount" plaid:"required"`
	ISOCurrencyCode string  `json:"iso_currency_code,omitempty" plaid:"required"`
}

// PublicEndCustomer is PartnerEndCustomer: no product statuses and no
// requirements, which only the beta paths report.
type PublicEndCustomer struct {
	Open
	ClientID    string                   `json:"client_id,omitempty"`
	CompanyName string                   `json:"company_name,omitempty"`
	Status      PartnerEndCustomerStatus `json:"status,omitempty"`
}

// PublicEndCustomerWithSecrets is PartnerEndCustomerWithSecrets.
type PublicEndCustomerWithSecrets struct {
	PublicEndCustomer
	Secrets PartnerSecrets `json:"secrets,omitzero"`
}

// PublicCustomerCreateResponse is PartnerCustomerCreateResponse.
type PublicCustomerCreateResponse struct {
	Open
	EndCustomer PublicEndCustomerWithSecrets `json:"end_customer,omitzero"`
	RequestID   string                       `json:"request_id,omitempty"`
}

// PublicCustomerGetRequest is PartnerCustomerGetRequest.
type PublicCustomerGetRequest struct {
	EndCustomerClientID string `json:"end_customer_client_id,omitempty" plaid:"required"`
}

// PublicCustomerGetResponse is PartnerCustomerGetResponse.
type PublicCustomerGetResponse struct {
	Open
	EndCustomer PublicEndCustomer `json:"end_customer,omitzero"`
	RequestID   string            `json:"request_id,omitempty"`
}

// PublicCustomerEnableRequest is PartnerCustomerEnableRequest: every
// product, in full Production.
type PublicCustomerEnableRequest struct {
	EndCustomerClientID string `json:"end_customer_client_id,omitempty" plaid:"required"`
}

// PublicCustomerEnableResponse is PartnerCustomerEnableResponse.
type PublicCustomerEnableResponse struct {
	Open
	ProductionSecret string `json:"production_secret,omitempty"`
	RequestID        string `json:"request_id,omitempty"`
}

// PartnerCustomerRemoveRequest is PartnerCustomerRemoveRequest: removes an
// end customer not yet enabled in full Production.
type PartnerCustomerRemoveRequest struct {
	EndCustomerClientID string `json:"end_customer_client_id,omitempty" plaid:"required"`
}

// PartnerCustomerRemoveResponse is PartnerCustomerRemoveResponse.
type PartnerCustomerRemoveResponse struct {
	Open
	RequestID string `json:"request_id,omitempty"`
}

// CreatePublicCustomer creates an end customer with the public path. In
// Plaid's Sandbox it answers a sample and creates nothing.
func (c *Client) CreatePublicCustomer(ctx context.Context, req *PublicCustomerCreateRequest) (*PublicCustomerCreateResponse, error) {
	var resp PublicCustomerCreateResponse
	return &resp, c.call(ctx, PathPublicCustomerCreate, false, req, &resp)
}

// GetPublicCustomer reads an end customer with the public path.
func (c *Client) GetPublicCustomer(ctx context.Context, req *PublicCustomerGetRequest) (*PublicCustomerGetResponse, error) {
	var resp PublicCustomerGetResponse
	return &resp, c.call(ctx, PathPublicCustomerGet, true, req, &resp)
}

// EnablePublicCustomer enables an end customer in full Production.
func (c *Client) EnablePublicCustomer(ctx context.Context, req *PublicCustomerEnableRequest) (*PublicCustomerEnableResponse, error) {
	var resp PublicCustomerEnableResponse
	return &resp, c.call(ctx, PathPublicCustomerEnable, false, req, &resp)
}

// RemovePartnerCustomer removes an end customer: hidden from the Dashboard,
// its keys deactivated. Plaid refuses one enabled in full Production.
func (c *Client) RemovePartnerCustomer(ctx context.Context, req *PartnerCustomerRemoveRequest) (*PartnerCustomerRemoveResponse, error) {
	var resp PartnerCustomerRemoveResponse
	return &resp, c.call(ctx, PathPartnerCustomerRemove, false, req, &resp)
}
