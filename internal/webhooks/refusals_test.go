package webhooks_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
)

// signer makes tokens for a webhooks.Verifier whose one source knows
// only the key of kid "k1", counting how often it is asked.
type signer struct {
	key     *ecdsa.PrivateKey
	fetches atomic.Int32
	v       *webhooks.Verifier
}

func newSigner(t *testing.T, now time.Time) *signer {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s := &signer{key: key}
	pub, _ := json.Marshal(jose.JSONWebKey{Key: &key.PublicKey, KeyID: "k1", Algorithm: "ES256", Use: "sig"})
	var jwk client.JWKPublicKey
	if err := json.Unmarshal(pub, &jwk); err != nil {
		t.Fatal(err)
	}
	s.v = &webhooks.Verifier{Now: func() time.Time { return now }, Sources: []webhooks.KeySource{{
		Name: "the test source",
		Fetch: func(_ context.Context, kid string) (*client.JWKPublicKey, error) {
			s.fetches.Add(1)
			if kid == "k1" {
				return &jwk, nil
			}
			return nil, &client.Error{ErrorType: "INVALID_INPUT", ErrorCode: "INVALID_FIELD", ErrorMessage: "no such key"}
		},
	}}}
	return s
}

// sign signs claims (any JSON) with the key, under kid, with extra
// header fields.
func (s *signer) sign(t *testing.T, kid string, claims any, extra map[string]any) string {
	t.Helper()
	opts := (&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", kid)
	for k, v := range extra {
		opts = opts.WithHeader(jose.HeaderKey(k), v)
	}
	sig, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: s.key}, opts)
	if err != nil {
		t.Fatal(err)
	}
	payload, _ := json.Marshal(claims)
	jws, err := sig.Sign(payload)
	if err != nil {
		t.Fatal(err)
	}
	token, err := jws.CompactSerialize()
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func bodyHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:])
}

var hookBody = []byte(`{"webhook_type":"BEACON","webhook_code":"USER_STATUS_UPDATED","beacon_user_id":"becusr_x","environment":"sandbox"}`)

// A refusal names the real reason: a value of the wrong type, a critical
// extension, a token that is not a JWT at all.
func TestRefusalsNameTheRealReason(t *testing.T) {
	s := newSigner(t, start)
	ctx := context.Background()
	good := map[string]any{"iat": start.Unix(), "request_body_sha256": bodyHash(hookBody)}
	if v, err := s.v.Verify(ctx, s.sign(t, "k1", good, nil), hookBody); err != nil || v.Source == nil || v.Source.Name != "the test source" {
		t.Fatalf("the good token: %+v %v", v, err)
	}
	for _, c := range []struct{ name, token, why string }{
		{"iat as a string", s.sign(t, "k1", map[string]any{"iat": fmt.Sprint(start.Unix()), "request_body_sha256": bodyHash(hookBody)}, nil),
			`iat is "` + fmt.Sprint(start.Unix()) + `", not a whole number of seconds`},
		{"an unknown critical header", s.sign(t, "k1", good, map[string]any{"crit": []string{"x-plaid-test"}, "x-plaid-test": true}),
			"marks extensions critical"},
		{"not a JWT", "hello", "malformed: not a JWT"},
		{"two parts", "eyJhbGciOiJFUzI1NiJ9.e30", "malformed: not a JWT"},
		{"a header that is not base64url", "*.e30.AAAA", "malformed: the JWT header is not base64url"},
		{"a header with no alg", "e30.e30.AAAA", "malformed: the JWT header names no alg"},
		{"no hash", s.sign(t, "k1", map[string]any{"iat": start.Unix()}, nil), "no request_body_sha256 claim"},
	} {
		_, err := s.v.Verify(ctx, c.token, hookBody)
		if err == nil || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: %v, want %q", c.name, err, c.why)
		}
		if c.name == "not a JWT" && strings.Contains(fmt.Sprint(err), `alg ""`) {
			t.Errorf("%s: worded as an alg: %v", c.name, err)
		}
	}
}

// Made-up kids cost a bounded number of key fetches: 30 webhooks with 30
// random kids ask the source at most a handful of times, and a kid
// refused once is not asked about again for a while.
func TestUnknownKidsAreFetchedAtABoundedRate(t *testing.T) {
	s := newSigner(t, start)
	ctx := context.Background()
	claims := map[string]any{"iat": start.Unix(), "request_body_sha256": bodyHash(hookBody)}
	for i := range 30 {
		kid := base64.RawURLEncoding.EncodeToString([]byte(fmt.Sprintf("made-up-%d", i)))
		if _, err := s.v.Verify(ctx, s.sign(t, kid, claims, nil), hookBody); err == nil {
			t.Fatalf("kid %s verified", kid)
		}
	}
	if n := s.fetches.Load(); n > 5 {
		t.Fatalf("30 made-up kids made %d key fetches", n)
	}
	before := s.fetches.Load()
	again := base64.RawURLEncoding.EncodeToString([]byte("made-up-0"))
	_, err := s.v.Verify(ctx, s.sign(t, again, claims, nil), hookBody)
	if s.fetches.Load() != before || err == nil || !strings.Contains(err.Error(), "not asked again") {
		t.Fatalf("a kid refused a moment ago was asked about again (%d fetches): %v", s.fetches.Load()-before, err)
	}
	// A flood delays a real new kid by one refill at most: a moment later
	// (a sender retries a webhook that was refused) it is fetched.
	s.v.Now = func() time.Time { return start.Add(6 * time.Second) }
	if _, err := s.v.Verify(ctx, s.sign(t, "k1", claims, nil), hookBody); err != nil {
		t.Fatalf("the real kid after a flood: %v", err)
	}
}

// The same webhook delivered twice verifies both times (Plaid's docs ask
// only for the age check), marked a replay the second time; only the
// first is forwarded unless replays are asked for.
func TestReplaysAreMarkedAndNotForwarded(t *testing.T) {
	s := newSigner(t, start)
	var forwarded atomic.Int32
	to := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { forwarded.Add(1) }))
	defer to.Close()
	var events []webhooks.Event
	l := &webhooks.Listener{Verifier: s.v, ForwardTo: to.URL, Report: func(e webhooks.Event) { events = append(events, e) }}
	token := s.sign(t, "k1", map[string]any{"iat": start.Unix(), "request_body_sha256": bodyHash(hookBody)}, nil)
	for range 2 {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(string(hookBody)))
		req.Header.Set("Plaid-Verification", token)
		l.ServeHTTP(httptest.NewRecorder(), req)
	}
	if len(events) != 2 || !events[0].Verified || events[0].Replay || !events[1].Verified || !events[1].Replay {
		t.Fatalf("events: %+v", events)
	}
	if forwarded.Load() != 1 || !strings.Contains(events[1].Forwarded, "replay") {
		t.Fatalf("forwarded %d times; second: %q", forwarded.Load(), events[1].Forwarded)
	}
	line, _ := json.Marshal(events[1])
	if !strings.Contains(string(line), `"key_source":"the test source"`) || !strings.Contains(string(line), `"replay":true`) {
		t.Fatalf("--json does not say where the key came from, or that it is a replay: %s", line)
	}
}
