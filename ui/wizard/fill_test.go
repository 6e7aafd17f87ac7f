package wizard

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// ctrl+t fills the step with one fictional person, the same one step
// after step, and the checks run on it; in production it does nothing.
func TestFillPutsAFictionalPersonInTheStep(t *testing.T) {
	r := newRig(t, client.Local)
	r.open(drafts.BeaconUser, nil)
	r.atStep("program")
	r.keys("pgdown")
	r.atStep("name")
	r.keys("ctrl+t")
	u := r.w.flow.Draft.Beacon.User
	if u.Name.GivenName == "" || u.Name.FamilyName == "" || u.DateOfBirth != "" || u.EmailAddress != "" {
		t.Fatalf("the name step filled %+v", u)
	}
	r.see("> "+u.Name.GivenName, "> "+u.Name.FamilyName)
	name := u.Name
	r.keys("pgdown")
	r.atStep("birth")
	r.keys("ctrl+t")
	if u := r.w.flow.Draft.Beacon.User; u.DateOfBirth == "" || u.Name != name {
		t.Fatalf("the birth step: %+v", u)
	}
	r.see(r.w.flow.Draft.Beacon.User.DateOfBirth)

	p := newRig(t, client.Production)
	p.open(drafts.BeaconUser, nil)
	p.atStep("program")
	p.keys("pgdown")
	p.atStep("name")
	p.keys("ctrl+t")
	if u := p.w.flow.Draft.Beacon.User; u.Name.GivenName != "" {
		t.Fatalf("filled in production: %+v", u)
	}
	p.see("off in production")
}

// A customer step takes a fictional company.
func TestFillPutsAFictionalCompanyInTheStep(t *testing.T) {
	r := newRig(t, client.Sandbox)
	r.open(drafts.PartnerCustomer, nil)
	r.atStep("company")
	r.keys("ctrl+t")
	p := r.w.flow.Draft.Partner
	if p.CompanyName == "" || p.ApplicationName == "" || p.Website == "" || p.Address.City != "" {
		t.Fatalf("the company step filled %+v", p)
	}
	r.see("> " + p.CompanyName)
}
