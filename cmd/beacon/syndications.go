package beacon

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdSyndications is `beacon syndications ID`: the reports matching a
// user, and what matched.
func NewCmdSyndications(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Lookup, "syndications BEACON_USER_ID",
		"The fraud reports matching a Beacon user, and what matched (POST /beacon/report_syndication/list)",
		cmdutil.OrRun(runF, cmdutil.RunRead(actions.Syndications)))
}
