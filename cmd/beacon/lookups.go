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

func newCmdHistory(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	return cmdutil.LookupCommand(f, g, "history BEACON_USER_ID", "Every version of a Beacon user and what changed (POST /beacon/user/history/list)", actions.History)
}

func newCmdReports(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	return cmdutil.LookupCommand(f, g, "reports BEACON_USER_ID", "The fraud reports on a Beacon user (POST /beacon/report/list)", actions.Reports)
}

func newCmdReportGet(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	return cmdutil.LookupCommand(f, g, "get BEACON_REPORT_ID", "Show one fraud report (POST /beacon/report/get)", actions.GetReport)
}

func newCmdSyndications(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	return cmdutil.LookupCommand(f, g, "syndications BEACON_USER_ID",
		"The fraud reports matching a Beacon user, and what matched (POST /beacon/report_syndication/list)", actions.Syndications)
}

func newCmdDuplicate(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var reveal bool
	cmd := cmdutil.LookupCommand(f, g, "duplicate BEACON_DUPLICATE_ID",
		"Two users of one program side by side, with what matched (POST /beacon/duplicate/get)",
		func(ctx context.Context, c *client.Client, env catalog.Env, id string) (actions.Result, error) {
			return actions.GetDuplicate(ctx, c, env, id, reveal)
		})
	cmd.Long = "Show a Beacon duplicate: the two users side by side, each attribute marked ✓ match, ≈ partial, ✗ differs or – no data.\n" +
		"Duplicate ids come in DUPLICATE_DETECTED webhooks (`plaid-onboard listen`); Plaid's API lists them nowhere else."
	cmd.Flags().BoolVar(&reveal, "reveal", false, "show dates of birth, ID numbers, email and phone in full")
	return cmd
}

func newCmdInsights(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var token string
	cmd := cmdutil.LookupCommand(f, g, "insights BEACON_USER_ID --access-token TOKEN",
		"Risk insights on the accounts an access token linked to a Beacon user (POST /beacon/user/account_insights/get)",
		func(ctx context.Context, c *client.Client, env catalog.Env, id string) (actions.Result, error) {
			return actions.Insights(ctx, c, env, id, token)
		})
	cmd.PreRunE = func(*cobra.Command, []string) error {
		if token == "" {
			return exitcode.Invalid(errors.New("the --access-token flag is required"), "add a token linked to the user (one of its access_tokens)")
		}
		return nil
	}
	cmd.Flags().StringVar(&token, "access-token", "", "an access token linked to the user (required)")
	return cmd
}
