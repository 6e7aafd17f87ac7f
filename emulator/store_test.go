package emulator

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

func TestStateSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "emulator.json")
	first := start(t, Options{StatePath: path})
	u, err := first.cli.CreateBeaconUser(ctx, person("Donna", "Meagle", "1975-06-06"))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("state file: %v %v", fi, err)
		}
	}
	// A second run sees the first run's user: the demo "duplicate across runs".
	second := start(t, Options{StatePath: path})
	got, err := second.cli.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: u.ID})
	if err != nil || got.User.Name.GivenName != "Donna" {
		t.Fatalf("after restart: %+v %v", got, err)
	}
	dup, err := second.cli.CreateBeaconUser(ctx, person("Donna", "Meagle", "1975-06-06"))
	if err != nil || dup.Status != client.BeaconPendingReview {
		t.Fatalf("duplicate across runs: %+v %v", dup, err)
	}
}

// TestTwoLiveEmulatorsShareAFile: the TUI and a command in another terminal
// each run an emulator on the same local state.
func TestTwoLiveEmulatorsShareAFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "emulator.json")
	a := start(t, Options{StatePath: path})
	b := start(t, Options{StatePath: path})
	created, err := a.cli.CreatePartnerCustomer(ctx, samplesPartner("Shared App"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.cli.GetPartnerCustomer(ctx, &client.PartnerCustomerGetRequest{EndCustomerClientID: created.EndCustomer.ClientID}); err != nil {
		t.Fatalf("b does not see a's customer: %v", err)
	}
	if _, err := b.cli.CreatePartnerCustomer(ctx, samplesPartner("shared app")); err == nil {
		t.Fatal("b took an application name a had taken")
	}
	if _, err := b.cli.CreatePartnerCustomer(ctx, samplesPartner("Second App")); err != nil {
		t.Fatal(err)
	}
	if len(a.emu.st.Customers) != 1 {
		t.Fatal("a's memory changed without a request")
	}
	if _, err := a.cli.CreatePartnerCustomer(ctx, samplesPartner("Third App")); err != nil {
		t.Fatal(err)
	}
	if n := len(a.emu.st.Customers); n != 3 {
		t.Fatalf("a lost b's customer: %d customers", n)
	}
}

func TestCorruptStateIsRefusedWithAdvice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "emulator.json")
	os.WriteFile(path, []byte("{broken"), 0o600)
	_, err := New(Options{ClientID: "a", Secret: "b", StatePath: path})
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "emulator reset") {
		t.Fatalf("got %v", err)
	}
}

func TestSaveWritesState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "emulator.json")
	h := start(t, Options{StatePath: path})
	if err := h.emu.Save(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(b), `"version": 1`) {
		t.Fatalf("%s %v", b, err)
	}
}

func samplesPartner(app string) *client.PartnerCustomerCreateRequest {
	return &client.PartnerCustomerCreateRequest{
		CompanyName: "Co", Website: "co.example.com", ApplicationName: app,
		CustomerSupportInfo: client.CustomerSupportInfo{Email: "help@co.example.com"},
		Address:             client.PartnerAddress{Street: "1 Road", City: "Town", CountryCode: "GB"},
	}
}
