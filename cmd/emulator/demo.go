package emulator

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/demo"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// DemoOptions are `plaid-onboard demo`'s inputs.
type DemoOptions struct {
	Factory *app.Factory
	Globals *cmdutil.Globals
	Addr    string
	Webhook string
	// Ready, when set, hears the base URL once the demo is set up (tests).
	Ready func(url string, stops []demo.Stop)
}

// NewCmdDemo is `plaid-onboard demo`: an emulator set up for a demo.
func NewCmdDemo(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *DemoOptions) error) *cobra.Command {
	o := &DemoOptions{Factory: f, Globals: g}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Serve an emulator set up for a demo, and say what to show in which order",
		Long: `Serve a fresh emulator, in memory (your local store is not touched), with
the four Beacon outcomes of the README — cleared, a duplicate, a Beacon
Network match, rejected after a fraud report — and an end customer waiting
for its requirements; then print what to show and in which order, with
each id. Point plaid-onboard at it from another terminal
(PLAID_ONBOARD_EMULATOR_URL). With --webhook it sends its webhooks there:
start ` + "`plaid-onboard listen`" + ` first and they show up as the demo sets itself up.
Local only: it refuses sandbox and production. Ctrl-C ends it.`,
		Example: `  plaid-onboard demo
  plaid-onboard listen &   # then:
  plaid-onboard demo --webhook http://127.0.0.1:8687/`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmdutil.OrRun(runF, runDemo)(cmd.Context(), o) },
	}
	cmd.Flags().StringVar(&o.Addr, "addr", "127.0.0.1:8686", "address to serve the demo's emulator on")
	cmd.Flags().StringVar(&o.Webhook, "webhook", "", "URL to POST the demo's webhooks to (`plaid-onboard listen` receives them)")
	return cmd
}

func runDemo(ctx context.Context, o *DemoOptions) error {
	f := o.Factory
	env, err := f.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	if env != client.Local {
		return exitcode.Invalid(fmt.Errorf("the demo runs on the built-in emulator only, never %s: it creates people and customers", env.Label()),
			"drop --env and PLAID_ENV (or set PLAID_ENV=local)")
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var setupErr error
	serve := &ServeOptions{IO: f.IO, Getenv: f.Getenv, Addr: o.Addr, Webhook: o.Webhook, Quiet: true, Banner: true}
	serve.Ready = func(url string) {
		// Set up once the server answers: Ready runs before it serves.
		go func() {
			id, secret, _ := client.Credentials(client.Local, f.Getenv)
			c, err := client.New(client.Config{Environment: client.Local, BaseURL: url, Emulator: url, ClientID: id, Secret: secret, Version: f.Version})
			var stops []demo.Stop
			if err == nil {
				stops, err = demo.Setup(ctx, c, f.Now())
			}
			if err != nil {
				setupErr = err
				cancel()
				return
			}
			fmt.Fprint(f.IO.Out, demo.Guide(url, o.Webhook, stops, f.IO.StdoutTTY))
			if o.Ready != nil {
				o.Ready(url, stops)
			}
		}()
	}
	err = runServe(ctx, serve)
	if setupErr != nil {
		return exitcode.Local(fmt.Errorf("setting the demo up: %w", setupErr), "")
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}
