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

// newCmdGet is `customer get CLIENT_ID`: an end customer's status.
func newCmdGet(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "get CLIENT_ID",
		Short: "Show an end customer's status and what it still needs (POST /beta/partner/customer/v1/get)",
		Args:  cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o := cmdutil.ActionOptions{Action: actions.Refresh, What: args[0], JSON: asJSON}
			return cmdutil.RunAction(cmd.Context(), f, g, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.RefreshCustomer(ctx, c, env, args[0])
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print Plaid's raw response as JSON")
	return cmd
}

// newCmdEnable is `customer enable CLIENT_ID`.
func newCmdEnable(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var (
		asJSON, yes bool
		products    []string
	)
	cmd := &cobra.Command{
		Use:   "enable CLIENT_ID",
		Short: "Enable an end customer in full Production (POST /beta/partner/customer/v1/enable)",
		Long: `Enable an end customer in full Production, for all its products or those
named with --product. In production it needs --yes. The answer carries the
customer's production secret: it is masked unless --json is given.`,
		Args: cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			req := &client.PartnerCustomerEnableRequest{EndCustomerClientID: args[0]}
			for _, p := range products {
				req.Products = append(req.Products, client.Product(p))
			}
			o := cmdutil.ActionOptions{Action: actions.Enable, What: args[0], JSON: asJSON, Yes: yes}
			return cmdutil.RunAction(cmd.Context(), f, g, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
				return actions.EnableCustomer(ctx, c, env, req)
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print Plaid's raw response as JSON")
	cmd.Flags().BoolVar(&yes, "yes", false, "enable in production without asking")
	cmd.Flags().StringSliceVar(&products, "product", nil, "enable only these products (repeat, or separate with commas)")
	return cmd
}
