package listen

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

func event(code, id string, verified bool, reason string) webhooks.Event {
	w := client.Webhook{WebhookType: client.WebhookBeacon, WebhookCode: code, BeaconUserID: id, Environment: "sandbox"}
	body := `{"webhook_type":"BEACON","webhook_code":"` + code + `","beacon_user_id":"` + id + `","environment":"sandbox"}`
	return webhooks.Event{At: time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC), Webhook: w, Body: []byte(body), Verified: verified, Reason: reason, KeyID: "k1"}
}

// The list shows each webhook verified or why not; Enter shows its JSON;
// o opens the person, to come back to the list.
func TestListShowsVerdictsJSONAndOpensThePerson(t *testing.T) {
	log := &webhooks.Log{}
	log.Add(event(client.WebhookUserStatusUpdated, "becusr_forged", false, `alg "none" is not ES256`))
	served, err := client.New(client.Config{Environment: client.Local, BaseURL: "http://127.0.0.1:8686", ClientID: "a", Secret: "b"})
	if err != nil {
		t.Fatal(err)
	}
	verified := event(client.WebhookUserStatusUpdated, "becusr_real", true, "")
	verified.Source = &webhooks.KeySource{Name: "the emulator at http://127.0.0.1:8686", Client: served}
	verified.KeySource = verified.Source.Name
	log.Add(verified)
	replay := verified
	replay.Replay = true
	log.Add(replay)
	m := New(uikit.Deps{}, log, "Receiving webhooks on http://127.0.0.1:8687/")
	m.SetSize(120, 30)
	d := tuitest.New[uikit.Screen](t, m)
	view := ansi.Strip(m.View())
	for _, want := range []string{"BEACON USER_STATUS_UPDATED", "becusr_real", "✓ the emulator at http://127.0.0.1:8686", "· replay",
		`✗ alg "none" is not ES256`} {
		if !strings.Contains(view, want) {
			t.Fatalf("the list lacks %q:\n%s", want, view)
		}
	}
	if strings.Index(view, "becusr_real") > strings.Index(view, "becusr_forged") {
		t.Error("the newest is not on top")
	}
	d.Keys("down", "enter") // past the replay, to the first delivery
	if v := ansi.Strip(m.View()); !strings.Contains(v, `"beacon_user_id": "becusr_real"`) ||
		!strings.Contains(v, "verified ✓ with the key from the emulator at http://127.0.0.1:8686 (kid k1)") {
		t.Fatalf("no JSON:\n%s", v)
	}
	d.Keys("esc")
	// o on a webhook naming the user: the person view, where the webhook
	// came from (the served emulator whose key verified it), to come back
	// here.
	_, cmd := m.Update(tuitest.Key("o"))
	resolved, ok := cmd().(resolvedMsg)
	if !ok || resolved.id != "becusr_real" {
		t.Fatalf("o resolved %+v", resolved)
	}
	_, cmd = m.Update(resolved)
	if o, ok := cmd().(uikit.OpenLookupMsg); !ok || !o.Person || o.ID != "becusr_real" || !o.Return || o.Client != served ||
		o.Where != "the emulator at http://127.0.0.1:8686" {
		t.Fatalf("opened %+v", o)
	}
}

// At 60 columns every row keeps its verdict, cut with "…", and no line
// is wider than the terminal.
func TestNarrowListKeepsTheVerdict(t *testing.T) {
	log := &webhooks.Log{}
	log.Add(event(client.WebhookUserStatusUpdated, "becusr_forged", false, "the signature does not match the body: somebody changed it on the way"))
	ok := event(client.WebhookUserStatusUpdated, "becusr_real", true, "")
	ok.KeySource = "the emulator at http://127.0.0.1:8686"
	log.Add(ok)
	info := "Receiving webhooks on http://127.0.0.1:8687/ · verified with keys from the built-in emulator or the emulator at http://127.0.0.1:8686"
	m := New(uikit.Deps{}, log, info)
	for _, w := range []int{60, 80, 120} {
		m.SetSize(w, 20)
		view := ansi.Strip(m.View())
		if !strings.Contains(strings.Join(strings.Fields(view), " "), info) {
			t.Fatalf("at %d columns the line saying where keys come from is cut:\n%s", w, view)
		}
		if !strings.Contains(view, "verified") || !strings.Contains(view, "✓ the emul") || !strings.Contains(view, "✗ the sig") {
			t.Fatalf("at %d columns the verdicts are gone:\n%s", w, view)
		}
		for _, l := range strings.Split(view, "\n") {
			if ansi.StringWidth(l) > w {
				t.Fatalf("at %d columns a line is %d wide: %q", w, ansi.StringWidth(l), l)
			}
			if strings.Contains(l, "✗ the sig") && !strings.Contains(l, "somebody changed it on the way") && !strings.HasSuffix(strings.TrimRight(l, " "), "…") {
				t.Errorf("at %d columns a reason is cut with no ellipsis: %q", w, l)
			}
		}
	}
}
