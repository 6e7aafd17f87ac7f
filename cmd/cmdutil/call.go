package cmdutil

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/send"
	"github.com/plaid-onboard/plaid-onboard/validate"
)

// Answer is how a command prints what it got back: the raw response with
// --json, else readable lines.
type Answer struct {
	JSON  bool
	Lines func(resp any) []send.Line
}

// Print writes a response to out.
func (a Answer) Print(out io.Writer, resp any) error {
	if a.JSON {
		return WriteJSON(out, resp)
	}
	lines := a.Lines(resp)
	fields := make([]Field, len(lines))
	for i, l := range lines {
		fields[i] = Field(l)
	}
	WriteFields(out, fields)
	return nil
}

// Call connects to env, makes one request, and prints the answer to
// stdout; a failure is returned with its exit code and the advice that
// goes with it (and, with --json, Plaid's error object on stdout).
func (f *Factory) Call(ctx context.Context, env client.Environment, a Answer, call func(context.Context, *client.Client) (any, error)) error {
	s, err := f.Connect(env)
	if err != nil {
		return err
	}
	defer s.Close()
	resp, err := call(ctx, s.Client)
	if err != nil {
		return f.Failure(env, a, err, "")
	}
	return a.Print(f.IO.Out, resp)
}

// Request checks req by its rules in the chosen environment, then sends it
// with do and prints the answer: a follow-up command's whole run.
func (f *Factory) Request(ctx context.Context, g *Globals, a Answer, req Checkable, do func(context.Context, *client.Client) (any, error)) error {
	env, err := f.Environment(g.Env)
	if err != nil {
		return err
	}
	if err := f.CheckRequest(req, env); err != nil {
		return err
	}
	return f.Call(ctx, env, a, do)
}

// Failure turns a failed request into the error a command returns: Plaid's
// message with its code and request id (exit 1), or what is known about a
// request that was not sent or whose outcome is unknown (exit 3).
// afterUnknown explains what an unknown outcome means for this request.
func (f *Factory) Failure(env client.Environment, a Answer, err error, afterUnknown string) error {
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
		return ErrAborted
	case errors.As(err, &pe):
		if a.JSON {
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
		return &ExitError{Code: ExitPlaid, Err: fmt.Errorf("%s refused the request: %s", who, pe.Message()), Hint: hint}
	case outcome == client.NotSent:
		return &ExitError{Code: ExitTransport, Err: fmt.Errorf("the request was not sent: %w", err),
			Hint: "nothing reached " + env.Label() + ", so nothing was created; it is safe to try again"}
	default:
		hint := "the outcome is unknown"
		if afterUnknown != "" {
			hint += ": " + afterUnknown
		}
		return &ExitError{Code: ExitTransport, Err: fmt.Errorf("no usable answer: %w", err), Hint: hint}
	}
}

// Checkable is a request with its rules.
type Checkable interface {
	Check(client.CheckOptions) validate.Problems
}

// CheckRequest runs a request's rules before it is sent: every problem,
// with its field path, in an invalid-input error.
func (f *Factory) CheckRequest(req Checkable, env client.Environment) error {
	if ps := req.Check(client.CheckOptions{Environment: env, Now: f.Now()}); len(ps) > 0 {
		return ProblemsError(ps)
	}
	return nil
}

// ProblemsError is the invalid-input error listing every problem found:
// nothing was sent.
func ProblemsError(ps validate.Problems) error {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
		if p.Fix != "" {
			lines[i] += " (fix: " + p.Fix + ")"
		}
	}
	noun := "problems"
	if len(ps) == 1 {
		noun = "problem"
	}
	return Invalid(fmt.Errorf("the request has %d %s; nothing was sent", len(ps), noun), strings.Join(lines, "\n  "))
}
