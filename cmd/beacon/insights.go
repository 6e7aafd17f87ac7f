package beacon

import (
	"context"
	"errors"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// InsightsOptions are `beacon insights`'s inputs.
type InsightsOptions struct {
	cmdutil.ActionOptions
	AccessToken string
}

// NewCmdInsights is `beacon insights ID --access-token T`.
func NewCmdInsights(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *InsightsOptions) error) *cobra.Command {
	o := &InsightsOptions{}
	cmd := cmdutil.ReadCommandOf(f, g, actions.Lookup, "insights BEACON_USER_ID --access-token TOKEN",
		"Risk insights on the accounts an access token linked to a Beacon user (POST /beacon/user/account_insights/get)",
		o, func(o *InsightsOptions) *cmdutil.ActionOptions { return &o.ActionOptions }, cmdutil.OrRun(runF, runInsights))
	cmd.Flags().StringVar(&o.AccessToken, "access-token", "", "an access token linked to the user (required)")
	return cmd
}

func runInsights(ctx context.Context, o *InsightsOptions) error {
	if o.AccessToken == "" {
		return exitcode.Invalid(errors.New("the --access-token flag is required"), "add a token linked to the user (one of its access_tokens)")
	}
	return cmdutil.RunAction(ctx, &o.ActionOptions, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
		return actions.Insights(ctx, c, env, o.ID, o.AccessToken)
	})
}
