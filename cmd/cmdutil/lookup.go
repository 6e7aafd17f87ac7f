package cmdutil

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// ReadCommand is a command that reads one thing by id and prints it (a
// get, a lookup an agent makes to see why a user has its status): its
// options are filled from the flags, and run (the verb's run function, or
// a test's) does the rest.
func ReadCommand(f *app.Factory, g *Globals, action actions.Action, use, short string,
	run func(context.Context, *ActionOptions) error) *cobra.Command {
	o := &ActionOptions{Factory: f, Globals: g, Action: action}
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return run(cmd.Context(), o)
		},
	}
	help := "print Plaid's raw response as JSON"
	if action == actions.Lookup {
		help += " (every page of a list as one)"
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, help)
	return cmd
}

// Reader reads one thing by id: an actions function.
type Reader func(ctx context.Context, c *client.Client, env catalog.Env, id string) (actions.Result, error)

// RunRead is the run function of a ReadCommand that calls read.
func RunRead(read Reader) func(context.Context, *ActionOptions) error {
	return func(ctx context.Context, o *ActionOptions) error {
		return RunAction(ctx, o, func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error) {
			return read(ctx, c, env, o.ID)
		})
	}
}

// OrRun is the run function a command calls: a test's when it gives one
// (to see the options the flags made), else the verb's own.
func OrRun[O any](runF, own func(context.Context, *O) error) func(context.Context, *O) error {
	if runF != nil {
		return runF
	}
	return own
}

// ReadCommandOf is ReadCommand for a verb whose options add to
// ActionOptions (--reveal, --access-token): o holds them, base is the
// ActionOptions inside it.
func ReadCommandOf[O any](f *app.Factory, g *Globals, action actions.Action, use, short string,
	o *O, base func(*O) *ActionOptions, run func(context.Context, *O) error) *cobra.Command {
	return ReadCommand(f, g, action, use, short, func(ctx context.Context, read *ActionOptions) error {
		*base(o) = *read
		return run(ctx, o)
	})
}
