package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/wizard"
)

// `beacon --draft X` while another window holds X asks, as the home screen
// does, and opens the draft on yes (not a banner on the home screen).
func TestDraftOpenElsewhereIsAsked(t *testing.T) {
	deps := testDeps(t)
	d := deps.Store.New(drafts.BeaconUser)
	d.Title = "Leslie Knope"
	if err := deps.Store.Save(d, drafts.SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	unlock, err := deps.Store.Lock(d.ID) // the other window
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(unlock)
	screen, cmd := first(deps, app.TUIRequest{DraftID: d.ID, Flow: "beacon"})
	a := NewApp(deps, screen)
	drive := tuitest.New[tea.Model](t, a)
	drive.Send(tea.WindowSizeMsg{Width: 90, Height: 24})
	drive.Run(cmd)
	if v := ansi.Strip(a.View().Content); !strings.Contains(v, "Open it here as well?") || !strings.Contains(v, "open in another plaid-onboard window") {
		t.Fatalf("no question:\n%s", v)
	}
	drive.Keys("y")
	drive.WaitFor("the draft to open", func() bool { _, ok := a.screen.(*wizard.Model); return ok })
}
