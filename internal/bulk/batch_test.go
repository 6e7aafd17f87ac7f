package bulk

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
)

var now = time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)

const threeCustomers = "company_name,application_name,website,address.street,address.city,address.region,address.postal_code,address.country_code,customer_support_info.email,technical_contact.given_name,technical_contact.family_name,technical_contact.email,legal_entity_name,is_diligence_attested\n" +
	"A Inc,A App,https://a.example.com,1 Main St,Pawnee,IN,46001,US,help@a.example.com,Ann,Perkins,ann@a.example.com,A Inc.,true\n" +
	"B Inc,B App,https://b.example.com,2 Main St,Pawnee,IN,46001,US,help@b.example.com,Ann,Perkins,ann@b.example.com,B Inc.,true\n" +
	"C Inc,C App,https://c.example.com,3 Main St,Pawnee,IN,46001,US,help@c.example.com,Ann,Perkins,ann@c.example.com,C Inc.,true\n"

// imported is a store holding the three customers as batch "b", and a
// client of an emulator behind wrap.
func imported(t *testing.T, wrap func(http.Handler) http.Handler) (*drafts.Store, *client.Client, Batch) {
	t.Helper()
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"), drafts.StaticKey(bytes.Repeat([]byte{1}, 32)))
	if err != nil {
		t.Fatal(err)
	}
	env := catalog.Env{Environment: client.Local, Now: now}
	if _, err := Import(store, Input{Kind: drafts.PartnerCustomer, Format: CSV, Data: []byte(threeCustomers), Batch: "b", Env: env}); err != nil {
		t.Fatal(err)
	}
	emu, err := emulator.New(emulator.Options{ClientID: "id", Secret: "secret", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { emu.Close() })
	srv := httptest.NewServer(wrap(emu))
	t.Cleanup(srv.Close)
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: "id", Secret: "secret"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(store, "b", env)
	if err != nil || b.Count(Ready) != 3 {
		t.Fatalf("batch %+v, %v", b, err)
	}
	return store, c, b
}

// Ctrl-C during a send stops the batch after the request in flight,
// which completes and is recorded; the rest wait for the next run.
func TestAnInterruptStopsAfterTheRequestInFlight(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	store, c, b := imported(t, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			cancel() // Ctrl-C while the first create is on its way
			next.ServeHTTP(w, r)
		})
	})
	r := Send(ctx, c, store, b, client.Local, SendOptions{Now: func() time.Time { return now }}, nil)
	if r.Sent != 1 || r.Stopped == "" {
		t.Fatalf("report %+v", r)
	}
	after, _ := Load(store, "b", catalog.Env{Environment: client.Local, Now: now})
	if after.Count(Sent) != 1 || after.Count(Ready) != 2 || after.Members[0].State != Sent {
		t.Fatalf("after: %s", after.Summary())
	}
}

// A failure stops the batch unless KeepGoing; a refused draft is sent
// again by the next run.
func TestAFailureStopsTheBatchUnlessKeepGoing(t *testing.T) {
	refuseB := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var body bytes.Buffer
			_, _ = body.ReadFrom(r.Body)
			if bytes.Contains(body.Bytes(), []byte(`"B App"`)) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusBadRequest)
				_, _ = w.Write([]byte(`{"error_type":"PARTNER_ERROR","error_code":"CUSTOMER_ALREADY_CREATED","error_message":"taken","display_message":null,"request_id":"r1"}`))
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body.Bytes()))
			next.ServeHTTP(w, r)
		})
	}
	store, c, b := imported(t, refuseB)
	o := SendOptions{Now: func() time.Time { return now }}
	if r := Send(t.Context(), c, store, b, client.Local, o, nil); r.Sent != 1 || r.Failed != 1 || r.Stopped == "" {
		t.Fatalf("stopping: %+v", r)
	}
	b, _ = Load(store, "b", catalog.Env{Environment: client.Local, Now: now})
	if b.Count(Refused) != 1 || b.Count(Ready) != 1 {
		t.Fatalf("after the stop: %s", b.Summary())
	}
	o.KeepGoing = true
	if r := Send(t.Context(), c, store, b, client.Local, o, nil); r.Sent != 1 || r.Failed != 1 || r.Stopped != "" {
		t.Fatalf("keep going: %+v", r)
	}
}

// The cache reads a draft again once it was saved, even on a clock that
// does not move (its revision counts the saves).
func TestTheCacheSeesEverySave(t *testing.T) {
	store, _, _ := imported(t, func(h http.Handler) http.Handler { return h })
	store.SetClock(func() time.Time { return now })
	env := catalog.Env{Environment: client.Local, Now: now}
	cache := NewCache()
	list, _, _ := store.List()
	if b := cache.Of(store, list, env, "b"); b[0].Count(Ready) != 3 {
		t.Fatalf("first: %s", b[0].Summary())
	}
	d, err := store.Load(b0(t, store, env))
	if err != nil {
		t.Fatal(err)
	}
	d.Partner.Website = "not a site"
	if err := store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	list, _, _ = store.List()
	if b := cache.Of(store, list, env, "b"); b[0].Count(Problems) != 1 {
		t.Fatalf("after a save on the same clock: %s", b[0].Summary())
	}
}

func b0(t *testing.T, store *drafts.Store, env catalog.Env) string {
	t.Helper()
	b, err := Load(store, "b", env)
	if err != nil {
		t.Fatal(err)
	}
	return b.Members[0].ID
}
