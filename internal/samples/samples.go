// Package samples builds complete, valid requests and files for tests, so
// every package tests against the same realistic data.
package samples

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"sync"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// True and False return pointers for the tri-state answers.
func True() *bool  { b := true; return &b }
func False() *bool { b := false; return &b }

// LogoPNG is a valid 1024×1024 PNG.
var LogoPNG = sync.OnceValue(func() []byte { return PNG(1024, 1024) })

// PNG draws a w×h image with a diagonal, so it compresses but is not blank.
func PNG(w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.NRGBA{R: 0x11, G: 0x11, B: 0x11, A: 0xff}
			if (x+y)%64 < 8 {
				c = color.NRGBA{R: 0x00, G: 0xa8, B: 0x8e, A: 0xff}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// LogoBase64 is LogoPNG as it travels.
func LogoBase64() string { return base64.StdEncoding.EncodeToString(LogoPNG()) }

// PartnerCreate is a complete partner end-customer request with every field
// filled, CRA included.
func PartnerCreate() *client.PartnerCustomerCreateRequest {
	return &client.PartnerCustomerCreateRequest{
		CompanyName:             "Pawnee Parks Credit Union",
		IsDiligenceAttested:     True(),
		Products:                []client.Product{"auth", "identity", "cra_base_report"},
		CreateLinkCustomization: True(),
		Logo:                    LogoBase64(),
		LegalEntityName:         "Pawnee Parks Credit Union, Inc.",
		Website:                 "https://pawneeparkscu.example.com",
		ApplicationName:         "Pawnee Parks Money",
		TechnicalContact:        client.PartnerContact{GivenName: "Ann", FamilyName: "Perkins", Email: "ann@pawneeparkscu.example.com"},
		BillingContact:          client.PartnerContact{GivenName: "Ben", FamilyName: "Wyatt", Email: "ben@pawneeparkscu.example.com"},
		CustomerSupportInfo: client.CustomerSupportInfo{
			Email:         "support@pawneeparkscu.example.com",
			PhoneNumber:   "+14155550100",
			ContactURL:    "https://pawneeparkscu.example.com/contact",
			LinkUpdateURL: "https://pawneeparkscu.example.com/link",
		},
		Address: client.PartnerAddress{
			City: "Pawnee", Street: "123 Main St.", Region: "IN", PostalCode: "46001", CountryCode: "US",
		},
		RedirectURIs: []string{"https://pawneeparkscu.example.com/oauth.html"},
		BankAddendumAcceptance: client.BankAddendumAcceptance{
			CustomerAccepted:           True(),
			CustomerIPAddress:          "192.0.2.42",
			CustomerAgreementTimestamp: "2025-01-01T01:00:00Z",
		},
		Questionnaires: client.PartnerQuestionnaires{CRA: client.CRAQuestionnaire{
			Purposes: map[client.CRAPurpose]client.CRAUseCases{
				"WRITTEN_INSTRUCTION": {UseCases: []client.CRAUseCase{"CREDIT_UNDERWRITING", "TENANT_SCREENING"}},
			},
			IsThirdPartyInvolved:               False(),
			IsTechnicalServiceProviderInvolved: True(),
		}},
	}
}

// PartnerMinimal has only what the spec requires.
func PartnerMinimal() *client.PartnerCustomerCreateRequest {
	return &client.PartnerCustomerCreateRequest{
		CompanyName:         "Eagleton Bank",
		Website:             "eagletonbank.example.com",
		ApplicationName:     "Eagleton Pay",
		CustomerSupportInfo: client.CustomerSupportInfo{Email: "help@eagletonbank.example.com"},
		Address:             client.PartnerAddress{Street: "1 Eagle Way", City: "Eagleton", CountryCode: "US"},
	}
}

// BeaconCreate is a complete Beacon user with every field filled.
func BeaconCreate() *client.BeaconUserCreateRequest {
	return &client.BeaconUserCreateRequest{
		ProgramID:    "becprg_11111111111111",
		ClientUserID: "your-db-id-3b24110",
		User: client.BeaconUserRequestData{
			DateOfBirth: "1990-05-29",
			Name:        client.BeaconUserName{GivenName: "Leslie", FamilyName: "Knope"},
			Address: client.BeaconUserRequestAddress{
				Street: "123 Main St.", Street2: "Unit 42", City: "Pawnee", Region: "IN", PostalCode: "46001", Country: "US",
			},
			EmailAddress: "leslie@example.com",
			PhoneNumber:  "+14155550123",
			IDNumber:     client.BeaconUserIDNumber{Value: "123456789", Type: "us_ssn"},
			IPAddress:    "192.0.2.42",
			DepositoryAccounts: []client.BeaconUserRequestDepositoryAccount{
				{AccountNumber: "1234567890", RoutingNumber: "021000021"},
			},
		},
		AccessTokens: []string{"access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6"},
	}
}

// BeaconMinimal has what Plaid requires: a name and a date of birth.
// (The built-in emulator also needs an address: BeaconLocal.)
func BeaconMinimal() *client.BeaconUserCreateRequest {
	return &client.BeaconUserCreateRequest{
		ProgramID:    "becprg_11111111111111",
		ClientUserID: "cust-0002",
		User: client.BeaconUserRequestData{
			DateOfBirth: "1985-02-14",
			Name:        client.BeaconUserName{GivenName: "Ron", FamilyName: "Swanson"},
		},
	}
}

// BeaconLocal is BeaconMinimal with the address the built-in emulator
// needs besides.
func BeaconLocal() *client.BeaconUserCreateRequest {
	r := BeaconMinimal()
	r.User.Address = client.BeaconUserRequestAddress{Street: "1 Cabin Rd", City: "Pawnee", Region: "IN", PostalCode: "46001", Country: "US"}
	return r
}
