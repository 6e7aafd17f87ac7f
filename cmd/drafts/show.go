package drafts

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	store "github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// ShowOptions are `drafts show`'s inputs.
type ShowOptions struct {
	Factory *app.Factory
	ID      string
	// Reveal shows the personal data in full.
	Reveal bool
}

// NewCmdShow is `drafts show ID`.
func NewCmdShow(f *app.Factory, runF func(context.Context, *ShowOptions) error) *cobra.Command {
	o := &ShowOptions{Factory: f}
	cmd := &cobra.Command{
		Use:               "show ID",
		Short:             "Show a draft, with personal data masked unless --reveal",
		Args:              cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteDrafts(f, true),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.ID = args[0]
			return cmdutil.OrRun(runF, runShow)(cmd.Context(), o)
		},
	}
	cmd.Flags().BoolVar(&o.Reveal, "reveal", false, "show dates of birth, ID numbers, account numbers, tokens, email and phone in full")
	return cmd
}

func runShow(_ context.Context, o *ShowOptions) error {
	f := o.Factory
	_, d, err := openDraft(f, o.ID)
	if err != nil {
		return err
	}
	shown := d
	if !o.Reveal {
		shown = d.Masked()
	}
	w := f.IO.Out
	fmt.Fprintf(w, "draft %s · %s · %s\n", d.ID, d.Kind.Label(), d.DisplayTitle())
	fmt.Fprintf(w, "created %s · updated %s · step %s\n", d.CreatedAt.Local().Format("2006-01-02 15:04"),
		d.UpdatedAt.Local().Format("2006-01-02 15:04"), words.OrDash(d.StepTitle()))
	if d.PIIOmitted {
		fmt.Fprintln(w, "personal data was not saved (--no-save-pii): it must be typed again")
	}
	if d.PIIUnreadable {
		fmt.Fprintln(w, "warning: personal data in this draft could not be decrypted (the key is missing or different)")
	}
	if d.LogoMissing {
		fmt.Fprintln(w, "warning: the logo file of this draft is missing")
	}
	fmt.Fprintln(w, "\nrequest body:")
	if err := cmdutil.ShowJSON(w, displayBody(shown)); err != nil {
		return err
	}
	if len(d.Submissions) > 0 {
		fmt.Fprintln(w, "\nsubmissions:")
		for _, sub := range d.Submissions {
			fmt.Fprintf(w, "  %s  %-10s %-16s %s", sub.At.Local().Format("2006-01-02 15:04:05"), sub.Env, sub.OutcomeWords(), sub.Endpoint)
			for _, kv := range [][2]string{{"request_id", sub.RequestID}, {"client_id", sub.ClientID}, {"beacon_user_id", sub.BeaconUserID}, {"status", sub.Status}, {"error", sub.ErrorCode}} {
				if kv[1] != "" {
					fmt.Fprintf(w, " %s=%s", kv[0], kv[1])
				}
			}
			fmt.Fprintln(w)
		}
	}
	if !o.Reveal && d.HasSensitive() {
		fmt.Fprintln(f.IO.ErrOut, "personal data is masked; --reveal shows it")
	}
	return nil
}

// displayBody is the request with the logo summarised: megabytes of
// base64 help nobody reading a terminal.
func displayBody(d *store.Draft) any {
	if d.Partner != nil {
		p := *d.Partner
		if p.Logo != "" {
			info, _ := validate.LogoBase64(p.Logo)
			p.Logo = fmt.Sprintf("(PNG %d×%d, %s, base64)", info.Width, info.Height, validate.HumanBytes(info.Bytes))
		}
		return p
	}
	return d.Beacon
}
