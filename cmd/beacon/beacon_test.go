package beacon_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/beacon"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/httpmock"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
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

// get against a fake Plaid: the status and what it means, and nothing
// sent but the one read.
func TestGetAgainstAFakePlaid(t *testing.T) {
	e := cmdtest.New(t)
	e.Vars["PLAID_ENV"], e.Vars["PLAID_CLIENT_ID"], e.Vars["PLAID_SECRET"] = "sandbox", "id", "secret"
	reg := httpmock.New(t)
	e.F.Transport = reg
	var v any
	if err := json.Unmarshal(spectest.Load(t).ResponseExample(t, client.PathBeaconUserGet), &v); err != nil {
		t.Fatal(err)
	}
	reg.Register(client.PathBeaconUserGet, httpmock.JSON(v))
	if code := e.Run(t, "beacon", "get", "becusr_42cF1MNo42r9Xj"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "Status", "becusr_42cF1MNo42r9Xj")
}

// The flags fill report's options.
func TestReportOptionsComeFromTheFlags(t *testing.T) {
	e := cmdtest.New(t)
	var got *beacon.ReportOptions
	cmd := beacon.NewCmdReport(e.F, &cmdutil.Globals{}, func(_ context.Context, o *beacon.ReportOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"becusr_1", "--type", "stolen", "--fraud-date", "2026-10-01", "--amount", "250", "--yes"})
	if err := cmd.ExecuteContext(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.ID != "becusr_1" || got.Type != "stolen" || got.FraudDate != "2026-10-01" || got.Amount != "250" ||
		got.Currency != "USD" || !got.Yes {
		t.Fatalf("options %+v", got)
	}
}
