package beacon

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// newCmdGet is `beacon get ID`.
func newCmdGet(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "get BEACON_USER_ID",
		Short: "Show a Beacon user's status now (POST /beacon/user/get)",
		Args:  cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o := cmdutil.ActionOptions{Action: actions.Refresh, What: args[0], JSON: asJSON}
			return cmdutil.RunAction(cmd.Context(), f, g, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.RefreshBeacon(ctx, c, env, args[0])
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print Plaid's raw response as JSON")
	return cmd
}

// newCmdReview is `beacon review ID --status S`.
func newCmdReview(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var (
		asJSON, yes bool
		status      string
	)
	cmd := &cobra.Command{
		Use:   "review BEACON_USER_ID --status cleared|pending_review|rejected",
		Short: "Set a Beacon user's status after review (POST /beacon/user/review)",
		Long: "Set a Beacon user's status after review. Plaid's rules: " + actions.ReviewRules +
			"\n`plaid-onboard beacon report` files the fraud report that rejected needs.",
		Args: cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if status == "" {
				return exitcode.Invalid(fmt.Errorf("the --status flag is required"), "one of: "+strings.Join(client.Strings(client.BeaconUserStatuses), ", "))
			}
			o := cmdutil.ActionOptions{Action: actions.Review, What: args[0], JSON: asJSON, Yes: yes}
			return cmdutil.RunAction(cmd.Context(), f, g, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.ReviewBeacon(ctx, c, env, args[0], client.BeaconUserStatus(status))
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print Plaid's raw response as JSON")
	cmd.Flags().StringVar(&status, "status", "", "the status to set: cleared, pending_review or rejected (required)")
	cmd.Flags().BoolVar(&yes, "yes", false, "set the status in production without asking")
	_ = cmd.RegisterFlagCompletionFunc("status", cobra.FixedCompletions(client.Strings(client.BeaconUserStatuses), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// newCmdReport is `beacon report ID --type T`.
func newCmdReport(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var (
		asJSON, yes      bool
		typ, date, value string
		currency         string
	)
	cmd := &cobra.Command{
		Use:   "report BEACON_USER_ID --type TYPE",
		Short: "Report a Beacon user for fraud (POST /beacon/report/create)",
		Long: `Report a Beacon user for fraud. Anyone screened later who matches them is
rejected, and the user can be set to rejected with ` + "`beacon review`" + `.`,
		Example: `  plaid-onboard beacon report becusr_42cF1MNo42r9Xj --type first_party --fraud-date 2026-10-01 --amount 250`,
		Args:    cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			if typ == "" {
				return exitcode.Invalid(fmt.Errorf("the --type flag is required"), "one of: "+strings.Join(client.Strings(client.BeaconReportTypesShown), ", "))
			}
			if date == "" {
				date = f.Now().Format("2006-01-02")
			}
			req := &client.BeaconReportCreateRequest{BeaconUserID: args[0], Type: client.BeaconReportType(typ), FraudDate: date}
			if value != "" {
				v, err := strconv.ParseFloat(value, 64)
				if err != nil {
					return exitcode.Invalid(fmt.Errorf("the --amount value %q is not a number", value), "")
				}
				req.FraudAmount = &client.FraudAmount{ISOCurrencyCode: strings.ToUpper(currency), Value: v}
			}
			o := cmdutil.ActionOptions{Action: actions.Report, What: args[0], JSON: asJSON, Yes: yes}
			return cmdutil.RunAction(cmd.Context(), f, g, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.ReportFraud(ctx, c, env, req)
			})
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&asJSON, "json", false, "print Plaid's raw response as JSON")
	fl.StringVar(&typ, "type", "", "first_party, stolen, synthetic, account_takeover or unknown (required)")
	fl.StringVar(&date, "fraud-date", "", "when the fraud happened, YYYY-MM-DD (default today)")
	fl.StringVar(&value, "amount", "", "the amount lost, when known")
	fl.StringVar(&currency, "currency", "USD", "the ISO 4217 currency of --amount")
	fl.BoolVar(&yes, "yes", false, "report in production without asking")
	_ = cmd.RegisterFlagCompletionFunc("type", cobra.FixedCompletions(client.Strings(client.BeaconReportTypesShown), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}
