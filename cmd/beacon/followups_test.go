package beacon_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// toEmulator answers every request, whatever its host, with an emulator.
type toEmulator struct{ h http.Handler }

func (t toEmulator) RoundTrip(r *http.Request) (*http.Response, error) {
	rec := httptest.NewRecorder()
	t.h.ServeHTTP(rec, r)
	return rec.Result(), nil
}

// In production every change needs --yes, as a submit does: review and
// report refuse without it (exit 2, nothing sent), and go with it.
func TestChangesInProductionNeedYes(t *testing.T) {
	e := cmdtest.New(t)
	e.Vars["PLAID_ENV"], e.Vars["PLAID_CLIENT_ID"], e.Vars["PLAID_SECRET"] = "production", "id", "secret"
	emu, _ := emulator.New(emulator.Options{ClientID: "id", Secret: "secret", Now: func() time.Time { return cmdtest.Now }})
	var calls int
	e.F.Transport = roundTripFunc(func(r *http.Request) (*http.Response, error) {
		calls++
		return toEmulator{emu}.RoundTrip(r)
	})
	c, _ := client.New(client.Config{Environment: client.Production, ClientID: "id", Secret: "secret", HTTPClient: &http.Client{Transport: toEmulator{emu}}})
	u, err := c.CreateBeaconUser(t.Context(), samples.BeaconCreate())
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"beacon", "review", u.ID, "--status", "pending_review"},
		{"beacon", "report", u.ID, "--type", "stolen"},
	} {
		if code := e.Run(t, args...); code != 2 || calls != 0 {
			t.Fatalf("%v without --yes: exit %d, %d requests sent\n%s", args, code, calls, e.ErrOut)
		}
		cmdtest.Contains(t, "stderr", e.ErrOut.String(), "in production", "--yes")
		if code := e.Run(t, append(args, "--yes")...); code != 0 {
			t.Fatalf("%v --yes: exit %d\n%s", args, code, e.ErrOut)
		}
		calls = 0
	}
	if code := e.Run(t, "beacon", "get", u.ID); code != 0 {
		t.Fatalf("a read needs no --yes: exit %d\n%s", code, e.ErrOut)
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
