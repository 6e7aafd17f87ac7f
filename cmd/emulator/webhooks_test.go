package emulator

import (
	"bytes"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

var now = time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)

// With nothing sent from the local store, `emulator webhooks` asks the
// emulator serving at the default address, as the README's demo runs it
// (served in memory), and says so; fire there refuses an object that
// does not exist.
func TestWebhooksOfTheEmulatorServingApart(t *testing.T) {
	em, err := emulation.New(emulation.Options{ClientID: client.DemoClientID, Secret: client.DemoSecret,
		Webhook: "http://127.0.0.1:9/", Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer em.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv, _ := emulation.Serve(ln, em, emulation.ServerOptions{})
	defer srv.Close()
	url := "http://" + ln.Addr().String()
	c, _ := client.New(client.Config{Environment: client.Local, BaseURL: url, ClientID: client.DemoClientID, Secret: client.DemoSecret})
	u, err := c.CreateBeaconUser(t.Context(), samples.BeaconLocal())
	if err != nil {
		t.Fatal(err)
	}
	// A status changed by hand: USER_STATUS_UPDATED (a create sends none).
	if _, err := c.ReviewBeaconUser(t.Context(), &client.BeaconUserReviewRequest{BeaconUserID: u.ID, Status: client.BeaconPendingReview}); err != nil {
		t.Fatal(err)
	}

	var out, errOut bytes.Buffer
	dir := t.TempDir()
	f := &app.Factory{IO: &app.IOStreams{Out: &out, ErrOut: &errOut}, Getenv: func(string) string { return "" },
		Now: func() time.Time { return now }, Paths: app.Paths{Data: dir, Config: dir}}
	if err := runWebhooks(t.Context(), &WebhooksOptions{Factory: f, Limit: 50, Probe: url}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "USER_STATUS_UPDATED") || !strings.Contains(errOut.String(), "the emulator at "+url) {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	}

	err = runFire(t.Context(), &FireOptions{Factory: f, From: url, Code: client.WebhookReportUpdated, ID: "becrpt_nobody"})
	if err == nil || !containsAll(err.Error(), "no Beacon report becrpt_nobody") {
		t.Fatalf("fire of a report that does not exist: %v", err)
	}
	err = runFire(t.Context(), &FireOptions{Factory: f, From: url, Code: client.WebhookUserStatusUpdated, ID: "becusr_nobody"})
	if err == nil || !containsAll(err.Error(), "no Beacon user becusr_nobody") {
		t.Fatalf("fire for a user that does not exist: %v", err)
	}
}

func containsAll(s string, wants ...string) bool {
	for _, w := range wants {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}
