// Package uikit holds what the screens share: the Screen interface, the
// dependencies they are given, the messages between them, and small
// widgets (dialogs, key help).
package uikit

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/drafts"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
)

// Screen is one full screen under the common header and footer, which the
// app draws (title and environment badge above; keys and status below).
type Screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	// View is the body.
	View() string
	// Title is the header's text.
	Title() string
	// Help lists the keys the footer shows.
	Help() []key.Binding
	// Status is the footer's right side (the autosave state).
	Status() string
	// SetSize gives the body's size.
	SetSize(width, height int)
	// SetDark tells the screen the terminal's background.
	SetDark(dark bool)
}

// Deps are what screens need from outside, injected so tests can replace
// them.
type Deps struct {
	Env    client.Environment
	Client *client.Client
	// Where says where Client's requests go, in words ("the built-in
	// emulator", "the emulator at http://127.0.0.1:8686", "Plaid sandbox");
	// Label names it short, as the badge does ("LOCAL 127.0.0.1:8686");
	// Emulator is a served emulator's base URL ("" otherwise).
	Where, Label, Emulator string
	Store                  *drafts.Store
	Now                    func() time.Time
	// NoPII keeps personal data out of drafts (--no-save-pii).
	NoPII bool
	// Send delivers a message to the running program from another
	// goroutine (autosave reports).
	Send func(tea.Msg)
	// Programs are the Beacon programs to offer.
	Programs []widgets.PickOption
	// RememberProgram records a program id used successfully (may be nil).
	RememberProgram func(id string)
	// SaveQuiet and SaveMax time the autosave (drafts defaults when zero).
	SaveQuiet, SaveMax time.Duration
	// DebugLog, when set, is the file --debug writes every exchange to.
	DebugLog string
}

// EnvLabel names the environment short, as the badge does: LOCAL,
// SANDBOX, PRODUCTION, or LOCAL and a served emulator's address.
func (d Deps) EnvLabel() string {
	if d.Label != "" {
		return d.Label
	}
	return d.Env.Label()
}

// Place says where requests go, in words: Where, or what the environment
// alone says when no session named it.
func (d Deps) Place() string {
	switch {
	case d.Where != "":
		return d.Where
	case d.Env == client.Local:
		return "the built-in emulator"
	}
	return "Plaid " + string(d.Env)
}

// Styles returns the text styles for a background.
func Styles(dark bool) theme.Styles { return theme.New(dark) }
