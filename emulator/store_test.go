package emulator

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
)

func TestStateSurvivesRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "emulator.db")
	first := start(t, Options{StatePath: path})
	u, err := first.cli.CreateBeaconUser(ctx, person("Donna", "Meagle", "1975-06-06"))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" {
		for _, p := range []string{path, path + "-wal", path + "-shm"} {
			if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("state file %s: %v %v", p, fi, err)
			}
		}
		if fi, err := os.Stat(filepath.Dir(path)); err != nil || fi.Mode().Perm() != 0o700 {
			t.Fatalf("state directory: %v %v", fi, err)
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
	path := filepath.Join(t.TempDir(), "emulator.db")
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
	if _, err := a.cli.CreatePartnerCustomer(ctx, samplesPartner("Third App")); err != nil {
		t.Fatal(err)
	}
	if n := a.rows("customers"); n != 3 {
		t.Fatalf("a lost b's customer: %d customers", n)
	}
}

func TestCorruptStateIsRefusedWithAdvice(t *testing.T) {
	for name, content := range map[string]string{"broken JSON": "{broken", "neither": "hello", "old layout": `{"version": 7}`} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "emulator.json")
			os.WriteFile(path, []byte(content), 0o600)
			_, err := New(Options{ClientID: "a", Secret: "b", StatePath: path})
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "emulator reset") {
				t.Fatalf("got %v", err)
			}
			if b, _ := os.ReadFile(path); string(b) != content {
				t.Fatal("the refused file was changed")
			}
		})
	}
}

func samplesPartner(app string) *client.PartnerCustomerCreateRequest {
	return &client.PartnerCustomerCreateRequest{
		CompanyName: "Co", Website: "co.example.com", ApplicationName: app,
		CustomerSupportInfo: client.CustomerSupportInfo{Email: "help@co.example.com"},
		Address:             client.PartnerAddress{Street: "1 Road", City: "Town", CountryCode: "GB"},
	}
}

// TestAChangeNotStoredDoesNotExist: when the commit fails, the client is
// told the change failed, and it is not there — not in this process, not
// after a restart — so a retry makes one user, not two (the old store
// kept it in memory and wrote it later).
func TestAChangeNotStoredDoesNotExist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "emulator.db")
	h := start(t, Options{StatePath: path})
	disk := errors.New("disk full")
	h.emu.db.failCommit.Store(&disk)
	req := person("Ann", "Perkins", "1980-03-03")
	status, body := h.postJSON(client.PathBeaconUserCreate, req)
	if status != 500 || !strings.Contains(string(body), "nothing of it was kept") {
		t.Fatalf("a failed commit answered %d %s", status, body)
	}
	p := samplesPartner("Unstored App")
	if _, err := h.cli.CreatePartnerCustomer(ctx, p); err == nil {
		t.Fatal("a customer create succeeded without a commit")
	}
	if n := h.rows("beacon_users") + h.rows("beacon_keys") + h.rows("customers"); n != 0 {
		t.Fatalf("%d rows of changes that were not stored", n)
	}
	h.emu.db.failCommit.Store(nil)
	u, err := h.cli.CreateBeaconUser(ctx, req)
	if err != nil || u.Status != client.BeaconCleared {
		t.Fatalf("the retry: %+v %v (a cleared user: the failed create left no duplicate)", u, err)
	}
	if _, err := h.cli.CreatePartnerCustomer(ctx, p); err != nil {
		t.Fatalf("the application name is still taken by the failed create: %v", err)
	}
	h.emu.Close()
	again := start(t, Options{StatePath: path})
	if n := again.rows("beacon_users"); n != 1 {
		t.Fatalf("%d users after a restart, want 1", n)
	}
}

// TestSeededPeopleAreValidAndDistinct: every seeded person passes the
// rules a create request must pass, and no two share data Beacon matches
// on, so a demo's new person is a duplicate only when meant to be.
func TestSeededPeopleAreValidAndDistinct(t *testing.T) {
	seen := map[string]int{}
	for _, k := range []int{0, 1, 2, 99, 100, 9998, 9999, 10000, 28_999, 29_000, 99_999, 100_000, 999_999, 10_000_000, 29_000_000, 56_000_000} {
		req := SeedPerson(k, "becprg_11111111111111")
		if ps := catalog.CheckRequest(req, catalog.Env{Environment: client.Sandbox, Now: fixedNow}); len(ps) > 0 {
			t.Errorf("person %d: %v", k, ps)
		}
		for _, key := range personKeys(req.User) {
			if key.Field == MatchAddress || key.Field == MatchIPAddress || key.Field == MatchNameDOB {
				continue // shared by households and namesakes, as in life
			}
			if other, dup := seen[string(key.Field)+key.Value]; dup {
				t.Errorf("people %d and %d share %s", other, k, key.Field)
			}
			seen[string(key.Field)+key.Value] = k
		}
	}
	h := start(t, Options{StatePath: filepath.Join(t.TempDir(), "emulator.db")})
	var progress []int
	if _, err := h.emu.Seed(ctx, 12_000, "becprg_11111111111111", func(n int) { progress = append(progress, n) }); err != nil {
		t.Fatal(err)
	}
	if len(progress) == 0 || progress[len(progress)-1] != 12_000 || !slices.IsSorted(progress) || h.rows("beacon_users") != 12_000 {
		t.Fatalf("progress %v, %d users", progress, h.rows("beacon_users"))
	}
	// Seeding again adds other people.
	if _, err := h.emu.Seed(ctx, 10, "becprg_11111111111111", nil); err != nil || h.rows("beacon_users") != 12_010 {
		t.Fatalf("%v, %d users", err, h.rows("beacon_users"))
	}
	// A seeded person sent again is a duplicate of the seeded one.
	u, err := h.cli.CreateBeaconUser(ctx, SeedPerson(7, "becprg_11111111111111"))
	if err != nil || u.Status != client.BeaconPendingReview {
		t.Fatalf("%+v %v", u, err)
	}
	if _, err := h.emu.Seed(ctx, 1, "becprg_nope", nil); err == nil || !strings.Contains(err.Error(), "becprg_nope") {
		t.Fatalf("an unknown program: %v", err)
	}
}
