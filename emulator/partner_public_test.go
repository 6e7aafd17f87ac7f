package emulator

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// publicCreate is the spec's own example of /partner/customer/create,
// without the Link customization whose logo it leaves out.
func publicCreate(h *harness, appName string) map[string]any {
	var body map[string]any
	json.Unmarshal(h.spec.RequestExample(h.t, client.PathPublicCustomerCreate), &body)
	delete(body, "client_id")
	delete(body, "secret")
	body["create_link_customization"] = false
	body["application_name"] = appName
	return body
}

// The public partner paths share the beta paths' store and rules: a
// customer made with /partner/customer/create is read by both gets,
// enabled by the public enable (every product), and then cannot be
// removed; one not enabled is removed, gone from every read, its
// application name free again. Every answer is the spec's shape.
func TestPublicPartnerPathsServeTheSameCustomers(t *testing.T) {
	h := start(t, Options{})
	status, body := h.postJSON(client.PathPublicCustomerCreate, publicCreate(h, "Plaid public"))
	if status != 200 {
		t.Fatalf("create: %d %s", status, body)
	}
	var created client.PublicCustomerCreateResponse
	json.Unmarshal(body, &created)
	id := created.EndCustomer.ClientID
	if id == "" || created.EndCustomer.Secrets.Sandbox == "" || strings.Contains(string(body), "requirements_due") {
		t.Fatalf("create answered %s", body)
	}
	status, body = h.postJSON(client.PathPublicCustomerGet, map[string]any{"end_customer_client_id": id})
	var got client.PublicCustomerGetResponse
	json.Unmarshal(body, &got)
	if status != 200 || got.EndCustomer.Status != client.StatusPendingEnablement || strings.Contains(string(body), "secrets") {
		t.Fatalf("public get: %d %s", status, body)
	}
	if beta, err := h.cli.GetPartnerCustomer(ctx, &client.PartnerCustomerGetRequest{EndCustomerClientID: id}); err != nil || beta.EndCustomer.Status != client.StatusPendingEnablement {
		t.Fatalf("the beta get of a public customer: %+v %v", beta, err)
	}
	status, body = h.postJSON(client.PathPublicCustomerEnable, map[string]any{"end_customer_client_id": id})
	var enabled client.PublicCustomerEnableResponse
	json.Unmarshal(body, &enabled)
	if status != 200 || enabled.ProductionSecret != created.EndCustomer.Secrets.Production {
		t.Fatalf("enable: %d %s", status, body)
	}
	if status, body = h.postJSON(client.PathPartnerCustomerRemove, map[string]any{"end_customer_client_id": id}); status != 400 ||
		!strings.Contains(string(body), "CUSTOMER_REMOVAL_NOT_ALLOWED") {
		t.Fatalf("remove after enable: %d %s", status, body)
	}

	// Not enabled: removed, gone, its name free.
	if status, body = h.postJSON(client.PathPublicCustomerCreate, publicCreate(h, "Plaid gone")); status != 200 {
		t.Fatalf("create: %d %s", status, body)
	}
	json.Unmarshal(body, &created)
	gone := created.EndCustomer.ClientID
	if status, body = h.postJSON(client.PathPartnerCustomerRemove, map[string]any{"end_customer_client_id": gone}); status != 200 {
		t.Fatalf("remove: %d %s", status, body)
	}
	for _, path := range []string{client.PathPublicCustomerGet, client.PathPartnerCustomerGet} {
		if status, body = h.postJSON(path, map[string]any{"end_customer_client_id": gone}); status != 404 || !strings.Contains(string(body), "CUSTOMER_NOT_FOUND") {
			t.Fatalf("%s after remove: %d %s", path, status, body)
		}
	}
	if status, body = h.postJSON(client.PathPublicCustomerCreate, publicCreate(h, "Plaid gone")); status != 200 {
		t.Fatalf("the name of a removed customer: %d %s", status, body)
	}

	// The public create's own rules: its required fields, and contacts.
	bad := publicCreate(h, "Plaid bad")
	delete(bad, "is_bank_addendum_completed")
	if status, body = h.postJSON(client.PathPublicCustomerCreate, bad); status != 400 || !strings.Contains(string(body), "is_bank_addendum_completed") {
		t.Fatalf("without is_bank_addendum_completed: %d %s", status, body)
	}
	// A partner with no contacts on file: the customer must bring both.
	bare := start(t, Options{Partner: &PartnerProfile{DefaultProducts: []client.Product{"auth"}}})
	noContacts := publicCreate(bare, "Plaid no contacts")
	delete(noContacts, "technical_contact")
	if status, body = bare.postJSON(client.PathPublicCustomerCreate, noContacts); status != 400 || !strings.Contains(string(body), "CONTACT_REQUIRED") {
		t.Fatalf("without a technical contact: %d %s", status, body)
	}
}

// An unknown path is said to be unknown, not blamed on the method.
func TestUnknownPathSaysSo(t *testing.T) {
	h := start(t, Options{})
	status, body := h.post("/partner/customer/delete", []byte(`{}`), nil)
	if status != 400 || !strings.Contains(string(body), "NOT_FOUND") || strings.Contains(string(body), "POST") {
		t.Fatalf("%d %s", status, body)
	}
}

// Every path of Plaid's spec subset is served: an empty body is refused
// for what it lacks, never answered "no such endpoint".
func TestEveryPathOfTheSpecIsServed(t *testing.T) {
	h := start(t, Options{})
	paths := h.spec.Doc.Paths.Keys()
	if len(paths) < 15 {
		t.Fatalf("only %d paths in the spec", len(paths))
	}
	for _, path := range paths {
		status, body := h.post(path, []byte(`{}`), nil)
		var e struct {
			Code string `json:"error_code"`
		}
		if json.Unmarshal(body, &e); e.Code == "NOT_FOUND" {
			t.Errorf("%s is not served: %d %s", path, status, body)
		}
	}
}
