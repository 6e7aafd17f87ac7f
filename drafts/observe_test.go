package drafts

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// A status seen after create goes on the submission that created the
// object, on disk, unless a window holds the draft.
func TestObserveRecordsTheStatusNow(t *testing.T) {
	s := openStore(t)
	sent := func(id string) *Draft {
		d := s.New(BeaconUser)
		d.Submissions = []Submission{{Env: client.Local, Outcome: client.OutcomeNone.String(), BeaconUserID: id, Status: "pending_review"}}
		if err := s.Save(d, SaveOptions{}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	free, held, other := sent("becusr_1"), sent("becusr_1"), sent("becusr_2")
	unlock, err := s.Lock(held.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if err := s.Observe(client.Sandbox, "becusr_1", "cleared"); err != nil {
		t.Fatal(err)
	}
	if err := s.Observe(client.Local, "becusr_1", "cleared"); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{free.ID: "cleared", held.ID: "pending_review", other.ID: "pending_review"}
	list, _, _ := s.List()
	for _, sum := range list {
		if got := sum.LastSubmission.Status; got != want[sum.ID] {
			t.Errorf("draft %s: status %q, want %q", sum.ID, got, want[sum.ID])
		}
	}
	if held.Observe(client.Local, "becusr_1", "") || !held.Observe(client.Local, "becusr_1", "rejected") || held.Observe(client.Local, "becusr_1", "rejected") {
		t.Error("Draft.Observe reports changes wrongly")
	}
}
