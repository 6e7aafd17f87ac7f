package cmdutil

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// Globals are the flags every command accepts.
type Globals struct {
	Env        string
	Accessible bool
	NoSavePII  bool
	Debug      bool
}

// AddGlobalFlags binds the global flags to cmd's persistent flags.
func AddGlobalFlags(cmd *cobra.Command, g *Globals) {
	fl := cmd.PersistentFlags()
	fl.StringVar(&g.Env, "env", "", "environment: local (built-in emulator), sandbox or production (default: $PLAID_ENV, else local)")
	fl.BoolVar(&g.Accessible, "accessible", false, "plain prompts for screen readers instead of full-screen forms (also when TERM=dumb)")
	fl.BoolVar(&g.NoSavePII, "no-save-pii", false, "keep SSNs, account numbers, access tokens and dates of birth in memory only, never in drafts")
	fl.BoolVar(&g.Debug, "debug", false, "show every HTTP exchange (personal data masked, secrets never): on stderr, or in a file the screens name (also PLAID_ONBOARD_DEBUG=1)")
	_ = cmd.RegisterFlagCompletionFunc("env", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		out := make([]string, len(client.Environments))
		for i, e := range client.Environments {
			out[i] = string(e)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// RunTUI opens the full-screen program, or refuses at once, with advice,
// when there is no terminal to draw on (a script, a pipe, CI): it never
// waits for input that cannot come. --accessible asks plain questions,
// which work without a terminal too: answers can be piped in.
func RunTUI(ctx context.Context, f *app.Factory, g *Globals, flow, draftID string) error {
	if !f.IO.Interactive() && !g.Accessible {
		hint := "to check and send a request without a terminal, use `plaid-onboard submit customer|beacon --file body.json`; --accessible asks plain questions that can be answered from a pipe; `plaid-onboard drafts list` shows saved drafts"
		return exitcode.Invalid(fmt.Errorf("this command is interactive and needs a terminal on stdin and stdout"), hint)
	}
	env, err := f.Environment(g.Env)
	if err != nil {
		return err
	}
	if f.LaunchTUI == nil {
		return fmt.Errorf("this build has no interactive screens")
	}
	return f.LaunchTUI(ctx, f, app.TUIRequest{
		Flow: flow, DraftID: draftID, Env: env, NoSavePII: g.NoSavePII,
		Accessible: g.Accessible || strings.EqualFold(f.Getenv("TERM"), "dumb"),
	})
}

// InvalidArgs wraps cobra's argument validators so misuse exits with
// ExitInvalid.
func InvalidArgs(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := v(cmd, args); err != nil {
			return exitcode.Invalid(err, "run `"+cmd.CommandPath()+" --help` for usage")
		}
		return nil
	}
}
