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

// EnableOptions are `customer enable`'s inputs.
type EnableOptions struct {
	cmdutil.ActionOptions
	// Products to enable; all of them when empty.
	Products []string
}

// NewCmdEnable is `customer enable CLIENT_ID`.
func NewCmdEnable(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *EnableOptions) error) *cobra.Command {
	o := &EnableOptions{ActionOptions: cmdutil.ActionOptions{Factory: f, Globals: g, Action: actions.Enable}}
	cmd := &cobra.Command{
		Use:   "enable CLIENT_ID",
		Short: "Enable an end customer in full Production (POST /beta/partner/customer/v1/enable)",
		Long: `Enable an end customer in full Production, for all its products or those
named with --product. In production it needs --yes. The answer carries the
customer's production secret: it is masked unless --json is given.`,
		Args: cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return cmdutil.OrRun(runF, runEnable)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print Plaid's raw response as JSON")
	cmd.Flags().BoolVar(&o.Yes, "yes", false, "enable in production without asking")
	cmd.Flags().StringSliceVar(&o.Products, "product", nil, "enable only these products (repeat, or separate with commas)")
	return cmd
}

func runEnable(ctx context.Context, o *EnableOptions) error {
	req := &client.PartnerCustomerEnableRequest{EndCustomerClientID: o.ID}
	for _, p := range o.Products {
		req.Products = append(req.Products, client.Product(p))
	}
	return cmdutil.RunAction(ctx, &o.ActionOptions, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
		return actions.EnableCustomer(ctx, c, env, req)
	})
}
