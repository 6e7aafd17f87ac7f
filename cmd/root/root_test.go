package root_test

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
)

// Help must not pay for signal handling (see cmdutil.Interrupts); a command
// that runs must be interruptible.
func TestSignalsAreCaughtOnlyWhenACommandRuns(t *testing.T) {
	e := cmdtest.New(t)
	for _, args := range [][]string{
		{"--help"}, {"customer", "--help"}, {"help", "beacon"},
		{"completion", "bash"}, {"__complete", "beacon", ""},
	} {
		if code := e.Run(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, e.ErrOut)
		}
		if e.Interrupts.Armed() {
			t.Errorf("%v armed the signal handler", args)
		}
	}
	if code := e.Run(t, "version"); code != 0 {
		t.Fatalf("version: exit %d: %s", code, e.ErrOut)
	}
	if !e.Interrupts.Armed() {
		t.Error("a running command is not interruptible")
	}
}
