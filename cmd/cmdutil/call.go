package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/catalog"
	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Print writes an answer to out: the response as Plaid sent it with
// --json, else readable lines.
func Print(out io.Writer, asJSON bool, raw any, lines []actions.Line) error {
	if asJSON {
		return WriteJSON(out, raw)
	}
	fields := make([]Field, len(lines))
	for i, l := range lines {
		fields[i] = Field(l)
	}
	WriteFields(out, fields)
	return nil
}

// Action is a follow-up as a command runs it.
type Action func(ctx context.Context, c *client.Client, env catalog.Env) (actions.Result, error)

// ActionOptions are what a command calling Plaid once needs: the factory
// and the global flags, the follow-up it is, the id it acts on, --json and
// --yes. A verb's own Options embed it.
type ActionOptions struct {
	Factory *app.Factory
	Globals *Globals
	// Action is the follow-up: one that changes data at Plaid needs Yes
	// in production.
	Action actions.Action
	// ID is what it acts on, and names it in the refusal ("becusr_…").
	ID   string
	JSON bool
	Yes  bool
}

// RunAction connects to the environment the flags name, runs one
// follow-up and prints its answer: a follow-up command's whole run. In
// production a change needs --yes, as a submit does. A request that breaks
// its rules is refused before anything is sent (exit 2); a failure comes
// with its exit code and advice (and, with --json, Plaid's error object on
// stdout).
func RunAction(ctx context.Context, o *ActionOptions, do Action) error {
	f := o.Factory
	env, err := f.Environment(o.Globals.Env)
	if err != nil {
		return err
	}
	if env == client.Production && o.Action.Changes() && !o.Yes {
		return exitcode.Invalid(fmt.Errorf("this would %s in production; nothing was sent", actions.Describe(o.Action, o.ID)),
			"add --yes to do it")
	}
	s, err := f.Connect(env)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := do(ctx, s.Client, catalog.Env{Environment: env, Now: f.Now()})
	var problems *actions.ProblemsError
	switch {
	case errors.As(err, &problems):
		return ProblemsError(problems.Problems)
	case err != nil:
		return Failure(f, env, o.JSON, err, "")
	}
	if seen := r.Seen(); seen.Status != "" || !seen.CreatedAt.IsZero() {
		// Drafts that created this show its status as it is now, and an
		// attempt whose outcome was unknown is settled; a draft that
		// cannot be updated only shows an older status.
		if store, err := f.Drafts(nil); err == nil {
			if err := actions.Observe(store, env, r); err != nil {
				fmt.Fprintf(f.IO.ErrOut, "note: the drafts could not record the new status: %v\n", err)
			}
		}
	}
	return Print(f.IO.Out, o.JSON, r.Response(), actions.DescribeResult(r))
}

// Failure turns a failed request into the error a command returns: Plaid's
// message with its code and request id (exit 1), or what is known about a
// request that was not sent or whose outcome is unknown (exit 3).
// afterUnknown explains what an unknown outcome means for this request.
func Failure(f *app.Factory, env client.Environment, asJSON bool, err error, afterUnknown string) error {
	who := "Plaid"
	if env == client.Local {
		who = "The emulator"
	}
	var pe *client.Error
	switch outcome := client.OutcomeOf(err); {
	case errors.Is(err, context.Canceled):
		hint := "interrupted before an answer came: the outcome is unknown"
		if afterUnknown != "" {
			hint += ". " + afterUnknown
		}
		fmt.Fprintln(f.IO.ErrOut, hint)
		return exitcode.ErrAborted
	case errors.As(err, &pe):
		if asJSON {
			_ = WriteJSON(f.IO.Out, pe)
		}
		hint := fmt.Sprintf("%s · %s · HTTP %d", pe.ErrorType, pe.ErrorCode, pe.HTTPStatus)
		if pe.RequestID != "" {
			hint += " · request_id " + pe.RequestID
		}
		if pe.SuggestedAction != nil && *pe.SuggestedAction != "" {
			hint += "\n  suggested: " + *pe.SuggestedAction
		}
		if pe.Retryable() {
			hint += "\n  Plaid asks to try again later"
		}
		return &exitcode.Error{Code: exitcode.Plaid, Err: fmt.Errorf("%s refused the request: %s", who, pe.Message()), Hint: hint}
	case outcome == client.NotSent:
		return &exitcode.Error{Code: exitcode.Transport, Err: fmt.Errorf("the request was not sent: %w", err),
			Hint: "nothing reached " + env.Label() + ", so nothing was created; it is safe to try again"}
	default:
		hint := "the outcome is unknown"
		if afterUnknown != "" {
			hint += ": " + afterUnknown
		}
		return &exitcode.Error{Code: exitcode.Transport, Err: fmt.Errorf("no usable answer: %w", err), Hint: hint}
	}
}

// maxProblemsShown is how many problems a command lists on stderr.
const maxProblemsShown = 20

// ProblemsError is the invalid-input error listing the problems found
// (the first maxProblemsShown, and how many more): nothing was sent.
func ProblemsError(ps validate.Problems) error {
	var lines []string
	for i, p := range ps {
		if i == maxProblemsShown {
			lines = append(lines, fmt.Sprintf("… and %d more (fix these first; --json lists every one)", len(ps)-i))
			break
		}
		line := p.String()
		if p.Fix != "" {
			line += " (fix: " + p.Fix + ")"
		}
		lines = append(lines, line)
	}
	noun := "problems"
	if len(ps) == 1 {
		noun = "problem"
	}
	return exitcode.Invalid(fmt.Errorf("the request has %d %s; nothing was sent", len(ps), noun), strings.Join(lines, "\n  "))
}
