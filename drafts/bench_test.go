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
