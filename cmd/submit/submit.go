// Package submit is `plaid-onboard submit`: check and send a request from a
// file, stdin or a draft, without the screens — for scripts and CI.
package submit

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Options are the submit command's inputs and dependencies.
type Options struct {
	Factory *app.Factory
	Globals *cmdutil.Globals

	Kind    drafts.Kind
	File    string // a path, or "-" for stdin
	DraftID string
	JSON    bool
	Yes     bool
	// Force sends a Beacon draft again although its last attempt has an
	// unknown outcome (it may have created the user); with Batch, any
	// draft of the batch whose outcome is unknown.
	Force bool
	// Batch sends every ready draft of the batch of that name, in order;
	// KeepGoing goes on after a failure.
	Batch     string
	KeepGoing bool
}

// NewCmd returns the submit command.
func NewCmd(f *app.Factory, g *cmdutil.Globals, runF func(context.Context, *Options) error) *cobra.Command {
	o := &Options{Factory: f, Globals: g}
	cmd := &cobra.Command{
		Use:   "submit (customer|beacon (--file FILE | --draft ID) | --batch NAME)",
		Short: "Check and send a request without the screens (scripts, CI)",
		Long: `Check a request body with the same rules as the wizards, then send it:
customer → POST /beta/partner/customer/v1/create, beacon → POST /beacon/user/create
(or /beacon/user/update for a Beacon draft that already screened its person).

The body comes from a JSON file (--file, or --file - for stdin) or a saved
draft (--draft), whose submission is then recorded on it. Every problem is
listed with its field path and nothing is sent while there is one.

--batch NAME sends every ready draft of a batch (drafts import) in order,
with a progress bar, each result recorded on its draft; it stops at the
first failure unless --keep-going, and Ctrl-C stops it after the request
in flight. Run again, it sends only what was not sent; a draft whose
outcome is unknown is not sent again without --force. Production asks
once for the whole batch (typing production), or takes --yes.
Production, and sending a customer draft that already created one, need
--yes.

The answer goes to stdout — readable, or Plaid's raw response with --json —
and messages to stderr. Exit codes: 0 sent; 1 Plaid returned an error;
2 the input is invalid (nothing sent); 3 not sent, or the outcome is
unknown; 4 a problem on this machine (a draft that cannot be read or
recorded: nothing sent); 130 interrupted.`,
		Example: `  plaid-onboard submit beacon --file person.json
  plaid-onboard export k3j9x2 | plaid-onboard submit customer -f - --json
  plaid-onboard submit customer --draft k3j9x2 --env production --yes
  plaid-onboard submit --batch customers --keep-going`,
		Args:      cmdutil.InvalidArgs(cobra.RangeArgs(0, 1)),
		ValidArgs: []string{"customer", "beacon"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.Batch != "" {
				if len(args) > 0 || o.File != "" || o.DraftID != "" {
					return exitcode.Invalid(errors.New("--batch sends a batch's drafts: give no kind, --file or --draft with it"), "")
				}
				return cmdutil.OrRun(runF, runBatch)(cmd.Context(), o)
			}
			if len(args) == 0 {
				return exitcode.Invalid(errors.New("submit what? customer or beacon (or --batch NAME)"), "")
			}
			kind, err := cmdutil.KindArg(args[0])
			if err != nil {
				return err
			}
			o.Kind = kind
			if (o.File == "") == (o.DraftID == "") {
				return exitcode.Invalid(fmt.Errorf("give the request with --file FILE (- for stdin) or --draft ID"), "")
			}
			return cmdutil.OrRun(runF, run)(cmd.Context(), o)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&o.File, "file", "f", "", "the request body as JSON (- reads stdin)")
	fl.StringVar(&o.DraftID, "draft", "", "send the request a saved draft holds, and record the submission on it")
	fl.BoolVar(&o.JSON, "json", false, "print Plaid's raw response (or error, or the problems found) as JSON")
	fl.BoolVar(&o.Yes, "yes", false, "send to production, or send a customer draft that was sent before")
	fl.StringVar(&o.Batch, "batch", "", "send every ready draft of this batch (`drafts import`), in order, each recorded on its draft")
	fl.BoolVar(&o.KeepGoing, "keep-going", false, "with --batch, send the rest after a failure")
	fl.BoolVar(&o.Force, "force", false, "send a Beacon draft again although its last attempt's outcome is unknown (it may have created the user)")
	_ = cmd.RegisterFlagCompletionFunc("draft", cmdutil.CompleteDrafts(f, false))
	return cmd
}

// run checks and sends the request.
func run(ctx context.Context, o *Options) error {
	f := o.Factory
	env, err := f.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	var (
		d     *drafts.Draft
		store *drafts.Store
		shape validate.Problems
	)
	if o.DraftID != "" {
		var unlock func()
		d, store, unlock, err = loadDraft(f, o.DraftID, o.Kind)
		if err != nil {
			return err
		}
		defer unlock()
	} else if d, shape, err = readBody(f, o.File, o.Kind, o.JSON); err != nil {
		return err
	}
	if ps := shape.With(actions.Check(d, catalog.Env{Environment: env, Now: f.Now()})); len(ps) > 0 {
		return problems(f, o.JSON, ps)
	}
	if err := gates(o, d, env); err != nil {
		return err
	}
	// Notes do not stop a script; they are said on stderr, once.
	for _, n := range actions.Notes(d, catalog.Env{Environment: env, Now: f.Now()}) {
		line := "note: " + n.Path + ": " + n.Message
		if f := actions.Catalog(d).Field(n.Path); f != nil && n.Fix != "" {
			line += " (suggested: " + f.MaskValue(n.Fix) + ")"
		}
		fmt.Fprintln(f.IO.ErrOut, line)
	}

	session, err := f.Connect(env)
	if err != nil {
		return err
	}
	defer session.Close()
	fmt.Fprintf(f.IO.ErrOut, "Sending POST %s to %s…\n", actions.Endpoint(d), session.Label())
	// A draft records the attempt before the request leaves, and its
	// outcome after; a body from a file has nowhere to record it.
	save := func(*drafts.Draft) error { return nil }
	if store != nil {
		save = func(d *drafts.Draft) error { return store.Save(d, drafts.SaveOptions{NoPII: o.Globals.NoSavePII}) }
	}
	sent, sub, recorded, sendErr := actions.Send(ctx, session.Client, d, env, f.Now(), save)
	var notRecorded *actions.NotRecordedError
	if errors.As(sendErr, &notRecorded) {
		return exitcode.Local(notRecorded, "free some space (or fix the drafts directory's permissions) and send it again")
	}
	if recorded != nil {
		fmt.Fprintln(f.IO.ErrOut, "warning: "+actions.NotRecorded(d, sub, recorded))
	}
	if sendErr != nil {
		return cmdutil.Failure(f, env, o.JSON, sendErr, actions.AfterUnknown(d))
	}
	if d.Beacon != nil {
		_ = f.RememberProgram(env, d.Beacon.ProgramID)
	}
	if err := cmdutil.Print(f.IO.Out, o.JSON, sent.Response(), actions.DescribeSent(sent)); err != nil {
		return err
	}
	done := "Sent: request " + sub.RequestID
	if store != nil && recorded == nil {
		done += "; recorded on draft " + d.ID
	}
	fmt.Fprintln(f.IO.ErrOut, done)
	return nil
}

// gates refuses, without --force or --yes, what the wizard asks about.
func gates(o *Options, d *drafts.Draft, env client.Environment) error {
	if last, unresolved := actions.Unresolved(d); unresolved && !o.Force {
		return exitcode.Invalid(fmt.Errorf("draft %s's last attempt has an unknown outcome; nothing was sent now", d.ID),
			actions.ResendWarning(d, last)+"\n  add --force to send it again")
	}
	if o.Yes {
		return nil
	}
	if env == client.Production {
		return exitcode.Invalid(fmt.Errorf("this would create a real %s in production", actions.Noun(d)),
			"add --yes to send it")
	}
	if actions.CreatesAgain(d) {
		s, _ := d.LastSuccess()
		return exitcode.Invalid(fmt.Errorf("draft %s was sent on %s to %s and created end customer %s; sending again creates another",
			d.ID, s.At.Format(time.RFC3339), s.Env.Label(), s.ClientID), "add --yes to send it again")
	}
	return nil
}
