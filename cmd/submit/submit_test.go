package submit_test

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
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
