package emulator

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func person(given, family, dob string) *client.BeaconUserCreateRequest {
	r := samples.BeaconLocal()
	r.User.Name = client.BeaconUserName{GivenName: given, FamilyName: family}
	r.User.DateOfBirth = dob
	return r
}

func TestBeaconScreening(t *testing.T) {
	h := start(t, Options{})
	create := func(r *client.BeaconUserCreateRequest) *client.BeaconUser {
		t.Helper()
		status, body := h.postJSON(client.PathBeaconUserCreate, r) // validated against the spec
		if status != 200 {
			t.Fatalf("create: %d %s", status, body)
		}
		u, err := h.cli.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: idOf(body)})
		if err != nil {
			t.Fatal(err)
		}
		return u
	}

	leslie := create(samples.BeaconCreate())
	if leslie.Status != client.BeaconCleared || leslie.Version != 1 || leslie.AuditTrail.Source != client.AuditAPI {
		t.Fatalf("first user: %+v", leslie)
	}
	if m := leslie.User.DepositoryAccounts[0].AccountMask; m != "7890" {
		t.Errorf("account mask %q", m)
	}

	// The same email, written differently, in the same program: a duplicate.
	dup := person("April", "Ludgate", "1989-04-03")
	dup.User.EmailAddress = "  LESLIE@Example.COM "
	dup.User.EmailAddress = strings.TrimSpace(dup.User.EmailAddress) // the rule forbids surrounding spaces
	if u := create(dup); u.Status != client.BeaconPendingReview {
		t.Errorf("duplicate email: %s", u.Status)
	}
	// The same phone in national form would be refused by the rules; a
	// duplicate on the account number, written with the same digits:
	acct := person("Andy", "Dwyer", "1985-03-02")
	acct.User.DepositoryAccounts = samples.BeaconCreate().User.DepositoryAccounts
	if u := create(acct); u.Status != client.BeaconPendingReview {
		t.Errorf("duplicate account: %s", u.Status)
	}
	// In the relaxed program (duplicates on id_number only) the same email clears.
	relaxed := person("Tom", "Haverford", "1982-11-10")
	relaxed.ProgramID = "becprg_22222222222222"
	relaxed.User.EmailAddress = "leslie@example.com"
	if u := create(relaxed); u.Status != client.BeaconCleared {
		t.Errorf("relaxed program, duplicate email: %s", u.Status)
	}

	// The built-in Beacon Network: Mallory's email.
	mallory := person("Someone", "Else", "1990-01-01")
	mallory.User.EmailAddress = "Mallory@network-fraud.example"
	if u := create(mallory); u.Status != client.BeaconPendingReview {
		t.Errorf("network match in an auto-flag program: %s", u.Status)
	}
	mallory.ProgramID = "becprg_22222222222222"
	if u := create(mallory); u.Status != client.BeaconCleared {
		t.Errorf("network match in a program without auto-flag: %s", u.Status)
	}
	// Trudy by her bank account.
	trudy := person("Not", "Trudy", "1991-01-01")
	trudy.User.DepositoryAccounts = []client.BeaconUserRequestDepositoryAccount{{RoutingNumber: "011401533", AccountNumber: "99990001"}}
	if u := create(trudy); u.Status != client.BeaconPendingReview {
		t.Errorf("network match on an account: %s", u.Status)
	}

	// Report Ron as fraud; a later user with his name and birth date, in
	// another program, is rejected.
	ron := create(person("Ron", "Swanson", "1965-05-06"))
	if ron.Status != client.BeaconCleared {
		t.Fatalf("ron: %s", ron.Status)
	}
	status, body := h.postJSON(client.PathBeaconReportCreate, client.BeaconReportCreateRequest{
		BeaconUserID: ron.ID, Type: "first_party", FraudDate: "2026-10-01",
		FraudAmount: &client.FraudAmount{ISOCurrencyCode: "USD", Value: 1250.5}})
	if status != 200 {
		t.Fatalf("report: %d %s", status, body)
	}
	again := person(" ron ", "SWANSON", "1965-05-06")
	again.ProgramID = "becprg_22222222222222"
	if u := create(again); u.Status != client.BeaconRejected {
		t.Errorf("a match with the organisation's report: %s", u.Status)
	}

	// Review rules: Ron can now be rejected, but not cleared.
	if _, err := h.cli.ReviewBeaconUser(ctx, &client.BeaconUserReviewRequest{BeaconUserID: ron.ID, Status: client.BeaconRejected}); err != nil {
		t.Errorf("reject after a report: %v", err)
	}
	if _, err := h.cli.ReviewBeaconUser(ctx, &client.BeaconUserReviewRequest{BeaconUserID: ron.ID, Status: client.BeaconCleared}); err == nil {
		t.Error("cleared a user with an active report")
	}
	if _, err := h.cli.ReviewBeaconUser(ctx, &client.BeaconUserReviewRequest{BeaconUserID: leslie.ID, Status: client.BeaconPendingReview}); err != nil {
		t.Errorf("pending_review is always allowed: %v", err)
	}
	status, _ = h.postJSON(client.PathBeaconUserReview, client.BeaconUserReviewRequest{BeaconUserID: leslie.ID, Status: client.BeaconCleared})
	if status != 200 {
		t.Errorf("clear a user without reports: %d", status)
	}
}

