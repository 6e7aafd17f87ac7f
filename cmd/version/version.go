// Package version is `plaid-onboard version`.
package version

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
)

// NewCmd returns the version command.
func NewCmd(f *app.Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of plaid-onboard and the Plaid API version it speaks",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := fmt.Fprintf(f.IO.Out, "plaid-onboard %s (Plaid-Version %s, %s %s/%s)\n",
				f.Version, client.APIVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}
