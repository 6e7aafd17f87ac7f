// Package tuitest drives Bubble Tea models in tests the way a program
// does: messages reach the model one at a time on the test's goroutine,
// commands run on goroutines of their own for as long as they take, and
// their messages wait until the test asks for them. A test waits for a
// condition (WaitFor), never for the clock: on a busy machine it waits
// longer, it does not fail. Only tests import this package.
package tuitest

import (
	"reflect"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Updater is anything with Bubble Tea's Update shape: a screen, a
// tea.Model, a huh form.
type Updater[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
}

// Patience bounds a wait, so that a test whose condition can never hold
// fails instead of hanging. It is no assertion about speed.
const Patience = 2 * time.Minute

// Driver holds a model and the messages its commands sent.
type Driver[M Updater[M]] struct {
	tb    testing.TB
	model M
	inbox chan tea.Msg
	done  chan struct{}
	stop  sync.Once
}

// New drives model; the commands still running when the test ends are
// left to finish, their messages dropped.
func New[M Updater[M]](tb testing.TB, model M) *Driver[M] {
	d := &Driver[M]{tb: tb, model: model, inbox: make(chan tea.Msg, 4096), done: make(chan struct{})}
	tb.Cleanup(func() { d.stop.Do(func() { close(d.done) }) })
	return d
}

// Model is the model as it stands.
func (d *Driver[M]) Model() M { return d.model }

// Run runs a command as a program would, its messages kept for later.
func (d *Driver[M]) Run(cmd tea.Cmd) { d.run(cmd) }

// Send delivers messages in order, as a person's keys arrive: each is
// handled before the next, and the commands each returns are started.
func (d *Driver[M]) Send(msgs ...tea.Msg) {
	for _, msg := range msgs {
		var cmd tea.Cmd
		d.model, cmd = d.model.Update(msg)
		d.run(cmd)
	}
}

// Keys sends key presses by name (see Key).
func (d *Driver[M]) Keys(names ...string) { d.Send(Keys(names...)...) }

// Type sends the key presses that type s.
func (d *Driver[M]) Type(s string) { d.Send(Type(s)...) }

// WaitFor delivers the messages of finished commands until cond holds;
// the test fails, naming what, if it does not within Patience.
func (d *Driver[M]) WaitFor(what string, cond func() bool) {
	d.tb.Helper()
	deadline := time.NewTimer(Patience)
	defer deadline.Stop()
	for !cond() {
		select {
		case msg := <-d.inbox:
			d.Send(msg)
		case <-deadline.C:
			d.tb.Fatalf("waited %v for %s", Patience, what)
		}
	}
}

// Drain delivers the messages already waiting, without waiting for more.
func (d *Driver[M]) Drain() {
	for {
		select {
		case msg := <-d.inbox:
			d.Send(msg)
		default:
			return
		}
	}
}

func (d *Driver[M]) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	go d.exec(cmd)
}

// exec runs one command on this goroutine and posts what it yields: the
// commands of a batch each on a goroutine of its own, those of a sequence
// one after another.
func (d *Driver[M]) exec(cmd tea.Cmd) {
	msg := cmd()
	switch {
	case msg == nil:
		return
	case isBatch(msg):
		for _, c := range cmds(msg) {
			if c != nil {
				go d.exec(c)
			}
		}
		return
	case isSequence(msg):
		for _, c := range cmds(msg) {
			if c != nil {
				d.exec(c)
			}
		}
		return
	}
	if _, quit := msg.(tea.QuitMsg); quit {
		return
	}
	select {
	case d.inbox <- msg:
	case <-d.done:
	}
}

func isBatch(msg tea.Msg) bool { _, ok := msg.(tea.BatchMsg); return ok }

// isSequence recognises tea.Sequence's message, an unexported slice of
// commands.
func isSequence(msg tea.Msg) bool {
	v := reflect.ValueOf(msg)
	return !isBatch(msg) && v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]()
}

func cmds(msg tea.Msg) []tea.Cmd {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b
	}
	v := reflect.ValueOf(msg)
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i], _ = v.Index(i).Interface().(tea.Cmd)
	}
	return out
}

// Key is a key press as the terminal would send it: "a", "enter", "tab",
// "shift+tab", "ctrl+y", "up", "space", "pgdown"…
func Key(k string) tea.Msg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "home":
		return tea.KeyPressMsg{Code: tea.KeyHome}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	}
	if len(k) > 5 && k[:5] == "ctrl+" {
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	if len(k) > 4 && k[:4] == "alt+" {
		return tea.KeyPressMsg{Code: rune(k[4]), Mod: tea.ModAlt}
	}
	r := []rune(k)
	return tea.KeyPressMsg{Code: r[0], Text: k}
}

// Type is the key presses that type s.
func Type(s string) []tea.Msg {
	out := make([]tea.Msg, 0, len(s))
	for _, r := range s {
		if r == ' ' {
			out = append(out, Key("space"))
			continue
		}
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// Keys is the key presses named.
func Keys(ks ...string) []tea.Msg {
	out := make([]tea.Msg, len(ks))
	for i, k := range ks {
		out[i] = Key(k)
	}
	return out
}
