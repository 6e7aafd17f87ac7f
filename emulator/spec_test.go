package emulator

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// TestEverySuccessResponseMatchesSpec sends a valid request on every path
// and validates each 200 answer against the spec's response schema
// (postJSON does the validation), for full and minimal data.
func TestEverySuccessResponseMatchesSpec(t *testing.T) {
	h := start(t, Options{})
	ok := func(path string, req any) map[string]any {
		t.Helper()
		status, body := h.postJSON(path, req)
		if status != 200 {
			t.Fatalf("%s: %d %s", path, status, body)
		}
		var m map[string]any
		json.Unmarshal(body, &m)
		return m
	}
	full := ok(client.PathPartnerCustomerCreate, samples.PartnerCreate())
	id := full["end_customer"].(map[string]any)["client_id"].(string)
	minimal := ok(client.PathPartnerCustomerCreate, samples.PartnerMinimal())
	minID := minimal["end_customer"].(map[string]any)["client_id"].(string)
	ok(client.PathPartnerCustomerGet, client.PartnerCustomerGetRequest{EndCustomerClientID: id})
	ok(client.PathPartnerCustomerGet, client.PartnerCustomerGetRequest{EndCustomerClientID: minID})
	ok(client.PathPartnerCustomerUpdate, client.PartnerCustomerUpdateRequest{EndCustomerClientID: minID, LegalEntityName: "Eagleton Bank"})
	ok(client.PathPartnerCustomerEnable, client.PartnerCustomerEnableRequest{EndCustomerClientID: id})

	user := ok(client.PathBeaconUserCreate, samples.BeaconCreate())
	uid := user["id"].(string)
	bare := ok(client.PathBeaconUserCreate, samples.BeaconLocal())
	ok(client.PathBeaconUserGet, client.BeaconUserGetRequest{BeaconUserID: uid})
	ok(client.PathBeaconUserGet, client.BeaconUserGetRequest{BeaconUserID: bare["id"].(string)})
	ok(client.PathBeaconUserUpdate, client.BeaconUserUpdateRequest{BeaconUserID: uid,
		User: client.BeaconUserUpdateRequestData{IPAddress: "2001:db8::42"}, AccessTokens: []string{"access-sandbox-x"}})
	ok(client.PathBeaconUserReview, client.BeaconUserReviewRequest{BeaconUserID: uid, Status: client.BeaconPendingReview})
	ok(client.PathBeaconReportCreate, client.BeaconReportCreateRequest{BeaconUserID: uid, Type: "stolen", FraudDate: "2026-01-01"})
	ok(client.PathBeaconReportCreate, client.BeaconReportCreateRequest{BeaconUserID: uid, Type: "synthetic", FraudDate: "2026-01-02",
		FraudAmount: &client.FraudAmount{ISOCurrencyCode: "USD", Value: 0}})
}

// TestSpecRequestExamplesAreAccepted: every request example in Plaid's
// spec, for every path the client sends, passes the client's checks and
// the emulator's, as it stands — ids aside (the examples name users and
// customers of their own) and the logo its prose requires with
// create_link_customization.
func TestSpecRequestExamplesAreAccepted(t *testing.T) {
	h := start(t, Options{})
	user, err := h.cli.CreateBeaconUser(ctx, samples.BeaconCreate())
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range catalog.All() {
		path := c.Endpoint
		t.Run(path, func(t *testing.T) {
			// A customer of its own: an enable before a remove would
			// make the remove refused.
			fresh := samples.PartnerCreate()
			fresh.ApplicationName = fmt.Sprintf("%s %d", fresh.ApplicationName, i)
			customer, err := h.cli.CreatePartnerCustomer(ctx, fresh)
			if err != nil {
				t.Fatal(err)
			}
			example := h.spec.RequestExample(t, path)
			if example == nil {
				t.Skip("no request example in the spec")
			}
			var body map[string]any
			json.Unmarshal(example, &body)
			for key, id := range map[string]string{"beacon_user_id": user.ID, "end_customer_client_id": customer.EndCustomer.ClientID} {
				if _, named := body[key]; named {
					body[key] = id
				}
			}
			if body["create_link_customization"] == true {
				body["create_link_customization"] = false // its logo is prose, not in the example
			}
			if name, ok := body["application_name"].(string); ok {
				body["application_name"] = name + " " + path // names are unique
			}
			req := reflect.New(c.Type()).Interface()
			b, _ := json.Marshal(body)
			if err := json.Unmarshal(b, req); err != nil {
				t.Fatal(err)
			}
			if ps := catalog.CheckRequest(req, catalog.Env{Environment: client.Sandbox, Now: fixedNow}); len(ps) > 0 {
				t.Errorf("the client refuses Plaid's example: %v", ps)
			}
			if status, resp := h.postJSON(path, body); status != 200 {
				t.Errorf("the emulator refuses Plaid's example: %d %s", status, resp)
			}
		})
	}
}

// TestSpecSequenceReachesEnablement: the spec's create example (without
// link customization, whose logo it leaves out), then its update example,
// answer PENDING_ENABLEMENT, and enable then works.
func TestSpecSequenceReachesEnablement(t *testing.T) {
	h := start(t, Options{})
	var create map[string]any
	json.Unmarshal(h.spec.RequestExample(t, client.PathPartnerCustomerCreate), &create)
	create["create_link_customization"] = false
	status, body := h.postJSON(client.PathPartnerCustomerCreate, create)
	if status != 200 {
		t.Fatalf("create: %d %s", status, body)
	}
	var created client.PartnerCustomerCreateResponse
	json.Unmarshal(body, &created)
	var update map[string]any
	json.Unmarshal(h.spec.RequestExample(t, client.PathPartnerCustomerUpdate), &update)
	update["end_customer_client_id"] = created.EndCustomer.ClientID
	status, body = h.postJSON(client.PathPartnerCustomerUpdate, update)
	var updated client.PartnerCustomerUpdateResponse
	json.Unmarshal(body, &updated)
	if status != 200 || updated.EndCustomer.Status != client.StatusPendingEnablement || len(updated.EndCustomer.RequirementsDue) != 0 {
		t.Fatalf("after the spec's update: %d %s", status, body)
	}
	enabled, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: created.EndCustomer.ClientID})
	if err != nil || enabled.Status != client.StatusActive {
		t.Fatalf("enable: %+v %v", enabled, err)
	}
}

// TestNewerEnumValuesAreAccepted: values Plaid added after the spec copy
// (FACTS.md §13) pass the client's checks and the emulator's.
func TestNewerEnumValuesAreAccepted(t *testing.T) {
	h := start(t, Options{})
	p := samples.PartnerCreate()
	p.Products = []client.Product{"cra_home_lending", "cra_qualify", "auth"}
	if _, err := h.cli.CreatePartnerCustomer(ctx, p); err != nil {
		t.Fatalf("newer products: %v", err)
	}
	b := samples.BeaconCreate()
	b.User.Address.Country = "IN"
	b.User.Address.Region, b.User.Address.PostalCode = "", ""
	b.User.PhoneNumber, b.User.DepositoryAccounts, b.AccessTokens = "", nil, nil
	b.User.IDNumber = client.BeaconUserIDNumber{Type: "in_epic", Value: "ABC1234567"}
	if ps := catalog.CheckRequest(b, catalog.Env{Environment: client.Local, Now: fixedNow}); len(ps) > 0 {
		t.Fatalf("in_epic: %v", ps)
	}
	if _, err := h.cli.CreateBeaconUser(ctx, b); err != nil {
		t.Fatalf("in_epic: %v", err)
	}
}
