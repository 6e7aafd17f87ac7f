package bulk

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// BenchmarkBatchRow is what the home screen pays for a batch's row: every
// draft of the batch read through and checked. It grows with the batch
// (BENCHMARKS.md says by how much).
func BenchmarkBatchRow(b *testing.B) {
	for _, n := range []int{100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			store, err := drafts.Open(filepath.Join(b.TempDir(), "drafts"), drafts.StaticKey(bytes.Repeat([]byte{1}, 32)))
			if err != nil {
				b.Fatal(err)
			}
			lines := strings.SplitN(threeCustomers, "\n", 2)
			var csv strings.Builder
			csv.WriteString(lines[0] + "\n")
			for i := range n {
				fmt.Fprintf(&csv, "C%d Inc,C%d App,https://c%d.example.com,1 Main St,Pawnee,IN,46001,US,help@c.example.com,Ann,Perkins,ann@c.example.com,C Inc.,true\n", i, i, i)
			}
			env := catalog.Env{Environment: client.Local, Now: now}
			if _, err := Import(store, Input{Kind: drafts.PartnerCustomer, Format: CSV, Data: []byte(csv.String()), Batch: "b", Env: env}); err != nil {
				b.Fatal(err)
			}
			b.Run("first", func(b *testing.B) {
				for b.Loop() {
					if all, err := All(store, env, ""); err != nil || len(all[0].Members) != n {
						b.Fatal(err)
					}
				}
			})
			// Again, as the home screen lists it again: through its cache,
			// only the heads (nothing was saved since).
			cache := NewCache()
			list, _, _ := store.List()
			cache.Of(store, list, env, "")
			b.Run("again", func(b *testing.B) {
				for b.Loop() {
					list, _, err := store.List()
					if all := cache.Of(store, list, env, ""); err != nil || len(all[0].Members) != n {
						b.Fatal(err)
					}
				}
			})
		})
	}
}
