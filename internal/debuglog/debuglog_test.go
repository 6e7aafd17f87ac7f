package debuglog

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// What the catalogue marks personal is masked wherever it appears — in a
// request, an answer, a list of answers — and secrets are never shown.
func TestExchangesAreMasked(t *testing.T) {
	req, _ := json.Marshal(samples.BeaconCreate())
	answer := []byte(`{"id":"becusr_1","request_id":"req-42","user":{"date_of_birth":"1975-01-18","email_address":"leslie@example.com",
		"phone_number":"+14155550100","id_number":{"type":"us_ssn","value":"123456789"},"name":{"given_name":"Leslie"}},
		"beacon_users":[{"user":{"date_of_birth":"1980-02-02"}}],
		"end_customer":{"secrets":{"sandbox":"sandbox-secret-value","production":"production-secret-value"}},
		"production_secret":"enabled-secret-value","fraud_amount":{"value":12.5}}`)
	var out bytes.Buffer
	New(&out).Trace(client.Exchange{Path: "/beacon/user/create", Attempt: 1, Start: time.Unix(0, 0), Took: time.Millisecond,
		Status: 200, Request: req, Response: answer})
	New(&out).Trace(client.Exchange{Path: "/beacon/user/get", Attempt: 2, Start: time.Unix(0, 0), Err: errors.New("connection refused")})
	got := out.String()
	for _, hidden := range []string{"1975-01-18", "1980-02-02", "leslie@example.com", "+14155550100", "123456789", "1234567890",
		"sandbox-secret-value", "production-secret-value", "enabled-secret-value"} {
		if strings.Contains(got, hidden) {
			t.Errorf("the log shows %q:\n%s", hidden, got)
		}
	}
	for _, shown := range []string{"--> POST /beacon/user/create (attempt 1)", "<-- HTTP 200", "request_id req-42", "Leslie",
		`"value": 12.5`, "l•••••@example.com", "••••0100", "PLAID-SECRET (never shown)", "<-- no answer", "connection refused"} {
		if !strings.Contains(got, shown) {
			t.Errorf("the log lacks %q:\n%s", shown, got)
		}
	}
	if m := Mask([]byte("<html>secret</html>")); strings.Contains(m, "secret") {
		t.Errorf("a body that is not JSON is shown: %s", m)
	}
}
