package drafts_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func seed(t *testing.T, e *cmdtest.Env) (beacon, partner *drafts.Draft) {
	s := e.Store(t)
	s.SetClock(func() time.Time { return cmdtest.Now.Add(-3 * time.Hour) })
	partner = s.New(drafts.PartnerCustomer)
	partner.Partner = samples.PartnerCreate()
	partner.RefreshTitle()
	partner.Step = "logo"
	if err := s.Save(partner, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return cmdtest.Now.Add(-5 * time.Minute) })
	beacon = s.New(drafts.BeaconUser)
	beacon.Beacon = samples.BeaconCreate()
	beacon.RefreshTitle()
	beacon.Step = "id_number"
	beacon.Submissions = []drafts.Submission{{At: cmdtest.Now, Env: client.Local, Endpoint: client.PathBeaconUserCreate,
		Outcome: client.OutcomeNone.String(), BeaconUserID: "becusr_1", Status: "cleared", RequestID: "req1"}}
	if err := s.Save(beacon, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	return beacon, partner
}

func TestList(t *testing.T) {
	e := cmdtest.New(t)
	if code := e.Run(t, "drafts", "list"); code != 0 || e.Out.Len() != 0 {
		t.Fatalf("empty list: %d %q", code, e.Out)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "no drafts yet")
	b, p := seed(t, e)
	if code := e.Run(t, "drafts", "list"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	out := e.Out.String()
	cmdtest.Contains(t, "list", out, b.ID, p.ID, "Leslie Knope", "Pawnee Parks Money", "5 min ago", "3 h ago", "sent, cleared (local)", "ID number")
	cmdtest.Lacks(t, "list", out, "id_number")
	if !strings.Contains(out, b.ID+"\tBeacon screening\tLeslie Knope\t") {
		t.Errorf("piped, the list is not tab-separated values: %q", out)
	}
	if idxB, idxP := strings.Index(out, b.ID), strings.Index(out, p.ID); idxB > idxP {
		t.Errorf("newest first: %s", out)
	}
	e.Run(t, "drafts", "list", "--json")
	var entries []map[string]any
	if err := json.Unmarshal(e.Out.Bytes(), &entries); err != nil || len(entries) != 2 || entries[0]["id"] != b.ID {
		t.Errorf("--json: %v %s", err, e.Out)
	}
}

// On a terminal the list has a header and fits its width: a long title is
// cut with "…", the other columns kept.
func TestListFitsTheTerminal(t *testing.T) {
	e := cmdtest.New(t)
	b, p := seed(t, e)
	p.Partner.ApplicationName = strings.Repeat("A very long application name ", 6)
	p.RefreshTitle()
	if err := e.Store(t).Save(p, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	e.F.IO.StdoutTTY, e.F.IO.Width = true, 80
	if code := e.Run(t, "drafts", "list"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	out := e.Out.String()
	cmdtest.Contains(t, "list", out, "ID", "TITLE", "SUBMITTED", b.ID, p.ID, "…", "Logo", "sent, cleared (local)")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("a row is %d wide on an 80-column terminal: %q", w, l)
		}
	}
}

func TestShowMasksUnlessRevealed(t *testing.T) {
	e := cmdtest.New(t)
	b, p := seed(t, e)
	if code := e.Run(t, "drafts", "show", b.ID); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "show", e.Out.String(), "•••••6789", "••••••7890", "l•••••@example.com", "becusr_1", "request_id=req1")
	cmdtest.Lacks(t, "show", e.Out.String(), "123456789", "1234567890", "1990-05-29", "leslie@example.com", b.Beacon.AccessTokens[0])
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "--reveal")
	e.Run(t, "drafts", "show", b.ID, "--reveal")
	cmdtest.Contains(t, "show --reveal", e.Out.String(), "123456789", "1234567890", "1990-05-29", "leslie@example.com")
	e.Run(t, "drafts", "show", p.ID)
	cmdtest.Contains(t, "partner show", e.Out.String(), "(PNG 1024×1024", "Pawnee Parks Credit Union")
	if code := e.Run(t, "drafts", "show", "zzzzzz"); code != 2 {
		t.Errorf("unknown id: exit %d", code)
	}
}

func TestExportAndCurl(t *testing.T) {
	e := cmdtest.New(t)
	e.Vars["PLAID_SECRET"] = "s3cr3t-value-never-printed"
	e.Vars["PLAID_CLIENT_ID"] = "client-id-never-printed"
	b, _ := seed(t, e)
	if code := e.Run(t, "drafts", "export", b.ID); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	var body client.BeaconUserCreateRequest
	if err := json.Unmarshal(e.Out.Bytes(), &body); err != nil || body.User.IDNumber.Value != "123456789" {
		t.Fatalf("export is the real body: %v %s", err, e.Out)
	}
	for _, args := range [][]string{{"export", b.ID, "--curl", "--env", "sandbox"}, {"export", b.ID, "--curl"}} {
		if code := e.Run(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, e.ErrOut)
		}
		out := e.Out.String()
		cmdtest.Contains(t, "curl", out, "$PLAID_CLIENT_ID", "$PLAID_SECRET", "/beacon/user/create", "Plaid-Version: 2020-09-14", "PLAID_ONBOARD_BODY")
		cmdtest.Lacks(t, "curl", out+e.ErrOut.String(), "s3cr3t-value-never-printed", "client-id-never-printed")
	}
	cmdtest.Contains(t, "local curl", e.Out.String(), "http://127.0.0.1:8686", "plaid-onboard emulator")
	e.Run(t, "export", b.ID, "--curl", "--env", "sandbox")
	cmdtest.Contains(t, "sandbox curl", e.Out.String(), "https://sandbox.plaid.com/beacon/user/create")

	out := e.F.Paths.Data + "/body.json"
	if code := e.Run(t, "drafts", "export", b.ID, "-o", out); code != 0 {
		t.Fatal(e.ErrOut)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("exported file: %v %v", fi, err)
	}
}

func TestRemove(t *testing.T) {
	e := cmdtest.New(t)
	b, p := seed(t, e)
	if code := e.Run(t, "drafts", "rm", b.ID); code != 2 {
		t.Errorf("rm without a terminal and without --yes: exit %d", code)
	}
	e.F.IO.StdinTTY = true
	e.In.WriteString("n\n")
	e.Run(t, "drafts", "rm", b.ID)
	cmdtest.Contains(t, "answer no", e.ErrOut.String(), "kept")
	e.In.WriteString("y\n")
	if code := e.Run(t, "drafts", "rm", b.ID); code != 0 {
		t.Fatalf("rm: %d %s", code, e.ErrOut)
	}
	if code := e.Run(t, "drafts", "rm", p.ID, "--yes"); code != 0 {
		t.Fatal(e.ErrOut)
	}
	e.Run(t, "drafts", "list")
	cmdtest.Contains(t, "after rm", e.ErrOut.String(), "no drafts yet")
}

func TestCorruptDraftIsReported(t *testing.T) {
	e := cmdtest.New(t)
	seed(t, e)
	os.WriteFile(e.F.Paths.Drafts()+"/abcdef.json", []byte("{oops"), 0o600)
	if code := e.Run(t, "drafts", "list"); code != 0 {
		t.Fatalf("a corrupt draft must not fail the list: %d", code)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "abcdef.json is unreadable", "corrupt")
}
