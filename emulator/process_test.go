package emulator_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	_ "modernc.org/sqlite"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
)

// The store across processes: `plaid-onboard emulator` as released, on
// one file, as the wizard, a command and a served emulator share it.

const program = "becprg_11111111111111"

// acked collects what the emulator answered 200 to: the writes it
// acknowledged.
type acked struct {
	mu  sync.Mutex
	ids []string
}

func (a *acked) add(id string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ids = append(a.ids, id)
	return len(a.ids)
}

func (a *acked) all() []string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.ids...)
}

// createMany has workers create people numbered from first, each worker
// its own, until each made per or one fails; it returns the first error.
func createMany(c *client.Client, workers, per, first int, got *acked) error {
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				u, err := c.CreateBeaconUser(context.Background(), emulator.SeedPerson(first+w*per+i, program))
				if err != nil {
					errs <- fmt.Errorf("worker %d, create %d: %w", w, i, err)
					return
				}
				got.add(u.ID)
			}
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// requireStored checks that each acknowledged user is there, and that
// the database is sound.
func requireStored(t *testing.T, c *client.Client, state string, ids []string) {
	t.Helper()
	for _, id := range ids {
		if _, err := c.GetBeaconUser(context.Background(), &client.BeaconUserGetRequest{BeaconUserID: id}); err != nil {
			t.Fatalf("acknowledged user %s is lost: %v", id, err)
		}
	}
	db, err := sql.Open("sqlite", "file:"+state+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check: %q %v", check, err)
	}
}

// TestTwoProcessesWriteOneStore: two servers on one file, each under
// concurrent creates; every create of either is acknowledged and kept,
// and each sees the other's (a person both create is a duplicate).
func TestTwoProcessesWriteOneStore(t *testing.T) {
	state := filepath.Join(t.TempDir(), "emulator.db")
	a, b := emutest.Serve(t, state), emutest.Serve(t, state)
	var got acked
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, s := range []*emutest.Served{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = createMany(s.Client, 4, 25, i*1000, &got)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	ids := got.all()
	if len(ids) != 200 {
		t.Fatalf("%d acknowledged, want 200", len(ids))
	}
	requireStored(t, a.Client, state, ids)
	requireStored(t, b.Client, state, ids)
	dup, err := b.Client.CreateBeaconUser(context.Background(), emulator.SeedPerson(0, program)) // a's first person
	if err != nil || dup.Status != client.BeaconPendingReview {
		t.Fatalf("b does not see a's people: %+v %v", dup, err)
	}
}

// TestKillNineLosesNoAcknowledgedWrite: the server killed (SIGKILL) in
// the middle of concurrent creates, three times; after each restart every
// create it acknowledged is there and the database is sound. The kill
// comes once enough creates are acknowledged, not after a delay.
func TestKillNineLosesNoAcknowledgedWrite(t *testing.T) {
	state := filepath.Join(t.TempDir(), "emulator.db")
	var got acked
	for round := range 3 {
		s := emutest.Serve(t, state)
		target := 40 * (round + 1)
		killed := make(chan struct{})
		var once sync.Once
		var wg sync.WaitGroup
		for w := range 6 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					u, err := s.Client.CreateBeaconUser(context.Background(), emulator.SeedPerson(round*100_000+w*10_000+i, program))
					if err != nil {
						select {
						case <-killed:
							return // the server is gone: expected
						default:
							t.Errorf("before the kill: %v", err)
							return
						}
					}
					if got.add(u.ID) >= target {
						once.Do(func() {
							close(killed) // first: the others' errors are expected from now
							s.Kill()
						})
					}
				}
			}()
		}
		wg.Wait()
		again := emutest.Serve(t, state)
		requireStored(t, again.Client, state, got.all())
		again.Stop()
	}
}
