package webhooks_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
)

// Whatever arrives in the header and the body, Verify answers a refusal
// (or an error fetching the key) and never panics or verifies.
func FuzzVerify(f *testing.F) {
	f.Add("", []byte(`{}`))
	f.Add("eyJhbGciOiJub25lIn0.eyJpYXQiOjF9.", []byte(`{"webhook_code":"X"}`))
	f.Add("eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.e30.AAAA", []byte(`x`))
	f.Add("a.b.c.d.e", []byte(nil))
	key := &client.JWKPublicKey{Alg: "ES256", Kty: "EC", Crv: "P-256", Kid: "k1", Use: "sig",
		X: "hKXLGIjWvCBv-cP5euCTxl8g9GLG9zHo_3pO5NN1DwQ", Y: "shhexqPB7YffGn6fR6h2UhTSuCtPmfzQJ6ENVIoO4Ys"}
	v := &webhooks.Verifier{Now: func() time.Time { return time.Unix(1_700_000_000, 0) },
		Sources: []webhooks.KeySource{{Name: "a test", Fetch: func(_ context.Context, kid string) (*client.JWKPublicKey, error) {
			if kid == "k1" {
				return key, nil
			}
			return nil, &client.Error{ErrorType: "INVALID_REQUEST", ErrorCode: "INVALID_FIELD", ErrorMessage: "no key"}
		}}}}
	f.Fuzz(func(t *testing.T, token string, body []byte) {
		_, err := v.Verify(context.Background(), token, body)
		if err == nil {
			t.Fatalf("verified a token no one signed: %q", token)
		}
		var refusal *webhooks.Refusal
		if !errors.As(err, &refusal) {
			t.Fatalf("not a refusal: %v", err)
		}
	})
}
