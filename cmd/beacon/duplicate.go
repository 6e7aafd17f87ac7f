package beacon

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// DuplicateOptions are `beacon duplicate`'s inputs.
type DuplicateOptions struct {
	cmdutil.ActionOptions
	// Reveal shows the personal data in full.
	Reveal bool
}

// NewCmdDuplicate is `beacon duplicate DUPLICATE_ID`: two users side by
// side.
func NewCmdDuplicate(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *DuplicateOptions) error) *cobra.Command {
	o := &DuplicateOptions{}
	cmd := cmdutil.ReadCommandOf(f, g, actions.Lookup, "duplicate BEACON_DUPLICATE_ID",
		"Two users of one program side by side, with what matched (POST /beacon/duplicate/get)",
		o, func(o *DuplicateOptions) *cmdutil.ActionOptions { return &o.ActionOptions }, cmdutil.OrRun(runF, runDuplicate))
	cmd.Long = "Show a Beacon duplicate: the two users side by side, each attribute marked ✓ match, ≈ partial, ✗ differs or – no data.\n" +
		"Duplicate ids come in DUPLICATE_DETECTED webhooks (`plaid-onboard listen`); Plaid's API lists them nowhere else."
	cmd.Flags().BoolVar(&o.Reveal, "reveal", false, "show dates of birth, ID numbers, email and phone in full")
	return cmd
}

func runDuplicate(ctx context.Context, o *DuplicateOptions) error {
	return cmdutil.RunAction(ctx, &o.ActionOptions, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
		return actions.GetDuplicate(ctx, c, env, o.ID, o.Reveal)
	})
}
