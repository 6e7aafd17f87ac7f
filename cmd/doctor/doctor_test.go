package doctor_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/cmd/doctor"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	idoctor "github.com/plaid-onboard/plaid-onboard/internal/doctor"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// report runs doctor with --json and the arguments given, on a terminal
// of 100×30 in a UTF-8 locale, and returns the exit code and the report.
func report(t *testing.T, e *cmdtest.Env, args ...string) (int, idoctor.Report) {
	t.Helper()
	o := &doctor.Options{}
	cmd := doctor.NewCmd(e.F, &cmdutil.Globals{}, func(ctx context.Context, got *doctor.Options) error {
		*o = *got
		o.Terminal = func() idoctor.Terminal {
			return idoctor.Terminal{TTY: true, Width: 100, Height: 30, Profile: colorprofile.TrueColor,
				Env: func(k string) string { return map[string]string{"LANG": "C.UTF-8", "TERM": "xterm-256color"}[k] }}
		}
		return doctor.Run(ctx, o)
	})
	cmd.SetArgs(append([]string{"--json"}, args...))
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	e.Out.Reset()
	err := cmd.ExecuteContext(t.Context())
	var r idoctor.Report
	if jsonErr := json.Unmarshal(e.Out.Bytes(), &r); jsonErr != nil {
		t.Fatalf("not a report (%v): %s %v", jsonErr, e.Out, err)
	}
	return exitcode.Of(err), r
}

func check(t *testing.T, r idoctor.Report, name string) idoctor.Check {
	t.Helper()
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no %q check in %+v", name, r.Checks)
	return idoctor.Check{}
}

// On the built-in emulator everything is ready and nothing drifts: the
// emulator answers as the spec says, and as itself.
func TestDoctorOnTheEmulatorFindsNoDrift(t *testing.T) {
	e := cmdtest.New(t)
	code, r := report(t, e, "--conformance")
	if code != 0 || r.Conformance == nil || len(r.Conformance.Drift) != 0 {
		t.Fatalf("exit %d, drift %+v\n%s", code, r.Conformance, e.ErrOut)
	}
	if c := check(t, r, "Credentials"); c.State != idoctor.OK || !strings.Contains(c.Detail, "INVALID_FIELD") {
		t.Errorf("credentials: %+v", c)
	}
	for _, name := range []string{"Drafts key", "Drafts", "Emulator store", "Data directory", "Colours", "Unicode", "Size", "Accessible mode"} {
		if c := check(t, r, name); c.State == idoctor.Fail {
			t.Errorf("%s failed: %+v", name, c)
		}
	}
	if len(r.Conformance.Outcomes) != 10 {
		t.Errorf("outcomes: %+v", r.Conformance.Outcomes)
	}
	// The text report says the same.
	e.Out.Reset()
	if code := e.Run(t, "doctor"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "plaid-onboard doctor · LOCAL", "✓ Credentials", "Everything is ready.")
}

// Without credentials for sandbox the report says which are missing, and
// how to set them; nothing is sent.
func TestDoctorWithoutCredentials(t *testing.T) {
	e := cmdtest.New(t)
	e.Vars["PLAID_ENV"] = "sandbox"
	code, r := report(t, e)
	if c := check(t, r, "Credentials"); code != 1 || c.State != idoctor.Fail || !strings.Contains(c.Fix, "PLAID_SECRET") {
		t.Fatalf("exit %d: %+v", code, c)
	}
}

// Keys Plaid refuses are said as refused, with the fix.
func TestDoctorWithRefusedKeys(t *testing.T) {
	e := sandboxVia(t, &drifter{})
	e.Vars["PLAID_SECRET"] = "wrong"
	code, r := report(t, e)
	if c := check(t, r, "Credentials"); code != 1 || c.State != idoctor.Fail || !strings.Contains(c.Detail, "refused") {
		t.Fatalf("exit %d: %+v", code, c)
	}
}

// A clock 10 minutes off the server's Date is a warning naming webhooks.
func TestDoctorSaysTheClockIsOff(t *testing.T) {
	e := sandboxVia(t, &drifter{date: cmdtest.Now.Add(-10 * time.Minute)})
	_, r := report(t, e)
	if c := check(t, r, "Clock"); c.State != idoctor.Warn || !strings.Contains(c.Detail, "10m0s ahead") {
		t.Fatalf("clock: %+v", c)
	}
	if c := check(t, r, "TLS"); c.State != idoctor.OK || !strings.Contains(c.Detail, "TLS 1.3") {
		t.Fatalf("TLS: %+v", c)
	}
}

