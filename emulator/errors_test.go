package emulator

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// withField adds (or replaces) a field inside a JSON object at a dotted
// path, to build bodies the client would never send.
func withField(v any, path string, value any) []byte {
	var m map[string]any
	json.Unmarshal(mustJSON(v), &m)
	parts := strings.Split(path, ".")
	cur := m
	for _, p := range parts[:len(parts)-1] {
		next, _ := cur[p].(map[string]any)
		if next == nil {
			next = map[string]any{}
			cur[p] = next
		}
		cur = next
	}
	if value == nil {
		delete(cur, parts[len(parts)-1])
	} else {
		cur[parts[len(parts)-1]] = value
	}
	return mustJSON(m)
}

// TestEveryErrorCode reaches each error the emulator can give over real
// HTTP, with Plaid's envelope, type and status, and a message that names
// what is wrong.
func TestEveryErrorCode(t *testing.T) {
	h := start(t, Options{})
	// A customer and a user for the cases that need one to exist.
	created, err := h.cli.CreatePartnerCustomer(ctx, samples.PartnerMinimal())
	if err != nil {
		t.Fatal(err)
	}
	minimalID := created.EndCustomer.ClientID
	full, err := h.cli.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: full.EndCustomer.ClientID}); err != nil {
		t.Fatal(err)
	}
	user, err := h.cli.CreateBeaconUser(ctx, samples.BeaconLocal())
	if err != nil {
		t.Fatal(err)
	}
	beacon := samples.BeaconCreate()
	partner := samples.PartnerMinimal()
	partner.ApplicationName = "Fresh App"
	bigLogo := samples.PartnerMinimal()
	bigLogo.ApplicationName = "Logo App"
	bigLogo.Logo = base64.StdEncoding.EncodeToString(samples.PNG(512, 512))

	cases := []struct {
		name     string
		path     string
		body     []byte
		header   map[string]string
		status   int
		typ      string
		code     string
		mentions []string
	}{
		{"not JSON", client.PathBeaconUserCreate, []byte("{not json"), nil, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"not valid JSON", "at byte 2 (line 1, column 2)"}},
		{"empty body", client.PathBeaconUserCreate, []byte(""), nil, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"the body is empty"}},
		{"wrong content type", client.PathBeaconUserCreate, mustJSON(beacon), map[string]string{"Content-Type": "text/plain"}, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"application/json"}},
		{"no content type", client.PathBeaconUserCreate, mustJSON(beacon), map[string]string{"Content-Type": ""}, 400, "INVALID_REQUEST", "INVALID_HEADERS", []string{"Content-Type"}},
		{"array body", client.PathBeaconUserCreate, []byte("[1,2]"), nil, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"valid JSON but an array, not an object"}},
		{"trailing data", client.PathBeaconUserCreate, append(mustJSON(beacon), []byte(" {}")...), nil, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"after"}},
		{"too deep", client.PathBeaconUserCreate, []byte(`{"user":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`), nil, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"deeper"}},
		{"not UTF-8", client.PathBeaconUserCreate, []byte("{\"program_id\":\"\xff\"}"), nil, 400, "INVALID_REQUEST", "INVALID_BODY", []string{"UTF-8"}},
		{"unknown path", "/beacon/user/delete", mustJSON(beacon), nil, 400, "INVALID_REQUEST", "NOT_FOUND", []string{"/beacon/user/delete"}},
		{"old version", client.PathBeaconUserCreate, mustJSON(beacon), map[string]string{"Plaid-Version": "2019-05-29"}, 400, "INVALID_REQUEST", "INCOMPATIBLE_API_VERSION", []string{"2019-05-29"}},
		{"no credentials", client.PathBeaconUserCreate, mustJSON(beacon), map[string]string{"PLAID-CLIENT-ID": "", "PLAID-SECRET": ""}, 400, "INVALID_REQUEST", "MISSING_FIELDS", []string{"client_id", "secret"}},
		{"wrong secret", client.PathBeaconUserCreate, mustJSON(beacon), map[string]string{"PLAID-SECRET": "nope"}, 400, "INVALID_INPUT", "INVALID_API_KEYS", nil},
		{"credentials in body", client.PathBeaconUserGet, mustJSON(map[string]string{"client_id": testID, "secret": "wrong", "beacon_user_id": user.ID}),
			map[string]string{"PLAID-CLIENT-ID": "", "PLAID-SECRET": ""}, 400, "INVALID_INPUT", "INVALID_API_KEYS", nil},
		{"every missing field", client.PathBeaconUserCreate, []byte(`{"user":{"name":{},"address":{"street2":"x"},"id_number":{"type":"us_ssn"}}}`), nil, 400, "INVALID_REQUEST", "MISSING_FIELDS",
			[]string{"program_id", "client_user_id", "user.name.given_name", "user.name.family_name", "user.address.street", "user.address.city", "user.address.country", "user.id_number.value"}},
		{"unknown top-level field", client.PathBeaconUserCreate, withField(beacon, "shoe_size", 9), nil, 400, "INVALID_REQUEST", "UNKNOWN_FIELDS", []string{"shoe_size"}},
		{"wrong type", client.PathBeaconUserCreate, withField(beacon, "user.name.given_name", 42), nil, 400, "INVALID_REQUEST", "INVALID_FIELD", []string{"user.name.given_name", "a string"}},
		{"broken rule", client.PathBeaconUserCreate, withField(beacon, "user.address.city", "1234"), nil, 400, "INVALID_REQUEST", "INVALID_FIELD", []string{"user.address.city", "letter"}},
		{"birth date or account", client.PathBeaconUserCreate, withField(samples.BeaconLocal(), "user.date_of_birth", nil), nil, 400, "INVALID_REQUEST", "INVALID_FIELD", []string{"user.date_of_birth", "bank account"}},
		{"unknown program", client.PathBeaconUserCreate, withField(beacon, "program_id", "becprg_nope"), nil, 400, "INVALID_REQUEST", "INVALID_FIELD", []string{"program_id", "becprg_11111111111111"}},
		{"unknown user", client.PathBeaconUserGet, mustJSON(client.BeaconUserGetRequest{BeaconUserID: "becusr_nope"}), nil, 400, "INVALID_REQUEST", "INVALID_FIELD", []string{"beacon_user_id"}},
		{"reject without report", client.PathBeaconUserReview, mustJSON(client.BeaconUserReviewRequest{BeaconUserID: user.ID, Status: "rejected"}), nil, 400, "INVALID_REQUEST", "INVALID_FIELD", []string{"status", "fraud report"}},
		{"logo required", client.PathPartnerCustomerCreate, withField(partner, "create_link_customization", true), nil, 400, "PARTNER_ERROR", "LOGO_REQUIRED", []string{"logo"}},
		{"logo wrong size", client.PathPartnerCustomerCreate, mustJSON(bigLogo), nil, 400, "PARTNER_ERROR", "INVALID_LOGO", []string{"1024", "512"}},
		{"logo not base64", client.PathPartnerCustomerCreate, withField(partner, "logo", "not base64!"), nil, 400, "PARTNER_ERROR", "INVALID_LOGO", []string{"base64"}},
		{"application name taken", client.PathPartnerCustomerCreate, withField(samples.PartnerMinimal(), "application_name", "  eagleton   PAY "), nil, 400, "PARTNER_ERROR", "CUSTOMER_ALREADY_CREATED", []string{"Eagleton Pay"}},
		{"customer not found", client.PathPartnerCustomerGet, mustJSON(client.PartnerCustomerGetRequest{EndCustomerClientID: "nope"}), nil, 404, "PARTNER_ERROR", "CUSTOMER_NOT_FOUND", []string{"nope"}},
		{"not ready", client.PathPartnerCustomerEnable, mustJSON(client.PartnerCustomerEnableRequest{EndCustomerClientID: minimalID}), nil, 412, "PARTNER_ERROR", "CUSTOMER_NOT_READY_FOR_ENABLEMENT", []string{"legal_entity_name", "is_diligence_attested"}},
		{"already enabled", client.PathPartnerCustomerEnable, mustJSON(client.PartnerCustomerEnableRequest{EndCustomerClientID: full.EndCustomer.ClientID}), nil, 400, "PARTNER_ERROR", "CUSTOMER_ALREADY_ENABLED", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body := h.post(c.path, c.body, c.header)
			h.spec.RequireValidError(t, body)
			typ, code, msg := errorCode(body)
			if status != c.status || typ != c.typ || code != c.code {
				t.Fatalf("got HTTP %d %s/%s (%s), want HTTP %d %s/%s", status, typ, code, msg, c.status, c.typ, c.code)
			}
			for _, m := range c.mentions {
				if !strings.Contains(msg, m) {
					t.Errorf("message %q does not mention %q", msg, m)
				}
			}
			var env map[string]any
			json.Unmarshal(body, &env)
			if id, _ := env["request_id"].(string); len(id) < 10 {
				t.Errorf("no request_id in %s", body)
			}
		})
	}
}

