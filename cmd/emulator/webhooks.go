package emulator

import (
	"context"
	"fmt"
	"io"

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
	// From is a served emulator to ask (its own /emulator/webhooks/list);
	// PLAID_ONBOARD_EMULATOR_URL when empty and set.
	From string
	// State is the store to read; the local one when empty.
	State string
	Limit int
	// Probe is asked when the local store has sent none: where
	// `plaid-onboard emulator` serves by default.
	Probe string
}

// NewCmdWebhooks is `emulator webhooks`: what was sent, every attempt.
func NewCmdWebhooks(f *app.Factory, runF func(context.Context, *WebhooksOptions) error) *cobra.Command {
	o := &WebhooksOptions{Factory: f, Probe: app.DefaultServedEmulator}
	cmd := &cobra.Command{
		Use:   "webhooks",
		Short: "List the webhooks the emulator sent, newest first, with every delivery attempt",
		Long: `List the webhooks an emulator sent, newest first, with every delivery
attempt. An emulator served without --state keeps them in memory: --from
asks it (the default when PLAID_ONBOARD_EMULATOR_URL names one, and when
the local store has none and an emulator serves at the default address).
--state reads a store's file.`,
		Example: `  plaid-onboard emulator webhooks --from http://127.0.0.1:8686
  plaid-onboard emulator webhooks --state demo.db --json`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.OrRun(runF, runWebhooks)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the list as JSON")
	cmd.Flags().StringVar(&o.From, "from", "", "ask the emulator serving at this URL (its own path, not Plaid's)")
	cmd.Flags().StringVar(&o.State, "state", "", "the SQLite database of the emulator (default: the local emulator's)")
	cmd.Flags().IntVar(&o.Limit, "limit", 50, "how many to list")
	return cmd
}

func runWebhooks(ctx context.Context, o *WebhooksOptions) error {
	f := o.Factory
	from := o.From
	if from == "" && o.State == "" {
		from = f.Getenv(app.EnvEmulatorURL)
	}
	var (
		list   []client.EmulatorWebhook
		source string
		err    error
	)
	if from != "" {
		list, err = served(ctx, f, from, o.Limit)
		source = app.ServedEmulatorName(from)
	} else {
		err = withStore(f, o.State, func(em *emulation.Emulator) error {
			list, err = em.Webhooks(ctx, o.Limit)
			return err
		})
		source = "the store " + storePath(f, o.State)
		if err == nil && len(list) == 0 && o.State == "" && o.Probe != "" {
			// The README's demo serves without --state: its webhooks are in
			// that process, not in the local store.
			if more, err := served(ctx, f, o.Probe, o.Limit); err == nil && len(more) > 0 {
				list, source = more, app.ServedEmulatorName(o.Probe)
			}
		}
	}
	if err != nil {
		return err
	}
	if o.JSON {
		return cmdutil.WriteJSON(f.IO.Out, list)
	}
	if len(list) == 0 {
		fmt.Fprintf(f.IO.ErrOut, "no webhooks yet in %s: start the emulator with --webhook URL (or name one in its config); "+
			"an emulator served apart keeps its own (--from URL)\n", source)
		return nil
	}
	fmt.Fprintf(f.IO.ErrOut, "webhooks sent by %s, newest first\n", source)
	printWebhooks(f.IO.Out, list)
	return nil
}

// served asks the emulator serving at url what it sent.
func served(ctx context.Context, f *app.Factory, url string, limit int) ([]client.EmulatorWebhook, error) {
	c, err := f.ServedEmulator(url)
	if err != nil {
		return nil, err
	}
	r, err := c.EmulatorWebhooks(ctx, &client.EmulatorWebhooksListRequest{Limit: limit})
	if err != nil {
		return nil, cmdutil.Failure(f, client.Local, false, err, "")
	}
	return r.Webhooks, nil
}

func printWebhooks(w io.Writer, list []client.EmulatorWebhook) {
	for _, wh := range list {
		// The URL on a line of its own: with it, a row outgrew 120 columns.
		fmt.Fprintf(w, "%s  %s  %-26s %-24s %s\n    to %s\n", wh.CreatedAt.Format("2006-01-02 15:04:05"), wh.ID, wh.Code, wh.ObjectID, wh.State, wh.URL)
		for _, a := range wh.Attempts {
			outcome := fmt.Sprintf("HTTP %d", a.Status)
			if a.Error != "" {
				outcome = a.Error
			}
			fmt.Fprintf(w, "    attempt %s: %s\n", a.At.Format("15:04:05"), outcome)
		}
	}
}

func beaconCodes() []string {
	return []string{client.WebhookUserStatusUpdated, client.WebhookReportCreated, client.WebhookReportUpdated,
		client.WebhookSyndicationCreated, client.WebhookDuplicateDetected}
}

func storePath(f *app.Factory, state string) string {
	if state == "" {
		return f.Paths.EmulatorState()
	}
	return state
}

// withStore opens the emulator on a state file (the local one by default).
func withStore(f *app.Factory, state string, fn func(*emulation.Emulator) error) error {
	id, secret, _ := client.Credentials(client.Local, f.Getenv)
	em, err := emulation.New(emulation.Options{ClientID: id, Secret: secret, StatePath: storePath(f, state), Now: f.Now})
	if err != nil {
		return exitcode.Local(err, "")
	}
	defer em.Close() //nolint:errcheck // every change was committed when made
	return fn(em)
}
