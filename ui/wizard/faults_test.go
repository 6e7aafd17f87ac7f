package wizard

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// The wizard against a server that misbehaves: each fault ends on a screen
// that says what happened, with the draft intact on disk, the attempt
// recorded, and no request sent again unless that cannot create a second
// user (429: Plaid did not process it).
func TestSubmitFaults(t *testing.T) {
	envelope := func(status int, typ, code string) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			w.Write([]byte(`{"error_type":"` + typ + `","error_code":"` + code + `","error_message":"fault injected","display_message":null,"request_id":"req-fault"}`))
		}
	}
	cases := []struct {
		name    string
		handler http.HandlerFunc
		// passAfter lets requests through to the emulator after this many
		// faults (0: never).
		passAfter int32
		wantSeen  []string
		wantCalls int32
		outcome   client.Outcome
		result    bool // ends on the result screen
	}{
		{name: "429 then success", handler: envelope(429, "RATE_LIMIT_EXCEEDED", "RATE_LIMIT"), passAfter: 1,
			wantSeen: []string{"CLEARED"}, wantCalls: 2, outcome: client.OutcomeNone, result: true},
		{name: "429 throughout", handler: envelope(429, "RATE_LIMIT_EXCEEDED", "RATE_LIMIT"),
			wantSeen: []string{"refused the request", "RATE_LIMIT", "t tries again"}, wantCalls: 3, outcome: client.Rejected},
		{name: "500 with Plaid's envelope", handler: envelope(500, "API_ERROR", "INTERNAL_SERVER_ERROR"),
			wantSeen: []string{"INTERNAL_SERVER_ERROR", "req-fault"}, wantCalls: 1, outcome: client.Unknown},
		{name: "503 planned maintenance", handler: envelope(503, "API_ERROR", "PLANNED_MAINTENANCE"),
			wantSeen: []string{"PLANNED_MAINTENANCE", "try again"}, wantCalls: 1, outcome: client.Rejected},
		{name: "502 HTML from a proxy", handler: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(502)
			w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
		}, wantSeen: []string{"the outcome is unknown", "502"}, wantCalls: 1, outcome: client.Unknown},
		{name: "307 to another host", handler: func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "http://127.0.0.1:1/beacon/user/create", http.StatusTemporaryRedirect)
		}, wantSeen: []string{"the outcome is unknown", "not followed"}, wantCalls: 1, outcome: client.Unknown},
		{name: "truncated JSON", handler: func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(`{"id":"becusr_x","status":"cle`))
		}, wantSeen: []string{"the outcome is unknown"}, wantCalls: 1, outcome: client.Unknown},
		{name: "trickling body", handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(200)
			for i := 0; i < 100; i++ {
				if _, err := w.Write([]byte(" ")); err != nil {
					return
				}
				w.(http.Flusher).Flush()
				select {
				case <-time.After(100 * time.Millisecond):
				case <-r.Context().Done():
					return
				}
			}
		}, wantSeen: []string{"the outcome is unknown"}, wantCalls: 1, outcome: client.Unknown},
		{name: "no answer", handler: func(w http.ResponseWriter, r *http.Request) {
			// Reading the body lets the server notice the client hang up.
			io.Copy(io.Discard, r.Body)
			<-r.Context().Done()
		}, wantSeen: []string{"the outcome is unknown", "second user"}, wantCalls: 1, outcome: client.Unknown},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t, client.Local)
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
				n := calls.Add(1)
				if tc.passAfter > 0 && n > tc.passAfter {
					r.emu.ServeHTTP(w, req)
					return
				}
				tc.handler(w, req)
			}))
			t.Cleanup(srv.Close)
			c, err := client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: "id", Secret: "secret",
				Timeout: 700 * time.Millisecond, RetryWait: time.Millisecond})
			if err != nil {
				t.Fatal(err)
			}
			r.deps.Client = c
			d := r.store.New(drafts.BeaconUser)
			d.Beacon = samples.BeaconCreate()
			want := samples.BeaconCreate()
			r.open(drafts.BeaconUser, d)
			r.keys("ctrl+r", "s")
			r.await()

			if tc.result != (r.w.mode == modeResult) || (!tc.result && r.w.mode != modeFailure) {
				t.Fatalf("mode %d:\n%s", r.w.mode, r.screen())
			}
			r.see(tc.wantSeen...)
			// The client's call has returned (its retries are inside it) and
			// the wizard sends only on a key: the count is final.
			if r.w.submit != nil {
				t.Fatal("a request is still on its way after the answer")
			}
			if got := calls.Load(); got != tc.wantCalls {
				t.Fatalf("%d requests reached the server, want %d", got, tc.wantCalls)
			}
			if err := r.w.Close(); err != nil {
				t.Fatal(err)
			}
			saved, err := r.store.Load(d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(saved.Beacon, want) {
				t.Fatalf("the draft changed:\n%+v\nwant\n%+v", saved.Beacon, want)
			}
			if len(saved.Submissions) != 1 || saved.Submissions[0].Outcome != tc.outcome.String() {
				t.Fatalf("submissions %+v, want one with outcome %s", saved.Submissions, tc.outcome)
			}
		})
	}
}