func TestRequestIDsAreFresh(t *testing.T) {
	h := start(t, Options{})
	seen := map[string]bool{}
	for range 20 {
		_, body := h.post("/nope", []byte("{}"), nil)
		var env struct {
			ID string `json:"request_id"`
		}
		json.Unmarshal(body, &env)
		if seen[env.ID] {
			t.Fatalf("request_id %s repeated", env.ID)
		}
		seen[env.ID] = true
	}
}

func TestBodyTooLarge(t *testing.T) {
	h := start(t, Options{MaxBodyBytes: 1 << 20})
	big := `{"program_id":"` + strings.Repeat("a", 2<<20) + `"}`
	status, body := h.post(client.PathBeaconUserCreate, []byte(big), nil)
	if _, code, msg := errorCode(body); status != http.StatusBadRequest || code != "INVALID_BODY" || !strings.Contains(msg, "larger") {
		t.Fatalf("HTTP %d %s %s", status, code, msg)
	}
}

// TestClientSeesTypedErrors: the same errors through the program's client.
func TestClientSeesTypedErrors(t *testing.T) {
	h := start(t, Options{})
	req := samples.BeaconCreate()
	req.User.Address.City = "1234"
	_, err := h.cli.CreateBeaconUser(ctx, req)
	var pe *client.Error
	if !errors.As(err, &pe) || pe.ErrorCode != "INVALID_FIELD" || client.OutcomeOf(err) != client.Rejected {
		t.Fatalf("got %T %v", err, err)
	}
	if f := pe.FieldIn(client.FieldPaths(client.BeaconUserCreateRequest{})); f != "user.address.city" {
		t.Errorf("the error names %q", f)
	}
}

