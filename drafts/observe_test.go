package drafts

import (
	"testing"
	"time"

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
	if err := s.Observe(client.Sandbox, Seen{ID: "becusr_1", Status: "cleared"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Observe(client.Local, Seen{ID: "becusr_1", Status: "cleared"}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{free.ID: "cleared", held.ID: "pending_review", other.ID: "pending_review"}
	list, _, _ := s.List()
	for _, sum := range list {
		if got := sum.LastSubmission.Status; got != want[sum.ID] {
			t.Errorf("draft %s: status %q, want %q", sum.ID, got, want[sum.ID])
		}
	}
	saw := func(status string) Seen { return Seen{ID: "becusr_1", Status: status} }
	if held.Observe(client.Local, saw("")) || !held.Observe(client.Local, saw("rejected")) || held.Observe(client.Local, saw("rejected")) {
		t.Error("Draft.Observe reports changes wrongly")
	}
}

// An attempt whose outcome is unknown is settled by a read of what it
// made: a create by the user of this draft's client_user_id and program,
// made since the attempt; an update by whether the user changed since.
func TestReadsSettleAnAttemptWhoseOutcomeIsUnknown(t *testing.T) {
	at := time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC)
	create := &Draft{Kind: BeaconUser, Beacon: &client.BeaconUserCreateRequest{ProgramID: "becprg_1", ClientUserID: "u-1"},
		Submissions: []Submission{{At: at, Env: client.Local, Endpoint: client.PathBeaconUserCreate, Outcome: OutcomeSending}}}
	other := Seen{ID: "becusr_2", Status: "cleared", ClientUserID: "u-2", ProgramID: "becprg_1", CreatedAt: at, UpdatedAt: at}
	older := Seen{ID: "becusr_0", Status: "cleared", ClientUserID: "u-1", ProgramID: "becprg_1", CreatedAt: at.Add(-time.Hour), UpdatedAt: at.Add(-time.Hour)}
	if create.Observe(client.Local, other) || create.Observe(client.Local, older) || create.Observe(client.Sandbox, other) {
		t.Fatal("settled by a read of another user, or one made long before the attempt")
	}
	mine := Seen{ID: "becusr_1", Status: "pending_review", ClientUserID: "u-1", ProgramID: "becprg_1", CreatedAt: at.Add(time.Second), UpdatedAt: at.Add(time.Second)}
	if !create.Observe(client.Local, mine) {
		t.Fatal("not settled by a read of the user it made")
	}
	if last := create.Submissions[0]; !last.Succeeded() || last.BeaconUserID != "becusr_1" || last.Status != "pending_review" {
		t.Fatalf("settled as %+v", last)
	}

	update := &Draft{Kind: BeaconUser, Beacon: &client.BeaconUserCreateRequest{ProgramID: "becprg_1", ClientUserID: "u-1"},
		Submissions: []Submission{
			{At: at.Add(-time.Hour), Env: client.Local, Endpoint: client.PathBeaconUserCreate, Outcome: client.OutcomeNone.String(), BeaconUserID: "becusr_1"},
			{At: at, Env: client.Local, Endpoint: client.PathBeaconUserUpdate, Outcome: client.Unknown.String()},
		}}
	unchanged := mine
	unchanged.CreatedAt, unchanged.UpdatedAt = at.Add(-time.Hour), at.Add(-time.Hour)
	if !update.Observe(client.Local, unchanged) || update.Submissions[1].Outcome != client.NotSent.String() {
		t.Fatalf("an update the read shows never happened: %+v", update.Submissions[1])
	}
}
