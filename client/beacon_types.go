package client

import "time"

// BeaconUserCreateRequest is the body of POST /beacon/user/create.
type BeaconUserCreateRequest struct {
	ProgramID    string                `json:"program_id,omitempty" plaid:"required"`
	ClientUserID string                `json:"client_user_id,omitempty" plaid:"required"`
	User         BeaconUserRequestData `json:"user,omitzero" plaid:"required"`
	AccessTokens []string              `json:"access_tokens,omitempty"`
}

// BeaconUserRequestData is the person to screen. Besides the name, Plaid's
// prose requires a date of birth or at least one depository account.
type BeaconUserRequestData struct {
	Open
	DateOfBirth        string                               `json:"date_of_birth,omitempty"`
	Name               BeaconUserName                       `json:"name,omitzero" plaid:"required"`
	Address            BeaconUserRequestAddress             `json:"address,omitzero"`
	EmailAddress       string                               `json:"email_address,omitempty"`
	PhoneNumber        string                               `json:"phone_number,omitempty"`
	IDNumber           BeaconUserIDNumber                   `json:"id_number,omitzero"`
	IPAddress          string                               `json:"ip_address,omitempty"`
	DepositoryAccounts []BeaconUserRequestDepositoryAccount `json:"depository_accounts,omitempty"`
}

// BeaconUserName is BeaconUserName (and its nullable twin in updates).
type BeaconUserName struct {
	Open
	GivenName  string `json:"given_name,omitempty" plaid:"required"`
	FamilyName string `json:"family_name,omitempty" plaid:"required"`
}

// BeaconUserRequestAddress: when sent, street, city and country are required.
type BeaconUserRequestAddress struct {
	Open
	Street     string `json:"street,omitempty" plaid:"required"`
	Street2    string `json:"street2,omitempty"`
	City       string `json:"city,omitempty" plaid:"required"`
	Region     string `json:"region,omitempty"`
	PostalCode string `json:"postal_code,omitempty"`
	Country    string `json:"country,omitempty" plaid:"required"`
}

// BeaconUserIDNumber: when sent, both value and type are required.
type BeaconUserIDNumber struct {
	Open
	Value string       `json:"value,omitempty" plaid:"required"`
	Type  IDNumberType `json:"type,omitempty" plaid:"required"`
}

// BeaconUserRequestDepositoryAccount is a US bank account to screen.
type BeaconUserRequestDepositoryAccount struct {
	Open
	AccountNumber string `json:"account_number,omitempty" plaid:"required"`
	RoutingNumber string `json:"routing_number,omitempty" plaid:"required"`
}

// BeaconUserGetRequest is the body of POST /beacon/user/get.
type BeaconUserGetRequest struct {
	BeaconUserID string `json:"beacon_user_id,omitempty" plaid:"required"`
}

// BeaconUserReviewRequest is the body of POST /beacon/user/review.
type BeaconUserReviewRequest struct {
	BeaconUserID string           `json:"beacon_user_id,omitempty" plaid:"required"`
	Status       BeaconUserStatus `json:"status,omitempty" plaid:"required"`
}

// BeaconUserUpdateRequest is the body of POST /beacon/user/update: a patch
// (send at least one field); access tokens are added, not replaced.
type BeaconUserUpdateRequest struct {
	BeaconUserID string                      `json:"beacon_user_id,omitempty" plaid:"required"`
	User         BeaconUserUpdateRequestData `json:"user,omitzero"`
	AccessTokens []string                    `json:"access_tokens,omitempty"`
}

// BeaconUserUpdateRequestData is BeaconUserUpdateRequestData: the fields of
// BeaconUserRequestData, none required at this level.
type BeaconUserUpdateRequestData struct {
	Open
	DateOfBirth        string                               `json:"date_of_birth,omitempty"`
	Name               BeaconUserName                       `json:"name,omitzero"`
	Address            BeaconUserRequestAddress             `json:"address,omitzero"`
	EmailAddress       string                               `json:"email_address,omitempty"`
	PhoneNumber        string                               `json:"phone_number,omitempty"`
	IDNumber           BeaconUserIDNumber                   `json:"id_number,omitzero"`
	IPAddress          string                               `json:"ip_address,omitempty"`
	DepositoryAccounts []BeaconUserRequestDepositoryAccount `json:"depository_accounts,omitempty"`
}

// BeaconUser is what every /beacon/user/* path returns: the Beacon User
// object and the request id (BeaconUserCreateResponse, BeaconUserGetResponse,
// BeaconUserUpdateResponse share the shape).
type BeaconUser struct {
	Open
	BeaconUserRecord
	RequestID string `json:"request_id" plaid:"required"`
}

