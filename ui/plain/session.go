// Package plain is accessible mode: the same questions, checks, review,
// submit and follow-ups as the full-screen wizard, asked one plain line at
// a time — no colour, no cursor movement — for screen readers, TERM=dumb
// and answers piped in.
package plain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// Request says what to open: a new flow ("customer", "beacon"), a draft,
// or (both empty) the menu.
type Request struct {
	Flow    string
	DraftID string
}

// Session is one run of the plain prompts.
type Session struct {
	deps uikit.Deps
	in   *forms.LineReader
	out  io.Writer
	ctx  context.Context

	// mu is held while a draft is written: an interrupt waits for the
	// write to finish, then stops further ones.
	mu      sync.Mutex
	stopped bool
	// current is the draft being edited, named when the session stops.
	current string
}

// ErrAborted is returned after an interrupt (the draft is saved).
var ErrAborted = errors.New("interrupted")

// New builds a session reading answers from in and writing to out.
func New(deps uikit.Deps, in io.Reader, out io.Writer) *Session {
	return &Session{deps: deps, in: forms.NewLineReader(in), out: &lockedWriter{w: out}}
}

// lockedWriter lets the interrupt's last words and the prompts share out.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// Run runs the session until the user leaves, the input ends, or ctx is
// cancelled (Ctrl-C), which returns ErrAborted at once — a read of the
// terminal cannot be interrupted, so the prompts run on their own
// goroutine and everything answered is already saved.
func (s *Session) Run(ctx context.Context, req Request) error {
	s.ctx = ctx
	done := make(chan error, 1)
	go func() { done <- s.run(req) }()
	select {
	case err := <-done:
		if errors.Is(err, forms.ErrInputEnded) {
			if id := s.draftID(); id != "" {
				s.say("Input ended. Draft %s is saved: plaid-onboard --draft %s resumes it.", id, id)
			}
			return nil
		}
		return err
	case <-ctx.Done():
		s.mu.Lock()
		s.stopped = true
		id := s.current
		s.mu.Unlock()
		s.say("")
		if id != "" {
			s.say("Interrupted. Draft %s is saved with every answer given: plaid-onboard --draft %s resumes it.", id, id)
		}
		return ErrAborted
	}
}

func (s *Session) run(req Request) error {
	s.say("plaid-onboard (plain prompts) · environment %s%s", s.deps.Env.Label(), envNote(s.deps.Env))
	switch {
	case req.DraftID != "":
		return s.resume(req.DraftID)
	case req.Flow == "customer":
		return s.edit(s.deps.Store.New(drafts.PartnerCustomer), nil)
	case req.Flow == "beacon":
		return s.edit(s.deps.Store.New(drafts.BeaconUser), nil)
	}
	return s.menu()
}

func envNote(env client.Environment) string {
	switch env {
	case client.Local:
		return " (the built-in emulator: nothing reaches Plaid)"
	case client.Production:
		return " (real customers and real people)"
	}
	return ""
}

// draftID is the draft being edited, if any.
func (s *Session) draftID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.current
}

// editing names the draft being edited ("" when none).
func (s *Session) editing(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.current = id
}

// say writes one line.
func (s *Session) say(format string, args ...any) {
	fmt.Fprintf(s.out, format+"\n", args...)
}

// ask prints a prompt and reads the answer, trimmed.
func (s *Session) ask(format string, args ...any) (string, error) {
	fmt.Fprintf(s.out, format, args...)
	line, err := s.in.ReadLine()
	if err != nil {
		fmt.Fprintln(s.out)
		return "", err
	}
	return strings.TrimSpace(line), nil
}

// confirm asks a yes/no question; no is the default.
func (s *Session) confirm(format string, args ...any) (bool, error) {
	a, err := s.ask(format+" (y/N): ", args...)
	a = strings.ToLower(a)
	return a == "y" || a == "yes", err
}

// save writes the draft now, unless the session was interrupted. A save
// refused because another window changed the draft goes to a copy, which
// becomes the draft edited from then on.
func (s *Session) save(d *drafts.Draft) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return
	}
	d.RefreshTitle()
	err := s.deps.Store.Save(d, drafts.SaveOptions{NoPII: s.deps.NoPII})
	var changed *drafts.ChangedError
	switch {
	case errors.As(err, &changed):
		s.current = d.ID // s.mu is held
		s.say("Note: %s", changed.Error())
	case err != nil:
		s.say("Warning: the draft could not be saved: %v", err)
	}
}
