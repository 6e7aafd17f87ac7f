// Package doctor is `plaid-onboard doctor`: what is ready and what is not
// before meeting Plaid, each line with its fix.
package doctor

import (
	"context"
	"fmt"
	"os"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/doctor"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// Options are doctor's inputs.
type Options struct {
	Factory     *app.Factory
	Globals     *cmdutil.Globals
	JSON        bool
	Conformance bool
	Yes         bool
	Program     string
	// Terminal describes the terminal; nil reads the process's own.
	Terminal func() doctor.Terminal
}

// NewCmd returns the doctor command.
func NewCmd(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Factory: f, Globals: g}
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Say what is ready and what is not: credentials, clock, keys, drafts, terminal",
		Long: `Check everything plaid-onboard needs, each line with its fix: the
environment and where requests go; the credentials, present and accepted
(one harmless read of an id no one has); the round trip; this machine's
clock against the server's (webhook verification allows 5 minutes); TLS;
the key that seals drafts, the directories' modes, every draft read
through, the emulator store's integrity; the terminal's colours, Unicode,
size, NO_COLOR and accessible mode.

--conformance also runs a fixed scenario against the environment and the
built-in emulator side by side — a Beacon user of the spec's example
created and read back, a partner customer created (Sandbox keeps none),
two reads of unknown ids — and reports how the answers drift from the spec
and from each other: keys added or missing, types, enum values the spec
does not list, error codes. In production it creates a real Beacon user
and a real end customer, so it needs --yes.

Exit status: 0 when everything is ready (and nothing drifted), 1 when
something is not (or drifted), 2 for bad usage.`,
		Example: `  plaid-onboard doctor
  PLAID_ENV=sandbox plaid-onboard doctor --conformance --program becprg_…
  plaid-onboard doctor --json > doctor.json`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.OrRun(runF, Run)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the report as JSON")
	cmd.Flags().BoolVar(&o.Conformance, "conformance", false, "compare the environment's answers with the spec and the built-in emulator")
	cmd.Flags().BoolVar(&o.Yes, "yes", false, "run --conformance in production (it creates a Beacon user and an end customer)")
	cmd.Flags().StringVar(&o.Program, "program", "", "the Beacon program --conformance screens in (default: the spec's example id)")
	return cmd
}

// Run checks and prints the report.
func Run(ctx context.Context, o *Options) error {
	f := o.Factory
	env, err := f.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	if o.Conformance && env == client.Production && !o.Yes {
		return exitcode.Invalid(fmt.Errorf("--conformance in production creates a real Beacon user and a real end customer; nothing was sent"),
			"add --yes to run it there, or run it in sandbox (PLAID_ENV=sandbox)")
	}
	terminal := o.Terminal
	if terminal == nil {
		terminal = processTerminal(f, o.Globals.Accessible)
	}
	report := doctor.Run(ctx, doctor.Options{Factory: f, Env: env, Terminal: terminal(),
		Conformance: o.Conformance, Program: o.Program})
	if o.JSON {
		err = cmdutil.WriteJSON(f.IO.Out, report)
	} else {
		err = report.Write(f.IO.Out, f.IO.Width)
	}
	if err != nil {
		return err
	}
	failed, drifted := report.Failed(), 0
	if report.Conformance != nil {
		drifted = len(report.Conformance.Drift)
	}
	if failed+drifted > 0 {
		return &exitcode.Error{Code: 1, Err: fmt.Errorf("doctor: %d not ready, %d drifted", failed, drifted)}
	}
	return nil
}

// processTerminal reads the terminal this process runs in.
func processTerminal(f *app.Factory, accessible bool) func() doctor.Terminal {
	return func() doctor.Terminal {
		t := doctor.Terminal{TTY: f.IO.Interactive(), Env: f.Getenv, Accessible: accessible,
			Profile: colorprofile.Detect(os.Stdout, os.Environ())}
		if t.TTY {
			t.Width, t.Height, _ = term.GetSize(os.Stdout.Fd())
		}
		return t
	}
}
