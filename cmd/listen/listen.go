// Package listen is `plaid-onboard listen`: receive webhooks, verify each
// as Plaid's docs say, show them live, and forward the verified ones.
package listen

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
	"github.com/plaid-onboard/plaid-onboard/internal/webhooks"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Options are `plaid-onboard listen`'s inputs.
type Options struct {
	Factory *app.Factory
	Globals *cmdutil.Globals

	Addr      string
	ForwardTo string
	// ForwardReplays forwards a webhook seen before too.
	ForwardReplays bool
	JSON           bool
	// Emulator is the served emulator asked for keys too, in the local
	// environment.
	Emulator string
	// Ready, when set, hears the address once listening (tests).
	Ready func(addr string)
}

// DefaultEmulator is where `plaid-onboard emulator` serves by default.
const DefaultEmulator = app.DefaultServedEmulator

// NewCmd returns the listen command; runF, when set, runs instead of
// listening (tests).
func NewCmd(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *Options) error) *cobra.Command {
	opts := &Options{Factory: f, Globals: g}
	cmd := &cobra.Command{
		Use:   "listen",
		Short: "Receive webhooks, verify their signatures, show them live and forward them",
		Long: `Receive Plaid's webhooks on --addr, verify each one as Plaid's docs say —
the Plaid-Verification JWT must be ES256, signed by the key its kid names
(fetched with /webhook_verification_key/get of the current environment and
cached), at most 5 minutes old, over a body whose SHA-256 it holds — and
show them live: time, type and code, the object, verified or why not.
Enter shows a webhook's JSON; o opens the person a Beacon webhook is about.

--forward-to posts the verified ones on, with their headers. --json prints
one JSON line per webhook, for scripts. In the local environment the keys
come from the built-in emulator and from the one serving at --emulator.`,
		Example: `  plaid-onboard emulator --webhook http://127.0.0.1:8687/   # in one terminal
  plaid-onboard listen                                        # in another
  plaid-onboard listen --forward-to http://localhost:3000/plaid/webhooks --json`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmdutil.OrRun(runF, runListen)(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8687", "address to receive webhooks on")
	cmd.Flags().StringVar(&opts.ForwardTo, "forward-to", "", "URL to forward verified webhooks to, with their headers")
	cmd.Flags().BoolVar(&opts.ForwardReplays, "forward-replays", false, "forward a webhook again when the same one (body and signature) comes back")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print one JSON line per webhook, with the verification result")
	cmd.Flags().StringVar(&opts.Emulator, "emulator", DefaultEmulator, "a served emulator to fetch keys from too (local environment)")
	return cmd
}

// runListen listens until ctx ends (or the screen closes).
func runListen(ctx context.Context, opts *Options) error {
	f, g := opts.Factory, opts.Globals
	if opts.ForwardTo != "" && !validate.IsHTTPURL(opts.ForwardTo) {
		return exitcode.Invalid(fmt.Errorf("--forward-to %q is not an http(s) URL", opts.ForwardTo), "")
	}
	env, err := f.Environment(g.Env)
	if err != nil {
		return err
	}
	s, err := f.Connect(env)
	if err != nil {
		return err
	}
	defer s.Close()
	sources := []webhooks.KeySource{webhooks.FromClient(s.Where, s.Client)}
	if env == client.Local && f.Getenv(app.EnvEmulatorURL) == "" && opts.Emulator != "" {
		// The emulator's own credentials (the demo pair): Plaid's never go
		// to whatever answers on a local port.
		if served, err := f.ServedEmulator(opts.Emulator); err == nil {
			sources = append(sources, webhooks.FromClient(app.ServedEmulatorName(opts.Emulator), served))
		}
	}
	log := &webhooks.Log{}
	var mu sync.Mutex
	report := func(e webhooks.Event) {
		log.Add(e)
		if opts.JSON || g.Accessible || !f.IO.Interactive() {
			mu.Lock()
			defer mu.Unlock()
			if opts.JSON {
				_ = json.NewEncoder(termtext.Raw(f.IO.Out)).Encode(e) // exact JSON, one line each
				return
			}
			verdict := "verified with the key from " + e.KeySource
			switch {
			case !e.Verified:
				verdict = "NOT VERIFIED: " + e.Reason
			case e.Replay:
				verdict += " (a replay: seen before)"
			}
			fmt.Fprintf(f.IO.Out, "%s  %s %s  %s  %s\n", e.At.Local().Format("15:04:05"), e.Webhook.WebhookType, e.Webhook.WebhookCode, e.Webhook.ObjectID(), verdict)
		}
	}
	listener := &webhooks.Listener{Verifier: &webhooks.Verifier{Sources: sources, Now: f.Now}, ForwardTo: opts.ForwardTo,
		ForwardReplays: opts.ForwardReplays, Report: report}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return exitcode.Invalid(fmt.Errorf("cannot listen on %s: %w", opts.Addr, err), "choose another address with --addr")
	}
	srv, served := emulator.Serve(ln, listener, emulator.ServerOptions{})
	defer func() {
		shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(f.IO.ErrOut, "listen: shutting down: %v\n", err)
		}
	}()
	names := make([]string, len(sources))
	for i, src := range sources {
		names[i] = src.Name
	}
	info := fmt.Sprintf("Receiving webhooks on http://%s/ · verified with keys from %s", ln.Addr(), strings.Join(names, " or "))
	if opts.ForwardTo != "" {
		info += " · verified ones forwarded to " + opts.ForwardTo
	}
	if opts.Ready != nil {
		opts.Ready(ln.Addr().String())
	}
	if opts.JSON || g.Accessible || !f.IO.Interactive() || f.LaunchTUI == nil {
		fmt.Fprintln(f.IO.ErrOut, info+" · Ctrl-C stops")
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			return err
		}
	}
	return f.LaunchTUI(ctx, f, app.TUIRequest{Flow: "listen", Env: env, Webhooks: log, ListenInfo: info})
}
