// Package root assembles the command tree.
package root

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/beacon"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/cmd/customer"
	"github.com/plaid-onboard/plaid-onboard/cmd/doctor"
	"github.com/plaid-onboard/plaid-onboard/cmd/drafts"
	"github.com/plaid-onboard/plaid-onboard/cmd/emulator"
	"github.com/plaid-onboard/plaid-onboard/cmd/listen"
	"github.com/plaid-onboard/plaid-onboard/cmd/submit"
	"github.com/plaid-onboard/plaid-onboard/cmd/version"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/third_party/fang"
)

// NewCmd returns plaid-onboard's root command.
func NewCmd(f *app.Factory, interrupts *cmdutil.Interrupts) *cobra.Command {
	g := &cmdutil.Globals{}
	cmd := &cobra.Command{
		Use:   "plaid-onboard",
		Short: "Onboard Plaid partner customers and screen people with Beacon, by hand",
		Long: `plaid-onboard walks you through two Plaid API calls in your terminal:
creating a partner end customer, and screening one person with Beacon.
Fields are checked as you type, drafts are saved as you go, and you review
the exact request before it is sent.

With no credentials it talks to a built-in emulator of Plaid (--env local),
so demos and practice need no network. Set PLAID_CLIENT_ID, PLAID_SECRET
and PLAID_ENV (sandbox or production) to talk to Plaid itself; secrets are
read from the environment only, never from flags.

Exit codes: 0 success; 1 Plaid returned an error; 2 invalid input or usage
(nothing was sent); 3 the request could not be sent or its outcome is
unknown; 4 a problem on this machine: a file that cannot be read or
written, a damaged draft or emulator store (nothing was sent); 130
interrupted.`,
		Example: `  # the home screen: new customer, screen a person, resume a draft
  plaid-onboard

  # go straight to a wizard
  plaid-onboard customer
  plaid-onboard beacon

  # check and send a body from a script; follow up
  plaid-onboard submit beacon --file person.json --json
  plaid-onboard beacon get becusr_…

  # serve the emulator for curl and scripts
  plaid-onboard emulator

  # talk to Plaid's sandbox
  PLAID_ENV=sandbox PLAID_CLIENT_ID=… PLAID_SECRET=… plaid-onboard`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.RunTUI(cmd.Context(), f, g, "home", "")
		},
	}
	cmd.PersistentPreRun = func(c *cobra.Command, args []string) {
		interrupts.Catch(c, args)
		if f.DebugWanted(g.Debug) {
			f.Debug = f.IO.ErrOut
		}
	}
	cmdutil.AddGlobalFlags(cmd, g)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exitcode.Invalid(err, "run `"+c.CommandPath()+" --help` for usage")
	})
	cmd.AddCommand(
		customer.NewCmd(f, g),
		beacon.NewCmd(f, g),
		submit.NewCmd(f, g, nil),
		drafts.NewCmd(f, g),
		drafts.NewCmdExport(f, "export ID", nil),
		emulator.NewCmd(f),
		emulator.NewCmdDemo(f, g, nil),
		listen.NewCmd(f, g, nil),
		version.NewCmd(f),
		doctor.NewCmd(f, g, nil),
	)
	cmd.InitDefaultCompletionCmd()
	cmd.InitDefaultHelpCmd()
	hideUnusedGlobals(cmd)
	return cmd
}

// hideUnusedGlobals keeps a command's help to the global flags it takes
// notice of: --accessible and --no-save-pii only where there are screens
// or drafts to keep, --env and --debug only where Plaid is asked.
func hideUnusedGlobals(root *cobra.Command) {
	screens := []string{"accessible", "no-save-pii"}
	all := append([]string{"env", "debug"}, screens...)
	unused := map[string][]string{
		"version": all, "completion": all, "help": all, "emulator": all, "drafts": all,
		"customer": screens, "beacon": screens, "export": {"accessible", "no-save-pii", "debug"},
		"submit": {"accessible"}, "listen": {"no-save-pii"}, "doctor": {"no-save-pii", "debug"}, "demo": {"accessible", "no-save-pii", "debug"},
	}
	var mark func(c *cobra.Command, names []string)
	mark = func(c *cobra.Command, names []string) {
		if c.Annotations == nil {
			c.Annotations = map[string]string{}
		}
		c.Annotations[fang.UnusedFlagsAnnotation] = strings.Join(names, ",")
		for _, sub := range c.Commands() {
			mark(sub, names)
		}
	}
	for _, c := range root.Commands() {
		if names, ok := unused[c.Name()]; ok {
			mark(c, names)
		}
	}
	// The wizards themselves have screens and drafts: only their verbs
	// (get, review…) have neither.
	for _, name := range []string{"customer", "beacon"} {
		if c, _, err := root.Find([]string{name}); err == nil {
			delete(c.Annotations, fang.UnusedFlagsAnnotation)
		}
	}
	// drafts import checks for an environment and keeps personal data.
	if c, _, err := root.Find([]string{"drafts", "import"}); err == nil {
		c.Annotations[fang.UnusedFlagsAnnotation] = "accessible,debug"
	}
	// drafts export --curl asks no one, but names the environment.
	if c, _, err := root.Find([]string{"drafts", "export"}); err == nil {
		c.Annotations[fang.UnusedFlagsAnnotation] = "accessible,no-save-pii,debug"
	}
}
