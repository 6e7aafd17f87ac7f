package emulator_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/cmd/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
)

// seed fills a store; webhooks lists none there; fire refuses a code it
// does not know; reset forgets the local store.
func TestSeedWebhooksFireAndReset(t *testing.T) {
	e := cmdtest.New(t)
	state := filepath.Join(t.TempDir(), "demo.db")
	if code := e.Run(t, "emulator", "seed", "--users", "3", "--state", state); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "seed's output", e.Out.String()+e.ErrOut.String(), "becusr_")
	if code := e.Run(t, "emulator", "webhooks", "--state", state); code != 0 {
		t.Fatalf("webhooks: exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stderr", e.ErrOut.String(), "no webhooks yet")
	if code := e.Run(t, "emulator", "webhooks", "fire", "NOT_A_CODE", "becusr_x", "--state", state); code != 2 {
		t.Fatalf("fire of an unknown code: exit %d: %s", code, e.ErrOut)
	}

	if code := e.Run(t, "emulator", "seed", "--users", "1"); code != 0 {
		t.Fatalf("seed of the local store: exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "seed's count", e.ErrOut.String(), "added 1 fictional person to")
	if _, err := os.Stat(e.F.Paths.EmulatorState()); err != nil {
		t.Fatal(err)
	}
	if code := e.Run(t, "emulator", "reset"); code != 0 {
		t.Fatalf("reset: exit %d: %s", code, e.ErrOut)
	}
	if _, err := os.Stat(e.F.Paths.EmulatorState()); !os.IsNotExist(err) {
		t.Fatalf("the local store is still there: %v", err)
	}
}

// The flags fill serve's options.
func TestServeOptionsComeFromTheFlags(t *testing.T) {
	e := cmdtest.New(t)
	var got *emulator.ServeOptions
	cmd := emulator.NewCmdServe(e.F, func(_ context.Context, o *emulator.ServeOptions) error { got = o; return nil })
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--state", "demo.db", "--webhook", "http://127.0.0.1:8687/"})
	if err := cmd.ExecuteContext(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Addr != "127.0.0.1:0" || got.StatePath != "demo.db" || got.Webhook != "http://127.0.0.1:8687/" {
		t.Fatalf("options %+v", got)
	}
}
