package emulator

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// ResetOptions are `emulator reset`'s inputs.
type ResetOptions struct {
	Factory *app.Factory
}

// NewCmdReset is `emulator reset`: forget the local emulator's store.
func NewCmdReset(f *app.Factory, runF func(context.Context, *ResetOptions) error) *cobra.Command {
	o := &ResetOptions{Factory: f}
	return &cobra.Command{
		Use:   "reset",
		Short: "Forget everything the local emulator (--env local) has stored: customers, Beacon users, reports",
		Long: `Forget everything the local emulator (--env local) has stored: its
database, and the JSON state of an older version with its .bak copy. The
next run starts empty. Stop the wizard and commands using it first.`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmdutil.OrRun(runF, runReset)(cmd.Context(), o) },
	}
}

func runReset(_ context.Context, o *ResetOptions) error {
	f := o.Factory
	db, legacy := f.Paths.EmulatorState(), f.Paths.EmulatorLegacyState()
	var removed []string
	if _, err := os.Stat(db); err == nil {
		removed = append(removed, db)
	}
	if err := emulation.RemoveState(db); err != nil {
		return exitcode.Local(fmt.Errorf("removing the local emulator's state: %w", err), "")
	}
	for _, p := range []string{legacy, legacy + ".bak", legacy + ".lock"} {
		err := os.Remove(p)
		switch {
		case err == nil:
			removed = append(removed, p)
		case !errors.Is(err, os.ErrNotExist):
			return exitcode.Local(fmt.Errorf("removing the local emulator's state: %w", err), "")
		}
	}
	if len(removed) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "the local emulator has no saved state")
	}
	for _, p := range removed {
		fmt.Fprintf(f.IO.ErrOut, "removed %s\n", p)
	}
	return nil
}
