// Package drafts is `plaid-onboard drafts`: list, show, remove and export
// saved drafts, a verb a file, each with its Options filled from the flags
// and a run function that tests call with fakes.
package drafts

import (
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmd returns the drafts command and its verbs.
func NewCmd(f *app.Factory, g *cmdutil.Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "drafts",
		Short: "List, show, remove, export and import drafts",
		Long: `Every wizard is a draft from its first keystroke, saved in
` + "`$XDG_DATA_HOME/plaid-onboard/drafts`" + ` (or $PLAID_ONBOARD_DATA_DIR/drafts).
Dates of birth, ID numbers, account numbers and access tokens are encrypted
there; the key lives in the OS keyring, or in a file readable only by you.`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runList(cmd.Context(), &ListOptions{Factory: f}) },
	}
	cmd.AddCommand(NewCmdList(f, nil), NewCmdShow(f, nil), NewCmdRemove(f, nil), NewCmdExport(f, "export ID", nil), NewCmdImport(f, g, nil),
		NewCmdNew(f, nil), NewCmdTemplate(f))
	return cmd
}

// openDraft opens the store and a draft in it; a missing draft is the
// user's error, with a pointer to the list.
func openDraft(f *app.Factory, id string) (*store.Store, *store.Draft, error) {
	s, err := cmdutil.OpenDrafts(f)
	if err != nil {
		return nil, nil, err
	}
	d, err := s.Load(id)
	if err != nil {
		return nil, nil, app.DraftError(err)
	}
	return s, d, nil
}

func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for {
		n, err := r.Read(buf)
		if n > 0 {
			if buf[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(buf[0])
		}
		if err != nil {
			return b.String(), err
		}
	}
}
