// Package cmdutil holds what every command needs: the I/O streams, the
// environment, the paths, a client, and the exit codes.
package app

import (
	"io"
	"os"

	"github.com/charmbracelet/x/term"
)

// IOStreams are a command's standard streams and whether they are terminals.
// Data goes to Out, messages to ErrOut.
type IOStreams struct {
	In        io.Reader
	Out       io.Writer
	ErrOut    io.Writer
	StdinTTY  bool
	StdoutTTY bool
}

// System returns the process's own streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		StdinTTY:  term.IsTerminal(os.Stdin.Fd()),
		StdoutTTY: term.IsTerminal(os.Stdout.Fd()),
	}
}

// Interactive reports whether a full-screen program can run: both ends
// must be a terminal.
func (s *IOStreams) Interactive() bool { return s.StdinTTY && s.StdoutTTY }
