package actions_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// A status set by hand stays explained as such when a finding comes
// later: cleared at screening, put to pending_review by a review, then
// another person screened as her duplicate — her view says a reviewer set
// it, and her versions do not call it the screening's.
func TestAStatusSetByHandIsNotExplainedByALaterFinding(t *testing.T) {
	var clock atomic.Int64
	clock.Store(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC).Unix())
	now := func() time.Time { return time.Unix(clock.Load(), 0).UTC() }
	c, _ := emutest.Client(t, client.Local, now)
	ctx := context.Background()
	env := catalog.Env{Environment: client.Local, Now: now()}
	first := samples.BeaconLocal()
	u, err := c.CreateBeaconUser(ctx, first)
	if err != nil || u.Status != client.BeaconCleared {
		t.Fatalf("%+v %v", u, err)
	}
	clock.Add(600)
	if _, err := actions.ReviewBeacon(ctx, c, env, u.ID, client.BeaconPendingReview); err != nil {
		t.Fatal(err)
	}
	clock.Add(600)
	twin := samples.BeaconLocal()
	twin.ClientUserID, twin.User.EmailAddress = "twin", strings.ToUpper(first.User.EmailAddress)
	if _, err := c.CreateBeaconUser(ctx, twin); err != nil {
		t.Fatal(err)
	}
	p, err := actions.LookUpPerson(ctx, c, env, u.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := actions.BeaconMeaning(p.User.Status, actions.OriginOf(actions.Refresh, p.User)); !strings.Contains(got, "by hand") {
		t.Errorf("meaning: %s", got)
	}
	if why := strings.Join(p.Why(), "\n"); !strings.Contains(why, "set by hand") {
		t.Errorf("why:\n%s", why)
	}
	for _, l := range actions.DescribeHistory(p.History) {
		if l.Label == "Version 1" && !strings.Contains(l.Value, "set by hand") {
			t.Errorf("version 1 reads as the screening's: %s", l.Value)
		}
	}
	r, _ := actions.RefreshBeacon(ctx, c, env, u.ID)
	if lines := actions.DescribeResult(r); !strings.Contains(fmt.Sprint(lines), "by hand") {
		t.Errorf("beacon get: %v", lines)
	}
}
