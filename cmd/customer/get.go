package customer

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdGet is `customer get CLIENT_ID`: an end customer's status and what
// it still needs.
func NewCmdGet(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Refresh, "get CLIENT_ID",
		"Show an end customer's status and what it still needs (POST /beta/partner/customer/v1/get)",
		cmdutil.OrRun(runF, cmdutil.RunRead(actions.RefreshCustomer)))
}
