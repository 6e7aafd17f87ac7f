package emulator

import (
	"slices"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func TestPartnerLifecycle(t *testing.T) {
	h := start(t, Options{})
	req := samples.PartnerMinimal()
	req.Products = []client.Product{"auth", "cra_base_report"}
	status, body := h.postJSON(client.PathPartnerCustomerCreate, req)
	if status != 200 {
		t.Fatalf("create: %d %s", status, body)
	}
	if _, err := h.cli.GetPartnerCustomer(ctx, &client.PartnerCustomerGetRequest{}); err == nil {
		t.Fatal("get without id succeeded")
	}
	// Create through the client to read the typed answer.
	req.ApplicationName = "Eagleton Pay Two"
	resp, err := h.cli.CreatePartnerCustomer(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	ec := resp.EndCustomer
	wantDue := []client.RequirementDue{"legal_entity_name", "is_diligence_attested", "address", "bank_addendum_acceptance", "questionnaires.cra"}
	if ec.Status != client.StatusMoreInformationNeeded || !slices.Equal(ec.RequirementsDue, wantDue) ||
		ec.ProductStatuses["auth"] != "MORE_INFORMATION_NEEDED" || ec.Secrets.Sandbox == "" || ec.Secrets.Production == "" || len(ec.ClientID) != 24 {
		t.Fatalf("created %+v", ec)
	}
	id := ec.ClientID

	// /get has no secrets.
	status, body = h.postJSON(client.PathPartnerCustomerGet, client.PartnerCustomerGetRequest{EndCustomerClientID: id})
	if status != 200 || strings.Contains(string(body), ec.Secrets.Sandbox) || strings.Contains(string(body), "secrets") {
		t.Fatalf("get: %d %s", status, body)
	}

	// Enabling before everything is in is refused.
	if _, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: id}); client.OutcomeOf(err) != client.Rejected {
		t.Fatalf("enable too early: %v", err)
	}

	// /update supplies what /update can carry (the accepted bank addendum
	// standing for the diligence attestation); the rest stays due.
	upd := samples.PartnerCreate()
	u, err := h.cli.UpdatePartnerCustomer(ctx, &client.PartnerCustomerUpdateRequest{
		EndCustomerClientID: id, LegalEntityName: "Eagleton Bank, N.A.",
		BankAddendumAcceptance: upd.BankAddendumAcceptance, Questionnaires: upd.Questionnaires,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := u.EndCustomer.RequirementsDue; !slices.Equal(got, []client.RequirementDue{"address"}) {
		t.Fatalf("after update, due = %v", got)
	}
	h.postJSON(client.PathPartnerCustomerUpdate, client.PartnerCustomerUpdateRequest{EndCustomerClientID: id, LegalEntityName: "Eagleton Bank"})

	// A complete customer is ready; enabling one product makes it ACTIVE.
	full, err := h.cli.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	if full.EndCustomer.Status != client.StatusPendingEnablement || len(full.EndCustomer.RequirementsDue) != 0 {
		t.Fatalf("complete customer: %+v", full.EndCustomer)
	}
	status, body = h.postJSON(client.PathPartnerCustomerEnable, client.PartnerCustomerEnableRequest{
		EndCustomerClientID: full.EndCustomer.ClientID, Products: []client.Product{"auth"}})
	if status != 200 {
		t.Fatalf("enable auth: %d %s", status, body)
	}
	en, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: full.EndCustomer.ClientID})
	if err != nil {
		t.Fatal(err)
	}
	if en.Status != client.StatusActive || en.ProductionSecret != full.EndCustomer.Secrets.Production ||
		en.ProductStatuses["cra_base_report"] != "ACTIVE" || en.ProductStatuses["auth"] != "ACTIVE" {
		t.Fatalf("enable all: %+v", en)
	}
	// A product the customer does not have cannot be enabled.
	if _, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{
		EndCustomerClientID: full.EndCustomer.ClientID, Products: []client.Product{"assets"}}); err == nil {
		t.Fatal("enabled a product the customer lacks")
	}
}

func TestPartnerDefaultsAndContacts(t *testing.T) {
	h := start(t, Options{Partner: &PartnerProfile{DefaultProducts: []client.Product{"transactions"}}})
	req := samples.PartnerCreate()
	req.Products = nil
	req.TechnicalContact = client.PartnerContact{}
	resp, err := h.cli.CreatePartnerCustomer(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	ec := resp.EndCustomer
	if _, has := ec.ProductStatuses["transactions"]; !has || len(ec.ProductStatuses) != 1 {
		t.Errorf("default products not applied: %v", ec.ProductStatuses)
	}
	if !slices.Equal(ec.RequirementsDue, []client.RequirementDue{"technical_contact"}) {
		t.Errorf("without a partner default, the contact is due: %v", ec.RequirementsDue)
	}
}
