// Package emulator is `plaid-onboard emulator`: the local Plaid served
// for other tools.
package emulator

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	emulation "github.com/plaid-onboard/plaid-onboard/emulator"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// ServeOptions are `plaid-onboard emulator`'s inputs.
type ServeOptions struct {
	IO         *app.IOStreams
	Getenv     func(string) string
	Addr       string
	StatePath  string
	ConfigPath string
	// Webhook is where the webhooks go (programs and the partner profile
	// may name their own in the config).
	Webhook string
	// Ready, when set, receives the base URL once listening (tests, and
	// the demo, which sets itself up there). It must not block: requests
	// are served after it returns.
	Ready func(url string)
	// Quiet leaves requests out of stderr (the demo's screen is there).
	Quiet bool
	// Banner, when set, replaces the base URL as stdout's first line
	// (the demo prints its guide instead).
	Banner bool
}

// NewCmd returns the emulator command (which serves it) and its verbs.
func NewCmd(f *app.Factory) *cobra.Command { return NewCmdServe(f, nil) }

// NewCmdServe is `plaid-onboard emulator`: serve it over HTTP.
func NewCmdServe(f *app.Factory, runF func(context.Context, *ServeOptions) error) *cobra.Command {
	opts := &ServeOptions{IO: f.IO, Getenv: f.Getenv}
	cmd := &cobra.Command{
		Use:   "emulator",
		Short: "Serve the built-in Plaid emulator over HTTP for curl, scripts and other tools",
		Long: `Serve the built-in emulator of the Plaid endpoints this program uses
(/beta/partner/customer/v1/* and /beacon/*). The first line on stdout is its
base URL. It accepts the demo pair demo_client_id / demo_secret, or the
pair in PLAID_ONBOARD_EMULATOR_CLIENT_ID / PLAID_ONBOARD_EMULATOR_SECRET —
never PLAID_CLIENT_ID / PLAID_SECRET, which are Plaid's and go only to
Plaid. Ctrl-C or SIGTERM stops it.

Without --state it keeps what it is sent in memory, gone when it stops.
With --state FILE it keeps it in FILE, an SQLite database (created if
missing; a JSON state an older version wrote there is imported and kept
as FILE.bak): every change is committed to disk before it is answered,
and the wizard, a command and this server may share one FILE.

With --webhook URL it POSTs Plaid's webhooks there as things happen,
signed with an ES256 JWT in Plaid-Verification, retried on failure;
` + "`plaid-onboard listen`" + ` receives and verifies them, and
` + "`plaid-onboard emulator webhooks`" + ` lists every attempt.`,
		Example: `  plaid-onboard emulator
  plaid-onboard emulator --addr 127.0.0.1:8686 --state demo.db
  plaid-onboard emulator --webhook http://127.0.0.1:8687/
  plaid-onboard emulator seed --users 100000 --state demo.db`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmdutil.OrRun(runF, runServe)(cmd.Context(), opts) },
	}
	cmd.Flags().StringVar(&opts.Addr, "addr", "127.0.0.1:8686", "address to listen on (loopback unless you name another interface)")
	cmd.Flags().StringVar(&opts.StatePath, "state", "", "SQLite database to keep the state in (default: in memory)")
	cmd.Flags().StringVar(&opts.ConfigPath, "config", "", "JSON file with extra Beacon programs and the partner profile (see README)")
	cmd.Flags().StringVar(&opts.Webhook, "webhook", "", "URL to POST signed webhooks to, as Plaid does (`plaid-onboard listen` receives them)")
	webhooks := NewCmdWebhooks(f, nil)
	webhooks.AddCommand(NewCmdFire(f, nil))
	cmd.AddCommand(NewCmdReset(f, nil), NewCmdSeed(f, nil), webhooks)
	return cmd
}

// runServe serves until ctx is done.
func runServe(ctx context.Context, opts *ServeOptions) error {
	id, secret, _ := client.Credentials(client.Local, opts.Getenv)
	eo := emulation.Options{
		ClientID: id, Secret: secret, StatePath: opts.StatePath, Webhook: opts.Webhook,
		Log: func(line string) { fmt.Fprintln(opts.IO.ErrOut, line) },
	}
	if opts.Quiet {
		eo.Log = nil
	}
	if opts.Webhook != "" && !validate.IsHTTPURL(opts.Webhook) {
		return exitcode.Invalid(fmt.Errorf("--webhook %q is not an http(s) URL", opts.Webhook), "for example --webhook http://127.0.0.1:8687/")
	}
	if opts.ConfigPath != "" {
		cfg, err := emulation.LoadConfig(opts.ConfigPath)
		if err != nil {
			return exitcode.Invalid(err, "")
		}
		eo.Programs, eo.Partner = cfg.Programs, cfg.Partner
	}
	em, err := emulation.New(eo)
	if err != nil {
		return exitcode.Local(err, "")
	}
	defer func() {
		// The last connection folds the WAL into the database.
		if err := em.Close(); err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "emulator: closing the store: %v\n", err)
		}
	}()
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return exitcode.Invalid(fmt.Errorf("cannot listen on %s: %w", opts.Addr, err), "choose another address with --addr")
	}
	url := "http://" + ln.Addr().String()
	if !opts.Banner {
		fmt.Fprintln(opts.IO.Out, url)
	}
	if host, _, _ := net.SplitHostPort(opts.Addr); !isLoopback(host) {
		fmt.Fprintf(opts.IO.ErrOut, "warning: listening on %s, reachable from other machines; the demo credentials are public\n", opts.Addr)
	}
	fmt.Fprintf(opts.IO.ErrOut, "emulator ready at %s (client id %s); Ctrl-C stops it\n", url, id)
	if opts.Getenv(client.EnvSecret) != "" {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s is Plaid's and is not used here: this emulator accepts %s and its own secret (%s sets another pair)\n",
			client.EnvSecret, id, client.EnvEmulatorSecret)
	}
	if opts.Ready != nil {
		opts.Ready(url)
	}
	// Webhooks go out beside the API, never in its way; with a state file,
	// other processes on it (the wizard, commands) send theirs here too.
	deliver, stopDelivery := context.WithCancel(context.WithoutCancel(ctx))
	delivered := make(chan struct{})
	go func() { em.DeliverWebhooks(deliver); close(delivered) }()
	defer func() { stopDelivery(); <-delivered }()
	if opts.Webhook != "" {
		list := "`plaid-onboard emulator webhooks --from " + url + "`"
		if opts.StatePath != "" {
			list = "`plaid-onboard emulator webhooks --state " + opts.StatePath + "`"
		}
		fmt.Fprintf(opts.IO.ErrOut, "webhooks go to %s, signed (ES256); %s lists them\n", opts.Webhook, list)
		if opts.StatePath != "" {
			forget, err := em.ServeWebhooks(ctx, opts.Webhook)
			if err != nil {
				return exitcode.Local(err, "")
			}
			defer forget()
		}
	}
	srv, served := emulation.Serve(ln, em, emulation.ServerOptions{ErrorLog: log.New(opts.IO.ErrOut, "emulator: ", 0)})
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(opts.IO.ErrOut, "emulator: shutting down: %v\n", err)
	}
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
