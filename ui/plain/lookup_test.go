package plain

import (
	"context"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// The person view in plain text: why (the duplicate, side by side), then
// a decision that says Plaid's rules and asks first.
func TestPlainPersonViewAndDecision(t *testing.T) {
	deps := newDeps(t, client.Local)
	ctx := context.Background()
	ann := samples.BeaconLocal()
	ann.User.EmailAddress = "ann@example.com"
	first, err := deps.Client.CreateBeaconUser(ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	twin := samples.BeaconLocal()
	twin.ClientUserID, twin.User.EmailAddress = "twin", "ANN@example.com"
	twin.User.Name = client.BeaconUserName{GivenName: "Chris", FamilyName: "Traeger"}
	second, err := deps.Client.CreateBeaconUser(ctx, twin)
	if err != nil {
		t.Fatal(err)
	}
	out := run(t, deps, Request{}, "4", second.ID, "v", "1", "y", "", "6")
	mustSee(t, out, "Status: PENDING REVIEW", "Duplicate becdup_", "in the same program shares date of birth, email", first.ID,
		"Email: ✓ match", "Plaid's rules:", "Set the status of "+second.ID+" to cleared?", "Review done: status cleared",
		"Status: CLEARED", "Cleared by hand after review")

	created, err := deps.Client.CreatePartnerCustomer(ctx, samples.PartnerCreate())
	if err != nil {
		t.Fatal(err)
	}
	out = run(t, deps, Request{}, "5", created.EndCustomer.ClientID, "n", "y", "", "6")
	mustSee(t, out, "Flowdown:", "Chase (ins_56): NOT_STARTED", "Enabled with /enable", "Chase (ins_56): PROCESSING")
}
