package emulator

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// testdata/legacy-v1.json is a state the JSON-file emulator (the only
// layout it wrote) saved after a mixed session: customers created,
// updated and enabled; Beacon users with accounts and access tokens,
// duplicates, an update, reviews and a fraud report. Beside it, what that
// emulator answered to /get for each of them.
func TestMigrationFromJSONLosesNothing(t *testing.T) {
	dir := t.TempDir()
	legacy := filepath.Join(dir, "emulator.json")
	dbPath := filepath.Join(dir, "emulator.db")
	raw, err := os.ReadFile("testdata/legacy-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(legacy, raw, 0o600)
	h := start(t, Options{StatePath: dbPath, LegacyPath: legacy})

	if b, err := os.ReadFile(legacy + ".bak"); err != nil || string(b) != string(raw) {
		t.Fatalf("the JSON state was not kept as .bak: %v", err)
	}
	if _, err := os.Stat(legacy); !os.IsNotExist(err) {
		t.Fatalf("the JSON state is still in place: %v", err)
	}
	var old legacyLayout
	json.Unmarshal(raw, &old)
	var expected map[string]json.RawMessage
	b, _ := os.ReadFile("testdata/legacy-v1.expected.json")
	if err := json.Unmarshal(b, &expected); err != nil {
		t.Fatal(err)
	}
	for key, want := range expected {
		path, id, _ := strings.Cut(key, " ")
		var req any = client.PartnerCustomerGetRequest{EndCustomerClientID: id}
		if path == client.PathBeaconUserGet {
			req = client.BeaconUserGetRequest{BeaconUserID: id}
		}
		// Raw, not checked against the spec: users older versions stored
		// without an address are answered with null, as they were.
		status, got := h.post(path, mustJSON(req), nil)
		if c := old.Customers[id]; c != nil && c.Request.BankAddendumAcceptance.CustomerAccepted != nil {
			// Since this state was written the accepted addendum stands for
			// the diligence attestation (the spec's own sequence): a change
			// of the model, not of the data.
			want = []byte(strings.Replace(string(want), `"is_diligence_attested",`, "", 1))
		}
		if status != 200 || !sameAnswer(t, got, want) {
			t.Errorf("%s: after the import\n%s\nbefore\n%s", key, got, want)
		}
	}

	// What the state holds beyond the answers: the salt (the same account
	// and token link the same Item and match), the report (a match is
	// rejected, the reported user cannot be cleared), the application
	// names (still taken).
	var reported string
	for _, r := range old.Reports {
		reported = r.BeaconUserID
	}
	if _, err := h.cli.ReviewBeaconUser(ctx, &client.BeaconUserReviewRequest{BeaconUserID: reported, Status: client.BeaconCleared}); client.OutcomeOf(err) != client.Rejected {
		t.Errorf("the reported user could be cleared: %v", err)
	}
	again := person(old.Users[reported].Person.Name.GivenName, old.Users[reported].Person.Name.FamilyName, old.Users[reported].Person.DateOfBirth)
	again.ProgramID = "becprg_22222222222222" // no duplicate filtering on names: only the report can reject
	if u, err := h.cli.CreateBeaconUser(ctx, again); err != nil || u.Status != client.BeaconRejected {
		t.Errorf("a match of the imported report: %+v %v", u, err)
	}
	for _, u := range old.Users {
		if len(u.Accounts) == 0 || len(u.ItemIDs) == 0 {
			continue
		}
		again := SeedPerson(1, "becprg_11111111111111")
		again.User.DepositoryAccounts = nil
		again.AccessTokens = []string{"access-sandbox-fixture-token"}
		got, err := h.cli.CreateBeaconUser(ctx, again)
		if err != nil || len(got.ItemIDs) != 1 || got.ItemIDs[0] != u.ItemIDs[0] {
			t.Errorf("the same access token links another Item after the import: %+v %v", got, err)
		}
	}
	for _, c := range old.Customers {
		p := samplesPartner(strings.ToUpper(c.Request.ApplicationName))
		if _, err := h.cli.CreatePartnerCustomer(ctx, p); err == nil {
			t.Errorf("application name %q is free again", c.Request.ApplicationName)
		}
	}

	// Imported once: the next start opens the database.
	h.emu.Close()
	second := start(t, Options{StatePath: dbPath, LegacyPath: legacy})
	if n := second.rows("beacon_users"); n != len(old.Users)+2 {
		t.Fatalf("%d users after a restart", n)
	}
}

// sameAnswer compares two answers without their request ids.
func sameAnswer(t *testing.T, a, b []byte) bool {
	var x, y map[string]any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		t.Fatalf("not JSON: %s / %s", a, b)
	}
	delete(x, "request_id")
	delete(y, "request_id")
	ja, _ := json.Marshal(x)
	jb, _ := json.Marshal(y)
	return string(ja) == string(jb)
}

// TestMigrationInPlace: --state naming a JSON state an older version
// wrote turns it into a database, the JSON kept as .bak.
func TestMigrationInPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo-state.json")
	raw, _ := os.ReadFile("testdata/legacy-v1.json")
	os.WriteFile(path, raw, 0o600)
	h := start(t, Options{StatePath: path})
	if n := h.rows("customers"); n != 3 {
		t.Fatalf("%d customers", n)
	}
	if b, _ := os.ReadFile(path + ".bak"); string(b) != string(raw) {
		t.Fatal("no .bak")
	}
	if head, _ := os.ReadFile(path); !strings.HasPrefix(string(head), string(sqliteMagic)) {
		t.Fatal("the state is not a database now")
	}
}

// TestMigrationStoppedHalfWay: an import that stopped before taking its
// place leaves the JSON state, and the next start imports again.
func TestMigrationStoppedHalfWay(t *testing.T) {
	dir := t.TempDir()
	legacy, dbPath := filepath.Join(dir, "emulator.json"), filepath.Join(dir, "emulator.db")
	raw, _ := os.ReadFile("testdata/legacy-v1.json")
	os.WriteFile(legacy, raw, 0o600)
	os.WriteFile(importingPath(dbPath), []byte("half a database"), 0o600)
	h := start(t, Options{StatePath: dbPath, LegacyPath: legacy})
	if n := h.rows("beacon_users"); n == 0 {
		t.Fatal("nothing imported")
	}
	if _, err := os.Stat(importingPath(dbPath)); !os.IsNotExist(err) {
		t.Fatal("the half-way import is left behind")
	}
}
