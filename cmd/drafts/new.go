package drafts

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// NewOptions are `drafts new`'s inputs.
type NewOptions struct {
	Factory *app.Factory
	Kind    store.Kind
	// From is the draft a customer draft is made like.
	From string
}

// NewCmdNew is `drafts new customer|beacon [--from ID]`.
func NewCmdNew(f *app.Factory, runF func(context.Context, *NewOptions) error) *cobra.Command {
	o := &NewOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "new customer|beacon [--from ID]",
		Short: "Start a draft, from the default template or like another customer",
		Long: `Start a draft and print its id, to open with ` + "`plaid-onboard customer --draft ID`" + `.

A customer draft starts from the default template (` + "`drafts template save`" + `), when
there is one. With --from ID it copies that customer draft's answers but
those that name the company (company, application and legal names,
website, logo, address, the bank addendum's signer and IP) and says on
stderr which it left empty.`,
		Example: `  plaid-onboard drafts new customer --from k3j9x2
  plaid-onboard customer --draft "$(plaid-onboard drafts new customer --from k3j9x2)"`,
		Args:      cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgs: []string{"customer", "beacon"},
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := cmdutil.KindArg(args[0])
			if err != nil {
				return err
			}
			o.Kind = kind
			return cmdutil.OrRun(runF, runNew)(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.From, "from", "", "copy this customer draft's answers but what names the company")
	_ = cmd.RegisterFlagCompletionFunc("from", cmdutil.CompleteDrafts(f, false))
	return cmd
}

func runNew(_ context.Context, o *NewOptions) error {
	f := o.Factory
	s, err := cmdutil.OpenDrafts(f)
	if err != nil {
		return err
	}
	var d *store.Draft
	if o.From != "" {
		if o.Kind != store.PartnerCustomer {
			return exitcode.Invalid(fmt.Errorf("--from makes a customer like another: it takes no %s", o.Kind.Label()), "")
		}
		src, err := s.Load(o.From)
		if err != nil {
			return app.DraftError(err)
		}
		like, left, err := s.NewLike(src)
		if err != nil {
			return exitcode.Invalid(err, "")
		}
		d = like
		var names []string
		for _, fl := range left {
			names = append(names, fl.ReviewLabel())
		}
		if len(names) > 0 {
			fmt.Fprintf(f.IO.ErrOut, "Like %s (%s), but left empty: %s.\n", src.ID, src.DisplayTitle(), strings.Join(names, ", "))
		}
	} else if d = s.New(o.Kind); len(d.FromTemplate) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "Started from template %s: %d answers.\n", store.DefaultTemplate, len(d.FromTemplate))
	}
	if err := s.Save(d, store.SaveOptions{}); err != nil {
		return exitcode.Local(err, "")
	}
	_, err = fmt.Fprintln(f.IO.Out, d.ID)
	return err
}
