package cmdutil

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// OpenDrafts opens the drafts store for a command: notices go to stderr.
func OpenDrafts(f *app.Factory) (*drafts.Store, error) {
	return f.Drafts(func(msg string) { fmt.Fprintln(f.IO.ErrOut, "note: "+msg) })
}

// CompleteDrafts completes a draft id, with the draft's title as the
// description: for a flag, or (positional) for a command's one argument.
func CompleteDrafts(f *app.Factory, positional bool) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if positional && len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		s, err := OpenDrafts(f)
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		list, _, _ := s.List()
		var out []string
		for _, d := range list {
			out = append(out, d.ID+"\t"+d.Title)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}
