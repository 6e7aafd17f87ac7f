package emulator

import (
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

const benchProgram = "becprg_11111111111111"

// seeded opens a store on disk holding n seeded people, served over
// loopback, and a client for it.
func seeded(b *testing.B, n int) (*Emulator, *client.Client) {
	b.Helper()
	e, err := New(Options{ClientID: testID, Secret: testSecret, StatePath: filepath.Join(b.TempDir(), "emulator.db")})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	if _, err := e.Seed(ctx, n, benchProgram, nil); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(e)
	b.Cleanup(srv.Close)
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: srv.URL, ClientID: testID, Secret: testSecret})
	if err != nil {
		b.Fatal(err)
	}
	return e, c
}

// The stores of 1k and 100k users are measured side by side, a request
// to one then the same request to the other, so that what the machine is
// doing meanwhile weighs on both alike; each reports its percentiles and
// the ratio of the medians.

// BenchmarkBeaconCreate creates one user over HTTP on loopback, durably
// (the answer comes after the commit's fsync). Screening is index lookups
// in the database, so the cost must not grow with the program (goal: p50
// at 100k ≤ 1.3 × at 1k).
func BenchmarkBeaconCreate(b *testing.B) {
	_, small := seeded(b, 1_000)
	_, large := seeded(b, 100_000)
	k := 100_000
	sideBySide(b, small, large, func(c *client.Client) error {
		k++
		_, err := c.CreateBeaconUser(ctx, SeedPerson(k, benchProgram))
		return err
	})
}

// BenchmarkBeaconGet reads one user back (goal: 100k ≤ 1.2 × 1k).
func BenchmarkBeaconGet(b *testing.B) {
	_, small := seeded(b, 1_000)
	_, large := seeded(b, 100_000)
	ids := map[*client.Client]string{}
	for i, c := range []*client.Client{small, large} {
		u, err := c.CreateBeaconUser(ctx, SeedPerson(200_000+i, benchProgram))
		if err != nil {
			b.Fatal(err)
		}
		ids[c] = u.ID
	}
	sideBySide(b, small, large, func(c *client.Client) error {
		_, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: ids[c]})
		return err
	})
}

// sideBySide runs call against small then large in each iteration.
func sideBySide(b *testing.B, small, large *client.Client, call func(*client.Client) error) {
	sideBySideNamed(b, "1k", "100k", small, large, call)
}

// sideBySideNamed is sideBySide with the two sides' names for the metrics.
func sideBySideNamed(b *testing.B, smallName, largeName string, small, large *client.Client, call func(*client.Client) error) {
	var tookSmall, tookLarge []time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, c := range []*client.Client{small, large} {
			start := time.Now()
			if err := call(c); err != nil {
				b.Fatal(err)
			}
			took := time.Since(start)
			if c == small {
				tookSmall = append(tookSmall, took)
			} else {
				tookLarge = append(tookLarge, took)
			}
		}
	}
	p50s, p99s := percentiles(tookSmall)
	p50l, p99l := percentiles(tookLarge)
	b.ReportMetric(p50s, "p50-"+smallName+"-ms")
	b.ReportMetric(p99s, "p99-"+smallName+"-ms")
	b.ReportMetric(p50l, "p50-"+largeName+"-ms")
	b.ReportMetric(p99l, "p99-"+largeName+"-ms")
	b.ReportMetric(p50l/p50s, "p50-ratio")
}

func percentiles(took []time.Duration) (p50, p99 float64) {
	slices.Sort(took)
	at := func(q float64) float64 {
		return float64(took[min(len(took)-1, int(q*float64(len(took))))].Microseconds()) / 1000
	}
	return at(0.5), at(0.99)
}

// BenchmarkPersonLookup is the person view's calls for one user: the user,
// its versions, its reports, the reports matching it, its duplicates and
// the other user of each (goal: 100k ≤ 1.2 × 1k — every list is an index
// range, not a scan).
func BenchmarkPersonLookup(b *testing.B) {
	_, small := seeded(b, 1_000)
	_, large := seeded(b, 100_000)
	ids := map[*client.Client]string{}
	for _, c := range []*client.Client{small, large} {
		first, err := c.CreateBeaconUser(ctx, SeedPerson(300_000, benchProgram))
		if err != nil {
			b.Fatal(err)
		}
		twin := SeedPerson(300_001, benchProgram)
		if first.User.EmailAddress == nil {
			b.Fatal("seeded people have no email")
		}
		twin.User.EmailAddress = *first.User.EmailAddress
		u, err := c.CreateBeaconUser(ctx, twin)
		if err != nil || u.Status != client.BeaconPendingReview {
			b.Fatalf("the twin: %v %v", u, err)
		}
		if _, err := c.UpdateBeaconUser(ctx, &client.BeaconUserUpdateRequest{BeaconUserID: u.ID,
			User: client.BeaconUserUpdateRequestData{IPAddress: "192.0.2.9"}}); err != nil {
			b.Fatal(err)
		}
		ids[c] = u.ID
	}
	sideBySide(b, small, large, func(c *client.Client) error {
		id := ids[c]
		if _, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: id}); err != nil {
			return err
		}
		if _, err := client.AllHistory(ctx, c, id); err != nil {
			return err
		}
		if _, err := client.AllReports(ctx, c, id); err != nil {
			return err
		}
		if _, err := client.AllSyndications(ctx, c, id); err != nil {
			return err
		}
		d, err := c.EmulatorDuplicates(ctx, &client.EmulatorDuplicatesRequest{BeaconUserID: id})
		if err != nil || len(d.BeaconDuplicates) == 0 {
			return fmt.Errorf("duplicates: %v %w", d, err)
		}
		_, err = c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: d.BeaconDuplicates[0].BeaconUser2.ID})
		return err
	})
}
