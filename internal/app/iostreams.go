// Package app holds what both front ends need: the I/O streams, the
// environment, the paths, a client session, the drafts, and the exit
// codes.
package app

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"

	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
)

// IOStreams are a command's standard streams and whether they are terminals.
// Data goes to Out, messages to ErrOut.
type IOStreams struct {
	In        io.Reader
	Out       io.Writer
	ErrOut    io.Writer
	StdinTTY  bool
	StdoutTTY bool
	// StderrTTY says messages land on a terminal: progress redraws a line.
	StderrTTY bool
	// Width is the terminal's width in cells when Out is one, else 0.
	Width int
}

// System returns the process's own streams.
func System() *IOStreams {
	// Whatever is printed — a name from Plaid, a draft's title, an error
	// quoting a file — cannot act on the terminal; JSON for scripts goes
	// past the filter (termtext.Raw).
	s := &IOStreams{
		In: os.Stdin, Out: termtext.NewWriter(os.Stdout), ErrOut: termtext.NewWriter(os.Stderr),
		StdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		StdoutTTY: term.IsTerminal(os.Stdout.Fd()),
		StderrTTY: term.IsTerminal(os.Stderr.Fd()),
	}
	if s.StdoutTTY {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil {
			s.Width = w
		}
	}
	return s
}

// Interactive reports whether a full-screen program can run: both ends
// must be a terminal.
func (s *IOStreams) Interactive() bool { return s.StdinTTY && s.StdoutTTY }
