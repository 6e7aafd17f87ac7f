package beacon

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// ReviewOptions are `beacon review`'s inputs.
type ReviewOptions struct {
	cmdutil.ActionOptions
	Status string
}

// NewCmdReview is `beacon review ID --status S`.
func NewCmdReview(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *ReviewOptions) error) *cobra.Command {
	o := &ReviewOptions{ActionOptions: cmdutil.ActionOptions{Factory: f, Globals: g, Action: actions.Review}}
	cmd := &cobra.Command{
		Use:   "review BEACON_USER_ID --status cleared|pending_review|rejected",
		Short: "Set a Beacon user's status after review (POST /beacon/user/review)",
		Long: "Set a Beacon user's status after review. Plaid's rules: " + actions.ReviewRules +
			"\n`plaid-onboard beacon report` files the fraud report that rejected needs.",
		Args: cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return cmdutil.OrRun(runF, runReview)(cmd.Context(), o)
		},
	}
	statuses := client.Strings(client.BeaconUserStatuses)
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print Plaid's raw response as JSON")
	cmd.Flags().StringVar(&o.Status, "status", "", "the status to set: "+strings.Join(statuses, ", ")+" (required)")
	cmd.Flags().BoolVar(&o.Yes, "yes", false, "set the status in production without asking")
	_ = cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions(statuses, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runReview(ctx context.Context, o *ReviewOptions) error {
	if o.Status == "" {
		return exitcode.Invalid(fmt.Errorf("the --status flag is required"), "one of: "+strings.Join(client.Strings(client.BeaconUserStatuses), ", "))
	}
	return cmdutil.RunAction(ctx, &o.ActionOptions, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
		return actions.ReviewBeacon(ctx, c, env, o.ID, client.BeaconUserStatus(o.Status))
	})
}
