// Package cmdtest runs commands in-process with a test Factory: buffers for
// the streams, fresh directories, a fixed clock, no keyring.
package cmdtest

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/cmd/root"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// Env is a test Factory with its streams.
type Env struct {
	F      *app.Factory
	Out    *bytes.Buffer
	ErrOut *bytes.Buffer
	In     *bytes.Buffer
	Vars   map[string]string
	// Interrupts is the signal handling of the last Run.
	Interrupts *cmdutil.Interrupts
}

// Now is the clock of every test Factory.
var Now = time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)

// New returns a Factory rooted in fresh directories, with no terminal.
func New(t *testing.T) *Env {
	t.Helper()
	e := &Env{Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}, In: &bytes.Buffer{},
		Vars: map[string]string{app.EnvKeyring: "off"}}
	dir := t.TempDir()
	e.F = &app.Factory{
		IO:      &app.IOStreams{In: e.In, Out: e.Out, ErrOut: e.ErrOut},
		Getenv:  func(k string) string { return e.Vars[k] },
		Now:     func() time.Time { return Now },
		Version: "test",
		Paths:   app.Paths{Data: filepath.Join(dir, "data"), Config: filepath.Join(dir, "config")},
	}
	return e
}

// Store opens the drafts store the commands will use.
func (e *Env) Store(t *testing.T) *drafts.Store {
	t.Helper()
	s, err := e.F.Drafts(nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Run runs plaid-onboard with args and returns its exit code.
func (e *Env) Run(t *testing.T, args ...string) int {
	t.Helper()
	e.Out.Reset()
	e.ErrOut.Reset()
	e.Interrupts = &cmdutil.Interrupts{}
	cmd := root.NewCmd(e.F, e.Interrupts)
	cmd.SetArgs(args)
	cmd.SetOut(e.Out)
	cmd.SetErr(e.ErrOut)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.ExecuteContext(context.Background())
	e.Interrupts.Stop()
	if err != nil {
		e.ErrOut.WriteString(err.Error())
		var ee *exitcode.Error
		if errors.As(err, &ee) && ee.Hint != "" {
			e.ErrOut.WriteString("\n" + ee.Hint)
		}
	}
	return exitcode.Of(err)
}

// Contains fails the test unless s contains every want.
func Contains(t *testing.T, what, s string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(s, w) {
			t.Errorf("%s does not contain %q:\n%s", what, w, s)
		}
	}
}

// Lacks fails the test if s contains any of bad.
func Lacks(t *testing.T, what, s string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if b != "" && strings.Contains(s, b) {
			t.Errorf("%s contains %q:\n%s", what, b, s)
		}
	}
}
