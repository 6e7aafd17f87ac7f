package uikit

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
)

// The people offered to look up are those sent where this session's
// requests go: a person sent to an emulator served apart is not offered
// by the built-in one (which would answer "no Beacon user"), nor one sent
// to sandbox by the local environment.
func TestCreatedIDsAreThoseOfThisPlace(t *testing.T) {
	store := emutest.Store(t)
	for id, sub := range map[string]drafts.Submission{
		"becusr_builtin": {Env: client.Local},
		"becusr_served":  {Env: client.Local, Emulator: "http://127.0.0.1:8686"},
		"becusr_sandbox": {Env: client.Sandbox},
	} {
		d := store.New(drafts.BeaconUser)
		sub.Outcome, sub.BeaconUserID = client.OutcomeNone.String(), id
		d.Submissions = []drafts.Submission{sub}
		if err := store.Save(d, drafts.SaveOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		deps Deps
		want string
	}{
		{Deps{Store: store, Env: client.Local}, "becusr_builtin"},
		{Deps{Store: store, Env: client.Local, Emulator: "http://127.0.0.1:8686"}, "becusr_served"},
		{Deps{Store: store, Env: client.Sandbox}, "becusr_sandbox"},
	} {
		got := CreatedIDs(c.deps, true)
		if len(got) != 1 || got[0].ID != c.want {
			t.Errorf("%s %q: offered %+v, want only %s", c.deps.Env, c.deps.Emulator, got, c.want)
		}
	}
}
