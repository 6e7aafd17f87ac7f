package emulatorcmd

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// newCmdWebhooks is `emulator webhooks`: what was sent, and fire.
func newCmdWebhooks(f *app.Factory) *cobra.Command {
	var (
		asJSON bool
		state  string
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "webhooks",
		Short: "List the webhooks the emulator sent, newest first, with every delivery attempt",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withStore(f, state, func(emu *emulator.Emulator) error {
				list, err := emu.Webhooks(cmd.Context(), limit)
				if err != nil {
					return exitcode.Local(err, "")
				}
				if asJSON {
					return cmdutil.WriteJSON(f.IO.Out, list)
				}
				if len(list) == 0 {
					fmt.Fprintln(f.IO.ErrOut, "no webhooks yet: start the emulator with --webhook URL (or name one in its config)")
				}
				for _, w := range list {
					fmt.Fprintf(f.IO.Out, "%s  %s  %-26s %-24s %-9s → %s\n", w.CreatedAt.Format("2006-01-02 15:04:05"), w.ID, w.Code, w.ObjectID, w.State, w.URL)
					for _, a := range w.Attempts {
						outcome := fmt.Sprintf("HTTP %d", a.Status)
						if a.Error != "" {
							outcome = a.Error
						}
						fmt.Fprintf(f.IO.Out, "    attempt %s: %s\n", a.At.Format("15:04:05"), outcome)
					}
				}
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")
	cmd.Flags().StringVar(&state, "state", "", "the SQLite database of the emulator (default: the local emulator's)")
	cmd.Flags().IntVar(&limit, "limit", 50, "how many to list")
	cmd.AddCommand(newCmdFire(f))
	return cmd
}

// newCmdFire is `emulator webhooks fire CODE ID`.
func newCmdFire(f *app.Factory) *cobra.Command {
	var state string
	cmd := &cobra.Command{
		Use:     "fire CODE ID",
		Short:   "Send a Beacon webhook by hand (REPORT_UPDATED has no API call that causes it here)",
		Example: `  plaid-onboard emulator webhooks fire REPORT_UPDATED becrpt_2zugxV6hWQZG91 --state demo.db`,
		Args:    cmdutil.InvalidArgs(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withStore(f, state, func(emu *emulator.Emulator) error {
				if err := emu.Fire(cmd.Context(), strings.ToUpper(args[0]), args[1]); err != nil {
					return exitcode.Invalid(err, "codes: "+strings.Join(beaconCodes(), ", "))
				}
				fmt.Fprintln(f.IO.ErrOut, "queued: the emulator serving this store delivers it (see `plaid-onboard emulator webhooks`)")
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&state, "state", "", "the SQLite database of the emulator (default: the local emulator's)")
	return cmd
}

func beaconCodes() []string {
	return []string{client.WebhookUserStatusUpdated, client.WebhookReportCreated, client.WebhookReportUpdated,
		client.WebhookSyndicationCreated, client.WebhookDuplicateDetected}
}

// withStore opens the emulator on a state file (the local one by default).
func withStore(f *app.Factory, state string, fn func(*emulator.Emulator) error) error {
	if state == "" {
		state = f.Paths.EmulatorState()
	}
	id, secret, _ := client.Credentials(client.Local, f.Getenv)
	emu, err := emulator.New(emulator.Options{ClientID: id, Secret: secret, StatePath: state, Now: f.Now})
	if err != nil {
		return exitcode.Local(err, "")
	}
	defer emu.Close() //nolint:errcheck // every change was committed when made
	return fn(emu)
}
