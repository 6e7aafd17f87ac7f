// Package ui is the full-screen program. Only main imports it.
package ui

import (
	"context"
	"errors"
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/ui/home"
	"github.com/plaid-onboard/plaid-onboard/ui/listen"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// noticeBox carries notices from other goroutines (the drafts key notice
// arrives during a save) into the program, holding them until it runs.
type noticeBox struct {
	mu      sync.Mutex
	send    func(tea.Msg)
	pending []string
}

func (n *noticeBox) notice(msg string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.send == nil {
		n.pending = append(n.pending, msg)
		return
	}
	n.send(uikit.NoticeMsg{Text: msg})
}

func (n *noticeBox) start(send func(tea.Msg)) {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.send = send
	for _, msg := range n.pending {
		go send(uikit.NoticeMsg{Text: msg})
	}
	n.pending = nil
}

// Deps builds the screens' dependencies from the factory: the drafts, a
// session with the environment (starting the local emulator), the Beacon
// programs to offer. close ends the session.
func Deps(f *app.Factory, req app.TUIRequest, notices *noticeBox) (uikit.Deps, func(), error) {
	store, err := f.Drafts(notices.notice)
	if err != nil {
		return uikit.Deps{}, nil, err
	}
	f.Warn = notices.notice // stderr is under the screen
	session, err := f.Connect(req.Env)
	if err != nil {
		return uikit.Deps{}, nil, err
	}
	var programs []widgets.PickOption
	for _, p := range f.BeaconPrograms(req.Env) {
		programs = append(programs, widgets.PickOption{Value: p.ID, Label: p.Name})
	}
	env := req.Env
	return uikit.Deps{
		Env: env, Client: session.Client, Where: session.Where, Label: session.Label(), Emulator: session.Emulator,
		Store: store, Now: f.Now, NoPII: req.NoSavePII, Programs: programs,
		DebugLog:        req.DebugLog,
		RememberProgram: func(id string) { _ = f.RememberProgram(env, id) },
	}, session.Close, nil
}

// first is the screen a request opens.
func first(deps uikit.Deps, req app.TUIRequest) (uikit.Screen, tea.Cmd) {
	h := home.New(deps, "")
	switch {
	case req.DraftID != "":
		// The same question as choosing the draft on the home screen.
		return h, h.Resume(req.DraftID)
	case req.Flow == "listen" && req.Webhooks != nil:
		return listen.New(deps, req.Webhooks, req.ListenInfo), nil
	case req.Flow == "customer":
		return h, func() tea.Msg { return uikit.OpenDraftMsg{Draft: deps.Store.New(drafts.PartnerCustomer)} }
	case req.Flow == "beacon":
		return h, func() tea.Msg { return uikit.OpenDraftMsg{Draft: deps.Store.New(drafts.BeaconUser)} }
	}
	return h, nil
}

// Run opens the requested screen and returns when the user leaves: nil,
// or exitcode.ErrAborted after Ctrl-C (exit code 130).
func Run(ctx context.Context, f *app.Factory, req app.TUIRequest) error {
	if f.Debug != nil {
		// The screen owns the terminal: --debug goes to a file, named on
		// the screen.
		file, err := f.OpenDebugFile()
		if err != nil {
			return err
		}
		defer file.Close() //nolint:errcheck // every write to it went through already
		f.Debug, req.DebugLog = file, file.Name()
		defer fmt.Fprintf(f.IO.ErrOut, "debug log: %s\n", file.Name())
	}
	if req.Accessible {
		return runAccessibleSession(ctx, f, req)
	}
	notices := &noticeBox{}
	session := &sessionCloser{}
	defer session.Close()
	var send func(tea.Msg)
	start := func() tea.Msg {
		go warmCellWidths()
		deps, closeSession, err := Deps(f, req, notices)
		if err != nil {
			return startedMsg{err: err}
		}
		session.set(closeSession)
		// Autosave reports and notices arrive from other goroutines.
		deps.Send = send
		notices.start(send)
		screen, cmd := first(deps, req)
		return startedMsg{deps: deps, screen: screen, cmd: cmd}
	}
	root := NewApp(uikit.Deps{Env: req.Env, Label: app.EnvLabel(req.Env, f.Getenv(app.EnvEmulatorURL))}, newStartingScreen(start))
	p := tea.NewProgram(root, tea.WithContext(ctx))
	send = p.Send
	if req.Webhooks != nil {
		req.Webhooks.OnAdd(func() { p.Send(listen.ArrivedMsg{}) })
		defer req.Webhooks.OnAdd(nil)
	}
	_, runErr := p.Run()
	root.leave()
	if line := root.Leaving(); line != "" {
		fmt.Fprintln(f.IO.ErrOut, line)
	}
	switch {
	case root.startErr != nil:
		return root.startErr
	case root.aborted, errors.Is(runErr, tea.ErrInterrupted):
		return exitcode.ErrAborted
	case errors.Is(runErr, tea.ErrProgramKilled), errors.Is(runErr, context.Canceled):
		return exitcode.ErrAborted
	case runErr != nil:
		return fmt.Errorf("the screen failed: %w", runErr)
	}
	return nil
}

// runAccessibleSession runs the plain prompts; they need the drafts and the
// session before the first question.
func runAccessibleSession(ctx context.Context, f *app.Factory, req app.TUIRequest) error {
	// A notice (the drafts key kept in a file) is read out where it
	// comes, between prompts: it is marked as shown once said.
	notices := &noticeBox{send: func(msg tea.Msg) {
		if n, ok := msg.(uikit.NoticeMsg); ok {
			fmt.Fprintln(f.IO.Out, "Note: "+n.Text)
		}
	}}
	deps, closeSession, err := Deps(f, req, notices)
	if err != nil {
		return err
	}
	defer closeSession()
	return runAccessible(ctx, f, deps, req)
}
