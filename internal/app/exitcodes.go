package app

import (
	"context"
	"errors"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
)

// Exit codes, documented in --help and the README.
const (
	ExitOK        = 0
	ExitPlaid     = 1   // Plaid (or the emulator) answered with an error
	ExitInvalid   = 2   // the input is invalid or the command was misused; nothing was sent
	ExitTransport = 3   // the request could not be sent, or its outcome is unknown
	ExitLocal     = 4   // a local problem: a file that cannot be read or written, a damaged draft or emulator state, a bad setting
	ExitAborted   = 130 // interrupted (Ctrl-C)
)

// ExitError carries the exit code a failure should end the process with.
type ExitError struct {
	Code int
	Err  error
	// Hint is a line of advice printed after the error ("run … instead").
	Hint string
}

func (e *ExitError) Error() string { return e.Err.Error() }
func (e *ExitError) Unwrap() error { return e.Err }

// Local marks an error as a problem of this machine, not of Plaid or of
// the request: a draft or the data directory that cannot be read or
// written, a damaged emulator state, a bad PLAID_ONBOARD_EMULATOR_URL.
func Local(err error, hint string) error {
	var ee *ExitError
	if errors.As(err, &ee) {
		return err
	}
	return &ExitError{Code: ExitLocal, Err: err, Hint: hint}
}

// Invalid marks an error as the user's input or usage: nothing was sent.
func Invalid(err error, hint string) error {
	return &ExitError{Code: ExitInvalid, Err: err, Hint: hint}
}

// ErrAborted is returned when the user interrupts.
var ErrAborted = errors.New("interrupted")

// ExitCode picks the exit code for an error a command returned.
func ExitCode(err error) int {
	var ee *ExitError
	var pe *client.Error
	var te *client.TransportError
	var re *client.ResponseError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &ee):
		return ee.Code
	case errors.Is(err, ErrAborted), errors.Is(err, context.Canceled):
		return ExitAborted
	case errors.As(err, &pe):
		return ExitPlaid
	case errors.As(err, &te):
		return ExitTransport
	case errors.As(err, &re):
		// A 4xx page from a proxy is a refusal; anything else leaves the
		// outcome unknown.
		if client.OutcomeOf(err) == client.Rejected {
			return ExitPlaid
		}
		return ExitTransport
	}
	return ExitPlaid
}

// DraftError classifies a failure to open draft id: one that does not
// exist is the user's input (ExitInvalid), one that cannot be read or is
// damaged a local problem (ExitLocal).
func DraftError(err error) error {
	if errors.Is(err, drafts.ErrNotFound) {
		return Invalid(err, "`plaid-onboard drafts list` shows the drafts there are")
	}
	return Local(err, "")
}
