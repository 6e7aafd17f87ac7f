package emulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// ok posts a request on a Plaid path, holds the answer to the spec (postJSON
// does) and decodes it.
func ok[T any](h *harness, path string, req any) T {
	h.t.Helper()
	status, body := h.postJSON(path, req)
	if status != http.StatusOK {
		h.t.Fatalf("%s: %d %s", path, status, body)
	}
	var out T
	if err := json.Unmarshal(body, &out); err != nil {
		h.t.Fatal(err)
	}
	return out
}

// refused posts a request that must fail on field, in Plaid's envelope.
func refused(h *harness, path string, req any, field string) {
	h.t.Helper()
	status, body := h.postJSON(path, req)
	_, code, msg := errorCode(body)
	if status != http.StatusBadRequest || code != "INVALID_FIELD" || !strings.Contains(msg, field) {
		h.t.Errorf("%s: %d %s", path, status, body)
	}
}

// A duplicate leaves a Beacon Duplicate behind, with the attribute that
// matched marked; the emulator's own lookup finds it from either user.
func TestDuplicateIsLeftBehind(t *testing.T) {
	h := start(t, Options{})
	ann := person("Ann", "Perkins", "1980-01-01")
	ann.User.EmailAddress = "ann@example.com"
	first, err := h.cli.CreateBeaconUser(ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	same := person("Chris", "Traeger", "1975-03-02")
	same.User.EmailAddress = "Ann@Example.com" // only the email is shared
	second, err := h.cli.CreateBeaconUser(ctx, same)
	if err != nil || second.Status != client.BeaconPendingReview {
		t.Fatalf("second: %+v %v", second, err)
	}
	found, err := h.cli.EmulatorDuplicates(ctx, &client.EmulatorDuplicatesRequest{BeaconUserID: first.ID})
	if err != nil || len(found.BeaconDuplicates) != 1 {
		t.Fatalf("duplicates of the first: %+v %v", found, err)
	}
	d := ok[client.BeaconDuplicate](h, client.PathBeaconDuplicateGet, client.BeaconDuplicateGetRequest{BeaconDuplicateID: found.BeaconDuplicates[0].ID})
	if d.BeaconUser1.ID != second.ID || d.BeaconUser2.ID != first.ID || d.BeaconUser1.Version != 1 {
		t.Errorf("the duplicate links %+v and %+v", d.BeaconUser1, d.BeaconUser2)
	}
	if d.Analysis.EmailAddress != client.MatchStrong || d.Analysis.Name != client.MatchNone || d.Analysis.DateOfBirth != client.MatchNone {
		t.Errorf("analysis: %+v", d.Analysis)
	}
	refused(h, client.PathBeaconDuplicateGet, client.BeaconDuplicateGetRequest{BeaconDuplicateID: "becdup_nosuch00000000"}, "beacon_duplicate_id")
}

// A Beacon Network match leaves a report syndication (the report is
// another company's: no id); a report of this organisation leaves one
// with its id on whoever matches it later.
func TestSyndicationsAndReports(t *testing.T) {
	h := start(t, Options{})
	mallory := person("Mal", "Lory", "1990-01-01")
	mallory.User.EmailAddress = "mallory@network-fraud.example"
	u, err := h.cli.CreateBeaconUser(ctx, mallory)
	if err != nil {
		t.Fatal(err)
	}
	list := ok[client.BeaconReportSyndicationListResponse](h, client.PathBeaconReportSyndicationList,
		client.BeaconReportSyndicationListRequest{BeaconUserID: u.ID})
	if len(list.BeaconReportSyndications) != 1 || list.NextCursor != nil {
		t.Fatalf("syndications: %+v", list)
	}
	s := ok[client.BeaconReportSyndicationGetResponse](h, client.PathBeaconReportSyndicationGet,
		client.BeaconReportSyndicationGetRequest{BeaconReportSyndicationID: list.BeaconReportSyndications[0].ID})
	if s.Report.ID != nil || s.Report.Type != "synthetic" || s.Analysis.EmailAddress != client.MatchStrong {
		t.Errorf("network syndication: %+v", s)
	}

	// This organisation's report, then someone with the reported account.
	ron, _ := h.cli.CreateBeaconUser(ctx, samples.BeaconCreate())
	report, err := h.cli.CreateBeaconReport(ctx, &client.BeaconReportCreateRequest{BeaconUserID: ron.ID, Type: "first_party", FraudDate: "2026-10-01"})
	if err != nil {
		t.Fatal(err)
	}
	reports := ok[client.BeaconReportListResponse](h, client.PathBeaconReportList, client.BeaconReportListRequest{BeaconUserID: ron.ID})
	if len(reports.BeaconReports) != 1 || reports.BeaconReports[0].ID != report.ID {
		t.Fatalf("reports: %+v", reports)
	}
	got := ok[client.BeaconReport](h, client.PathBeaconReportGet, client.BeaconReportGetRequest{BeaconReportID: report.ID})
	if got.ID != report.ID || got.BeaconUserID != ron.ID || *got.FraudDate != "2026-10-01" {
		t.Errorf("report get: %+v", got)
	}
	again := person("Ronald", "Swanson", "1970-05-06")
	again.ProgramID = "becprg_22222222222222" // no duplicate there: only the report matches
	again.User.DepositoryAccounts = samples.BeaconCreate().User.DepositoryAccounts
	v, err := h.cli.CreateBeaconUser(ctx, again)
	if err != nil || v.Status != client.BeaconRejected {
		t.Fatalf("the reported account again: %+v %v", v, err)
	}
	list = ok[client.BeaconReportSyndicationListResponse](h, client.PathBeaconReportSyndicationList,
		client.BeaconReportSyndicationListRequest{BeaconUserID: v.ID})
	if len(list.BeaconReportSyndications) != 1 || list.BeaconReportSyndications[0].Report.ID == nil ||
		*list.BeaconReportSyndications[0].Report.ID != report.ID ||
		list.BeaconReportSyndications[0].Analysis.DepositoryAccounts[0].MatchStatus != client.MatchStrong {
		t.Errorf("the report's syndication: %+v", list)
	}
	refused(h, client.PathBeaconReportGet, client.BeaconReportGetRequest{BeaconReportID: "becrpt_nosuch00000000"}, "beacon_report_id")
	refused(h, client.PathBeaconReportSyndicationGet, client.BeaconReportSyndicationGetRequest{BeaconReportSyndicationID: "becrsn_nosuch"}, "beacon_report_syndication_id")
	refused(h, client.PathBeaconReportList, client.BeaconReportListRequest{BeaconUserID: "becusr_nosuch"}, "beacon_user_id")
}

// Every update adds a version; the history lists them newest first, a
// page at a time.
func TestHistoryPages(t *testing.T) {
	h := start(t, Options{PageSize: 2})
	u, err := h.cli.CreateBeaconUser(ctx, samples.BeaconLocal())
	if err != nil {
		t.Fatal(err)
	}
	for _, ip := range []string{"192.0.2.1", "192.0.2.2"} {
		if _, err := h.cli.UpdateBeaconUser(ctx, &client.BeaconUserUpdateRequest{BeaconUserID: u.ID,
			User: client.BeaconUserUpdateRequestData{IPAddress: ip}}); err != nil {
			t.Fatal(err)
		}
	}
	first := ok[client.BeaconUserHistoryListResponse](h, client.PathBeaconUserHistoryList, client.BeaconUserHistoryListRequest{BeaconUserID: u.ID})
	if len(first.BeaconUsers) != 2 || first.BeaconUsers[0].Version != 3 || first.BeaconUsers[1].Version != 2 || first.NextCursor == nil {
		t.Fatalf("first page: %+v", first)
	}
	if ip := first.BeaconUsers[1].User.IPAddress; ip == nil || *ip != "192.0.2.1" {
		t.Errorf("version 2 holds %v", ip)
	}
	second := ok[client.BeaconUserHistoryListResponse](h, client.PathBeaconUserHistoryList,
		client.BeaconUserHistoryListRequest{BeaconUserID: u.ID, Cursor: *first.NextCursor})
	if len(second.BeaconUsers) != 1 || second.BeaconUsers[0].Version != 1 || second.NextCursor != nil {
		t.Fatalf("second page: %+v", second)
	}
	all, err := client.AllHistory(ctx, h.cli, u.ID)
	if err != nil || len(all) != 3 {
		t.Fatalf("every page: %d %v", len(all), err)
	}
	refused(h, client.PathBeaconUserHistoryList, client.BeaconUserHistoryListRequest{BeaconUserID: u.ID, Cursor: "nonsense"}, "cursor")
}

// Account insights are made up, the same for the same token, and only
// for a token linked to the user.
func TestAccountInsights(t *testing.T) {
	h := start(t, Options{})
	req := samples.BeaconCreate()
	u, err := h.cli.CreateBeaconUser(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	ask := client.BeaconUserAccountInsightsGetRequest{BeaconUserID: u.ID, AccessToken: req.AccessTokens[0]}
	a := ok[client.BeaconUserAccountInsightsGetResponse](h, client.PathBeaconUserAccountInsightsGet, ask)
	b := ok[client.BeaconUserAccountInsightsGetResponse](h, client.PathBeaconUserAccountInsightsGet, ask)
	if len(a.BankAccountInsights.Accounts) == 0 || a.BankAccountInsights.ItemID != u.ItemIDs[0] {
		t.Fatalf("insights: %+v", a)
	}
	ja, _ := json.Marshal(a.BankAccountInsights)
	jb, _ := json.Marshal(b.BankAccountInsights)
	if string(ja) != string(jb) {
		t.Error("the insights differ for the same token")
	}
	refused(h, client.PathBeaconUserAccountInsightsGet, client.BeaconUserAccountInsightsGetRequest{BeaconUserID: u.ID, AccessToken: "access-sandbox-other"}, "access_token")
}

// OAuth registrations start at the first enable and progress as the
// README says: Capital One at once, Chase a day later, Bank of America
// once there is a logo.
func TestOAuthInstitutionsProgress(t *testing.T) {
	now := fixedNow
	h := start(t, Options{Now: func() time.Time { return now }})
	created, err := h.cli.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	id := created.EndCustomer.ClientID
	ask := client.PartnerCustomerOAuthInstitutionsGetRequest{EndCustomerClientID: id}
	status := func() map[string]client.OAuthStatus {
		t.Helper()
		out := map[string]client.OAuthStatus{}
		for _, i := range ok[client.PartnerCustomerOAuthInstitutionsGetResponse](h, client.PathPartnerCustomerOAuthInstitutions, ask).Institutions {
			out[i.InstitutionID] = i.Environments.Production
		}
		return out
	}
	for id, s := range status() {
		if s != client.OAuthNotStarted {
			t.Errorf("before enable, %s is %s", id, s)
		}
	}
	if _, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: id}); err != nil {
		t.Fatal(err)
	}
	want := map[string]client.OAuthStatus{"ins_56": client.OAuthProcessing, "ins_128026": client.OAuthEnabled, "ins_1": client.OAuthApproved}
	if got := status(); len(got) != 3 || got["ins_56"] != want["ins_56"] || got["ins_128026"] != want["ins_128026"] || got["ins_1"] != want["ins_1"] {
		t.Errorf("after enable: %v", got)
	}
	now = now.Add(chaseDelay)
	if got := status(); got["ins_56"] != client.OAuthEnabled {
		t.Errorf("a day after enable, Chase is %s", got["ins_56"])
	}
	// An unknown customer is answered as /get answers it.
	if code, body := h.postJSON(client.PathPartnerCustomerOAuthInstitutions, client.PartnerCustomerOAuthInstitutionsGetRequest{EndCustomerClientID: "nosuch"}); code != http.StatusNotFound {
		t.Errorf("unknown customer: %d %s", code, body)
	}
}

