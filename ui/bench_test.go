package ui

import (
	"bytes"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/home"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// testDeps wires the screens to a drafts store in a temporary directory
// and the emulator over loopback.
func testDeps(tb testing.TB) uikit.Deps {
	emu, err := emulator.New(emulator.Options{ClientID: "id", Secret: "secret"})
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(emu)
	tb.Cleanup(srv.Close)
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: "id", Secret: "secret"})
	if err != nil {
		tb.Fatal(err)
	}
	store, err := drafts.Open(filepath.Join(tb.TempDir(), "drafts"), drafts.StaticKey(bytes.Repeat([]byte{1}, 32)))
	if err != nil {
		tb.Fatal(err)
	}
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	return uikit.Deps{Env: client.Local, Client: c, Store: store, Now: func() time.Time { return now }, Send: func(tea.Msg) {}}
}

// BenchmarkFrame is one keystroke as the program handles it: the app's
// Update, then its full View (header, step list, form, footer) at 80×24,
// on the partner address step with a full draft.
func BenchmarkFrame(b *testing.B) {
	deps := testDeps(b)
	d := deps.Store.New(drafts.PartnerCustomer)
	d.Partner = samples.PartnerCreate()
	d.Step = "address"
	app := NewApp(deps, home.New(deps, ""))
	drive := tuitest.New[tea.Model](b, app)
	drive.Send(tea.WindowSizeMsg{Width: 80, Height: 24}, uikit.OpenDraftMsg{Draft: d})
	drive.Keys("tab", "tab", "tab") // to the street field
	keys := []tea.Msg{tuitest.Key("x"), tuitest.Key("backspace")}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		app.Update(keys[i%2])
		_ = app.View()
	}
	b.StopTimer()
	app.closeWizard()
}
