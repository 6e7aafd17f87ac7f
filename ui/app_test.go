package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
	"github.com/plaid-onboard/plaid-onboard/ui/home"
	"github.com/plaid-onboard/plaid-onboard/ui/listen"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

func TestHeaderShowsTheEnvironment(t *testing.T) {
	for _, env := range []client.Environment{client.Local, client.Sandbox, client.Production} {
		deps := testDeps(t)
		deps.Env = env
		app := NewApp(deps, home.New(deps, ""))
		tuitest.New[tea.Model](t, app).Send(tea.WindowSizeMsg{Width: 80, Height: 24})
		first := strings.SplitN(app.View().Content, "\n", 2)[0]
		if !strings.Contains(first, env.Label()) {
			t.Errorf("%s: header %q", env, first)
		}
		if lines := strings.Count(app.View().Content, "\n") + 1; lines != 24 {
			t.Errorf("%s: the frame has %d lines at 80×24", env, lines)
		}
	}
}

// TestRunsInAProgram drives the app through a real tea.Program (teatest):
// the home screen draws, and q ends the program.
func TestRunsInAProgram(t *testing.T) {
	deps := testDeps(t)
	tm := teatest.NewTestModel(t, NewApp(deps, home.New(deps, "")), teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("New partner customer")) && bytes.Contains(b, []byte("LOCAL"))
	}, teatest.WithDuration(tuitest.Patience))
	tm.Send(tuitest.Key("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(tuitest.Patience)).(*App)
	if final.aborted {
		t.Error("q is not an interruption")
	}
}

func TestCtrlCSavesAndAborts(t *testing.T) {
	deps := testDeps(t)
	d := deps.Store.New(drafts.PartnerCustomer)
	app := NewApp(deps, home.New(deps, ""))
	drive := tuitest.New[tea.Model](t, app)
	drive.Send(tea.WindowSizeMsg{Width: 80, Height: 24}, uikit.OpenDraftMsg{Draft: d})
	drive.Type("Acme Credit Union")
	drive.Keys("ctrl+c")
	drive.WaitFor("the app to quit on ctrl+c", func() bool { return app.aborted })
	saved, err := deps.Store.Load(d.ID)
	if err != nil || saved.Partner.CompanyName != "Acme Credit Union" {
		t.Fatalf("the draft was not saved on ctrl+c: %+v %v", saved, err)
	}
}

// A notice (the keyring's, say) shows above the footer, which keeps its
// keys, and the next key hides it.
func TestNoticeIsShownOnceAndTheKeysStay(t *testing.T) {
	deps := testDeps(t)
	app := NewApp(deps, home.New(deps, ""))
	drive := tuitest.New[tea.Model](t, app)
	drive.Send(tea.WindowSizeMsg{Width: 100, Height: 24})
	keysBefore := lastLine(app.View().Content)
	drive.Send(uikit.NoticeMsg{Text: "the OS keyring is turned off (PLAID_ONBOARD_KEYRING=off), so the key that encrypts personal data in drafts is kept in a file beside them"})
	frame := app.View().Content
	if !strings.Contains(frame, "the OS keyring is turned off") || !strings.Contains(frame, "any key hides this") {
		t.Fatalf("no notice:\n%s", frame)
	}
	if lastLine(frame) != keysBefore {
		t.Fatalf("the footer lost its keys:\n%q\n%q", lastLine(frame), keysBefore)
	}
	if lines := strings.Count(frame, "\n") + 1; lines != 24 {
		t.Errorf("the frame has %d lines", lines)
	}
	drive.Send(tuitest.Key("down"))
	if frame := app.View().Content; strings.Contains(frame, "keyring") {
		t.Fatalf("the notice stays after a key:\n%s", frame)
	}
	// Too long for two lines: cut, and it still says how it goes.
	drive.Send(uikit.NoticeMsg{Text: strings.Repeat("a long notice ", 30)})
	frame = ansi.Strip(app.View().Content)
	if !strings.Contains(frame, "… (any key hides this)") || lastLine(app.View().Content) != keysBefore {
		t.Fatalf("a long notice hides how it goes, or the keys:\n%s", frame)
	}
}

func lastLine(s string) string { return s[strings.LastIndex(s, "\n")+1:] }

// A person opened from the webhook list goes back to it, not home.
func TestPersonFromTheWebhookListReturnsToIt(t *testing.T) {
	deps := testDeps(t)
	list := listen.New(deps, &webhooks.Log{}, "Receiving webhooks")
	app := NewApp(deps, list)
	app.Update(uikit.OpenLookupMsg{Person: true, ID: "becusr_x", Return: true})
	if app.screen == list {
		t.Fatal("the person view did not open")
	}
	app.Update(uikit.GoHomeMsg{})
	if app.screen != list {
		t.Fatalf("back went to %T, not the webhook list", app.screen)
	}
	// Opened on a served emulator, the badge names it while the person is
	// shown, and the session's again back on the list.
	served, err := client.New(client.Config{Environment: client.Local, BaseURL: "http://127.0.0.1:8686", ClientID: "a", Secret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	app.Update(tea.WindowSizeMsg{Width: 100, Height: 24})
	app.Update(uikit.OpenLookupMsg{Person: true, ID: "becusr_x", Return: true, Client: served, Where: "the emulator at http://127.0.0.1:8686"})
	if first := strings.SplitN(ansi.Strip(app.View().Content), "\n", 2)[0]; !strings.Contains(first, "LOCAL 127.0.0.1:8686") {
		t.Fatalf("the badge does not name the served emulator: %q", first)
	}
	app.Update(uikit.GoHomeMsg{})
	if first := strings.SplitN(ansi.Strip(app.View().Content), "\n", 2)[0]; strings.Contains(first, "8686") {
		t.Fatalf("back on the list, the badge still names it: %q", first)
	}
}

// Data on a screen cannot act on the terminal: a webhook whose object id
// and body carry OSC 52, OSC 0 and a clear-screen is drawn as text, and
// the screen's own styles still go through.
func TestScreensDrawDataAsText(t *testing.T) {
	deps := testDeps(t)
	log := &webhooks.Log{}
	body := "{\"webhook_type\":\"BEACON\",\"webhook_code\":\"USER_STATUS_UPDATED\",\"beacon_user_id\":\"becusr_\x1b]52;c;b3duZWQ=\x07\x1b]0;owned\x07\x1b[2J\"}"
	log.Add(webhooks.Event{Body: []byte(body), Reason: "not verified \x1b]8;;https://evil.example\x1b\\here",
		Webhook: client.Webhook{WebhookType: "BEACON", WebhookCode: "USER_STATUS_UPDATED", BeaconUserID: "becusr_\x1b]0;owned\x07\x1b[2J"}})
	app := NewApp(deps, listen.New(deps, log, "Receiving webhooks"))
	d := tuitest.New[tea.Model](t, app)
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 24})
	for _, screen := range []string{app.View().Content, func() string { d.Keys("enter"); return app.View().Content }()} {
		for _, bad := range []string{"\x1b]", "\x1b[2J", "\x07"} {
			if strings.Contains(screen, bad) {
				t.Fatalf("%q reaches the terminal:\n%q", bad, screen)
			}
		}
		if !strings.Contains(screen, "␛]") || !strings.Contains(screen, "\x1b[") {
			t.Fatalf("the data is not shown, or the styles are gone:\n%q", screen)
		}
	}
}
