package cmdutil

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// LookupCommand is a command that reads one thing by id and prints it: the
// lookups an agent makes to see why a user has its status.
func LookupCommand(f *app.Factory, g *Globals, use, short string,
	look func(ctx context.Context, c *client.Client, env catalog.Env, id string) (actions.Result, error)) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o := ActionOptions{Action: actions.Lookup, What: args[0], JSON: asJSON}
			return RunAction(cmd.Context(), f, g, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return look(ctx, c, env, args[0])
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print Plaid's raw response as JSON (every page of a list as one)")
	return cmd
}
