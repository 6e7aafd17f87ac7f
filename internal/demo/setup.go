// Package demo sets a demo up on an emulator: the four Beacon outcomes of
// the README, and an end customer waiting for its requirements, with what
// to show and in which order.
package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/emulator"
)

// Stop is one thing to show: what it is, the id to open, its status,
// and how to show it.
type Stop struct {
	What   string
	ID     string
	Status string
	Show   string
}

func person(program, clientUserID, given, family, dob, email string) *client.BeaconUserCreateRequest {
	return &client.BeaconUserCreateRequest{ProgramID: program, ClientUserID: clientUserID,
		User: client.BeaconUserRequestData{
			Name: client.BeaconUserName{GivenName: given, FamilyName: family}, DateOfBirth: dob, EmailAddress: email,
			Address: client.BeaconUserRequestAddress{Street: "1 Main St", City: "Pawnee", Region: "IN", PostalCode: "46001", Country: "US"},
		}}
}

// Setup makes the demo's people and customer through c, an emulator's
// client, in the order they are shown. now dates the fraud report.
func Setup(ctx context.Context, c *client.Client, now time.Time) ([]Stop, error) {
	programs := emulator.DefaultPrograms()
	strict, relaxed := programs[0].ID, programs[1].ID
	var stops []Stop
	screen := func(req *client.BeaconUserCreateRequest, what, show string) (*client.BeaconUser, error) {
		u, err := c.CreateBeaconUser(ctx, req)
		if err != nil {
			return nil, fmt.Errorf("screening %s %s: %w", req.User.Name.GivenName, req.User.Name.FamilyName, err)
		}
		stops = append(stops, Stop{What: what, ID: u.ID, Status: string(u.Status), Show: show})
		return u, nil
	}
	leslie, err := screen(person(strict, "demo-1", "Leslie", "Knope", "1975-01-18", "leslie@example.com"),
		"Leslie Knope: nobody like her yet", "the person view: every check passed")
	if err != nil {
		return nil, err
	}
	if _, err := screen(person(strict, "demo-2", "L.", "Knope", "1980-02-02", "LESLIE@example.com"),
		"L. Knope: the same email as Leslie", "the duplicate side by side with "+leslie.ID+", then decide (v)"); err != nil {
		return nil, err
	}
	if _, err := screen(person(strict, "demo-3", "Mallory", "Mallard", "1979-04-01", ""),
		"Mallory Mallard: on the Beacon Network", "the network match and why it counts, then decide"); err != nil {
		return nil, err
	}
	ron, err := c.CreateBeaconUser(ctx, person(strict, "demo-4", "Ron", "Swanson", "1965-05-06", ""))
	if err != nil {
		return nil, fmt.Errorf("screening Ron Swanson: %w", err)
	}
	if _, err := c.CreateBeaconReport(ctx, &client.BeaconReportCreateRequest{BeaconUserID: ron.ID, Type: "first_party",
		FraudDate: now.AddDate(0, -2, 0).Format(time.DateOnly)}); err != nil {
		return nil, fmt.Errorf("reporting Ron Swanson: %w", err)
	}
	if _, err := screen(person(relaxed, "demo-5", "Ron", "Swanson", "1965-05-06", ""),
		"Ron Swanson again, in another program: reported for fraud", "the report that rejects him (reported as "+ron.ID+")"); err != nil {
		return nil, err
	}
	yes := true
	customer, err := c.CreatePartnerCustomer(ctx, &client.PartnerCustomerCreateRequest{
		CompanyName: "Pawnee Parks Credit Union", ApplicationName: "Pawnee Parks Money (demo)",
		Website: "https://pawneeparkscu.example.com", Products: []client.Product{"auth", "identity"},
		CustomerSupportInfo: client.CustomerSupportInfo{Email: "help@pawneeparkscu.example.com"},
		Address:             client.PartnerAddress{Street: "123 Main St", City: "Pawnee", Region: "IN", PostalCode: "46001", CountryCode: "US"},
		RedirectURIs:        []string{"https://pawneeparkscu.example.com/oauth"},
		BankAddendumAcceptance: client.BankAddendumAcceptance{CustomerAccepted: &yes, CustomerIPAddress: "192.0.2.42",
			CustomerAgreementTimestamp: now.UTC().Format(time.RFC3339)},
	})
	if err != nil {
		return nil, fmt.Errorf("creating the end customer: %w", err)
	}
	stops = append(stops, Stop{What: "Pawnee Parks Credit Union: an end customer waiting for its requirements",
		ID: customer.EndCustomer.ClientID, Status: string(customer.EndCustomer.Status),
		Show: "what is still needed (legal entity name, diligence), fixed with /update, then enable"})
	return stops, nil
}
