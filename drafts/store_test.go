package drafts

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

var testKey = StaticKey(bytes.Repeat([]byte{7}, 32))

func openStore(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "drafts"), testKey)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func beaconDraft(s *Store) *Draft {
	d := s.New(BeaconUser)
	d.Beacon = samples.BeaconCreate()
	d.RefreshTitle()
	d.Step = "bank_accounts"
	return d
}

func TestRoundTripAndPermissions(t *testing.T) {
	s := openStore(t)
	p := s.New(PartnerCustomer)
	p.Partner = samples.PartnerCreate()
	p.RefreshTitle()
	p.UI["technical_contact"] = "fill"
	if err := s.Save(p, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != "Pawnee Parks Money (Pawnee Parks Credit Union)" || got.Revision != 1 || got.UI["technical_contact"] != "fill" ||
		got.Partner.Logo != p.Partner.Logo || *got.Partner.Questionnaires.CRA.IsTechnicalServiceProviderInvolved != true {
		t.Errorf("partner round trip: %+v", got)
	}
	b := beaconDraft(s)
	if err := s.Save(b, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	gb, err := s.Load(b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if gb.Beacon.User.IDNumber.Value != "123456789" || gb.Beacon.User.DepositoryAccounts[0].AccountNumber != "1234567890" ||
		gb.Beacon.AccessTokens[0] != b.Beacon.AccessTokens[0] || gb.Beacon.User.DateOfBirth != "1990-05-29" || gb.Title != "Leslie Knope" {
		t.Errorf("beacon round trip: %+v", gb.Beacon)
	}
	if runtime.GOOS == "windows" {
		return
	}
	for _, f := range []string{s.path(p.ID), s.path(b.ID)} {
		if fi, _ := os.Stat(f); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", f, fi.Mode().Perm())
		}
	}
	if fi, _ := os.Stat(s.Dir()); fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v", fi.Mode().Perm())
	}
}

func TestOpenTightensAWideDirectory(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix modes")
	}
	dir := filepath.Join(t.TempDir(), "drafts")
	os.MkdirAll(dir, 0o755)
	if _, err := Open(dir, testKey); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(dir); fi.Mode().Perm() != 0o700 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
}

func TestPersonalDataIsSealedOnDisk(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	if err := s.Save(d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.path(d.ID))
	for _, secret := range []string{"123456789", "1234567890", "1990-05-29", d.Beacon.AccessTokens[0]} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("%q is on disk in clear", secret)
		}
	}
	if !bytes.Contains(raw, []byte("enc:v1:")) || !bytes.Contains(raw, []byte("Leslie")) {
		t.Errorf("expected sealed fields and a clear name:\n%s", raw)
	}
	// A sealed value moved to another field does not open there.
	var m map[string]any
	json.Unmarshal(raw, &m)
	user := m["beacon"].(map[string]any)["user"].(map[string]any)
	user["date_of_birth"] = user["id_number"].(map[string]any)["value"]
	moved, _ := json.Marshal(m)
	os.WriteFile(s.path(d.ID), moved, 0o600)
	got, err := s.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.PIIUnreadable || got.Beacon.User.DateOfBirth != "" || got.Beacon.User.IDNumber.Value != "123456789" {
		t.Errorf("moved sealed value: unreadable=%v dob=%q", got.PIIUnreadable, got.Beacon.User.DateOfBirth)
	}
}

