package emulator_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/emutest"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// TestLoad is the scripted load test of BENCHMARKS.md (minutes, so not
// part of `go test ./...`): `.ci/loadtest` runs it. On a store seeded
// with 100,000 people, served by the binary as released:
//
//   - `emulator seed --users 100000`, timed;
//   - 20 clients × 2,000 durable creates: the rate, the latencies, the
//     errors, the server's resident memory;
//   - ten times, the server killed (SIGKILL) during 20 clients' creates:
//     every acknowledged create there after the restart, and
//     PRAGMA integrity_check ok.
func TestLoad(t *testing.T) {
	if os.Getenv("PLAID_ONBOARD_LOAD") != "1" {
		t.Skip("the load test runs with PLAID_ONBOARD_LOAD=1 (.ci/loadtest)")
	}
	clients, per, kills := envInt("LOAD_CLIENTS", 20), envInt("LOAD_CREATES", 2000), envInt("LOAD_KILLS", 10)
	seedUsers := envInt("LOAD_SEED", 100_000)
	state := filepath.Join(t.TempDir(), "emulator.db")

	seed := exec.Command(testbin.Path(t), "emulator", "seed", "--users", strconv.Itoa(seedUsers), "--state", state)
	seed.Env = testbin.Env(t)
	start := time.Now()
	if out, err := seed.CombinedOutput(); err != nil {
		t.Fatalf("seed: %v\n%s", err, out)
	}
	t.Logf("seed --users %d: %.1f s", seedUsers, time.Since(start).Seconds())

	s := emutest.Serve(t, state)
	t.Logf("server resident memory with %d users, before the load: %s", seedUsers, memory(s.Cmd.Process.Pid))
	var took []time.Duration
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, clients)
	start = time.Now()
	for w := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range per {
				began := time.Now()
				_, err := s.Client.CreateBeaconUser(context.Background(), emulator.SeedPerson(10_000_000+w*per+i, program))
				if err != nil {
					errs <- fmt.Errorf("client %d, create %d: %w", w, i, err)
					return
				}
				mu.Lock()
				took = append(took, time.Since(began))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	failed := 0
	for err := range errs {
		failed++
		t.Error(err)
	}
	slices.Sort(took)
	q := func(f float64) time.Duration { return took[min(len(took)-1, int(f*float64(len(took))))] }
	t.Logf("%d clients × %d creates: %d in %.1f s = %.0f creates/s, %d errors; p50 %v, p99 %v, max %v",
		clients, per, len(took), elapsed.Seconds(), float64(len(took))/elapsed.Seconds(), failed,
		q(0.5).Round(10*time.Microsecond), q(0.99).Round(10*time.Microsecond), took[len(took)-1].Round(time.Millisecond))
	t.Logf("server resident memory after: %s", memory(s.Cmd.Process.Pid))
	s.Stop()

	var got acked
	for round := range kills {
		s := emutest.Serve(t, state)
		target := len(got.all()) + 200
		killed := make(chan struct{})
		var once sync.Once
		var wg sync.WaitGroup
		for w := range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; ; i++ {
					u, err := s.Client.CreateBeaconUser(context.Background(), emulator.SeedPerson(20_000_000+round*1_000_000+w*10_000+i, program))
					if err != nil {
						select {
						case <-killed:
						default:
							t.Errorf("round %d, before the kill: %v", round, err)
						}
						return
					}
					if got.add(u.ID) >= target {
						once.Do(func() {
							close(killed)
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
		t.Logf("kill %d: %d acknowledged creates so far, all there; integrity_check ok", round+1, len(got.all()))
	}
}

func envInt(name string, fallback int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return fallback
}

// memory reads a process's resident set now and at its peak.
func memory(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	var rss, hwm string
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			rss = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			hwm = strings.TrimSpace(v)
		}
	}
	return "RSS " + rss + ", peak " + hwm
}
