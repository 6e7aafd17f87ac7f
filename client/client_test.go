package client

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
)

// wireCheck asserts what every request must carry: credentials and version
// in headers, never in the body, and a body the spec accepts.
func wireCheck(spec *spectest.Spec, path string) func(t *testing.T, r *http.Request, body []byte) {
	return func(t *testing.T, r *http.Request, body []byte) {
		t.Helper()
		if r.Method != http.MethodPost {
			t.Errorf("%s: method %s", path, r.Method)
		}
		for h, want := range map[string]string{
			"PLAID-CLIENT-ID": "test_client", "PLAID-SECRET": "test_secret_value",
			"Plaid-Version": "2020-09-14", "Content-Type": "application/json",
		} {
			if got := r.Header.Get(h); got != want {
				t.Errorf("%s: header %s = %q, want %q", path, h, got, want)
			}
		}
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "plaid-onboard/1.2.3 ") {
			t.Errorf("%s: User-Agent %q", path, ua)
		}
		if bytes.Contains(body, []byte("test_secret_value")) || bytes.Contains(body, []byte(`"client_id"`)) {
			t.Errorf("%s: credentials in the body: %s", path, body)
		}
		spec.RequireValidRequest(t, path, body)
	}
}

// TestRoundTripEveryPath sends a request on every path to a server that
// answers with the spec's own example, over real HTTP, and checks both ends.
func TestRoundTripEveryPath(t *testing.T) {
	spec := spectest.Load(t)
	reg := newRegistry(t)
	for _, p := range []string{
		PathPartnerCustomerCreate, PathPartnerCustomerGet, PathPartnerCustomerUpdate, PathPartnerCustomerEnable,
		PathBeaconUserCreate, PathBeaconUserGet, PathBeaconUserReview, PathBeaconUserUpdate, PathBeaconReportCreate,
	} {
		reg.register(&stub{path: p, body: spec.ResponseExample(t, p), inspect: wireCheck(spec, p)})
	}
	c := reg.client(t)
	ctx := context.Background()

	created, err := c.CreatePartnerCustomer(ctx, samplePartner())
	if err != nil {
		t.Fatal(err)
	}
	ec := created.EndCustomer
	if ec.ClientID != "7f57eb3d2a9j6480121fx361" || ec.Status != StatusMoreInformationNeeded ||
		ec.Secrets.Sandbox == "" || len(ec.RequirementsDue) != 3 || ec.ProductStatuses["cra_base_report"] != "MORE_INFORMATION_NEEDED" ||
		created.RequestID != "4zlKapIkTm8p5KM" {
		t.Errorf("create decoded as %+v", created)
	}
	got, err := c.GetPartnerCustomer(ctx, &PartnerCustomerGetRequest{EndCustomerClientID: "634758733ebb4f00134b85ea"})
	if err != nil || got.EndCustomer.RequirementsDue[2] != RequirementCRAQuestionnaire {
		t.Errorf("get: %+v %v", got, err)
	}
	upd, err := c.UpdatePartnerCustomer(ctx, &PartnerCustomerUpdateRequest{
		EndCustomerClientID: "634758733ebb4f00134b85ea", LegalEntityName: "Plaid Inc.",
	})
	if err != nil || upd.EndCustomer.Status != StatusPendingEnablement {
		t.Errorf("update: %+v %v", upd, err)
	}
	en, err := c.EnablePartnerCustomer(ctx, &PartnerCustomerEnableRequest{EndCustomerClientID: "634758733ebb4f00134b85ea", Products: []Product{"auth"}})
	if err != nil || en.Status != StatusActive || en.ProductionSecret == "" || en.ProductStatuses["auth"] != "ACTIVE" {
		t.Errorf("enable: %+v %v", en, err)
	}

	user, err := c.CreateBeaconUser(ctx, sampleBeacon())
	if err != nil {
		t.Fatal(err)
	}
	if user.ID != "becusr_42cF1MNo42r9Xj" || user.Status != BeaconCleared || user.Version != 1 ||
		user.User.Address == nil || *user.User.Address.Region != "IN" || user.User.DepositoryAccounts[0].AccountMask != "4000" ||
		user.AuditTrail.Source != AuditDashboard || user.CreatedAt.IsZero() {
		t.Errorf("beacon create decoded as %+v", user)
	}
	if _, err := c.GetBeaconUser(ctx, &BeaconUserGetRequest{BeaconUserID: user.ID}); err != nil {
		t.Error(err)
	}
	if _, err := c.ReviewBeaconUser(ctx, &BeaconUserReviewRequest{BeaconUserID: user.ID, Status: BeaconPendingReview}); err != nil {
		t.Error(err)
	}
	if _, err := c.UpdateBeaconUser(ctx, &BeaconUserUpdateRequest{BeaconUserID: user.ID,
		User: BeaconUserUpdateRequestData{EmailAddress: "leslie@pawnee.example.gov"}}); err != nil {
		t.Error(err)
	}
	rep, err := c.CreateBeaconReport(ctx, &BeaconReportCreateRequest{BeaconUserID: user.ID, Type: "first_party", FraudDate: "2024-05-01",
		FraudAmount: &FraudAmount{ISOCurrencyCode: "USD", Value: 100}})
	if err != nil || rep.ID != "becrpt_11111111111111" || rep.FraudAmount == nil || rep.FraudAmount.Value != 100 {
		t.Errorf("report: %+v %v", rep, err)
	}
}