func TestBeaconUpdateRescreensAndBumpsVersion(t *testing.T) {
	h := start(t, Options{})
	u, err := h.cli.CreateBeaconUser(ctx, person("Chris", "Traeger", "1972-01-01"))
	if err != nil || u.Status != client.BeaconCleared {
		t.Fatalf("%+v %v", u, err)
	}
	status, body := h.postJSON(client.PathBeaconUserUpdate, client.BeaconUserUpdateRequest{
		BeaconUserID: u.ID, User: client.BeaconUserUpdateRequestData{EmailAddress: "trudy@network-fraud.example"},
		AccessTokens: []string{"access-sandbox-1"}})
	if status != 200 {
		t.Fatalf("update: %d %s", status, body)
	}
	got, _ := h.cli.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: u.ID})
	if got.Version != 2 || got.Status != client.BeaconPendingReview || *got.User.EmailAddress != "trudy@network-fraud.example" ||
		*got.User.DateOfBirth != "1972-01-01" || len(got.ItemIDs) != 1 {
		t.Fatalf("after update: %+v", got)
	}
	// A user does not duplicate itself on re-screening.
	v3, err := h.cli.UpdateBeaconUser(ctx, &client.BeaconUserUpdateRequest{BeaconUserID: u.ID,
		User: client.BeaconUserUpdateRequestData{EmailAddress: "chris@example.com"}})
	if err != nil || v3.Version != 3 || v3.Status != client.BeaconCleared {
		t.Fatalf("v3: %+v %v", v3, err)
	}
}

func TestAccountNumbersNeverLeave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "emulator.db")
	h := start(t, Options{StatePath: path})
	req := samples.BeaconCreate()
	number := req.User.DepositoryAccounts[0].AccountNumber
	_, body := h.postJSON(client.PathBeaconUserCreate, req)
	if strings.Contains(string(body), number) {
		t.Fatalf("the full account number came back: %s", body)
	}
	h.emu.Close()
	for _, p := range []string{path, path + "-wal"} {
		if b, _ := os.ReadFile(p); strings.Contains(string(b), number) {
			t.Fatalf("the full account number is in the store (%s)", p)
		}
	}
}

func TestConcurrentRequests(t *testing.T) {
	h := start(t, Options{})
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for i := range 32 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			r := person("Person", strings.Repeat("x", i+1), "1990-01-01")
			if _, err := h.cli.CreateBeaconUser(ctx, r); err != nil {
				errs <- err
			}
		}()
		go func() {
			defer wg.Done()
			p := samples.PartnerMinimal()
			p.ApplicationName = "App " + strings.Repeat("y", i+1)
			if _, err := h.cli.CreatePartnerCustomer(ctx, p); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if users, customers := h.rows("beacon_users"), h.rows("customers"); users != 32 || customers != 32 {
		t.Errorf("%d users, %d customers", users, customers)
	}
}

