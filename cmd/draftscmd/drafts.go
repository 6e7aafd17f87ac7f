// Package draftscmd is `plaid-onboard drafts`: list, show, remove and
// export saved drafts.
package draftscmd

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// NewCmd returns the drafts command.
func NewCmd(f *app.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "drafts",
		Short: "List, show, remove and export saved drafts",
		Long: `Every wizard is a draft from its first keystroke, saved in
` + "`$XDG_DATA_HOME/plaid-onboard/drafts`" + ` (or $PLAID_ONBOARD_DATA_DIR/drafts).
Dates of birth, ID numbers, account numbers and access tokens are encrypted
there; the key lives in the OS keyring, or in a file readable only by you.`,
		Args: cmdutil.InvalidArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error { return runList(f, false) },
	}
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: "List drafts, newest first",
		Args:  cmdutil.InvalidArgs(cobra.NoArgs),
		RunE:  func(cmd *cobra.Command, _ []string) error { return runList(f, asJSON) },
	}
	list.Flags().BoolVar(&asJSON, "json", false, "print the list as JSON")

	var reveal bool
	show := &cobra.Command{
		Use:               "show ID",
		Short:             "Show a draft, with personal data masked unless --reveal",
		Args:              cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteDrafts(f, true),
		RunE:              func(cmd *cobra.Command, args []string) error { return runShow(f, args[0], reveal) },
	}
	show.Flags().BoolVar(&reveal, "reveal", false, "show dates of birth, ID numbers, account numbers, tokens, email and phone in full")

	var yes bool
	rm := &cobra.Command{
		Use:               "rm ID",
		Aliases:           []string{"remove", "delete"},
		Short:             "Remove a draft",
		Args:              cmdutil.InvalidArgs(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteDrafts(f, true),
		RunE:              func(cmd *cobra.Command, args []string) error { return runRemove(f, args[0], yes) },
	}
	rm.Flags().BoolVarP(&yes, "yes", "y", false, "do not ask first")

	cmd.AddCommand(list, show, rm, NewCmdExport(f, "export ID"))
	return cmd
}

// openDraft opens the store and a draft in it; a missing draft is the
// user's error, with a pointer to the list.
func openDraft(f *app.Factory, id string) (*drafts.Store, *drafts.Draft, error) {
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

type listEntry struct {
	ID         string             `json:"id"`
	Kind       string             `json:"kind"`
	Title      string             `json:"title"`
	Step       string             `json:"step,omitempty"`
	UpdatedAt  string             `json:"updated_at"`
	CreatedAt  string             `json:"created_at"`
	Submission *drafts.Submission `json:"last_submission,omitempty"`
}

func runList(f *app.Factory, asJSON bool) error {
	s, err := cmdutil.OpenDrafts(f)
	if err != nil {
		return err
	}
	list, bad, err := s.List()
	if err != nil {
		return err
	}
	for _, q := range bad {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+q.String())
	}
	if asJSON {
		out := make([]listEntry, 0, len(list))
		for _, d := range list {
			out = append(out, listEntry{ID: d.ID, Kind: string(d.Kind), Title: d.Title, Step: d.Step,
				UpdatedAt: d.UpdatedAt.Format("2006-01-02T15:04:05Z"), CreatedAt: d.CreatedAt.Format("2006-01-02T15:04:05Z"),
				Submission: d.LastSubmission})
		}
		return cmdutil.WriteJSON(f.IO.Out, out)
	}
	if len(list) == 0 {
		fmt.Fprintln(f.IO.ErrOut, "no drafts yet: `plaid-onboard customer` or `plaid-onboard beacon` starts one")
		return nil
	}
	w := tabwriter.NewWriter(f.IO.Out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tKIND\tTITLE\tSTEP\tUPDATED\tSUBMITTED")
	now := f.Now()
	for _, d := range list {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", d.ID, d.Kind.Label(), d.Title, words.OrDash(d.Step),
			words.Ago(now, d.UpdatedAt), submitted(d.LastSubmission))
	}
	return w.Flush()
}

func submitted(s *drafts.Submission) string {
	if s == nil {
		return "—"
	}
	return fmt.Sprintf("%s (%s)", s.OutcomeWords(), s.Env)
}

func runShow(f *app.Factory, id string, reveal bool) error {
	_, d, err := openDraft(f, id)
	if err != nil {
		return err
	}
	shown := d
	if !reveal {
		shown = d.Masked()
	}
	w := f.IO.Out
	fmt.Fprintf(w, "draft %s · %s · %s\n", d.ID, d.Kind.Label(), d.DisplayTitle())
	fmt.Fprintf(w, "created %s · updated %s · step %s\n", d.CreatedAt.Local().Format("2006-01-02 15:04"),
		d.UpdatedAt.Local().Format("2006-01-02 15:04"), words.OrDash(d.Step))
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
	if !reveal && d.HasSensitive() {
		fmt.Fprintln(f.IO.ErrOut, "personal data is masked; --reveal shows it")
	}
	return nil
}

// displayBody is the request with the logo summarised: megabytes of
// base64 help nobody reading a terminal.
func displayBody(d *drafts.Draft) any {
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

func runRemove(f *app.Factory, id string, yes bool) error {
	s, d, err := openDraft(f, id)
	if err != nil {
		return err
	}
	if !yes {
		if !f.IO.StdinTTY {
			return exitcode.Invalid(fmt.Errorf("not removing draft %s without confirmation", id), "add --yes to remove it without asking")
		}
		fmt.Fprintf(f.IO.ErrOut, "Remove draft %s (%s, %s)? [y/N] ", d.ID, d.Kind.Label(), d.DisplayTitle())
		answer, _ := readLine(f.IO.In)
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			fmt.Fprintln(f.IO.ErrOut, "kept")
			return nil
		}
	}
	unlock, err := s.Lock(id)
	if errors.Is(err, drafts.ErrInUse) {
		return exitcode.Invalid(err, "close it in the other window first")
	}
	if err != nil {
		return err
	}
	defer unlock()
	if err := s.Delete(id); err != nil {
		return err
	}
	fmt.Fprintf(f.IO.ErrOut, "removed draft %s\n", id)
	return nil
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

// Body is the request a draft holds, as the client would send it.
func Body(d *drafts.Draft) any {
	if d.Partner != nil {
		return d.Partner
	}
	return d.Beacon
}
