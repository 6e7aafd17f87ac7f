package ui

import (
	"bytes"
	"errors"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
	"github.com/plaid-onboard/plaid-onboard/ui/home"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// TestStartingOpensTheHomeScreen runs the start command as the program's
// Init, as Run does, and waits for the home screen it opens.
func TestStartingOpensTheHomeScreen(t *testing.T) {
	deps := testDeps(t)
	start := func() tea.Msg { return startedMsg{deps: deps, screen: home.New(deps, "")} }
	tm := teatest.NewTestModel(t, NewApp(uikit.Deps{Env: deps.Env}, newStartingScreen(start)), teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("New partner customer"))
	}, teatest.WithDuration(tuitest.Patience))
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(tuitest.Patience)).(*App)
	if final.startErr != nil || final.aborted {
		t.Errorf("startErr %v, aborted %v", final.startErr, final.aborted)
	}
}

// TestStartFailureEndsTheProgramWithIt: drafts that cannot be opened end
// the program with that error, for the command line to print.
func TestStartFailureEndsTheProgramWithIt(t *testing.T) {
	bad := errors.New("drafts directory is not writable")
	start := func() tea.Msg { return startedMsg{err: bad} }
	tm := teatest.NewTestModel(t, NewApp(uikit.Deps{}, newStartingScreen(start)), teatest.WithInitialTermSize(80, 24))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(tuitest.Patience)).(*App)
	if !errors.Is(final.startErr, bad) {
		t.Errorf("startErr = %v, want %v", final.startErr, bad)
	}
}

// TestCtrlCWhileStarting is an interruption, not a hang waiting for the
// drafts to open.
func TestCtrlCWhileStarting(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	start := func() tea.Msg { <-release; return nil }
	tm := teatest.NewTestModel(t, NewApp(uikit.Deps{}, newStartingScreen(start)), teatest.WithInitialTermSize(80, 24))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Opening drafts"))
	}, teatest.WithDuration(tuitest.Patience))
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(tuitest.Patience)).(*App)
	if !final.aborted {
		t.Error("ctrl+c while starting did not abort")
	}
}

func TestSessionClosedWhicheverSideComesLast(t *testing.T) {
	var closed int
	early := &sessionCloser{}
	early.set(func() { closed++ })
	early.Close()
	early.Close()
	late := &sessionCloser{}
	late.Close()
	late.set(func() { closed++ })
	if closed != 2 {
		t.Errorf("closed %d times, want once each (2)", closed)
	}
}
