package listen_test

import (
	"context"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/cmd/listen"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
)

// The flags fill listen's options.
func TestOptionsComeFromTheFlags(t *testing.T) {
	e := cmdtest.New(t)
	var got *listen.Options
	cmd := listen.NewCmd(e.F, &cmdutil.Globals{}, func(_ context.Context, o *listen.Options) error { got = o; return nil })
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0", "--forward-to", "http://localhost:3000/hooks", "--forward-replays", "--json"})
	if err := cmd.ExecuteContext(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Addr != "127.0.0.1:0" || got.ForwardTo != "http://localhost:3000/hooks" || !got.ForwardReplays || !got.JSON ||
		got.Emulator != listen.DefaultEmulator {
		t.Fatalf("options %+v", got)
	}
}

// A --forward-to that is not an http(s) URL, or an address that cannot be
// listened on, is the user's to fix: exit 2, before listening.
func TestBadAddressesAreRefused(t *testing.T) {
	e := cmdtest.New(t)
	for _, args := range [][]string{
		{"listen", "--forward-to", "ftp://example.com/hooks"},
		{"listen", "--addr", "256.0.0.1:1"},
	} {
		if code := e.Run(t, args...); code != 2 {
			t.Errorf("%v: exit %d: %s", args, code, e.ErrOut)
		}
	}
}
