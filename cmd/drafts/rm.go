package drafts

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// RemoveOptions are `drafts rm`'s inputs.
type RemoveOptions struct {
	Factory *app.Factory
	ID      string
	// Yes removes it without asking.
	Yes bool
}

// NewCmdRemove is `drafts rm ID`.
func NewCmdRemove(f *app.Factory, runF func(context.Context, *RemoveOptions) error) *cobra.Command {
	o := &RemoveOptions{Factory: f}
	cmd := &cobra.Command{
		Use:               "rm ID",
		Aliases:           []string{"remove", "delete"},
		Short:             "Remove a draft",
		Args:              cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteDrafts(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return cmdutil.OrRun(runF, runRemove)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVarP(&o.Yes, "yes", "y", false, "do not ask first")
	return cmd
}

func runRemove(_ context.Context, o *RemoveOptions) error {
	f, id := o.Factory, o.ID
	s, d, err := openDraft(f, id)
	if err != nil {
		return err
	}
	if !o.Yes {
		if !f.IO.StdinTTY {
			return exitcode.Invalid(fmt.Errorf("not removing draft %s without confirmation", id), "add --yes to remove it without asking")
		}
		fmt.Fprintf(f.IO.ErrOut, "Remove draft %s (%s, %s)? [y/N] ", d.ID, d.Kind.Label(), d.DisplayTitle())
		answer, _ := readLine(f.IO.In)
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(f.IO.ErrOut, "kept")
			return nil
		}
	}
	unlock, err := s.Lock(id)
	if errors.Is(err, store.ErrInUse) {
		return exitcode.Invalid(err, "close it in the other window first")
	}
	if err != nil {
		return err
	}
	defer unlock()
	if err := s.Delete(id); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "removed draft %s\n", id)
	return nil
}
