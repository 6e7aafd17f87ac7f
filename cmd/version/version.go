// Package version is `plaid-onboard version`.
package version

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/buildinfo"
)

// report is what --json prints: the build, and the Plaid API version.
type report struct {
	buildinfo.Info
	PlaidVersion string `json:"plaid_version"`
}

// NewCmd returns the version command.
func NewCmd(f *app.Factory) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and build date, and the Plaid API version it speaks",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			b := f.Build
			if b.Version == "" {
				b.Version = f.Version
			}
			if asJSON {
				return cmdutil.WriteJSON(f.IO.Out, report{b, client.APIVersion})
			}
			_, err := fmt.Fprintf(f.IO.Out, "plaid-onboard %s (%s; Plaid-Version %s, %s %s/%s)\n",
				b.Version, built(b), client.APIVersion, b.Go, b.OS, b.Arch)
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print version, commit, date, Go version and platform as JSON")
	return cmd
}

// built says the commit and date, as far as they are known.
func built(b buildinfo.Info) string {
	commit := b.Commit
	if len(commit) > 12 {
		commit = commit[:12]
	}
	switch {
	case commit == "":
		return "commit unknown"
	case b.Modified:
		commit += ", modified"
	}
	if b.Date != "" {
		return "commit " + commit + ", " + b.Date
	}
	return "commit " + commit
}
