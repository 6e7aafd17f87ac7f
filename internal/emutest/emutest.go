// Package emutest wires tests to real parts: the emulator served over
// loopback HTTP, a client talking to it, and a drafts store in a temporary
// directory.
package emutest

import (
	"bytes"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/emulator"
)

// Credentials the emulators of tests accept.
const (
	ClientID = "id"
	Secret   = "secret"
)

// Client starts an emulator whose clock is now (time.Now when nil) and
// returns a client for env talking to it over loopback.
func Client(tb testing.TB, env client.Environment, now func() time.Time) (*client.Client, *emulator.Emulator) {
	tb.Helper()
	return ClientWith(tb, env, emulator.Options{Now: now})
}

// ClientWith is Client for an emulator of the options given (the
// credentials are this package's).
func ClientWith(tb testing.TB, env client.Environment, opts emulator.Options) (*client.Client, *emulator.Emulator) {
	tb.Helper()
	opts.ClientID, opts.Secret = ClientID, Secret
	emu, err := emulator.New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = emu.Close() })
	srv := httptest.NewServer(emu)
	tb.Cleanup(srv.Close)
	c, err := client.New(client.Config{Environment: env, BaseURL: srv.URL, ClientID: ClientID, Secret: Secret})
	if err != nil {
		tb.Fatal(err)
	}
	return c, emu
}

// Store opens a drafts store in a temporary directory with a fixed key.
func Store(tb testing.TB) *drafts.Store {
	tb.Helper()
	store, err := drafts.Open(filepath.Join(tb.TempDir(), "drafts"), drafts.StaticKey(bytes.Repeat([]byte{1}, 32)))
	if err != nil {
		tb.Fatal(err)
	}
	return store
}