// TestUnknownFieldsAndEnumsAccepted: Plaid adds fields and enum values
// without a version bump; the client must decode them.
func TestUnknownFieldsAndEnumsAccepted(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathPartnerCustomerGet, body: []byte(`{"end_customer":{"client_id":"c1","status":"BRAND_NEW_STATUS",
		"requirements_due":["something_new"],"product_statuses":{"cra_qualify":"X"},"new_field":{"a":1}},"request_id":"r","extra":true}`)})
	got, err := reg.client(t).GetPartnerCustomer(context.Background(), &PartnerCustomerGetRequest{EndCustomerClientID: "c1"})
	if err != nil {
		t.Fatal(err)
	}
	if got.EndCustomer.Status != "BRAND_NEW_STATUS" || got.EndCustomer.RequirementsDue[0] != "something_new" {
		t.Errorf("decoded %+v", got)
	}
}

// TestEmptyAndUnansweredAreNotSent: empty strings, empty objects and
// unanswered yes/no questions are left out; an answered "no" is sent.
func TestEmptyAndUnansweredAreNotSent(t *testing.T) {
	req := PartnerCustomerCreateRequest{CompanyName: "A", IsDiligenceAttested: new(bool)}
	b, _ := Body(&req)
	var m map[string]any
	json.Unmarshal(b, &m)
	if v, found := m["is_diligence_attested"]; !found || v != false {
		t.Errorf("an answered no must be sent as false: %s", b)
	}
	for _, absent := range []string{"create_link_customization", "technical_contact", "address", "questionnaires", "bank_addendum_acceptance", "logo", "products"} {
		if _, found := m[absent]; found {
			t.Errorf("%s sent although empty: %s", absent, b)
		}
	}
}

func samplePartner() *PartnerCustomerCreateRequest {
	yes, no := true, false
	return &PartnerCustomerCreateRequest{
		CompanyName: "Plaid", IsDiligenceAttested: &yes, Products: []Product{"auth", "cra_base_report"},
		LegalEntityName: "Plaid Inc.", Website: "plaid.com", ApplicationName: "Plaid",
		TechnicalContact:    PartnerContact{GivenName: "Alice", FamilyName: "Smith", Email: "alice.smith@example.com"},
		CustomerSupportInfo: CustomerSupportInfo{Email: "support@example.com", PhoneNumber: "+14155550100"},
		Address:             PartnerAddress{City: "New York", Street: "123 Main St", Region: "NY", PostalCode: "10001", CountryCode: "US"},
		RedirectURIs:        []string{"https://www.example.com/oauth.html"},
		BankAddendumAcceptance: BankAddendumAcceptance{CustomerAccepted: &yes, CustomerIPAddress: "127.0.0.1",
			CustomerAgreementTimestamp: "2025-01-01T01:00:00Z"},
		Questionnaires: PartnerQuestionnaires{CRA: CRAQuestionnaire{
			Purposes:             map[CRAPurpose]CRAUseCases{"WRITTEN_INSTRUCTION": {UseCases: []CRAUseCase{"CREDIT_UNDERWRITING"}}},
			IsThirdPartyInvolved: &no,
		}},
	}
}

func sampleBeacon() *BeaconUserCreateRequest {
	return &BeaconUserCreateRequest{
		ProgramID: "becprg_11111111111111", ClientUserID: "your-db-id-3b24110",
		User: BeaconUserRequestData{
			DateOfBirth:        "1990-05-29",
			Name:               BeaconUserName{GivenName: "Leslie", FamilyName: "Knope"},
			Address:            BeaconUserRequestAddress{Street: "123 Main St.", City: "Pawnee", Region: "IN", PostalCode: "46001", Country: "US"},
			IDNumber:           BeaconUserIDNumber{Value: "123456789", Type: "us_ssn"},
			DepositoryAccounts: []BeaconUserRequestDepositoryAccount{{AccountNumber: "1234567890", RoutingNumber: "021000021"}},
		},
	}
}