// Where the spec leaves an object open (additionalProperties: true), keys
// it does not name are accepted: a middle name, an extra address line, a
// CRA purpose Plaid may add — which the emulator keeps with the customer.
func TestOpenObjectsAcceptKeysTheyDoNotName(t *testing.T) {
	h := start(t, Options{})
	if status, body := h.post(client.PathBeaconUserCreate, withField(samples.BeaconLocal(), "user.name.middle_name", "Barry"), nil); status != 200 {
		t.Fatalf("a middle name: %d %s", status, body)
	}
	partner := withField(samples.PartnerCreate(), "address.extra", 1)
	var m map[string]any
	json.Unmarshal(partner, &m)
	status, body := h.post(client.PathPartnerCustomerCreate, withField(m, "questionnaires.cra.purposes.GAMBLING", map[string]any{"use_cases": []string{"UTILITIES"}}), nil)
	if status != 200 {
		t.Fatalf("an address key and a new purpose: %d %s", status, body)
	}
	var created client.PartnerCustomerCreateResponse
	json.Unmarshal(body, &created)
	var kept *customer
	if _, apiErr := h.emu.look(ctx, func(tx *txn) (any, *apiError) {
		c, err := loadCustomer(tx, created.EndCustomer.ClientID)
		kept = c
		return nil, stored(err)
	}); apiErr != nil {
		t.Fatal(apiErr)
	}
	if uc := kept.Request.Questionnaires.CRA.Purposes["GAMBLING"].UseCases; len(uc) != 1 || uc[0] != "UTILITIES" {
		t.Fatalf("the new purpose was not kept: %+v", kept.Request.Questionnaires.CRA.Purposes)
	}
}
