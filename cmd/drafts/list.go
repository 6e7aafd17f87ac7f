package drafts

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// ListOptions are `drafts list`'s inputs.
type ListOptions struct {
	Factory *app.Factory
	JSON    bool
}

// NewCmdList is `drafts list`: every draft, newest first.
func NewCmdList(f *app.Factory, runF func(context.Context, *ListOptions) error) *cobra.Command {
	o := &ListOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List drafts, newest first",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmdutil.OrRun(runF, runList)(cmd.Context(), o) },
	}
	cmd.Flags().BoolVar(&o.JSON, "json", false, "print the list as JSON")
	return cmd
}

type listEntry struct {
	ID         string            `json:"id"`
	Kind       string            `json:"kind"`
	Title      string            `json:"title"`
	Step       string            `json:"step,omitempty"`
	UpdatedAt  string            `json:"updated_at"`
	CreatedAt  string            `json:"created_at"`
	Submission *store.Submission `json:"last_submission,omitempty"`
}

func runList(_ context.Context, o *ListOptions) error {
	f := o.Factory
	s, err := cmdutil.OpenDrafts(f)
	if err != nil {
		return err
	}
	list, bad, err := s.List()
	if err != nil {
		return err
	}
	for _, q := range bad {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+q.String())
	}
	if o.JSON {
		out := make([]listEntry, 0, len(list))
		for _, d := range list {
			out = append(out, listEntry{ID: d.ID, Kind: string(d.Kind), Title: d.Title, Step: d.Step,
				UpdatedAt: d.UpdatedAt.Format("2006-01-02T15:04:05Z"), CreatedAt: d.CreatedAt.Format("2006-01-02T15:04:05Z"),
				Submission: d.LastSubmission})
		}
		return cmdutil.WriteJSON(f.IO.Out, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "no drafts yet: `plaid-onboard customer` or `plaid-onboard beacon` starts one")
		return nil
	}
	t := cmdutil.NewTable(f.IO, 2, "ID", "KIND", "TITLE", "STEP", "UPDATED", "SUBMITTED")
	now := f.Now()
	for _, d := range list {
		t.Row(d.ID, d.Kind.Label(), d.Title, words.OrDash(d.StepTitle()), words.Ago(now, d.UpdatedAt), submitted(d.LastSubmission))
	}
	return t.Print()
}

func submitted(s *store.Submission) string {
	if s == nil {
		return "—"
	}
	return fmt.Sprintf("%s (%s)", s.OutcomeWords(), s.Env)
}
