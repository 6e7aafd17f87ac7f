// Package customer is `plaid-onboard customer`: the partner end-customer
// wizard, and the commands on an end customer, a verb a file, each with
// its Options filled from the flags and a run function that tests call
// with fakes.
package customer

import (
	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmd returns the customer command.
func NewCmd(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var draftID string
	cmd := &cobra.Command{
		Use:   "customer",
		Short: "Create a partner end customer step by step (POST /beta/partner/customer/v1/create)",
		Long: `Open the partner end-customer wizard: company and application, address,
customer support, contacts, products, logo, redirect URIs, bank addendum,
attestations and the CRA questionnaire. Every field is checked as you type,
the draft is saved as you go, and nothing is sent before the review screen.`,
		Example: `  plaid-onboard customer
  plaid-onboard customer --draft k3j9x2
  PLAID_ENV=sandbox plaid-onboard customer`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.RunTUI(cmd.Context(), f, g, "customer", draftID)
		},
	}
	cmd.Flags().StringVar(&draftID, "draft", "", "resume the draft with this id (see `plaid-onboard drafts list`)")
	_ = cmd.RegisterFlagCompletionFunc("draft", cmdutil.CompleteDrafts(f, false))
	cmd.AddCommand(NewCmdGet(f, g, nil), NewCmdEnable(f, g, nil), NewCmdInstitutions(f, g, nil), NewCmdRemove(f, g, nil))
	return cmd
}
