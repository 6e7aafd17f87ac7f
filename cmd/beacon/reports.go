package beacon

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdReports is `beacon reports ID`: the fraud reports on a user.
func NewCmdReports(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Lookup, "reports BEACON_USER_ID", "The fraud reports on a Beacon user (POST /beacon/report/list)",
		cmdutil.OrRun(runF, cmdutil.RunRead(actions.Reports)))
}
