package actions_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

func newClient(t *testing.T) *client.Client {
	t.Helper()
	c, _ := emutest.Client(t, client.Local, nil)
	return c
}

// A Beacon draft creates once, then re-screens the same user: the second
// send goes to /update and the version goes up.
func TestBeaconSendsCreateThenUpdate(t *testing.T) {
	c := newClient(t)
	d := &drafts.Draft{Kind: drafts.BeaconUser, Beacon: samples.BeaconCreate()}
	now := time.Now()
	if got := actions.Endpoint(d); got != client.PathBeaconUserCreate {
		t.Fatalf("first endpoint %s", got)
	}
	resp, sub, err := actions.Submit(context.Background(), c, d, client.Local, now)
	if err != nil {
		t.Fatal(err)
	}
	u := resp.Beacon
	if sub.BeaconUserID != u.ID || sub.Status != string(u.Status) || !sub.Succeeded() || sub.Endpoint != client.PathBeaconUserCreate {
		t.Fatalf("submission %+v for user %s", sub, u.ID)
	}
	d.Submissions = append(d.Submissions, sub)
	if actions.Screened(d) != u.ID || actions.Endpoint(d) != client.PathBeaconUserUpdate || actions.CreatesAgain(d) {
		t.Fatalf("after a success: screened %q endpoint %s", actions.Screened(d), actions.Endpoint(d))
	}
	resp, sub, err = actions.Submit(context.Background(), c, d, client.Local, now)
	if err != nil {
		t.Fatal(err)
	}
	if again := resp.Beacon; again.ID != u.ID || again.Version != u.Version+1 || sub.Endpoint != client.PathBeaconUserUpdate {
		t.Fatalf("re-screen gave %s v%d via %s, want %s v%d", again.ID, again.Version, sub.Endpoint, u.ID, u.Version+1)
	}
}

// A refused partner create is recorded with Plaid's code and request id.
func TestPartnerRefusalIsRecorded(t *testing.T) {
	c := newClient(t)
	d := &drafts.Draft{Kind: drafts.PartnerCustomer, Partner: samples.PartnerCreate()}
	if _, sub, err := actions.Submit(context.Background(), c, d, client.Local, time.Now()); err != nil || sub.ClientID == "" {
		t.Fatalf("first create: %v %+v", err, sub)
	} else {
		d.Submissions = append(d.Submissions, sub)
	}
	if !actions.CreatesAgain(d) {
		t.Fatal("a created end customer must warn before creating again")
	}
	_, sub, err := actions.Submit(context.Background(), c, d, client.Local, time.Now())
	if err == nil || sub.ErrorCode != "CUSTOMER_ALREADY_CREATED" || sub.RequestID == "" || sub.Outcome != client.Rejected.String() {
		t.Fatalf("second create: err %v, submission %+v", err, sub)
	}
}

// Cleared refused because a report stands says where a report is removed
// (the Dashboard), not "delete the report first" after the program said it
// cannot; a report's question restates it and says what it does.
func TestRefusedClearedSaysWhereReportsAreRemoved(t *testing.T) {
	c := newClient(t)
	ctx := context.Background()
	env := catalog.Env{Environment: client.Local, Now: time.Now()}
	u, err := c.CreateBeaconUser(ctx, samples.BeaconCreate())
	if err != nil {
		t.Fatal(err)
	}
	req := &client.BeaconReportCreateRequest{BeaconUserID: u.ID, Type: "stolen", FraudDate: "2026-10-01",
		FraudAmount: &client.FraudAmount{ISOCurrencyCode: "USD", Value: 250}}
	what := actions.ReportWhat(req)
	for _, want := range []string{u.ID, "stolen identity", "2026-10-01", "USD 250.00 lost"} {
		if !strings.Contains(what, want) {
			t.Errorf("the report's question lacks %q: %s", want, what)
		}
	}
	if c := actions.Consequence(actions.Report); strings.Contains(c, "rejects this person") || !strings.Contains(c, "does not change by itself") {
		t.Errorf("the report's consequence: %s", c)
	}
	if _, err := actions.ReportFraud(ctx, c, env, req); err != nil {
		t.Fatal(err)
	}
	_, err = actions.ReviewBeacon(ctx, c, env, u.ID, client.BeaconCleared)
	if why := actions.Explain(actions.Review, err); err == nil || strings.Contains(why, "delete the report first") || !strings.Contains(why, "Dashboard") {
		t.Fatalf("refused cleared: %v\n%s", err, why)
	}
}
