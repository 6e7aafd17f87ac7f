package emulator

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// FireOptions are `emulator webhooks fire`'s inputs.
type FireOptions struct {
	Factory *app.Factory
	// From is a served emulator to ask; State a store to write in (the
	// local one when both are empty, or PLAID_ONBOARD_EMULATOR_URL's).
	From, State string
	Code, ID    string
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
	cmd.Flags().StringVar(&o.From, "from", "", "ask the emulator serving at this URL to send it")
	cmd.Flags().StringVar(&o.State, "state", "", "the SQLite database of the emulator (default: the local emulator's)")
	return cmd
}

func runFire(ctx context.Context, o *FireOptions) error {
	f := o.Factory
	from := o.From
	if from == "" && o.State == "" {
		from = f.Getenv(app.EnvEmulatorURL)
	}
	if from != "" {
		c, err := f.ServedEmulator(from)
		if err != nil {
			return err
		}
		if _, err := c.EmulatorFireWebhook(ctx, &client.EmulatorWebhookFireRequest{WebhookCode: o.Code, ObjectID: o.ID}); err != nil {
			return cmdutil.Failure(f, client.Local, false, err, "")
		}
		fmt.Fprintf(f.IO.ErrOut, "sent: %s delivers it (`plaid-onboard emulator webhooks --from %s` lists it)\n", app.ServedEmulatorName(from), from)
		return nil
	}
	return withStore(f, o.State, func(em *emulation.Emulator) error {
		var fe *emulation.FireError
		if err := em.Fire(ctx, o.Code, o.ID); errors.As(err, &fe) {
			return exitcode.Invalid(err, "codes: "+strings.Join(beaconCodes(), ", "))
		} else if err != nil {
			return exitcode.Local(err, "")
		}
		fmt.Fprintln(f.IO.ErrOut, "queued: the emulator serving this store delivers it (see `plaid-onboard emulator webhooks`)")
		return nil
	})
}
