package emulator

import (
	"net"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// BenchmarkRequestBesideIdleConnections reads one Beacon user from an
// emulator served as `plaid-onboard emulator` serves it, with nobody else
// connected and with 1,000 connections held open beside it that send
// nothing (or half a request line), side by side (goal: p50 with 1,000
// idle ≤ 2 × idle server).
func BenchmarkRequestBesideIdleConnections(b *testing.B) {
	quiet := servedClient(b)
	crowded := servedClient(b)
	for i := range 1000 {
		c, err := net.Dial("tcp", crowded.addr)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { c.Close() })
		if i%2 == 0 {
			c.Write([]byte("POST /beacon/user/get HTTP/1.1\r\n"))
		}
	}
	ids := map[*client.Client]string{}
	for _, s := range []served{quiet, crowded} {
		u, err := s.cli.CreateBeaconUser(ctx, person("Donna", "Meagle", "1975-06-06"))
		if err != nil {
			b.Fatal(err)
		}
		ids[s.cli] = u.ID
	}
	sideBySideNamed(b, "quiet", "1000idle", quiet.cli, crowded.cli, func(c *client.Client) error {
		_, err := c.GetBeaconUser(ctx, &client.BeaconUserGetRequest{BeaconUserID: ids[c]})
		return err
	})
}

type served struct {
	addr string
	cli  *client.Client
}

// servedClient serves a new emulator with Serve's defaults.
func servedClient(b *testing.B) served {
	b.Helper()
	e, err := New(Options{ClientID: testID, Secret: testSecret, Now: func() time.Time { return fixedNow }})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close() })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv, _ := Serve(ln, e, ServerOptions{})
	b.Cleanup(func() { srv.Close() })
	c, err := client.New(client.Config{Environment: client.Local, BaseURL: "http://" + ln.Addr().String(), ClientID: testID, Secret: testSecret})
	if err != nil {
		b.Fatal(err)
	}
	return served{ln.Addr().String(), c}
}
