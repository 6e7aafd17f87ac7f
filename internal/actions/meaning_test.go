package actions

import (
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// A status set by hand is never explained by what a screening finds, and
// one read with get does not claim either.
func TestMeaningFollowsWhatSetTheStatus(t *testing.T) {
	api := &client.BeaconUser{BeaconUserRecord: client.BeaconUserRecord{AuditTrail: client.BeaconAuditTrail{Source: client.AuditAPI}}}
	dash := &client.BeaconUser{BeaconUserRecord: client.BeaconUserRecord{AuditTrail: client.BeaconAuditTrail{Source: client.AuditDashboard}}}
	for _, c := range []struct {
		origin Origin
		want   string
	}{
		{OriginOf("", api), "Matches one of your organisation's fraud reports"},
		{OriginOf(Review, api), "Rejected by hand"},
		{OriginOf(Refresh, dash), "Rejected by hand"},
		{OriginOf(Refresh, api), "or a reviewer rejected"},
		{OriginOf(Review, api).Then(Refresh, api), "Rejected by hand"},
		{OriginOf("", api).Then(Refresh, api), "or a reviewer rejected"},
	} {
		if got := BeaconMeaning(client.BeaconRejected, c.origin); !strings.Contains(got, c.want) {
			t.Errorf("origin %d: %q, want %q", c.origin, got, c.want)
		}
	}
	for _, s := range client.BeaconUserStatuses {
		for _, o := range []Origin{ByScreening, ByReview, ByUnknown} {
			if BeaconMeaning(s, o) == "" {
				t.Errorf("%s by %d has no meaning", s, o)
			}
		}
	}
}
