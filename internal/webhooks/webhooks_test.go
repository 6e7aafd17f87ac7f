package webhooks_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	gojwt "github.com/golang-jwt/jwt/v5"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
)

var start = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// received is what the listener reported.
type received struct {
	mu     sync.Mutex
	events []webhooks.Event
	more   chan struct{}
}

func (r *received) add(e webhooks.Event) {
	r.mu.Lock()
	if e.Body != nil {
		r.events = append(r.events, e)
	}
	r.mu.Unlock()
	select {
	case r.more <- struct{}{}:
	default:
	}
}

// waitFor waits until ok holds of what was received.
func (r *received) waitFor(t *testing.T, what string, ok func([]webhooks.Event) bool) []webhooks.Event {
	t.Helper()
	deadline := time.NewTimer(tuitest.Patience)
	defer deadline.Stop()
	for {
		r.mu.Lock()
		evs := append([]webhooks.Event(nil), r.events...)
		r.mu.Unlock()
		if ok(evs) {
			return evs
		}
		select {
		case <-r.more:
		case <-deadline.C:
			t.Fatalf("waited %v for %s; got %d events", tuitest.Patience, what, len(evs))
		}
	}
}

// recv takes the next value from ch, failing the test (not hanging it)
// if none comes within the patience of a busy machine.
func recv[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	deadline := time.NewTimer(tuitest.Patience)
	defer deadline.Stop()
	select {
	case v := <-ch:
		return v
	case <-deadline.C:
		t.Fatalf("nothing came in %v", tuitest.Patience)
	}
	var zero T
	return zero
}

// rig is an emulator sending to a listener, both over loopback.
type rig struct {
	c    *client.Client
	emu  *emulator.Emulator
	got  *received
	ver  *webhooks.Verifier
	spec *spectest.Spec
}

