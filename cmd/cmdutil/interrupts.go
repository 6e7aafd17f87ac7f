package cmdutil

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

// Interrupts ends a running command's context on Ctrl-C or SIGTERM.
//
// It is armed by the root command's PersistentPreRun, which cobra calls
// only when a command is about to run, so --help and --version never arm
// it; nor do cobra's own commands, which print and exit (help, completion,
// and the __complete the shell calls at every Tab). That matters for
// start-up: the first signal.Notify starts a goroutine that waits in a
// system call, and so a new thread — about 0.75 ms of every `--help` on the
// machine BENCHMARKS.md describes.
type Interrupts struct {
	stop context.CancelFunc
}

// Catch derives cmd's context from one that Ctrl-C or SIGTERM cancels.
func (i *Interrupts) Catch(cmd *cobra.Command, _ []string) {
	if cobrasOwn(cmd) {
		return
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	cmd.SetContext(ctx)
	i.stop = stop
}

// Armed reports whether Catch has armed it (it does not for cobra's own
// commands).
func (i *Interrupts) Armed() bool { return i.stop != nil }

// Stop restores the default handling of the signals (a second Ctrl-C while
// an error is printed then ends the process, as usual).
func (i *Interrupts) Stop() {
	if i.stop != nil {
		i.stop()
	}
}

// cobrasOwn reports whether cmd is one of the commands cobra adds.
func cobrasOwn(cmd *cobra.Command) bool {
	for c := cmd; c != nil && c.HasParent(); c = c.Parent() {
		switch c.Name() {
		case "help", "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return c.Parent() == cmd.Root()
		}
	}
	return false
}