// A stub that drifts in each way is caught, and the exit is 1.
func TestConformanceReportsEachDrift(t *testing.T) {
	for _, c := range []struct {
		name string
		d    *drifter
		kind idoctor.DriftKind
		path string
	}{
		{"a key added", &drifter{add: "risk_score"}, idoctor.KeyAdded, "risk_score"},
		{"a required key dropped", &drifter{drop: "status"}, idoctor.KeyMissing, "status"},
		{"a new enum value", &drifter{status: "under_investigation"}, idoctor.EnumUnlisted, "status"},
		{"an error code changed", &drifter{code: "BEACON_USER_NOT_FOUND"}, idoctor.ErrorCodeDiff, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := sandboxVia(t, c.d)
			code, r := report(t, e, "--conformance")
			if code != 1 || r.Conformance == nil {
				t.Fatalf("exit %d: %+v", code, r)
			}
			found := false
			for _, d := range r.Conformance.Drift {
				if d.Kind == c.kind && d.Where == c.path && d.Target == "Plaid sandbox" {
					found = true
				}
			}
			if !found {
				t.Fatalf("no %s drift at %q in %+v", c.kind, c.path, r.Conformance.Drift)
			}
			e.Out.Reset()
			_ = e.Run(t, "doctor", "--conformance")
			cmdtest.Contains(t, "stdout", e.Out.String(), string(c.kind), "attach this report")
		})
	}
}

// In production --conformance creates real objects: it needs --yes.
func TestConformanceInProductionNeedsYes(t *testing.T) {
	e := sandboxVia(t, &drifter{})
	e.Vars["PLAID_ENV"] = "production"
	if code := e.Run(t, "doctor", "--conformance"); code != 2 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "--yes")
}

// sandboxVia is a test Factory for sandbox whose requests reach a real
// emulator through d.
func sandboxVia(t *testing.T, d *drifter) *cmdtest.Env {
	emu, err := emulator.New(emulator.Options{ClientID: emutest.ClientID, Secret: emutest.Secret, Now: func() time.Time { return cmdtest.Now }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emu.Close() })
	srv := httptest.NewServer(emu)
	t.Cleanup(srv.Close)
	d.to, _ = url.Parse(srv.URL)
	if d.date.IsZero() {
		d.date = cmdtest.Now
	}
	e := cmdtest.New(t)
	e.Vars["PLAID_ENV"], e.Vars["PLAID_CLIENT_ID"], e.Vars["PLAID_SECRET"] = "sandbox", emutest.ClientID, emutest.Secret
	e.F.Transport = d
	return e
}

// drifter forwards to an emulator and changes its answers as Plaid might:
// a key added, a required key dropped, an enum value the spec does not
// list (on Beacon users), an error code changed (on a Beacon user read).
// Its answers look like Plaid's: over TLS, with the Date given.
type drifter struct {
	to                      *url.URL
	date                    time.Time
	add, drop, status, code string
}

func (d *drifter) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = d.to.Scheme, d.to.Host, ""
	resp, err := http.DefaultTransport.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if err != nil {
		return nil, err
	}
	var v map[string]any
	if json.Unmarshal(body, &v) == nil {
		beacon := strings.HasPrefix(req.URL.Path, "/beacon/user/")
		switch {
		case beacon && d.add != "" && resp.StatusCode == 200:
			v[d.add] = 3
		case beacon && d.drop != "" && resp.StatusCode == 200:
			delete(v, d.drop)
		case beacon && d.status != "" && resp.StatusCode == 200:
			v["status"] = d.status
		case beacon && d.code != "" && resp.StatusCode != 200:
			v["error_code"] = d.code
		}
		body, _ = json.Marshal(v)
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Set("Content-Length", strconv.Itoa(len(body)))
	resp.Header.Set("Date", d.date.UTC().Format(http.TimeFormat))
	resp.TLS = &tls.ConnectionState{Version: tls.VersionTLS13}
	return resp, nil
}

// A draft whose personal data was sealed with another key is named, with
// what to do.
func TestDoctorReadsEveryDraftThrough(t *testing.T) {
	e := cmdtest.New(t)
	s := e.Store(t)
	d := s.New(drafts.BeaconUser)
	d.Beacon.User.Name.GivenName, d.Beacon.User.DateOfBirth = "Leslie", "1990-05-29"
	if err := s.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, r := report(t, e); check(t, r, "Drafts").State != idoctor.OK {
		t.Fatalf("drafts: %+v", check(t, r, "Drafts"))
	}
	// Another machine's key: the draft opens, its date of birth does not.
	key := drafts.KeyFilePath(e.F.Paths.Config)
	if err := os.WriteFile(key, []byte(base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{7}, 32))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, r := report(t, e)
	if c := check(t, r, "Drafts"); code != 1 || c.State != idoctor.Fail || !strings.Contains(c.Detail, d.ID) {
		t.Fatalf("exit %d, drafts: %+v", code, c)
	}
}
