package client

// PartnerCustomerCreateRequest is BetaPartnerCustomerV1CreateRequest, the
// body of POST /beta/partner/customer/v1/create.
type PartnerCustomerCreateRequest struct {
	CompanyName             string                 `json:"company_name,omitempty" plaid:"required"`
	IsDiligenceAttested     *bool                  `json:"is_diligence_attested,omitempty"`
	Products                []Product              `json:"products,omitempty"`
	CreateLinkCustomization *bool                  `json:"create_link_customization,omitempty"`
	Logo                    string                 `json:"logo,omitempty"`
	LegalEntityName         string                 `json:"legal_entity_name,omitempty"`
	Website                 string                 `json:"website,omitempty" plaid:"required"`
	ApplicationName         string                 `json:"application_name,omitempty" plaid:"required"`
	TechnicalContact        PartnerContact         `json:"technical_contact,omitzero"`
	BillingContact          PartnerContact         `json:"billing_contact,omitzero"`
	CustomerSupportInfo     CustomerSupportInfo    `json:"customer_support_info,omitzero" plaid:"required"`
	Address                 PartnerAddress         `json:"address,omitzero" plaid:"required"`
	RedirectURIs            []string               `json:"redirect_uris,omitempty"`
	BankAddendumAcceptance  BankAddendumAcceptance `json:"bank_addendum_acceptance,omitzero"`
	Questionnaires          PartnerQuestionnaires  `json:"questionnaires,omitzero"`
}

// PartnerContact is PartnerEndCustomerTechnicalContact and
// PartnerEndCustomerBillingContact (the same shape). Left out entirely, it
// defaults to the partner's own contact.
type PartnerContact struct {
	Open
	GivenName  string `json:"given_name,omitempty"`
	FamilyName string `json:"family_name,omitempty"`
	Email      string `json:"email,omitempty"`
}

// CustomerSupportInfo is PartnerEndCustomerCustomerSupportInfo: public
// contact details shown to end users in Plaid Portal.
type CustomerSupportInfo struct {
	Open
	Email         string `json:"email,omitempty"`
	PhoneNumber   string `json:"phone_number,omitempty"`
	ContactURL    string `json:"contact_url,omitempty"`
	LinkUpdateURL string `json:"link_update_url,omitempty"`
}

// PartnerAddress is PartnerEndCustomerAddress. Note country_code here where
// Beacon says country.
type PartnerAddress struct {
	Open
	City        string `json:"city,omitempty"`
	Street      string `json:"street,omitempty"`
	Region      string `json:"region,omitempty"`
	PostalCode  string `json:"postal_code,omitempty"`
	CountryCode string `json:"country_code,omitempty"`
}

// BankAddendumAcceptance is PartnerEndCustomerBankAddendumAcceptance.
type BankAddendumAcceptance struct {
	Open
	CustomerAccepted           *bool  `json:"customer_accepted,omitempty"`
	CustomerIPAddress          string `json:"customer_ip_address,omitempty"`
	CustomerAgreementTimestamp string `json:"customer_agreement_timestamp,omitempty"`
}

// PartnerQuestionnaires is PartnerEndCustomerQuestionnaires.
type PartnerQuestionnaires struct {
	Open
	CRA CRAQuestionnaire `json:"cra,omitzero"`
}

// CRAQuestionnaire is PartnerEndCustomerCRAQuestionnaire. Purposes is keyed
// by permissible purpose (property names in the spec, not an enum).
type CRAQuestionnaire struct {
	Open
	Purposes                           map[CRAPurpose]CRAUseCases `json:"purposes,omitempty"`
	IsThirdPartyInvolved               *bool                      `json:"is_third_party_involved,omitempty"`
	IsTechnicalServiceProviderInvolved *bool                      `json:"is_technical_service_provider_involved,omitempty"`
}

// CRAUseCases is PartnerEndCustomerCRAUseCases.
type CRAUseCases struct {
	UseCases []CRAUseCase `json:"use_cases,omitempty"`
}