func TestWrongKeyLoadsWithoutPII(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	s.Save(d, SaveOptions{})
	other, _ := Open(s.Dir(), StaticKey(bytes.Repeat([]byte{9}, 32)))
	got, err := other.Load(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.PIIUnreadable || got.Beacon.User.IDNumber.Value != "" || got.Beacon.User.Name.GivenName != "Leslie" {
		t.Errorf("with another key: %+v", got)
	}
}

func TestNoSavePII(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	if err := s.Save(d, SaveOptions{NoPII: true}); err != nil {
		t.Fatal(err)
	}
	if d.Beacon.User.IDNumber.Value != "123456789" {
		t.Fatal("saving must not clear the caller's copy")
	}
	raw, _ := os.ReadFile(s.path(d.ID))
	if bytes.Contains(raw, []byte("enc:v1:")) || bytes.Contains(raw, []byte("123456789")) {
		t.Errorf("--no-save-pii wrote personal data:\n%s", raw)
	}
	got, _ := s.Load(d.ID)
	if !got.PIIOmitted || got.Beacon.User.IDNumber.Value != "" || got.Beacon.User.Name.FamilyName != "Knope" {
		t.Errorf("loaded %+v", got)
	}
}

func TestListNewestFirstAndQuarantine(t *testing.T) {
	s := openStore(t)
	clock := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return clock })
	var ids []string
	for i := range 3 {
		d := beaconDraft(s)
		d.Submissions = append(d.Submissions, Submission{Outcome: "succeeded", BeaconUserID: "becusr_" + string(rune('a'+i))})
		clock = clock.Add(time.Minute)
		s.Save(d, SaveOptions{})
		ids = append(ids, d.ID)
	}
	os.WriteFile(filepath.Join(s.Dir(), "abcdef.json"), []byte("{half a draft"), 0o600)
	os.WriteFile(filepath.Join(s.Dir(), "ghjkmn.json"), []byte(`{"schema":99,"id":"ghjkmn"}`), 0o600)
	list, bad, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].ID != ids[2] || list[2].ID != ids[0] || list[0].LastSubmission.BeaconUserID != "becusr_c" {
		t.Errorf("list: %+v", list)
	}
	if len(bad) != 2 {
		t.Fatalf("bad: %v", bad)
	}
	for _, q := range bad {
		switch filepath.Base(q.File) {
		case "abcdef.json":
			if _, err := os.Stat(q.MovedTo); err != nil || !strings.Contains(q.String(), "moved to") {
				t.Errorf("corrupt file not moved aside: %v", q)
			}
		case "ghjkmn.json":
			if q.MovedTo != "" || !strings.Contains(q.Reason, "newer") {
				t.Errorf("a newer draft must be left alone: %v", q)
			}
		}
	}
	if _, bad, _ := s.List(); len(bad) != 1 {
		t.Errorf("the corrupt file came back: %v", bad)
	}
}

func TestMigrationsRunInOrder(t *testing.T) {
	old := []byte(`{"schema":1,"id":"abcdef","kind":"beacon_user","title":"x","beacon":{"user":{"name":{"given_name":"Ann"}}},"stage":3}`)
	steps := []migration{
		func(m map[string]any) error {
			m["step"] = []string{"", "", "", "name"}[int(m["stage"].(float64))]
			delete(m, "stage")
			return nil
		},
		func(m map[string]any) error { m["title"] = m["title"].(string) + "!"; return nil },
	}
	d, err := decodeWith(old, steps)
	if err != nil {
		t.Fatal(err)
	}
	if d.Schema != 3 || d.Step != "name" || d.Title != "x!" {
		t.Errorf("migrated to %+v", d)
	}
	if _, err := decodeWith([]byte(`{"schema":4,"id":"abcdef"}`), steps); !errors.Is(err, ErrNewerSchema) {
		t.Errorf("newer layout: %v", err)
	}
}

func TestChangedElsewhereGoesToACopy(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	a, _ := Open(dir, testKey)
	b, _ := Open(dir, testKey)
	d := beaconDraft(a)
	a.Save(d, SaveOptions{})
	mine, _ := a.Load(d.ID)
	theirs, _ := b.Load(d.ID)
	theirs.Beacon.User.EmailAddress = "theirs@example.com"
	if err := b.Save(theirs, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	mine.Beacon.User.EmailAddress = "mine@example.com"
	err := a.Save(mine, SaveOptions{})
	var ce *ChangedError
	if !errors.As(err, &ce) || ce.ID != d.ID || mine.ID == d.ID {
		t.Fatalf("expected a copy: %v (id now %s)", err, mine.ID)
	}
	kept, _ := a.Load(d.ID)
	copied, _ := a.Load(ce.CopyID)
	if kept.Beacon.User.EmailAddress != "theirs@example.com" || copied.Beacon.User.EmailAddress != "mine@example.com" {
		t.Errorf("kept %q, copy %q", kept.Beacon.User.EmailAddress, copied.Beacon.User.EmailAddress)
	}
}

// After the copy, the draft is the copy: edits made through the pointers
// a form holds into its request (taken before the copy) are saved to it.
func TestEditsAfterTheCopyAreSaved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "drafts")
	a, _ := Open(dir, testKey)
	b, _ := Open(dir, testKey)
	d := beaconDraft(a)
	a.Save(d, SaveOptions{})
	mine, _ := a.Load(d.ID)
	form := &mine.Beacon.User.Name // what a form is bound to
	theirs, _ := b.Load(d.ID)
	theirs.Beacon.User.Name.GivenName = "Theirs"
	b.Save(theirs, SaveOptions{})

	form.GivenName = "Mine"
	var ce *ChangedError
	if err := a.Save(mine, SaveOptions{}); !errors.As(err, &ce) {
		t.Fatalf("expected a copy: %v", err)
	}
	form.FamilyName = "Later"
	if err := a.Save(mine, SaveOptions{}); err != nil {
		t.Fatalf("the next save goes to the copy: %v", err)
	}
	copied, _ := a.Load(ce.CopyID)
	if n := copied.Beacon.User.Name; n.GivenName != "Mine" || n.FamilyName != "Later" {
		t.Errorf("the copy holds %+v: an edit after the copy was lost", n)
	}
}

