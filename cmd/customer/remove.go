package customer

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// RemoveOptions are `customer remove`'s inputs.
type RemoveOptions struct {
	cmdutil.ActionOptions
}

// NewCmdRemove is `customer remove CLIENT_ID`.
func NewCmdRemove(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *RemoveOptions) error) *cobra.Command {
	o := &RemoveOptions{ActionOptions: cmdutil.ActionOptions{Factory: f, Globals: g, Action: actions.Remove}}
	cmd := &cobra.Command{
		Use:   "remove CLIENT_ID",
		Short: "Remove an end customer not yet enabled (POST /partner/customer/remove)",
		Long: `Remove an end customer that is not enabled in full Production: it is hidden
from the Dashboard and its keys stop working. A demo that made customers
cleans up with it. It asks first (y; in production, the word production
typed out); without a terminal to ask on it needs --yes.`,
		Example: `  plaid-onboard customer remove 7f57eb3d2a9j6480121fx361
  plaid-onboard customer remove 7f57eb3d2a9j6480121fx361 --yes`,
		Args: cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return cmdutil.OrRun(runF, runRemove)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print Plaid's raw response as JSON")
	cmd.Flags().BoolVar(&o.Yes, "yes", false, "remove without asking")
	return cmd
}

func runRemove(ctx context.Context, o *RemoveOptions) error {
	env, err := o.Factory.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	if err := cmdutil.ConfirmIrreversible(o.Factory, env, o.Action, o.ID, o.Yes); err != nil {
		return err
	}
	o.Yes = true // asked: the production gate of RunAction is passed
	return cmdutil.RunAction(ctx, &o.ActionOptions, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
		return actions.RemoveCustomer(ctx, c, env, o.ID)
	})
}