func newRig(t *testing.T, now func() time.Time) *rig {
	got := &received{more: make(chan struct{}, 1)}
	r := &rig{got: got, spec: spectest.Load(t)}
	listener := &webhooks.Listener{Report: got.add}
	srv := httptest.NewServer(listener)
	t.Cleanup(srv.Close)
	r.c, r.emu = emutest.ClientWith(t, client.Local, emulator.Options{Now: now, Webhook: srv.URL,
		OnWebhookAttempt: func(string, string) { got.add(webhooks.Event{}) }}) // wakes waitFor; filtered out
	r.ver = &webhooks.Verifier{Sources: []webhooks.KeySource{webhooks.FromClient("the test emulator", r.c)}, Now: now}
	listener.Verifier = r.ver
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { r.emu.DeliverWebhooks(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return r
}

func codes(evs []webhooks.Event) map[string]int {
	out := map[string]int{}
	for _, e := range evs {
		out[e.Webhook.WebhookCode]++
	}
	return out
}

// Every webhook the emulator sends reaches the listener, verified, with a
// body valid against its schema in the spec.
func TestRoundTripOfEveryWebhook(t *testing.T) {
	r := newRig(t, func() time.Time { return start })
	ctx := context.Background()
	ann := samples.BeaconLocal()
	ann.User.EmailAddress = "ann@example.com"
	first, err := r.c.CreateBeaconUser(ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	twin := samples.BeaconLocal()
	twin.ClientUserID, twin.User.EmailAddress = "twin", "ANN@example.com"
	second, err := r.c.CreateBeaconUser(ctx, twin)
	if err != nil {
		t.Fatal(err)
	}
	// A status changed after the create (a create's first status is none).
	if _, err := r.c.ReviewBeaconUser(ctx, &client.BeaconUserReviewRequest{BeaconUserID: second.ID, Status: client.BeaconCleared}); err != nil {
		t.Fatal(err)
	}
	mallory := samples.BeaconLocal()
	mallory.ClientUserID, mallory.User.EmailAddress = "mal", "mallory@network-fraud.example"
	mallory.ProgramID = "becprg_22222222222222"
	if _, err := r.c.CreateBeaconUser(ctx, mallory); err != nil {
		t.Fatal(err)
	}
	report, err := r.c.CreateBeaconReport(ctx, &client.BeaconReportCreateRequest{BeaconUserID: first.ID, Type: "stolen", FraudDate: "2026-10-01"})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.emu.Fire(ctx, client.WebhookReportUpdated, report.ID); err != nil {
		t.Fatal(err)
	}
	created, err := r.c.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.c.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: created.EndCustomer.ClientID}); err != nil {
		t.Fatal(err)
	}
	evs := r.got.waitFor(t, "every webhook code", func(evs []webhooks.Event) bool {
		c := codes(evs)
		return c[client.WebhookUserStatusUpdated] >= 1 && c[client.WebhookDuplicateDetected] >= 1 &&
			c[client.WebhookSyndicationCreated] >= 1 && c[client.WebhookReportCreated] >= 1 &&
			c[client.WebhookReportUpdated] >= 1 && c[client.WebhookOAuthStatusUpdated] >= 3
	})
	for _, e := range evs {
		if !e.Verified {
			t.Errorf("%s not verified: %s", e.Webhook.WebhookCode, e.Reason)
		}
		if e.Webhook.Environment != "sandbox" || e.Webhook.ObjectID() == "" {
			t.Errorf("%s: %s", e.Webhook.WebhookCode, e.Body)
		}
		schema := client.WebhookSchemas[e.Webhook.WebhookCode]
		if err := spectest.Check(r.spec.Schema(t, schema), e.Body, false); err != nil {
			t.Errorf("%s does not match %s: %v\n%s", e.Webhook.WebhookCode, schema, err, e.Body)
		}
	}
	// Every attempt is recorded: each delivered at the first try.
	var list []client.EmulatorWebhook
	r.got.waitFor(t, "every delivery recorded", func([]webhooks.Event) bool {
		list, err = r.emu.Webhooks(ctx, 100)
		for _, w := range list {
			if w.State == "pending" {
				return false
			}
		}
		return err == nil && len(list) >= len(evs)
	})
	for _, w := range list {
		if w.State != "delivered" || len(w.Attempts) != 1 || w.Attempts[0].Status != 200 {
			t.Errorf("webhook %s %s: %s after %+v", w.ID, w.Code, w.State, w.Attempts)
		}
	}
}

// A token the emulator made verifies with a second, independent JWT
// library (golang-jwt), the public key read from the JWK by hand.
func TestTokenVerifiesWithAnotherLibrary(t *testing.T) {
	r := newRig(t, func() time.Time { return start })
	body := []byte(`{"webhook_type":"BEACON","webhook_code":"USER_STATUS_UPDATED","beacon_user_id":"becusr_x","environment":"sandbox"}`)
	token, err := r.emu.Sign(context.Background(), body)
	if err != nil {
		t.Fatal(err)
	}
	kid := headerOf(t, token)["kid"].(string)
	jwk, err := r.c.GetWebhookVerificationKey(context.Background(), &client.WebhookVerificationKeyGetRequest{KeyID: kid})
	if err != nil {
		t.Fatal(err)
	}
	point := append([]byte{4}, append(b64bytes(t, jwk.Key.X), b64bytes(t, jwk.Key.Y)...)...) // uncompressed: 04 ‖ X ‖ Y
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), point)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := gojwt.Parse(token, func(tok *gojwt.Token) (any, error) { return pub, nil },
		gojwt.WithValidMethods([]string{"ES256"}), gojwt.WithTimeFunc(func() time.Time { return start }), gojwt.WithIssuedAt())
	if err != nil || !parsed.Valid {
		t.Fatalf("golang-jwt refuses the emulator's token: %v", err)
	}
	claims := parsed.Claims.(gojwt.MapClaims)
	if parsed.Header["typ"] != "JWT" || claims["request_body_sha256"] == "" || claims["iat"] == nil {
		t.Errorf("header %v, claims %v", parsed.Header, claims)
	}
	if jwk.Key.Alg != "ES256" || jwk.Key.Crv != "P-256" || jwk.Key.Kty != "EC" || jwk.Key.Use != "sig" || jwk.Key.ExpiredAt != nil {
		t.Errorf("the JWK: %+v", jwk.Key)
	}
}

func headerOf(t *testing.T, token string) map[string]any {
	t.Helper()
	head, _, _ := strings.Cut(token, ".")
	b, err := base64.RawURLEncoding.DecodeString(head)
	if err != nil {
		t.Fatal(err)
	}
	var h map[string]any
	if err := json.Unmarshal(b, &h); err != nil {
		t.Fatal(err)
	}
	return h
}

