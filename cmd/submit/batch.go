package submit

import (
	"context"
	"errors"
	"fmt"

	"charm.land/bubbles/v2/progress"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/internal/bulk"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
	"github.com/plaid-onboard/plaid-onboard/internal/words"
)

// batchResult is a draft's result as --json prints it.
type batchResult struct {
	DraftID string `json:"draft_id"`
	Title   string `json:"title"`
	Result  string `json:"result"`
}

// runBatch sends every ready draft of a batch, in order.
func runBatch(ctx context.Context, o *Options) error {
	f := o.Factory
	env, err := f.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	store, err := cmdutil.OpenDrafts(f)
	if err != nil {
		return err
	}
	check := catalog.Env{Environment: env, Now: f.Now()}
	b, err := bulk.Load(store, o.Batch, check)
	if err != nil {
		return exitcode.Invalid(err, "")
	}
	todo := bulk.Sendable(b, o.Force)
	fmt.Fprintf(f.IO.ErrOut, "Batch %s: %s.\n", o.Batch, b.Summary())
	if n := b.Count(bulk.Unknown); n > 0 && !o.Force {
		fmt.Fprintf(f.IO.ErrOut, "%d %s an unknown outcome and %s not sent again: check them first (`drafts list --batch %s`), then --force sends them.\n",
			n, words.Plural(n, "draft has", "drafts have"), words.Plural(n, "is", "are"), o.Batch)
	}
	if len(todo) == 0 {
		if b.Count(bulk.Problems) > 0 {
			return exitcode.Invalid(fmt.Errorf("nothing to send: %d %s problems", b.Count(bulk.Problems), words.Plural(b.Count(bulk.Problems), "draft has", "drafts have")),
				"fix them in the wizard (the home screen shows the batch)")
		}
		fmt.Fprintln(f.IO.ErrOut, "Nothing to send.")
		return nil
	}
	noun := fmt.Sprintf("%d %s", len(todo), words.Plural(len(todo), b.Kind.Label(), b.Kind.Label()+"s"))
	if env == client.Production && !o.Yes {
		if !f.IO.Interactive() {
			return exitcode.Invalid(fmt.Errorf("this would send %s to production; nothing was sent", noun), "add --yes to send them")
		}
		if err := cmdutil.Ask(f, fmt.Sprintf("This sends %s of batch %s to Plaid, in production: each creates something real. Type production to send them: ",
			noun, o.Batch), "production"); err != nil {
			return err
		}
	}
	session, err := f.Connect(env)
	if err != nil {
		return err
	}
	defer session.Close()
	fmt.Fprintf(f.IO.ErrOut, "Sending %s to %s, in order; Ctrl-C stops after the request in flight.\n", noun, session.Label())

	bar := progress.New(progress.WithWidth(30), progress.WithoutPercentage())
	var results []batchResult
	report := bulk.Send(ctx, session.Client, store, b, env, bulk.SendOptions{KeepGoing: o.KeepGoing, Force: o.Force,
		NoPII: o.Globals.NoSavePII, Now: f.Now}, func(s bulk.Step) {
		results = append(results, batchResult{s.Member.ID, s.Member.Title, s.Result})
		line := fmt.Sprintf("%d/%d  %s  %s  %s", s.Done, s.Total, s.Member.ID, termtext.Line(s.Member.Title), termtext.Line(s.Result))
		if !f.IO.StderrTTY {
			fmt.Fprintln(f.IO.ErrOut, line)
			return
		}
		// A terminal gets one line redrawn, the bar before it; a failure
		// stays on screen. Only the bar's own colours pass unfiltered.
		fmt.Fprintf(termtext.Raw(f.IO.ErrOut), "\r\x1b[2K%s %s", bar.ViewAs(float64(s.Done)/float64(s.Total)), line)
		if s.Err != nil || s.Done == s.Total {
			fmt.Fprintln(f.IO.ErrOut)
		}
	})
	if o.JSON {
		_ = cmdutil.WriteJSON(f.IO.Out, map[string]any{"batch": o.Batch, "sent": report.Sent, "failed": report.Failed,
			"skipped": report.Skipped, "results": results})
	}
	after, _ := bulk.Load(store, o.Batch, check)
	settled := ""
	if report.Settled > 0 {
		settled = fmt.Sprintf(", found created earlier %d", report.Settled)
	}
	fmt.Fprintf(f.IO.ErrOut, "Sent %d, failed %d, skipped %d%s. Batch %s now: %s.\n", report.Sent, report.Failed, report.Skipped, settled, o.Batch, after.Summary())
	switch {
	case ctx.Err() != nil:
		fmt.Fprintln(f.IO.ErrOut, report.Stopped+"; running the same command again sends only what was not sent.")
		return exitcode.ErrAborted
	case report.Failed > 0:
		err := errors.New(report.Stopped)
		if report.Stopped == "" {
			err = fmt.Errorf("%d %s", report.Failed, words.Plural(report.Failed, "draft failed", "drafts failed"))
		}
		return &exitcode.Error{Code: exitcode.Plaid, Err: err, Hint: "running the same command again sends only what was not sent"}
	}
	return nil
}
