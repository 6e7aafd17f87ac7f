package beacon

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmdReportGet is `beacon report get REPORT_ID`.
func NewCmdReportGet(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *cmdutil.ActionOptions) error) *cobra.Command {
	return cmdutil.ReadCommand(f, g, actions.Lookup, "get BEACON_REPORT_ID", "Show one fraud report (POST /beacon/report/get)",
		cmdutil.OrRun(runF, cmdutil.RunRead(actions.GetReport)))
}
