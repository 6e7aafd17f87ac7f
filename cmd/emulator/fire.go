package emulator

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// FireOptions are `emulator webhooks fire`'s inputs.
type FireOptions struct {
	Factory  *app.Factory
	State    string
	Code, ID string
}

// NewCmdFire is `emulator webhooks fire CODE ID`.
func NewCmdFire(f *app.Factory, runF func(context.Context, *FireOptions) error) *cobra.Command {
	o := &FireOptions{Factory: f}
	cmd := &cobra.Command{
		Use:     "fire CODE ID",
		Short:   "Send a Beacon webhook by hand (REPORT_UPDATED has no API call that causes it here)",
		Example: `  plaid-onboard emulator webhooks fire REPORT_UPDATED becrpt_2zugxV6hWQZG91 --state demo.db`,
		Args:    cmdutil.InvalidArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Code, o.ID = strings.ToUpper(args[0]), args[1]
			return cmdutil.OrRun(runF, runFire)(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.State, "state", "", "the SQLite database of the emulator (default: the local emulator's)")
	return cmd
}

func runFire(ctx context.Context, o *FireOptions) error {
	return withStore(o.Factory, o.State, func(em *emulation.Emulator) error {
		if err := em.Fire(ctx, o.Code, o.ID); err != nil {
			return exitcode.Invalid(err, "codes: "+strings.Join(beaconCodes(), ", "))
		}
		fmt.Fprintln(o.Factory.IO.ErrOut, "queued: the emulator serving this store delivers it (see `plaid-onboard emulator webhooks`)")
		return nil
	})
}
