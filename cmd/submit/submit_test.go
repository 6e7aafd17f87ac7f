package submit_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/httpmock"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/spectest"
)

// A Beacon draft whose last attempt got no usable answer is not sent again
// without --force: the user may exist, and a second send would screen the
// same person twice. The refusal says what is known and how to check.
func TestUnknownOutcomeNeedsForce(t *testing.T) {
	e := cmdtest.New(t)
	s := e.Store(t)
	d := s.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	d.Submissions = []drafts.Submission{{At: cmdtest.Now, Env: client.Local, Endpoint: client.PathBeaconUserCreate,
		Outcome: client.Unknown.String(), RequestID: "req-lost"}}
	if err := s.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if code := e.Run(t, "submit", "beacon", "--draft", d.ID); code != 2 {
		t.Fatalf("exit %d without --force: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "unknown outcome", "req-lost", "may have been created",
		"Dashboard", "beacon get", "--force")
	if saved, _ := s.Load(d.ID); len(saved.Submissions) != 1 {
		t.Fatalf("something was sent: %+v", saved.Submissions)
	}
	if code := e.Run(t, "submit", "beacon", "--draft", d.ID, "--force"); code != 0 {
		t.Fatalf("exit %d with --force: %s", code, e.ErrOut)
	}
	if saved, _ := s.Load(d.ID); len(saved.Submissions) != 2 || !saved.Submissions[1].Succeeded() {
		t.Fatalf("not sent with --force: %+v", saved.Submissions)
	}
}

// Plaid's own examples go out: a Beacon phone in no range libphonenumber
// knows (the spec's +19876543212) and the spec's partner create example
// (a website and URLs without a scheme, a support phone of bare digits)
// are sent, each with its notes on stderr, not refused with exit 2.
func TestPlaidsOwnExamplesAreSentWithNotes(t *testing.T) {
	e := cmdtest.New(t)
	dir := t.TempDir()
	beacon := samples.BeaconCreate()
	beacon.User.PhoneNumber = "+19876543212"
	partner := samples.PartnerMinimal()
	partner.Website = "plaid.com"
	partner.CustomerSupportInfo.PhoneNumber = "1234567890"
	partner.CustomerSupportInfo.ContactURL = "example.com/contact"
	partner.RedirectURIs = []string{"http://localhost/oauth.html", "https://www.example.com/oauth.html"}
	for kind, req := range map[string]any{"beacon": beacon, "customer": partner} {
		b, _ := json.Marshal(req)
		file := filepath.Join(dir, kind+".json")
		os.WriteFile(file, b, 0o600)
		if code := e.Run(t, "submit", kind, "--file", file); code != 0 {
			t.Fatalf("%s: exit %d: %s", kind, code, e.ErrOut)
		}
		switch kind {
		case "beacon":
			cmdtest.Contains(t, "stderr", e.ErrOut.String(), "note: user.phone_number: no +1 number in this range")
		case "customer":
			cmdtest.Contains(t, "stderr", e.ErrOut.String(), "note: website:", "(suggested: https://plaid.com)",
				"note: customer_support_info.phone_number: Plaid gives this field no format")
		}
	}
}

// A create whose answer names the new user but lacks a key Plaid's schema
// requires (FACTS §10: an address Plaid may leave out) is a known outcome:
// exit 0, the id printed and recorded on the draft, the missing key
// warned of on stderr — not "outcome unknown" with the id dropped.
func TestCreatedIDIsKeptWhenTheAnswerLacksKeys(t *testing.T) {
	e := cmdtest.New(t)
	e.Vars["PLAID_ENV"], e.Vars["PLAID_CLIENT_ID"], e.Vars["PLAID_SECRET"] = "sandbox", "id", "secret"
	reg := httpmock.New(t)
	e.F.Transport = reg
	var answer map[string]any
	if err := json.Unmarshal(spectest.Load(t).ResponseExample(t, client.PathBeaconUserCreate), &answer); err != nil {
		t.Fatal(err)
	}
	delete(answer["user"].(map[string]any), "address")
	answer["id"] = "becusr_kept_anyway"
	reg.Register(client.PathBeaconUserCreate, httpmock.JSON(answer))
	s := e.Store(t)
	d := s.New(drafts.BeaconUser)
	d.Beacon = samples.BeaconCreate()
	if err := s.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	if code := e.Run(t, "submit", "beacon", "--draft", d.ID, "--yes"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "becusr_kept_anyway")
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "warning:", "lacks keys its schema requires (user.address)")
	saved, _ := s.Load(d.ID)
	if last, ok := saved.LastSuccess(); !ok || last.BeaconUserID != "becusr_kept_anyway" {
		t.Fatalf("the id is not recorded on the draft: %+v", saved.Submissions)
	}
}
