package customer

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdInstitutions is `customer institutions CLIENT_ID`: the OAuth
// registrations, bank by bank.
func NewCmdInstitutions(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Lookup, "institutions CLIENT_ID",
		"Where an end customer's OAuth registrations stand, bank by bank (POST /partner/customer/oauth_institutions/get)",
		cmdutil.OrRun(runF, cmdutil.RunRead(actions.Institutions)))
}
