// Package beacon is `plaid-onboard beacon`: the Beacon screening wizard,
// and the commands on a Beacon user, a verb a file (get.go, review.go…),
// each with its Options filled from the flags and a run function that
// tests call with fakes.
package beacon

import (
	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmd returns the beacon command and its verbs.
func NewCmd(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	var draftID string
	cmd := &cobra.Command{
		Use:   "beacon",
		Short: "Screen one person with Beacon (POST /beacon/user/create) and act on the result",
		Long: `Open the Beacon screening wizard: program and client user id, name, date of
birth, contact, address, ID number, bank accounts, access tokens and IP
address. The answer is cleared, pending_review or rejected; from the result
you can refresh, review, report as fraud, or edit and screen again.`,
		Example: `  plaid-onboard beacon
  plaid-onboard beacon --draft p2m8qz --no-save-pii`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmdutil.RunTUI(cmd.Context(), f, g, "beacon", draftID)
		},
	}
	cmd.Flags().StringVar(&draftID, "draft", "", "resume the draft with this id (see `plaid-onboard drafts list`)")
	_ = cmd.RegisterFlagCompletionFunc("draft", cmdutil.CompleteDrafts(f, false))
	report := NewCmdReport(f, g, nil)
	report.AddCommand(NewCmdReportGet(f, g, nil))
	cmd.AddCommand(NewCmdGet(f, g, nil), NewCmdReview(f, g, nil), report, NewCmdHistory(f, g, nil), NewCmdReports(f, g, nil),
		NewCmdSyndications(f, g, nil), NewCmdDuplicate(f, g, nil), NewCmdInsights(f, g, nil))
	return cmd
}
