package doctor

import (
	"context"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// step is one call of the conformance scenario: what it sends, and the Go
// type its answer must have (the spec, as the client's types hold it,
// kept equal to openapi-subset.yml by the client's tests).
type step struct {
	Name   string
	Path   string
	Answer any
	// WantError is set for a step that must be refused: its error code is
	// what is compared.
	WantError bool
	call      func(ctx context.Context, c *client.Client, s *scenarioState) error
}

// scenarioState carries what one step made to the next.
type scenarioState struct {
	program, suffix string
	userID          string
}

// scenario is the fixed conformance run: one Beacon user of the spec's
// example, read back; one partner customer (Plaid's Sandbox answers a
// sample and keeps nothing); and two reads of ids no one has.
func scenario() []step {
	return []step{
		{Name: "create a Beacon user", Path: client.PathBeaconUserCreate, Answer: client.BeaconUser{},
			call: func(ctx context.Context, c *client.Client, s *scenarioState) error {
				u, err := c.CreateBeaconUser(ctx, beaconExample(s.program, s.suffix))
				if err == nil {
					s.userID = u.ID
				}
				return err
			}},
		{Name: "read it back", Path: client.PathBeaconUserGet, Answer: client.BeaconUser{},
			call: func(ctx context.Context, c *client.Client, s *scenarioState) error {
				if s.userID == "" {
					return errSkipped
				}
				_, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: s.userID})
				return err
			}},
		{Name: "create a partner customer", Path: client.PathPartnerCustomerCreate, Answer: client.PartnerCustomerCreateResponse{},
			call: func(ctx context.Context, c *client.Client, s *scenarioState) error {
				_, err := c.CreatePartnerCustomer(ctx, partnerExample(s.suffix))
				return err
			}},
		{Name: "read an unknown Beacon user", Path: client.PathBeaconUserGet, Answer: client.Error{}, WantError: true,
			call: func(ctx context.Context, c *client.Client, _ *scenarioState) error {
				_, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: probeUserID})
				return err
			}},
		{Name: "read an unknown end customer", Path: client.PathPartnerCustomerGet, Answer: client.Error{}, WantError: true,
			call: func(ctx context.Context, c *client.Client, _ *scenarioState) error {
				_, err := c.GetPartnerCustomer(ctx, &client.PartnerCustomerGetRequest{EndCustomerClientID: "doctor-nobody"})
				return err
			}},
	}
}

// beaconExample is the person of the spec's field examples (no bank
// account or access token: those would have to be real in Sandbox).
func beaconExample(program, suffix string) *client.BeaconUserCreateRequest {
	return &client.BeaconUserCreateRequest{
		ProgramID:    program,
		ClientUserID: "doctor-" + suffix,
		User: client.BeaconUserRequestData{
			DateOfBirth: "1990-05-29",
			Name:        client.BeaconUserName{GivenName: "Leslie", FamilyName: "Knope"},
			Address: client.BeaconUserRequestAddress{
				Street: "123 Main St.", Street2: "Unit 42", City: "Pawnee", Region: "IN", PostalCode: "46001", Country: "US",
			},
			EmailAddress: "user@example.com",
			PhoneNumber:  "+19876543212",
			IDNumber:     client.BeaconUserIDNumber{Value: "123456789", Type: "us_ssn"},
			IPAddress:    "192.0.2.42",
		},
	}
}

// partnerExample is the spec's example end customer, named apart so a
// second run is not refused as a taken application name.
func partnerExample(suffix string) *client.PartnerCustomerCreateRequest {
	return &client.PartnerCustomerCreateRequest{
		CompanyName:         "Plaid doctor " + suffix,
		Products:            []client.Product{"auth", "identity"},
		LegalEntityName:     "Plaid",
		Website:             "plaid.com",
		ApplicationName:     "Plaid doctor " + suffix,
		TechnicalContact:    client.PartnerContact{GivenName: "Alice", FamilyName: "Smith", Email: "alice.smith@example.com"},
		BillingContact:      client.PartnerContact{GivenName: "Bob", FamilyName: "Jones", Email: "bob.jones@example.com"},
		Address:             client.PartnerAddress{City: "New York", Street: "123 Main St", Region: "NY", PostalCode: "12345", CountryCode: "US"},
		CustomerSupportInfo: client.CustomerSupportInfo{Email: "support@example.com", PhoneNumber: "1234567890", ContactURL: "example.com/contact", LinkUpdateURL: "example.com/update"},
		RedirectURIs:        []string{"http://localhost/oauth.html", "https://www.example.com/oauth.html"},
	}
}
