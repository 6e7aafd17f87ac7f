package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// The lookup commands against a served emulator: each prints words, or
// with --json the answer (every page as one); an unknown id is Plaid's
// refusal (exit 1) and a missing flag a usage error (exit 2).
func TestLookupCommands(t *testing.T) {
	s := newScripting(t)
	url := envDir(s.env, "PLAID_ONBOARD_EMULATOR_URL")
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: url, ClientID: client.DemoClientID, Secret: client.DemoSecret, RetryWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	leslie, err := c.CreateBeaconUser(ctx, samples.BeaconCreate())
	if err != nil {
		t.Fatal(err)
	}
	twin := samples.BeaconLocal()
	twin.ClientUserID, twin.User.EmailAddress = "twin-1", "Leslie@Example.com"
	other, err := c.CreateBeaconUser(ctx, twin)
	if err != nil || other.Status != client.BeaconPendingReview {
		t.Fatalf("the duplicate: %+v %v", other, err)
	}
	if _, err := c.UpdateBeaconUser(ctx, &client.BeaconUserUpdateRequest{BeaconUserID: leslie.ID,
		User: client.BeaconUserUpdateRequestData{IPAddress: "198.51.100.7"}}); err != nil {
		t.Fatal(err)
	}
	report, err := c.CreateBeaconReport(ctx, &client.BeaconReportCreateRequest{BeaconUserID: leslie.ID, Type: "stolen", FraudDate: "2026-09-09"})
	if err != nil {
		t.Fatal(err)
	}
	dups, err := c.EmulatorDuplicates(ctx, &client.EmulatorDuplicatesRequest{BeaconUserID: other.ID})
	if err != nil || len(dups.BeaconDuplicates) != 1 {
		t.Fatalf("duplicates: %+v %v", dups, err)
	}

	out, _ := s.want(0, "", "beacon", "history", leslie.ID)
	for _, want := range []string{"Version 2", "IP address changed", "Version 1", "first screening"} {
		if !strings.Contains(out, want) {
			t.Errorf("history lacks %q:\n%s", want, out)
		}
	}
	out, _ = s.want(0, "", "beacon", "history", leslie.ID, "--json")
	var hist client.BeaconUserHistoryListResponse
	if err := json.Unmarshal([]byte(out), &hist); err != nil || len(hist.BeaconUsers) != 2 {
		t.Errorf("history --json: %v\n%s", err, out)
	}
	out, _ = s.want(0, "", "beacon", "reports", leslie.ID)
	if !strings.Contains(out, report.ID) || !strings.Contains(out, "stolen") {
		t.Errorf("reports:\n%s", out)
	}
	out, _ = s.want(0, "", "beacon", "report", "get", report.ID)
	if !strings.Contains(out, "2026-09-09") {
		t.Errorf("report get:\n%s", out)
	}
	out, _ = s.want(0, "", "beacon", "syndications", other.ID)
	if !strings.Contains(out, "none") {
		t.Errorf("syndications:\n%s", out)
	}
	out, _ = s.want(0, "", "beacon", "duplicate", dups.BeaconDuplicates[0].ID)
	if !strings.Contains(out, "✓ match") || !strings.Contains(out, other.ID) || strings.Contains(out, "leslie@example.com") {
		t.Errorf("duplicate (personal data masked):\n%s", out)
	}
	out, _ = s.want(0, "", "beacon", "duplicate", dups.BeaconDuplicates[0].ID, "--reveal")
	if !strings.Contains(out, "leslie@example.com") {
		t.Errorf("duplicate --reveal:\n%s", out)
	}
	out, _ = s.want(0, "", "beacon", "insights", leslie.ID, "--access-token", samples.BeaconCreate().AccessTokens[0])
	if !strings.Contains(out, "days open") {
		t.Errorf("insights:\n%s", out)
	}
	s.want(2, "", "beacon", "insights", leslie.ID)
	_, errOut := s.want(1, "", "beacon", "report", "get", "becrpt_nosuch0000000")
	if !strings.Contains(errOut, "beacon_report_id") {
		t.Errorf("unknown report:\n%s", errOut)
	}

	created, err := c.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	out, _ = s.want(0, "", "customer", "institutions", created.EndCustomer.ClientID)
	if !strings.Contains(out, "Chase (ins_56)") || !strings.Contains(out, "NOT_STARTED") {
		t.Errorf("institutions:\n%s", out)
	}
	s.want(0, "", "customer", "enable", created.EndCustomer.ClientID)
	out, _ = s.want(0, "", "customer", "institutions", created.EndCustomer.ClientID)
	if !strings.Contains(out, "PROCESSING") || !strings.Contains(out, "ENABLED") {
		t.Errorf("institutions after enable:\n%s", out)
	}
}
