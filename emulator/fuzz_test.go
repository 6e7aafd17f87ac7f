package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

var fuzzPaths = []string{
	client.PathPartnerCustomerCreate, client.PathPartnerCustomerGet, client.PathPartnerCustomerUpdate,
	client.PathPartnerCustomerEnable, client.PathBeaconUserCreate, client.PathBeaconUserGet,
	client.PathBeaconUserReview, client.PathBeaconUserUpdate, client.PathBeaconReportCreate,
	"/nope", "/beacon/user/create/",
}

// FuzzHandlers sends any bytes to any path: malformed JSON, huge strings,
// deep nesting, non-UTF-8. Every answer is JSON — a success or Plaid's
// error envelope with a request id — and none takes long or panics.
func FuzzHandlers(f *testing.F) {
	beacon, _ := json.Marshal(samples.BeaconCreate())
	partner, _ := json.Marshal(samples.PartnerMinimal())
	for _, seed := range [][]byte{
		beacon, partner, []byte(`{}`), []byte(`[]`), []byte(`null`), []byte(`{"beacon_user_id":"becusr_x"}`),
		[]byte(strings.Repeat("[", 5000)), []byte(`{"a":` + strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat("}", 41)),
		{0xff, 0xfe, '{', '}'}, []byte(`{"program_id":"\ud800"}`), []byte(`{"user":{"name":{"given_name":1e999}}}`),
		[]byte(`{"client_user_id":"` + strings.Repeat("x", 70000) + `"}`), []byte(`{} trailing`),
	} {
		for i := range fuzzPaths {
			f.Add(uint8(i), uint8(0), seed)
		}
	}
	f.Add(uint8(4), uint8(1), beacon) // credentials in the body
	f.Add(uint8(4), uint8(2), beacon) // no content type
	f.Fuzz(func(t *testing.T, pathIndex, variant uint8, body []byte) {
		emu, err := New(Options{ClientID: testID, Secret: testSecret, Now: func() time.Time { return fixedNow }})
		if err != nil {
			t.Fatal(err)
		}
		path := fuzzPaths[int(pathIndex)%len(fuzzPaths)]
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(body))
		switch variant % 3 {
		case 0:
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("PLAID-CLIENT-ID", testID)
			req.Header.Set("PLAID-SECRET", testSecret)
		case 1:
			req.Header.Set("Content-Type", "application/json; charset=utf-8")
		}
		rec := httptest.NewRecorder()
		emu.ServeHTTP(rec, req)
		var answer map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &answer); err != nil {
			t.Fatalf("%s answered %d with non-JSON %q", path, rec.Code, rec.Body.String())
		}
		if answer["request_id"] == nil || answer["request_id"] == "" {
			t.Fatalf("%s answered without a request id: %v", path, answer)
		}
		if rec.Code != http.StatusOK {
			if answer["error_type"] == nil || answer["error_code"] == nil {
				t.Fatalf("%s answered %d without Plaid's envelope: %v", path, rec.Code, answer)
			}
			if rec.Code >= 500 {
				t.Fatalf("%s answered %d: a bad request is the caller's fault: %v", path, rec.Code, answer)
			}
		}
	})
}
