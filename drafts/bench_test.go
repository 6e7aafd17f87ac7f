package drafts

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/samples"
)

// largestDraft is the biggest draft the wizards can make: a partner
// customer with a logo at the 4 MB limit (5.3 MB of base64), every field
// filled; and a Beacon screening at the 50-account limit, all sealed.
func largestDrafts(s *Store) []*Draft {
	p := s.New(PartnerCustomer)
	p.Partner = samples.PartnerCreate()
	p.Partner.Logo = strings.Repeat("A", 5_333_332) // the base64 size of a 3,999,999-byte PNG
	for i := range 20 {
		p.Partner.RedirectURIs = append(p.Partner.RedirectURIs, "https://pawnee.example.com/oauth/"+strings.Repeat("x", i))
	}
	b := s.New(BeaconUser)
	b.Beacon = samples.BeaconCreate()
	b.Beacon.AccessTokens = nil
	for i := range 50 {
		b.Beacon.User.DepositoryAccounts = append(b.Beacon.User.DepositoryAccounts,
			client.BeaconUserRequestDepositoryAccount{AccountNumber: strings.Repeat("1", 10+i%7), RoutingNumber: "021000021"})
	}
	b.Beacon.User.DepositoryAccounts = b.Beacon.User.DepositoryAccounts[:50]
	return []*Draft{p, b}
}

// BenchmarkAutosave measures one save as the autosaver makes it: clone,
// seal, encode, atomic write with fsyncs.
func BenchmarkAutosave(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "drafts"), testKey)
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range largestDrafts(s) {
		b.Run(string(d.Kind), func(b *testing.B) {
			for b.Loop() {
				if err := s.Save(d, SaveOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkList1000 lists 1,000 drafts as the home screen and `drafts
// list` do: half the largest partner drafts (their logos beside them),
// half Beacon drafts at the 50-account limit, each with a submission.
// Goal ≤ 200 ms: the list reads the head of each file only.
func BenchmarkList1000(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "drafts"), testKey)
	if err != nil {
		b.Fatal(err)
	}
	for i := range 500 {
		for _, d := range largestDrafts(s) {
			d.Submissions = []Submission{{Outcome: client.OutcomeNone.String(), Status: "cleared", BeaconUserID: "becusr_1"}}
			if d.Partner != nil {
				d.Partner.ApplicationName = "App " + d.ID
				d.Partner.Logo = d.Partner.Logo[:len(d.Partner.Logo)-i%100] // logos differ
			}
			if err := s.Save(d, SaveOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		list, bad, err := s.List()
		if err != nil || len(bad) > 0 || len(list) != 1000 {
			b.Fatalf("%d drafts, %v, %v", len(list), bad, err)
		}
	}
}