func idOf(body []byte) string {
	var v struct {
		ID string `json:"id"`
	}
	_ = json.Unmarshal(body, &v)
	return v.ID
}

// TestScreeningRecordsItsFindings: why a user has its status is kept as
// Plaid keeps it — a duplicate per matched user, a syndication per matched
// report — each with its analysis, once.
func TestScreeningRecordsItsFindings(t *testing.T) {
	h := start(t, Options{})
	first := person("Leslie", "Knope", "1975-01-18")
	first.User.EmailAddress = "leslie@example.com"
	a, err := h.cli.CreateBeaconUser(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	second := person("Leslie", "Knope-Wyatt", "1975-01-19")
	second.User.EmailAddress = "LESLIE@example.com"
	b, err := h.cli.CreateBeaconUser(ctx, second)
	if err != nil || b.Status != client.BeaconPendingReview {
		t.Fatalf("%+v %v", b, err)
	}
	var u1, u2, analysis string
	var v1, v2 int
	if err := h.emu.db.sql.QueryRow("SELECT user1_id, user1_version, user2_id, user2_version, analysis FROM duplicates").
		Scan(&u1, &v1, &u2, &v2, &analysis); err != nil {
		t.Fatal(err)
	}
	var got client.BeaconMatchSummaryAnalysis
	json.Unmarshal([]byte(analysis), &got)
	want := client.BeaconMatchSummaryAnalysis{Name: "partial_match", DateOfBirth: "partial_match", EmailAddress: "match",
		Address: "match", PhoneNumber: "no_data", IDNumber: "no_data", IPAddress: "no_data"}
	if u1 != b.ID || v1 != 1 || u2 != a.ID || v2 != 1 || got != want {
		t.Fatalf("duplicate %s v%d ~ %s v%d: %+v", u1, v1, u2, v2, got)
	}
	// Screening again with nothing the analysis compares changed records
	// nothing more.
	if _, err := h.cli.UpdateBeaconUser(ctx, &client.BeaconUserUpdateRequest{BeaconUserID: b.ID,
		User: client.BeaconUserUpdateRequestData{EmailAddress: "leslie@EXAMPLE.com"}}); err != nil {
		t.Fatal(err)
	}
	if n := h.rows("duplicates"); n != 1 {
		t.Fatalf("%d duplicates after a re-screen that changed nothing", n)
	}

	// A network match, and one of this organisation's reports.
	mallory := person("Mallory", "Mallard", "1979-04-01")
	if _, err := h.cli.CreateBeaconUser(ctx, mallory); err != nil {
		t.Fatal(err)
	}
	ron := person("Ron", "Swanson", "1970-01-01")
	r, _ := h.cli.CreateBeaconUser(ctx, ron)
	report, err := h.cli.CreateBeaconReport(ctx, &client.BeaconReportCreateRequest{BeaconUserID: r.ID, Type: "first_party", FraudDate: "2026-01-01"})
	if err != nil {
		t.Fatal(err)
	}
	ron.ProgramID = "becprg_22222222222222"
	again, err := h.cli.CreateBeaconUser(ctx, ron)
	if err != nil || again.Status != client.BeaconRejected {
		t.Fatalf("%+v %v", again, err)
	}
	rows, _ := h.emu.db.sql.Query("SELECT report_id, network FROM syndications ORDER BY seq")
	var found []string
	for rows.Next() {
		var reportID sql.NullString
		var network sql.NullInt64
		rows.Scan(&reportID, &network)
		found = append(found, fmt.Sprintf("%v/%v", reportID.String, network.Valid))
	}
	rows.Close()
	if want := []string{"/true", report.ID + "/false"}; !slices.Equal(found, want) {
		t.Fatalf("syndications %v, want %v", found, want)
	}
}
