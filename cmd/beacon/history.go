package beacon

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdHistory is `beacon history ID`: every version and what changed.
func NewCmdHistory(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Lookup, "history BEACON_USER_ID",
		"Every version of a Beacon user and what changed (POST /beacon/user/history/list)",
		cmdutil.OrRun(runF, cmdutil.RunRead(actions.History)))
}
