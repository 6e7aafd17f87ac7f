package drafts

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
)

// ExportOptions of `drafts export` / `export`.
type ExportOptions struct {
	Factory *app.Factory
	ID      string
	Output  string
	Curl    bool
	Env     string
}

// NewCmdExport returns the export command, used both as `drafts export` and
// as the top-level `export`.
func NewCmdExport(f *app.Factory, use string, runF func(context.Context, *ExportOptions) error) *cobra.Command {
	opts := &ExportOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   use,
		Short: "Write a draft's request body (JSON), or an equivalent curl command with --curl",
		Long: `Write the request a draft holds, exactly as plaid-onboard would send it:
the JSON body, which never contains client_id or secret (those travel in
headers). With --curl, print a curl command that sends it, with
$PLAID_CLIENT_ID and $PLAID_SECRET in place of the credentials.

The body is the real one: personal data is not masked. Written to a file
(-o), it is created readable only by you.`,
		Example: `  plaid-onboard drafts export k3j9x2 > body.json
  plaid-onboard export k3j9x2 --curl --env sandbox`,
		Args:              cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteDrafts(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			if e, _ := cmd.Flags().GetString("env"); e != "" {
				opts.Env = e
			}
			return cmdutil.OrRun(runF, runExport)(cmd.Context(), opts)
		},
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "", "write to this file instead of stdout")
	cmd.Flags().BoolVar(&opts.Curl, "curl", false, "print an equivalent curl command (credentials as $PLAID_CLIENT_ID / $PLAID_SECRET)")
	return cmd
}

func runExport(_ context.Context, opts *ExportOptions) error {
	f := opts.Factory
	_, d, err := openDraft(f, opts.ID)
	if err != nil {
		return err
	}
	if d.PIIUnreadable || d.PIIOmitted {
		fmt.Fprintln(f.IO.ErrOut, "warning: this draft's personal data is not available (not saved, or not decryptable): the export lacks it")
	}
	body, err := client.Body(d.Request())
	if err != nil {
		return err
	}
	out := append(body, '\n')
	if opts.Curl {
		env, err := f.Environment(opts.Env)
		if err != nil {
			return err
		}
		out = []byte(CurlCommand(env, endpoint(d), body))
	}
	if opts.Output != "" {
		if err := atomicfile.Write(opts.Output, out, 0o600); err != nil {
			return err
		}
		fmt.Fprintf(f.IO.ErrOut, "wrote %s\n", opts.Output)
		return nil
	}
	_, err = termtext.Raw(f.IO.Out).Write(out) // exact: a body or a script for a pipe
	return err
}

func endpoint(d *store.Draft) string {
	if d.Kind == store.PartnerCustomer {
		return client.PathPartnerCustomerCreate
	}
	return client.PathBeaconUserCreate
}