// PartnerEndCustomer is BetaPartnerEndCustomer, as /get and /update return it.
type PartnerEndCustomer struct {
	Open
	ClientID        string                   `json:"client_id,omitempty"`
	CompanyName     string                   `json:"company_name,omitempty"`
	Status          PartnerEndCustomerStatus `json:"status,omitempty"`
	ProductStatuses map[string]string        `json:"product_statuses,omitempty"`
	RequirementsDue []RequirementDue         `json:"requirements_due,omitempty"`
}

// PartnerEndCustomerWithSecrets is BetaPartnerEndCustomerWithSecrets, as
// /create returns it.
type PartnerEndCustomerWithSecrets struct {
	Open
	PartnerEndCustomer
	Secrets PartnerSecrets `json:"secrets,omitzero"`
}

// PartnerSecrets is PartnerEndCustomerSecrets. Development is deprecated and
// hidden; it is decoded only so it can be ignored.
type PartnerSecrets struct {
	Open
	Sandbox     string `json:"sandbox,omitempty"`
	Production  string `json:"production,omitempty"`
	Development string `json:"development,omitempty"`
}

// PartnerCustomerCreateResponse is BetaPartnerCustomerV1CreateResponse.
type PartnerCustomerCreateResponse struct {
	Open
	EndCustomer PartnerEndCustomerWithSecrets `json:"end_customer,omitzero"`
	RequestID   string                        `json:"request_id,omitempty"`
}

// PartnerCustomerGetRequest is BetaPartnerCustomerV1GetRequest.
type PartnerCustomerGetRequest struct {
	EndCustomerClientID string `json:"end_customer_client_id,omitempty" plaid:"required"`
}

// PartnerCustomerGetResponse is BetaPartnerCustomerV1GetResponse.
type PartnerCustomerGetResponse struct {
	Open
	EndCustomer PartnerEndCustomer `json:"end_customer,omitzero"`
	RequestID   string             `json:"request_id,omitempty"`
}

// PartnerCustomerUpdateRequest is BetaPartnerCustomerV1UpdateRequest: the
// only fields an end customer can be amended with after creation.
type PartnerCustomerUpdateRequest struct {
	Open
	EndCustomerClientID    string                 `json:"end_customer_client_id,omitempty" plaid:"required"`
	LegalEntityName        string                 `json:"legal_entity_name,omitempty"`
	RedirectURIs           []string               `json:"redirect_uris,omitempty"`
	BankAddendumAcceptance BankAddendumAcceptance `json:"bank_addendum_acceptance,omitzero"`
	Questionnaires         PartnerQuestionnaires  `json:"questionnaires,omitzero"`
}

// PartnerCustomerUpdateResponse is BetaPartnerCustomerV1UpdateResponse.
type PartnerCustomerUpdateResponse struct {
	Open
	EndCustomer PartnerEndCustomer `json:"end_customer,omitzero"`
	RequestID   string             `json:"request_id,omitempty"`
}

// PartnerCustomerEnableRequest is BetaPartnerCustomerV1EnableRequest.
// Products, when given, limits enablement to those products.
type PartnerCustomerEnableRequest struct {
	Open
	EndCustomerClientID string    `json:"end_customer_client_id,omitempty" plaid:"required"`
	Products            []Product `json:"products,omitempty"`
}

// PartnerCustomerEnableResponse is BetaPartnerCustomerV1EnableResponse.
type PartnerCustomerEnableResponse struct {
	Open
	EndCustomerClientID string                   `json:"end_customer_client_id,omitempty"`
	Status              PartnerEndCustomerStatus `json:"status,omitempty"`
	ProductStatuses     map[string]string        `json:"product_statuses,omitempty"`
	ProductionSecret    string                   `json:"production_secret,omitempty"`
	RequestID           string                   `json:"request_id,omitempty"`
}
