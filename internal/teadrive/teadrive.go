// Package teadrive drives Bubble Tea models in tests without a terminal:
// it sends messages, runs the commands they return and feeds the results
// back, the way a tea.Program would, but synchronously.
package teadrive

import (
	"reflect"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Updater is anything with Bubble Tea's Update shape: a tea.Model, or a
// huh.Form (whose Update returns huh's own Model type).
type Updater[M any] interface {
	Update(tea.Msg) (M, tea.Cmd)
}

// cmdTimeout bounds how long a batch of commands may take. huh's commands
// (next field, next group) return at once; cursor blinks and other ticks
// wait for time to pass and are dropped. A test whose commands do real work
// (an HTTP request) waits for their messages with SendUntil instead.
const cmdTimeout = 10 * time.Millisecond

// maxSteps bounds a cascade of commands, so a loop fails rather than hangs.
const maxSteps = 2000

// Send delivers msgs in order to m. After each one it runs every command
// that results, feeding each message back, until none is left — as a
// person's next key arrives after the screen has settled. Commands that
// take longer than cmdTimeout (ticks, I/O) are dropped; see Driver to
// await them. It returns the final model.
func Send[M Updater[M]](m M, msgs ...tea.Msg) M {
	return SendVia(nil, m, msgs...)
}

// Driver remembers the messages of commands that finished late, so a test
// can wait for one (the answer of an HTTP request) while ticks are ignored.
type Driver struct {
	late chan tea.Msg
}

// NewDriver returns a driver.
func NewDriver() *Driver { return &Driver{late: make(chan tea.Msg, 1024)} }

// SendVia is Send, keeping late messages in d (when d is not nil).
func SendVia[M Updater[M]](d *Driver, m M, msgs ...tea.Msg) M {
	for _, msg := range msgs {
		queue := []tea.Msg{msg}
		for steps := 0; len(queue) > 0 && steps < maxSteps; steps++ {
			next := queue[0]
			queue = queue[1:]
			var cmd tea.Cmd
			m, cmd = m.Update(next)
			queue = append(queue, d.run(cmd, time.Now().Add(cmdTimeout))...)
		}
	}
	return m
}

// Await waits up to timeout for a late message that match accepts,
// delivers it (settling what follows) and reports whether one came. Other
// late messages (ticks) are discarded.
func Await[M Updater[M]](d *Driver, m M, timeout time.Duration, match func(tea.Msg) bool) (M, bool) {
	deadline := time.After(timeout)
	for {
		select {
		case msg := <-d.late:
			if match(msg) {
				return SendVia(d, m, msg), true
			}
		case <-deadline:
			return m, false
		}
	}
}

// Run executes a command — and every command of a batch or sequence, in
// parallel — and returns the messages produced within cmdTimeout.
func Run(cmd tea.Cmd) []tea.Msg {
	var d *Driver
	return d.run(cmd, time.Now().Add(cmdTimeout))
}

func (d *Driver) run(cmd tea.Cmd, deadline time.Time) []tea.Msg {
	if cmd == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(time.Until(deadline)):
		if d != nil {
			go func() {
				if late := <-done; late != nil {
					for _, m := range d.expand(late) {
						select {
						case d.late <- m:
						default:
						}
					}
				}
			}()
		}
		return nil
	}
	if msg == nil {
		return nil
	}
	if cmds, ok := asCmds(msg); ok {
		results := make([][]tea.Msg, len(cmds))
		finished := make(chan int, len(cmds))
		for i, c := range cmds {
			go func() { results[i] = d.run(c, deadline); finished <- i }()
		}
		for range cmds {
			<-finished
		}
		var out []tea.Msg
		for _, r := range results {
			out = append(out, r...)
		}
		return out
	}
	if _, quit := msg.(tea.QuitMsg); quit {
		return nil
	}
	return []tea.Msg{msg}
}

// expand runs the commands of a late batch without a deadline of their
// own (they were already late).
func (d *Driver) expand(msg tea.Msg) []tea.Msg {
	if cmds, ok := asCmds(msg); ok {
		var out []tea.Msg
		for _, c := range cmds {
			out = append(out, d.run(c, time.Now().Add(cmdTimeout))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// asCmds unpacks tea.BatchMsg and tea.Sequence's unexported message, both
// slices of commands.
func asCmds(msg tea.Msg) ([]tea.Cmd, bool) {
	if b, ok := msg.(tea.BatchMsg); ok {
		return b, true
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeFor[tea.Cmd]() {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
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
