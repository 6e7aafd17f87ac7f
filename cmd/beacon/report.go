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

// ReportOptions are `beacon report`'s inputs.
type ReportOptions struct {
	cmdutil.ActionOptions
	Type      string
	FraudDate string // YYYY-MM-DD; today when empty
	Amount    string // as typed; none when empty
	Currency  string
}

// NewCmdReport is `beacon report ID --type T`.
func NewCmdReport(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *ReportOptions) error) *cobra.Command {
	o := &ReportOptions{ActionOptions: cmdutil.ActionOptions{Factory: f, Globals: g, Action: actions.Report}}
	cmd := &cobra.Command{
		Use:   "report BEACON_USER_ID --type TYPE",
		Short: "Report a Beacon user for fraud (POST /beacon/report/create)",
		Long: `Report a Beacon user for fraud. Anyone screened later who matches them is
rejected, and the user can be set to rejected with ` + "`beacon review`" + `.`,
		Example: `  plaid-onboard beacon report becusr_42cF1MNo42r9Xj --type first_party --fraud-date 2026-10-01 --amount 250`,
		Args:    cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return cmdutil.OrRun(runF, runReport)(cmd.Context(), o)
		},
	}
	types := client.Strings(client.BeaconReportTypesShown)
	fl := cmd.Flags()
	fl.BoolVar(&o.JSON, "json", false, "print Plaid's raw response as JSON")
	fl.StringVar(&o.Type, "type", "", strings.Join(types, ", ")+" (required)")
	fl.StringVar(&o.FraudDate, "fraud-date", "", "when the fraud happened, YYYY-MM-DD (default today)")
	fl.StringVar(&o.Amount, "amount", "", "the amount lost, when known")
	fl.StringVar(&o.Currency, "currency", "USD", "the ISO 4217 currency of --amount")
	fl.BoolVar(&o.Yes, "yes", false, "report in production without asking")
	_ = cmd.RegisterFlagCompletionFunc("type", cobra.FixedCompletions(types, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runReport(ctx context.Context, o *ReportOptions) error {
	if o.Type == "" {
		return exitcode.Invalid(fmt.Errorf("the --type flag is required"), "one of: "+strings.Join(client.Strings(client.BeaconReportTypesShown), ", "))
	}
	date := o.FraudDate
	if date == "" {
		date = o.Factory.Now().Format("2006-01-02")
	}
	req := &client.BeaconReportCreateRequest{BeaconUserID: o.ID, Type: client.BeaconReportType(o.Type), FraudDate: date}
	if o.Amount != "" {
		v, err := strconv.ParseFloat(o.Amount, 64)
		if err != nil {
			return exitcode.Invalid(fmt.Errorf("the --amount value %q is not a number", o.Amount), "")
		}
		req.FraudAmount = &client.FraudAmount{ISOCurrencyCode: strings.ToUpper(o.Currency), Value: v}
	}
	return cmdutil.RunAction(ctx, &o.ActionOptions, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
		return actions.ReportFraud(ctx, c, env, req)
	})
}