// What the emulator knows is filled in: Chase's classic disablement date,
// and an institution's error names the request that reported it.
func TestOAuthInstitutionsFillWhatIsKnown(t *testing.T) {
	h := start(t, Options{Now: func() time.Time { return fixedNow }})
	req := samples.PartnerCreate()
	req.Logo = ""
	req.CreateLinkCustomization = nil
	created, err := h.cli.CreatePartnerCustomer(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	id := created.EndCustomer.ClientID
	if _, err := h.cli.EnablePartnerCustomer(ctx, &client.PartnerCustomerEnableRequest{EndCustomerClientID: id}); err != nil {
		t.Fatal(err)
	}
	got := ok[client.PartnerCustomerOAuthInstitutionsGetResponse](h, client.PathPartnerCustomerOAuthInstitutions,
		client.PartnerCustomerOAuthInstitutionsGetRequest{EndCustomerClientID: id})
	for _, i := range got.Institutions {
		switch i.InstitutionID {
		case "ins_56":
			if i.ClassicDisablementDate == nil || *i.ClassicDisablementDate != "2022-06-30" {
				t.Errorf("Chase classic_disablement_date = %v", i.ClassicDisablementDate)
			}
		case "ins_1":
			if len(i.Errors) != 1 || i.Errors[0].RequestID == "" || i.Errors[0].RequestID != got.RequestID {
				t.Errorf("Bank of America errors %+v, answer request_id %q", i.Errors, got.RequestID)
			}
		}
	}
}