// BeaconUserRecord is the Beacon User object itself (the spec's
// BeaconUser), as lists hold it: one version of a user. Every key is
// required in the spec, so none is omitted.
type BeaconUserRecord struct {
	Open
	ItemIDs      []string         `json:"item_ids" plaid:"required"`
	ID           string           `json:"id" plaid:"required"`
	Version      int              `json:"version" plaid:"required"`
	CreatedAt    time.Time        `json:"created_at" plaid:"required"`
	UpdatedAt    time.Time        `json:"updated_at" plaid:"required"`
	Status       BeaconUserStatus `json:"status" plaid:"required"`
	ProgramID    string           `json:"program_id" plaid:"required"`
	ClientUserID string           `json:"client_user_id" plaid:"required"`
	User         BeaconUserData   `json:"user" plaid:"required"`
	AuditTrail   BeaconAuditTrail `json:"audit_trail" plaid:"required"`
}

// BeaconUserData is the screened person as Plaid returns it. Account numbers
// never come back, only masks. DateOfBirth and Address are pointers although
// the spec calls them non-null: a user can be created without them (FACTS.md
// §10).
type BeaconUserData struct {
	Open
	DateOfBirth        *string                       `json:"date_of_birth" plaid:"required"`
	Name               BeaconUserName                `json:"name" plaid:"required"`
	Address            *BeaconUserAddress            `json:"address" plaid:"required"`
	EmailAddress       *string                       `json:"email_address" plaid:"required"`
	PhoneNumber        *string                       `json:"phone_number" plaid:"required"`
	IDNumber           *BeaconUserIDNumber           `json:"id_number" plaid:"required"`
	IPAddress          *string                       `json:"ip_address" plaid:"required"`
	DepositoryAccounts []BeaconUserDepositoryAccount `json:"depository_accounts" plaid:"required"`
}

// BeaconUserAddress is the returned address: all six keys present, some null
// (UK addresses have no region, Hong Kong ones no postal code).
type BeaconUserAddress struct {
	Open
	Street     string  `json:"street" plaid:"required"`
	Street2    *string `json:"street2" plaid:"required"`
	City       string  `json:"city" plaid:"required"`
	Region     *string `json:"region" plaid:"required"`
	PostalCode *string `json:"postal_code" plaid:"required"`
	Country    string  `json:"country" plaid:"required"`
}

// BeaconUserDepositoryAccount is a screened account as returned: a mask.
type BeaconUserDepositoryAccount struct {
	Open
	AccountMask   string    `json:"account_mask" plaid:"required"`
	RoutingNumber string    `json:"routing_number" plaid:"required"`
	AddedAt       time.Time `json:"added_at" plaid:"required"`
}

// BeaconAuditTrail says what made the last change and when.
type BeaconAuditTrail struct {
	Open
	Source          BeaconAuditTrailSource `json:"source" plaid:"required"`
	DashboardUserID *string                `json:"dashboard_user_id" plaid:"required"`
	Timestamp       time.Time              `json:"timestamp" plaid:"required"`
}

// BeaconReportCreateRequest is the body of POST /beacon/report/create.
type BeaconReportCreateRequest struct {
	BeaconUserID string           `json:"beacon_user_id,omitempty" plaid:"required"`
	Type         BeaconReportType `json:"type,omitempty" plaid:"required"`
	FraudDate    string           `json:"fraud_date,omitempty" plaid:"required"`
	FraudAmount  *FraudAmount     `json:"fraud_amount,omitempty"`
}

// FraudAmount is the money lost; omit it when unknown.
type FraudAmount struct {
	Open
	ISOCurrencyCode string  `json:"iso_currency_code" plaid:"required"`
	Value           float64 `json:"value" plaid:"required"`
}

// BeaconReport is BeaconReportCreateResponse and BeaconReportGetResponse:
// the report and the request id.
type BeaconReport struct {
	Open
	BeaconReportRecord
	RequestID string `json:"request_id" plaid:"required"`
}

// BeaconReportRecord is the spec's BeaconReport object, as lists hold it.
type BeaconReportRecord struct {
	Open
	ID           string           `json:"id" plaid:"required"`
	BeaconUserID string           `json:"beacon_user_id" plaid:"required"`
	CreatedAt    time.Time        `json:"created_at" plaid:"required"`
	Type         BeaconReportType `json:"type" plaid:"required"`
	FraudDate    *string          `json:"fraud_date" plaid:"required"`
	EventDate    string           `json:"event_date" plaid:"required"`
	FraudAmount  *FraudAmount     `json:"fraud_amount" plaid:"required"`
	AuditTrail   BeaconAuditTrail `json:"audit_trail" plaid:"required"`
}