func TestLockWarnsTheSecondWindow(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	s.Save(d, SaveOptions{})
	unlock, err := s.Lock(d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lock(d.ID); !errors.Is(err, ErrInUse) {
		t.Fatalf("second lock: %v", err)
	}
	unlock()
	again, err := s.Lock(d.ID)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	again()
}

func TestDeleteAndBadIDs(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	s.Save(d, SaveOptions{})
	if err := s.Delete(d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("after delete: %v", err)
	}
	for _, id := range []string{"../../etc/passwd", "", "ABCDEF", "abc/ef"} {
		if _, err := s.Load(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Load(%q) = %v", id, err)
		}
		if err := s.Delete(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Delete(%q) = %v", id, err)
		}
	}
}

func TestSubmissionsAndMasking(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	d.Submissions = []Submission{
		{Outcome: "rejected", ErrorCode: "INVALID_FIELD"},
		{Outcome: client.OutcomeNone.String(), BeaconUserID: "becusr_1", Status: "cleared", Env: client.Local},
	}
	if last, ok := d.LastSuccess(); !ok || last.BeaconUserID != "becusr_1" {
		t.Errorf("LastSuccess = %+v %v", last, ok)
	}
	m := d.Masked()
	u := m.Beacon.User
	if u.IDNumber.Value != "•••••6789" || u.DepositoryAccounts[0].AccountNumber != "••••••7890" || u.DateOfBirth != "••••••••••" ||
		u.EmailAddress != "l•••••@example.com" || u.PhoneNumber != "••••••••0123" {
		t.Errorf("masked: %+v", u)
	}
	if d.Beacon.User.IDNumber.Value != "123456789" {
		t.Error("masking changed the original")
	}
}

func TestLogoLivesBesideTheDraft(t *testing.T) {
	s := openStore(t)
	d := s.New(PartnerCustomer)
	d.Partner = samples.PartnerCreate()
	logo := d.Partner.Logo
	if err := s.Save(d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(s.path(d.ID))
	if bytes.Contains(raw, []byte(logo[:100])) || d.LogoFile == "" {
		t.Fatal("the logo is inside the draft file")
	}
	if d.Partner.Logo != logo {
		t.Fatal("saving emptied the caller's logo")
	}
	got, _ := s.Load(d.ID)
	if got.Partner.Logo != logo || got.LogoMissing {
		t.Fatal("the logo did not come back")
	}
	// A new logo replaces the old file; the old one goes.
	d.Partner.Logo = samples.LogoBase64() + "AAAA"
	s.Save(d, SaveOptions{})
	logos, _ := filepath.Glob(filepath.Join(s.Dir(), d.ID+".*.logo"))
	if len(logos) != 1 {
		t.Errorf("%d logo files after a change", len(logos))
	}
	// A lost logo file: the draft loads, the logo is flagged missing.
	os.Remove(logos[0])
	got, err := s.Load(d.ID)
	if err != nil || !got.LogoMissing || got.Partner.Logo != "" || got.Partner.CompanyName == "" {
		t.Errorf("lost logo: %v %+v", err, got.LogoMissing)
	}
	s.Delete(d.ID)
	if logos, _ := filepath.Glob(filepath.Join(s.Dir(), d.ID+".*")); len(logos) != 0 {
		t.Errorf("delete left %v", logos)
	}
}

// The list's warnings: a newer layout says it is left in place (the
// warning ended "moved to " with nothing after it), a file's name never
// comes first (error printers capitalise: g.json read G.json), and a BOM
// is named as one rather than "invalid character 'ï'".
func TestListWarningsSayWhatHappened(t *testing.T) {
	s := openStore(t)
	os.WriteFile(filepath.Join(s.Dir(), "abcdef.json"), []byte(`{"schema":9,"id":"abcdef","kind":"beacon_user"}`), 0o600)
	os.WriteFile(filepath.Join(s.Dir(), "ghjkmn.json"), append([]byte{0xEF, 0xBB, 0xBF}, `{"schema":1,"id":"ghjkmn"}`...), 0o600)
	_, bad, err := s.List()
	if err != nil || len(bad) != 2 {
		t.Fatalf("%v %v", bad, err)
	}
	for _, q := range bad {
		msg := q.String()
		if strings.HasSuffix(msg, "moved to ") || !strings.HasPrefix(msg, "the draft file ") {
			t.Errorf("warning %q", msg)
		}
	}
	got := bad[0].String() + "\n" + bad[1].String()
	for _, want := range []string{"left in place", "newer plaid-onboard", "byte-order mark", "moved to " + filepath.Join(s.Dir(), "corrupt")} {
		if !strings.Contains(got, want) {
			t.Errorf("the warnings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "invalid character") {
		t.Errorf("a BOM is reported as a bad character:\n%s", got)
	}
}

// A draft file larger than any this program writes (here 5 MB) is refused
// before it is read: the list moves it aside with the reason, a load says
// what it is.
func TestOversizedDraftIsRefusedUnread(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	if err := s.Save(d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(s.Dir(), "bcdefg.json")
	os.WriteFile(big, append([]byte(`{"schema":1,"id":"bcdefg","kind":"beacon_user","title":"`), bytes.Repeat([]byte("x"), 5<<20)...), 0o600)
	if _, err := s.Load("bcdefg"); err == nil || !strings.Contains(err.Error(), "more than the 1.0 MB a draft holds") {
		t.Fatalf("load: %v", err)
	}
	list, bad, err := s.List()
	if err != nil || len(list) != 1 || len(bad) != 1 || !strings.Contains(bad[0].Reason, "5.0 MB") {
		t.Fatalf("list %v, bad %v, %v", list, bad, err)
	}
}

// Saving more than a draft may hold is refused with what is too big.
func TestOversizedSaveNamesTheLargestAnswer(t *testing.T) {
	s := openStore(t)
	d := s.New(PartnerCustomer)
	d.Partner = samples.PartnerMinimal()
	d.Partner.Website = "https://example.com/" + strings.Repeat("w", MaxDraftBytes)
	err := s.Save(d, SaveOptions{})
	if err == nil || !strings.Contains(err.Error(), "largest answer is website") {
		t.Fatalf("%v", err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), d.ID+".json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("an oversized draft was written")
	}
}

// The list reads the head of each file; a file from before the head held
// the last submission is still listed with it.
func TestListReadsOldAndNewHeads(t *testing.T) {
	s := openStore(t)
	d := beaconDraft(s)
	d.Submissions = []Submission{{Outcome: "succeeded", Status: "cleared"}, {Outcome: "rejected", ErrorCode: "X"}}
	if err := s.Save(d, SaveOptions{}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(s.Dir(), d.ID+".json"))
	if i, j := bytes.Index(b, []byte(`"last_submission"`)), bytes.Index(b, []byte(`"beacon"`)); i < 0 || i > j {
		t.Fatalf("the last submission is not in the head:\n%s", b)
	}
	old := bytes.Replace(b, []byte(`"last_submission"`), []byte(`"unknown_old_key"`), 1)
	os.WriteFile(filepath.Join(s.Dir(), "cdefgh.json"), bytes.ReplaceAll(old, []byte(d.ID), []byte("cdefgh")), 0o600)
	list, bad, err := s.List()
	if err != nil || len(bad) != 0 || len(list) != 2 {
		t.Fatalf("%v %v %v", list, bad, err)
	}
	for _, sum := range list {
		if sum.LastSubmission == nil || sum.LastSubmission.ErrorCode != "X" {
			t.Errorf("%s: last submission %+v", sum.ID, sum.LastSubmission)
		}
	}
}
