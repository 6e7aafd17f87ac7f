package drafts

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// NewCmdTemplate is `drafts template save|list|rm`: the partner-wide
// answers new customer drafts start from.
func NewCmdTemplate(f *app.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "template",
		Short: "Keep partner-wide answers that new customer drafts start from",
		Long: `A template keeps the answers every customer of a partner shares: contacts,
products, redirect URIs, link customization and the CRA questionnaire. It
lives in the config directory (templates/NAME.json, 0600). A new customer
draft starts from the template named default, and the wizard marks the
answers that came from it.`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
	}
	var from string
	save := &cobra.Command{
		Use:   "save [NAME] --from ID",
		Short: "Keep a customer draft's partner-wide answers as a template (default: default)",
		Args:  cmdutil.InvalidArgs(cobra.MaximumNArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			name := store.DefaultTemplate
			if len(args) == 1 {
				name = args[0]
			}
			if from == "" {
				return exitcode.Invalid(errors.New("name the draft to take the answers from with --from ID"), "")
			}
			s, d, err := openDraft(f, from)
			if err != nil {
				return err
			}
			tp, err := s.Templates().Save(name, d, f.Now())
			if err != nil {
				return exitcode.Invalid(err, "")
			}
			fmt.Fprintf(f.IO.ErrOut, "Template %s keeps %s.\n", name, strings.Join(labels(tp.Paths()), ", "))
			return nil
		},
	}
	save.Flags().StringVar(&from, "from", "", "the customer draft whose partner-wide answers to keep")
	_ = save.RegisterFlagCompletionFunc("from", cmdutil.CompleteDrafts(f, false))
	list := &cobra.Command{
		Use:   "list",
		Short: "List the templates and what each keeps",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(*cobra.Command, []string) error {
			s, err := cmdutil.OpenDrafts(f)
			if err != nil {
				return err
			}
			names, err := s.Templates().List()
			if err != nil {
				return exitcode.Local(err, "")
			}
			if len(names) == 0 {
				fmt.Fprintln(f.IO.ErrOut, "no templates yet: `plaid-onboard drafts template save --from ID` keeps one")
				return nil
			}
			t := cmdutil.NewTable(f.IO, 1, "NAME", "KEEPS")
			for _, n := range names {
				tp, err := s.Templates().Load(n)
				if err != nil {
					t.Row(n, err.Error())
					continue
				}
				t.Row(n, strings.Join(labels(tp.Paths()), ", "))
			}
			return t.Print()
		},
	}
	rm := &cobra.Command{
		Use:   "rm NAME",
		Short: "Remove a template",
		Args:  cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := cmdutil.OpenDrafts(f)
			if err != nil {
				return err
			}
			if err := s.Templates().Remove(args[0]); errors.Is(err, fs.ErrNotExist) {
				return exitcode.Invalid(fmt.Errorf("no template %s", args[0]), "")
			} else if err != nil {
				return exitcode.Local(err, "")
			}
			fmt.Fprintf(f.IO.ErrOut, "Template %s removed.\n", args[0])
			return nil
		},
	}
	cmd.AddCommand(save, list, rm)
	return cmd
}

// labels names fields by path, as the review does.
func labels(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		if fl := catalog.PartnerCreate().Field(p); fl != nil {
			out = append(out, fl.ReviewLabel())
		}
	}
	return out
}
