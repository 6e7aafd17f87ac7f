// Package exitcode is the exit codes a command ends with, and the errors
// that carry them: documented in --help and the README, the same for the
// commands, the screens and accessible mode.
package exitcode

import (
	"context"
	"errors"

	"github.com/plaid-onboard/plaid-onboard/client"
)

// Exit codes, documented in --help and the README.
const (
	OK        = 0
	Plaid     = 1   // Plaid (or the emulator) answered with an error
	Usage     = 2   // the input is invalid or the command was misused; nothing was sent
	Transport = 3   // the request could not be sent, or its outcome is unknown
	Machine   = 4   // a local problem: a file that cannot be read or written, a damaged draft or emulator state, a bad setting
	Aborted   = 130 // interrupted (Ctrl-C)
)

// Error carries the exit code a failure should end the process with.
type Error struct {
	Code int
	Err  error
	// Hint is a line of advice printed after the error ("run … instead").
	Hint string
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Local marks an error as a problem of this machine, not of Plaid or of
// the request: a draft or the data directory that cannot be read or
// written, a damaged emulator state.
func Local(err error, hint string) error {
	var ee *Error
	if errors.As(err, &ee) {
		return err
	}
	return &Error{Code: Machine, Err: err, Hint: hint}
}

// Invalid marks an error as the user's input or usage: nothing was sent.
func Invalid(err error, hint string) error {
	return &Error{Code: Usage, Err: err, Hint: hint}
}

// ErrAborted is returned when the user interrupts.
var ErrAborted = errors.New("interrupted")

// Of picks the exit code for an error a command returned.
func Of(err error) int {
	var ee *Error
	var pe *client.Error
	var te *client.TransportError
	var re *client.ResponseError
	switch {
	case err == nil:
		return OK
	case errors.As(err, &ee):
		return ee.Code
	case errors.Is(err, ErrAborted), errors.Is(err, context.Canceled):
		return Aborted
	case errors.As(err, &pe):
		return Plaid
	case errors.As(err, &te):
		return Transport
	case errors.As(err, &re):
		// A 4xx page from a proxy is a refusal; anything else leaves the
		// outcome unknown.
		if client.OutcomeOf(err) == client.Rejected {
			return Plaid
		}
		return Transport
	}
	return Plaid
}
