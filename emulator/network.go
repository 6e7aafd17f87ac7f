package emulator

import (
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// networkReport is a fraud report another company shared with the Beacon
// Network. The identities are fictional; the README lists them so a demo
// can trigger a network match.
type networkReport struct {
	Who       string
	Type      client.BeaconReportType
	FraudDate string
	CreatedAt time.Time
	Person    client.BeaconUserRequestData
	Accounts  [][2]string // routing, account
}

// NetworkReports is the emulator's built-in Beacon Network.
var NetworkReports = []networkReport{
	{
		Who:       "Mallory Mallard",
		Type:      "synthetic",
		FraudDate: "2025-11-03",
		CreatedAt: time.Date(2025, 11, 4, 9, 12, 0, 0, time.UTC),
		Person: client.BeaconUserRequestData{
			Name:         client.BeaconUserName{GivenName: "Mallory", FamilyName: "Mallard"},
			DateOfBirth:  "1979-04-01",
			EmailAddress: "mallory@network-fraud.example",
			PhoneNumber:  "+14155550199",
			IDNumber:     client.BeaconUserIDNumber{Type: "us_ssn", Value: "219099999"},
		},
	},
	{
		Who:       "Trudy Trickster",
		Type:      "stolen",
		FraudDate: "2026-02-14",
		CreatedAt: time.Date(2026, 2, 16, 15, 40, 0, 0, time.UTC),
		Person: client.BeaconUserRequestData{
			Name:         client.BeaconUserName{GivenName: "Trudy", FamilyName: "Trickster"},
			DateOfBirth:  "1988-12-12",
			EmailAddress: "trudy@network-fraud.example",
			PhoneNumber:  "+12125550147",
		},
		Accounts: [][2]string{{"011401533", "99990001"}},
	},
}
