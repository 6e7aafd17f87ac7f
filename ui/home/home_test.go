package home

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

var now = time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)

func setup(t *testing.T) (uikit.Deps, *drafts.Draft, *drafts.Draft) {
	t.Helper()
	store, err := drafts.Open(filepath.Join(t.TempDir(), "drafts"), drafts.StaticKey(bytes.Repeat([]byte{2}, 32)))
	if err != nil {
		t.Fatal(err)
	}
	store.SetClock(func() time.Time { return now.Add(-3 * time.Hour) })
	p := store.New(drafts.PartnerCustomer)
	p.ID, p.Partner, p.Step = "pprtnr", samples.PartnerCreate(), "logo"
	p.RefreshTitle()
	store.Save(p, drafts.SaveOptions{})
	store.SetClock(func() time.Time { return now.Add(-5 * time.Minute) })
	b := store.New(drafts.BeaconUser)
	b.ID, b.Beacon, b.Step = "bbeacn", samples.BeaconCreate(), "ip"
	b.RefreshTitle()
	b.Submissions = []drafts.Submission{{Outcome: client.OutcomeNone.String(), Status: "cleared", BeaconUserID: "becusr_1"}}
	store.Save(b, drafts.SaveOptions{})
	return uikit.Deps{Env: client.Local, Store: store, Now: func() time.Time { return now }}, b, p
}

func send(m *Model, msgs ...tea.Msg) (*Model, []tea.Msg) {
	var out []tea.Msg
	for _, msg := range msgs {
		s, cmd := m.Update(msg)
		m = s.(*Model)
		out = append(out, settle(cmd)...)
	}
	return m, out
}

// settle runs a command of the home screen and those it batches: each
// returns at once (it opens a draft or quits), so they run here.
func settle(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if batch, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range batch {
			out = append(out, settle(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

func TestGoldenHome(t *testing.T) {
	deps, _, _ := setup(t)
	m := New(deps, "")
	m.SetSize(78, 20)
	golden.RequireEqual(t, []byte(ansi.Strip(m.View())))
}

func TestNewFlowsAndResume(t *testing.T) {
	deps, b, _ := setup(t)
	m := New(deps, "")
	_, out := send(m, tuitest.Key("enter"))
	if o, ok := out[0].(uikit.OpenDraftMsg); !ok || o.Draft.Kind != drafts.PartnerCustomer {
		t.Fatalf("enter on the first entry: %v", out)
	}
	_, out = send(m, tuitest.Key("down"), tuitest.Key("enter"))
	if o, ok := out[0].(uikit.OpenDraftMsg); !ok || o.Draft.Kind != drafts.BeaconUser {
		t.Fatalf("enter on the second entry: %v", out)
	}
	_, out = send(New(deps, ""), tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("enter"))
	if o, ok := out[0].(uikit.OpenLookupMsg); !ok || !o.Person {
		t.Fatalf("enter on look up a person: %v", out)
	}
	_, out = send(New(deps, ""), tuitest.Key("up"), tuitest.Key("up"), tuitest.Key("up"), tuitest.Key("enter"))
	if o, ok := out[0].(uikit.OpenLookupMsg); !ok || o.Person {
		t.Fatalf("enter on look up an end customer: %v", out)
	}
	m = New(deps, "")
	_, out = send(m, tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("enter")) // the newest draft
	o, ok := out[0].(uikit.OpenDraftMsg)
	if !ok || o.Draft.ID != b.ID || o.Unlock == nil || o.Draft.Beacon.User.IDNumber.Value != "123456789" {
		t.Fatalf("resume: %+v", out)
	}
	// Open in this window: a second window is warned, and may go on.
	m2 := New(deps, "")
	m2.SetSize(78, 20)
	m2, out = send(m2, tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("down"), tuitest.Key("enter"))
	if len(out) != 0 || !strings.Contains(ansi.Strip(m2.View()), "open in another plaid-onboard window") {
		t.Fatalf("no warning for a draft open elsewhere:\n%s", ansi.Strip(m2.View()))
	}
	_, out = send(m2, tuitest.Key("y"))
	if o, ok := out[0].(uikit.OpenDraftMsg); !ok || o.Unlock != nil {
		t.Fatalf("open anyway: %+v", out)
	}
	o.Unlock()
}

func TestDeleteAsksFirst(t *testing.T) {
	deps, b, p := setup(t)
	m := New(deps, "")
	m, _ = send(m, tuitest.Key("up"), tuitest.Key("d")) // the oldest draft (wraps to the bottom)
	if !strings.Contains(ansi.Strip(m.View()), "Delete this draft?") {
		t.Fatalf("no question:\n%s", ansi.Strip(m.View()))
	}
	m, _ = send(m, tuitest.Key("n"))
	if list, _, _ := deps.Store.List(); len(list) != 2 {
		t.Fatal("deleted after no")
	}
	m, _ = send(m, tuitest.Key("d"), tuitest.Key("y"))
	list, _, _ := deps.Store.List()
	if len(list) != 1 || list[0].ID != b.ID || !strings.Contains(m.notice, "deleted draft "+p.ID) {
		t.Fatalf("after delete: %+v %q", list, m.notice)
	}
}

func TestCorruptDraftIsReportedNotFatal(t *testing.T) {
	deps, _, _ := setup(t)
	os.WriteFile(filepath.Join(deps.Store.Dir(), "zzzzzz.json"), []byte("{broken"), 0o600)
	m := New(deps, "")
	m.SetSize(78, 20)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "zzzzzz.json is unreadable") || !strings.Contains(v, "bbeacn  Beacon screening  Leslie") {
		t.Fatalf("home:\n%s", v)
	}
}

func TestQuitAndAbort(t *testing.T) {
	deps, _, _ := setup(t)
	_, out := send(New(deps, ""), tuitest.Key("q"))
	if q, ok := out[0].(uikit.QuitMsg); !ok || q.Aborted {
		t.Errorf("q: %v", out)
	}
	_, out = send(New(deps, ""), tuitest.Key("ctrl+c"))
	if q, ok := out[0].(uikit.QuitMsg); !ok || !q.Aborted {
		t.Errorf("ctrl+c: %v", out)
	}
}