func b64bytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Refused, each with its reason: a tampered body, alg none, HS256 signed
// with the public key, an old iat, an unknown kid.
func TestForgedWebhooksAreRefused(t *testing.T) {
	r := newRig(t, func() time.Time { return start })
	ctx := context.Background()
	body := []byte(`{"webhook_type":"BEACON","webhook_code":"USER_STATUS_UPDATED","beacon_user_id":"becusr_x","environment":"sandbox"}`)
	good, err := r.emu.Sign(ctx, body)
	if err != nil {
		t.Fatal(err)
	}
	kid := headerOf(t, good)["kid"].(string)
	if _, err := r.ver.Verify(ctx, good, body); err != nil {
		t.Fatalf("the good token: %v", err)
	}
	claims := strings.Split(good, ".")[1]
	none := base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"none","typ":"JWT","kid":"`+kid+`"}`)) + "." + claims + "."
	jwk, _ := r.c.GetWebhookVerificationKey(ctx, &client.WebhookVerificationKeyGetRequest{KeyID: kid})
	pubJSON, _ := json.Marshal(jwk.Key)
	hs := gojwt.NewWithClaims(gojwt.SigningMethodHS256, gojwt.MapClaims{"iat": start.Unix(), "request_body_sha256": "x"})
	hs.Header["kid"] = kid
	hsToken, err := hs.SignedString(pubJSON)
	if err != nil {
		t.Fatal(err)
	}
	stranger, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	signer, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: jose.JSONWebKey{Key: stranger, KeyID: "not-a-plaid-kid"}}, (&jose.SignerOptions{}).WithType("JWT"))
	unknown, _ := josejwt.Signed(signer).Claims(map[string]any{"iat": start.Unix(), "request_body_sha256": "x"}).Serialize()
	late := &webhooks.Verifier{Sources: r.ver.Sources, Now: func() time.Time { return start.Add(6 * time.Minute) }}

	for _, c := range []struct {
		name, token, why string
		body             []byte
		v                *webhooks.Verifier
	}{
		{"tampered body", good, "SHA-256 differs", []byte(strings.Replace(string(body), "becusr_x", "becusr_y", 1)), r.ver},
		{"alg none", none, `alg "none" is not ES256`, body, r.ver},
		{"HS256 with the public key", hsToken, `alg "HS256" is not ES256`, body, r.ver},
		{"old iat", good, "more than 5m0s", body, late},
		{"unknown kid", unknown, `unknown kid "not-a-plaid-kid"`, body, r.ver},
		{"no header", "", "no Plaid-Verification header", body, r.ver},
	} {
		_, err := c.v.Verify(ctx, c.token, c.body)
		var refusal *webhooks.Refusal
		if err == nil || !errors.As(err, &refusal) || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: %v, want a refusal saying %q", c.name, err, c.why)
		}
	}
}

// A receiver that fails is tried again with backoff, a bounded number of
// times, and every attempt is recorded.
func TestFailedDeliveriesAreRetriedThenGivenUp(t *testing.T) {
	var now atomic.Int64
	now.Store(start.Unix())
	clock := func() time.Time { return time.Unix(now.Load(), 0).UTC() }
	var calls atomic.Int32
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if calls.Add(1) <= 2 {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(failing.Close)
	states := make(chan string, 16)
	c, emu := emutest.ClientWith(t, client.Local, emulator.Options{Now: clock, Webhook: failing.URL, WebhookAttempts: 4,
		OnWebhookAttempt: func(_, state string) {
			now.Add(3600) // the backoff has passed by the next look
			states <- state
		}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { emu.DeliverWebhooks(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	// A status changed by hand sends one webhook (a create sends none).
	changeStatus := func(req *client.BeaconUserCreateRequest) {
		u, err := c.CreateBeaconUser(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.ReviewBeaconUser(context.Background(), &client.BeaconUserReviewRequest{BeaconUserID: u.ID, Status: client.BeaconPendingReview}); err != nil {
			t.Fatal(err)
		}
	}
	changeStatus(samples.BeaconLocal())
	for _, want := range []string{"pending", "pending", "delivered"} {
		if got := recv(t, states); got != want {
			t.Fatalf("state %s, want %s", got, want)
		}
	}
	list, err := emu.Webhooks(context.Background(), 10)
	if err != nil || len(list) != 1 || len(list[0].Attempts) != 3 || list[0].Attempts[0].Status != 500 || list[0].Attempts[2].Status != 204 {
		t.Fatalf("recorded: %+v %v", list, err)
	}

	// Always failing: given up after WebhookAttempts.
	calls.Store(-100)
	other := samples.BeaconLocal()
	other.ProgramID = "becprg_22222222222222" // duplicates on id_number only: no duplicate, one webhook
	changeStatus(other)
	for _, want := range []string{"pending", "pending", "pending", "failed"} {
		if got := recv(t, states); got != want {
			t.Fatalf("state %s, want %s", got, want)
		}
	}
}

// --forward-to posts on only what verified, with its headers.
func TestOnlyVerifiedWebhooksAreForwarded(t *testing.T) {
	r := newRig(t, func() time.Time { return start })
	forwarded := make(chan http.Header, 4)
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		forwarded <- req.Header.Clone()
		w.WriteHeader(http.StatusAccepted)
	}))
	t.Cleanup(target.Close)
	var got []webhooks.Event
	l := &webhooks.Listener{Verifier: r.ver, ForwardTo: target.URL, Report: func(e webhooks.Event) { got = append(got, e) }}
	body := []byte(`{"webhook_type":"BEACON","webhook_code":"USER_STATUS_UPDATED","beacon_user_id":"becusr_x","environment":"sandbox"}`)
	token, err := r.emu.Sign(context.Background(), body)
	if err != nil {
		t.Fatal(err)
	}
	post := func(b []byte) int {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(string(b)))
		req.Header.Set("Plaid-Verification", token)
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		l.ServeHTTP(w, req)
		return w.Code
	}
	if code := post(body); code != http.StatusOK {
		t.Fatalf("verified: %d", code)
	}
	h := recv(t, forwarded)
	if h.Get("Plaid-Verification") != token || got[0].Forwarded != "HTTP 202" {
		t.Errorf("forwarded without its token, or not said: %v %q", h, got[0].Forwarded)
	}
	if code := post([]byte(strings.Replace(string(body), "becusr_x", "becusr_y", 1))); code != http.StatusBadRequest {
		t.Fatalf("tampered: %d", code)
	}
	if len(got) != 2 || got[1].Verified || got[1].Forwarded != "" || len(forwarded) != 0 {
		t.Errorf("a refused webhook was forwarded: %+v", got)
	}
}

// A program's own webhook URL and an end customer's (by application name)
// take precedence over the emulator's.
func TestProgramAndCustomerWebhooksGoToTheirOwnURL(t *testing.T) {
	got := map[string]chan string{"program": make(chan string, 8), "customer": make(chan string, 8)}
	receiver := func(name string) string {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			var b struct {
				Code string `json:"webhook_code"`
			}
			_ = json.NewDecoder(req.Body).Decode(&b)
			got[name] <- b.Code
		}))
		t.Cleanup(srv.Close)
		return srv.URL
	}
	programURL, customerURL := receiver("program"), receiver("customer")
	partner := emulator.DefaultPartner()
	partner.CustomerWebhooks = map[string]string{"pawnee parks money": customerURL}
	c, emu := emutest.ClientWith(t, client.Local, emulator.Options{Now: func() time.Time { return start },
		Webhook: "http://127.0.0.1:1/nowhere", Partner: &partner,
		Programs: []emulator.Program{{ID: "becprg_33333333333333", Name: "Own", Webhook: programURL}}})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { emu.DeliverWebhooks(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	u := samples.BeaconLocal()
	u.ProgramID = "becprg_33333333333333"
	created0, err := c.CreateBeaconUser(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.ReviewBeaconUser(context.Background(), &client.BeaconUserReviewRequest{BeaconUserID: created0.ID, Status: client.BeaconPendingReview}); err != nil {
		t.Fatal(err)
	}
	if code := recv(t, got["program"]); code != client.WebhookUserStatusUpdated {
		t.Errorf("the program's URL got %s", code)
	}
	created, err := c.CreatePartnerCustomer(context.Background(), samples.PartnerCreate()) // "Pawnee Parks Money"
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.EnablePartnerCustomer(context.Background(), &client.PartnerCustomerEnableRequest{EndCustomerClientID: created.EndCustomer.ClientID}); err != nil {
		t.Fatal(err)
	}
	if code := recv(t, got["customer"]); code != client.WebhookOAuthStatusUpdated {
		t.Errorf("the customer's URL got %s", code)
	}
}

// Chase's registration, PROCESSING at enable, becomes ENABLED a day later
// by the emulator's clock, and a webhook says so.
func TestOAuthProgressSendsItsWebhook(t *testing.T) {
	var now atomic.Int64
	now.Store(start.Unix())
	r := newRig(t, func() time.Time { return time.Unix(now.Load(), 0).UTC() })
	ctx := context.Background()
	created, err := r.c.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.c.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: created.EndCustomer.ClientID}); err != nil {
		t.Fatal(err)
	}
	chase := func(status string) func([]webhooks.Event) bool {
		return func(evs []webhooks.Event) bool {
			for _, e := range evs {
				if e.Webhook.InstitutionID == "ins_56" && e.Webhook.Status == status && e.Verified {
					return true
				}
			}
			return false
		}
	}
	r.got.waitFor(t, "Chase processing", chase("processing"))
	now.Add(int64((24 * time.Hour).Seconds()))
	r.emu.Wake()
	r.got.waitFor(t, "Chase enabled", chase("enabled"))
	inst, err := r.c.GetPartnerOAuthInstitutions(ctx, &client.PartnerCustomerOAuthInstitutionsGetRequest{EndCustomerClientID: created.EndCustomer.ClientID})
	if err != nil || inst.Institutions[0].Environments.Production != client.OAuthEnabled {
		t.Fatalf("after a day: %+v %v", inst, err)
	}
}
