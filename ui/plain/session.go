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
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
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
	in   *widgets.LineReader
	out  io.Writer
	ctx  context.Context

	// mu is held while a draft is written: an interrupt waits for the
	// write to finish, then stops further ones.
	mu      sync.Mutex
	stopped bool
	// current is the draft being edited, named when the session stops,
	// and the kind of request it holds.
	current     string
	currentKind drafts.Kind
	// saveErr is why the last save of the current draft failed (nil when
	// it is on disk as it stands).
	saveErr error
	// sentAny is set once a request was sent in this session; sendErr is
	// how the last one failed (nil when it succeeded).
	sentAny bool
	sendErr error
}

// ErrAborted is returned after an interrupt (the draft is saved).
var ErrAborted = errors.New("interrupted")

// New builds a session reading answers from in and writing to out.
func New(deps uikit.Deps, in io.Reader, out io.Writer) *Session {
	w := &lockedWriter{w: out}
	return &Session{deps: deps, in: widgets.NewLineReader(in).SayRefusalsTo(w), out: w}
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
		if errors.Is(err, widgets.ErrInputEnded) {
			id := s.draftID()
			if id == "" {
				return nil // at the menu: nothing was under way
			}
			if unsaved := s.unsaved(); unsaved != nil {
				s.say("Input ended. Draft %s could not be saved: the answers since its last save are lost.", id)
				return unsaved
			}
			s.mu.Lock()
			sentAny, sendErr := s.sentAny, s.sendErr
			s.mu.Unlock()
			if sentAny {
				// A script that piped answers through a send is done: its
				// exit code is the send's (a retry on 2 would send twice).
				s.say("Input ended. Draft %s is saved with what was sent.", id)
				return sendErr
			}
			s.say("Input ended before the draft was done. Draft %s is saved: %s resumes it.", id, s.resumeCommand())
			return exitcode.Invalid(fmt.Errorf("the input ended before draft %s was done; nothing was sent", id), "")
		}
		return err
	case <-ctx.Done():
		s.mu.Lock()
		s.stopped = true
		id, saveErr := s.current, s.saveErr
		s.mu.Unlock()
		s.say("")
		switch {
		case id != "" && saveErr != nil:
			s.say("Interrupted. Draft %s could not be saved (%v): the answers since its last save are lost.", id, saveErr)
		case id != "":
			s.say("Interrupted. Draft %s is saved with every answer given: %s resumes it.", id, s.resumeCommand())
		}
		return ErrAborted
	}
}

func (s *Session) run(req Request) error {
	s.say("plaid-onboard (plain prompts) · environment %s%s", s.deps.EnvLabel(), envNote(s.deps))
	if s.deps.DebugLog != "" {
		s.say("Debug: every exchange with %s is written to %s (personal data masked, secrets never).", s.deps.EnvLabel(), s.deps.DebugLog)
	}
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

func envNote(deps uikit.Deps) string {
	switch deps.Env {
	case client.Local:
		return " (" + deps.Place() + ": nothing reaches Plaid)"
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
func (s *Session) editing(id string, kind drafts.Kind) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.current, s.currentKind, s.saveErr = id, kind, nil
	if id != "" {
		s.sentAny, s.sendErr = false, nil // what counts is the draft being edited
	}
}

// resumeCommand is the command that opens the current draft again in
// accessible mode.
func (s *Session) resumeCommand() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return uikit.ResumeCommand(s.current, s.currentKind, s.deps.Env, true)
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
	if err := s.saveNow(d); err != nil && !errors.Is(err, errStopped) {
		s.say("Warning: the draft could not be saved: %v", err)
	}
}

// errStopped is why nothing is saved after an interrupt.
var errStopped = errors.New("the session was interrupted")

// saveNow is save, returning why the draft is not on disk (nil when it
// is, in a copy or not).
func (s *Session) saveNow(d *drafts.Draft) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stopped {
		return errStopped
	}
	d.RefreshTitle()
	err := s.deps.Store.Save(d, drafts.SaveOptions{NoPII: s.deps.NoPII})
	var changed *drafts.ChangedError
	s.saveErr = nil // s.mu is held
	switch {
	case errors.As(err, &changed):
		s.current = d.ID
		s.say("Note: %s", changed.Error())
		return nil
	case err != nil:
		s.saveErr = err
	}
	return err
}

// attempted records the last send of this session, whose outcome decides
// how the session ends if the input ends after it.
func (s *Session) attempted(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sentAny, s.sendErr = true, err
}

// unsaved is why the current draft is not on disk as it stands, if it is
// not: a local problem (exit code 4), said to the user.
func (s *Session) unsaved() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.saveErr == nil {
		return nil
	}
	return exitcode.Local(fmt.Errorf("draft %s could not be saved: %w", s.current, s.saveErr), "")
}
