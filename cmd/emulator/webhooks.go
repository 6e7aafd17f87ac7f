package emulator

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// WebhooksOptions are `emulator webhooks`'s inputs.
type WebhooksOptions struct {
	Factory *app.Factory
	JSON    bool
	// State is the store whose webhooks to list; the local one when empty.
	State string
	Limit int
}

// NewCmdWebhooks is `emulator webhooks`: what was sent, every attempt.
func NewCmdWebhooks(f *app.Factory, runF func(context.Context, *WebhooksOptions) error) *cobra.Command {
	o := &WebhooksOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "webhooks",
		Short: "List the webhooks the emulator sent, newest first, with every delivery attempt",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.OrRun(runF, runWebhooks)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the list as JSON")
	cmd.Flags().StringVar(&o.State, "state", "", "the SQLite database of the emulator (default: the local emulator's)")
	cmd.Flags().IntVar(&o.Limit, "limit", 50, "how many to list")
	return cmd
}

func runWebhooks(ctx context.Context, o *WebhooksOptions) error {
	f := o.Factory
	return withStore(f, o.State, func(em *emulation.Emulator) error {
		list, err := em.Webhooks(ctx, o.Limit)
		if err != nil {
			return exitcode.Local(err, "")
		}
		if o.JSON {
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
}

func beaconCodes() []string {
	return []string{client.WebhookUserStatusUpdated, client.WebhookReportCreated, client.WebhookReportUpdated,
		client.WebhookSyndicationCreated, client.WebhookDuplicateDetected}
}

// withStore opens the emulator on a state file (the local one by default).
func withStore(f *app.Factory, state string, fn func(*emulation.Emulator) error) error {
	if state == "" {
		state = f.Paths.EmulatorState()
	}
	id, secret, _ := client.Credentials(client.Local, f.Getenv)
	em, err := emulation.New(emulation.Options{ClientID: id, Secret: secret, StatePath: state, Now: f.Now})
	if err != nil {
		return exitcode.Local(err, "")
	}
	defer em.Close() //nolint:errcheck // every change was committed when made
	return fn(em)
}
