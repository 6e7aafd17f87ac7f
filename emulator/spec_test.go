package emulator

import (
	"encoding/json"
	"testing"

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
	bare := ok(client.PathBeaconUserCreate, samples.BeaconMinimal()) // no address: null, as FACTS §10 expects
	ok(client.PathBeaconUserGet, client.BeaconUserGetRequest{BeaconUserID: uid})
	ok(client.PathBeaconUserGet, client.BeaconUserGetRequest{BeaconUserID: bare["id"].(string)})
	ok(client.PathBeaconUserUpdate, client.BeaconUserUpdateRequest{BeaconUserID: uid,
		User: client.BeaconUserUpdateRequestData{IPAddress: "2001:db8::42"}, AccessTokens: []string{"access-sandbox-x"}})
	ok(client.PathBeaconUserReview, client.BeaconUserReviewRequest{BeaconUserID: uid, Status: client.BeaconPendingReview})
	ok(client.PathBeaconReportCreate, client.BeaconReportCreateRequest{BeaconUserID: uid, Type: "stolen", FraudDate: "2026-01-01"})
	ok(client.PathBeaconReportCreate, client.BeaconReportCreateRequest{BeaconUserID: uid, Type: "synthetic", FraudDate: "2026-01-02",
		FraudAmount: &client.FraudAmount{ISOCurrencyCode: "USD", Value: 0}})
}
