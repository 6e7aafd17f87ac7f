package beacon

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdGet is `beacon get ID`: the user's status now. A read of the person
// an unsettled attempt made settles the draft.
func NewCmdGet(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Refresh, "get BEACON_USER_ID",
		"Show a Beacon user's status now (POST /beacon/user/get)", cmdutil.OrRun(runF, runGet))
}

func runGet(ctx context.Context, o *cmdutil.ActionOptions) error {
	return cmdutil.RunRead(actions.RefreshBeacon)(ctx, o)
}
