package drafts

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/bulk"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// ListOptions are `drafts list`'s inputs.
type ListOptions struct {
	Factory *app.Factory
	JSON    bool
	// Batch lists one batch's drafts, in its order, with where each stands.
	Batch string
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
	cmd.Flags().StringVar(&o.Batch, "batch", "", "list one batch's drafts in order, each ready, with problems, sent or unknown")
	return cmd
}

type listEntry struct {
	ID         string            `json:"id"`
	Kind       string            `json:"kind"`
	Title      string            `json:"title"`
	Step       string            `json:"step,omitempty"`
	Batch      string            `json:"batch,omitempty"`
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
	if o.Batch != "" {
		return listBatch(f, s, o)
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
			out = append(out, listEntry{ID: d.ID, Kind: string(d.Kind), Title: d.Title, Step: d.Step, Batch: d.Batch,
				UpdatedAt: d.UpdatedAt.Format("2006-01-02T15:04:05Z"), CreatedAt: d.CreatedAt.Format("2006-01-02T15:04:05Z"),
				Submission: d.LastSubmission})
		}
		return cmdutil.WriteJSON(f.IO.Out, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "no drafts yet: `plaid-onboard customer` or `plaid-onboard beacon` starts one")
		return nil
	}
	// A batch column only when there are batches: it costs width.
	columns := []string{"ID", "KIND", "TITLE", "STEP", "UPDATED", "SUBMITTED"}
	batches := len(bulk.Names(list)) > 0
	if batches {
		columns = append(columns, "BATCH")
	}
	t := cmdutil.NewTable(f.IO, 2, columns...)
	now := f.Now()
	for _, d := range list {
		row := []string{d.ID, d.Kind.Label(), d.Title, words.OrDash(d.StepTitle()), words.Ago(now, d.UpdatedAt), submitted(d.LastSubmission)}
		if batches {
			row = append(row, words.OrDash(d.Batch))
		}
		t.Row(row...)
	}
	return t.Print()
}

type batchEntry struct {
	ID       string        `json:"id"`
	Title    string        `json:"title"`
	State    string        `json:"state"`
	Detail   string        `json:"detail,omitempty"`
	Problems []problemJSON `json:"problems"`
}

// listBatch lists one batch in its order, each draft with where it stands.
func listBatch(f *app.Factory, s *store.Store, o *ListOptions) error {
	b, err := bulk.Load(s, o.Batch, catalog.Env{Environment: client.Local, Now: f.Now()})
	if err != nil {
		return exitcode.Invalid(err, "")
	}
	if o.JSON {
		out := make([]batchEntry, len(b.Members))
		for i, m := range b.Members {
			out[i] = batchEntry{ID: m.ID, Title: m.Title, State: string(m.State), Detail: m.Detail(), Problems: []problemJSON{}}
			for _, p := range m.Problems {
				out[i].Problems = append(out[i].Problems, problemJSON{Path: p.Path, Message: p.Message})
			}
		}
		return cmdutil.WriteJSON(f.IO.Out, out)
	}
	t := cmdutil.NewTable(f.IO, 2, "#", "ID", "TITLE", "STATE", "DETAIL")
	for _, m := range b.Members {
		t.Row(fmt.Sprint(m.Index), m.ID, m.Title, string(m.State), words.OrDash(m.Detail()))
	}
	if err := t.Print(); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "Batch %s: %s.\n", o.Batch, b.Summary())
	return nil
}

func submitted(s *store.Submission) string {
	if s == nil {
		return "—"
	}
	return fmt.Sprintf("%s (%s)", s.OutcomeWords(), s.Env)
}