// A body that starts with a byte-order mark is named as such.
func TestParseNamesTheBOM(t *testing.T) {
	ps, decoded := ParseRequest(append([]byte{0xEF, 0xBB, 0xBF}, `{"program_id":"x"}`...), &BeaconUserCreateRequest{})
	if decoded || len(ps) != 1 || !strings.Contains(ps[0].Message, "byte-order mark") {
		t.Fatalf("%v", ps)
	}
}

// A 200 answer without the id of what it is about cannot be acted on:
// an error whose outcome is unknown (the report may exist).
func TestAnswerWithoutItsIDIsAnError(t *testing.T) {
	reg := newRegistry(t)
	reg.register(&stub{path: PathBeaconReportCreate, body: []byte(`{"request_id":"x"}`)})
	_, err := reg.client(t).CreateBeaconReport(context.Background(), &BeaconReportCreateRequest{BeaconUserID: "becusr_1", Type: "stolen", FraudDate: "2026-01-01"})
	if err == nil || !strings.Contains(err.Error(), "lacks fields Plaid's schema requires, id among them") || OutcomeOf(err) != Unknown {
		t.Fatalf("got %v (outcome %v)", err, OutcomeOf(err))
	}
}

// A 200 that names what it created is a known outcome, whatever else it
// lacks (FACTS §10: an address Plaid may leave out): the id is kept, the
// rest read, and the missing keys are warned of — for every create and
// follow-up.
func TestAnswerWithItsIDIsKeptAndWarned(t *testing.T) {
	for _, c := range []struct {
		path, body string
		call       func(*Client) (string, error)
	}{
		{PathBeaconUserCreate, `{"id":"becusr_kept","request_id":"r","status":"cleared","user":{"name":{"given_name":"A","family_name":"B"}}}`,
			func(c *Client) (string, error) {
				u, err := c.CreateBeaconUser(context.Background(), &BeaconUserCreateRequest{})
				return u.ID, err
			}},
		{PathPartnerCustomerCreate, `{"end_customer":{"client_id":"cust_kept","secrets":{"sandbox":"s"}},"request_id":"r"}`,
			func(c *Client) (string, error) {
				r, err := c.CreatePartnerCustomer(context.Background(), &PartnerCustomerCreateRequest{})
				return r.EndCustomer.ClientID, err
			}},
		{PathBeaconUserReview, `{"id":"becusr_kept","status":"rejected"}`,
			func(c *Client) (string, error) {
				u, err := c.ReviewBeaconUser(context.Background(), &BeaconUserReviewRequest{})
				return u.ID, err
			}},
	} {
		reg := newRegistry(t)
		reg.register(&stub{path: c.path, body: []byte(c.body)})
		cl := reg.client(t)
		var warned []Warning
		cl.cfg.Warn = func(w Warning) { warned = append(warned, w) }
		id, err := c.call(cl)
		if err != nil || !strings.HasSuffix(id, "_kept") {
			t.Fatalf("%s: %q %v", c.path, id, err)
		}
		if c.path == PathPartnerCustomerCreate {
			continue // its schema requires nothing of the answer
		}
		if len(warned) != 1 || !strings.Contains(warned[0].String(), "lacks keys its schema requires") || len(warned[0].Absent) == 0 {
			t.Fatalf("%s: warned %+v", c.path, warned)
		}
	}
}

// Values newer than this program, and extra fields, never break reading
// an answer; a null where a user was created without something is read as
// nothing there.
func TestNewerValuesInAnAnswerAreRead(t *testing.T) {
	reg := newRegistry(t)
	body := `{"item_ids":[],"id":"becusr_1","version":1,"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z",
	"status":"escalated","program_id":"p","client_user_id":"c","request_id":"r","new_field":{"x":1},
	"audit_trail":{"source":"partner_portal","dashboard_user_id":null,"timestamp":"2026-01-01T00:00:00Z"},
	"user":{"date_of_birth":null,"name":{"given_name":"A","family_name":"B"},"address":null,"email_address":null,
	"phone_number":null,"id_number":{"value":"1234","type":"zz_new_id"},"ip_address":null,"depository_accounts":[]}}`
	reg.register(&stub{path: PathBeaconUserGet, body: []byte(body)})
	u, err := reg.client(t).GetBeaconUser(context.Background(), &BeaconUserGetRequest{BeaconUserID: "becusr_1"})
	if err != nil || u.Status != "escalated" || u.AuditTrail.Source != "partner_portal" || u.User.IDNumber.Type != "zz_new_id" {
		t.Fatalf("%+v %v", u, err)
	}
}
