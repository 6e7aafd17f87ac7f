package lookup

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/theme"
	"github.com/plaid-onboard/plaid-onboard/ui/uikit"
)

// frame is what both lookup screens share: the size and styles, a
// scrolling body, one request at a time with a spinner that Esc stops,
// the last outcome, and the confirmation before a change.
type frame struct {
	deps          uikit.Deps
	keys          keyMap
	st            theme.Styles
	width, height int
	vp            viewport.Model
	content       string

	busy     string
	spin     spinner.Model
	cancel   context.CancelFunc
	deadline time.Time
	message  string
	bad      bool

	dialog    *uikit.Dialog
	onConfirm func() tea.Cmd
}

func newFrame(deps uikit.Deps) frame {
	return frame{deps: deps, keys: defaultKeys(), st: theme.New(true), width: 80, height: 20,
		vp: viewport.New(), spin: spinner.New(spinner.WithSpinner(spinner.Dot))}
}

// run starts a request unless one runs; fn's message ends it (stop).
func (f *frame) run(label string, fn func(ctx context.Context) tea.Msg) tea.Cmd {
	if f.busy != "" {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	f.busy, f.cancel, f.message = label, cancel, ""
	if f.deps.Client != nil {
		f.deadline = f.deps.Now().Add(f.deps.Client.Budget())
	}
	return tea.Batch(f.spin.Tick, func() tea.Msg {
		defer cancel()
		return fn(ctx)
	})
}

func (f *frame) stop() { f.busy = "" }

func (f *frame) say(msg string, bad bool) { f.message, f.bad = msg, bad }

// confirm asks before a change: production needs the word typed, as a
// submit does; elsewhere y/n, with what Plaid's rules make of it.
func (f *frame) confirm(a actions.Action, title, body string, then func() tea.Cmd) tea.Cmd {
	if f.deps.Env == client.Production {
		f.dialog = uikit.NewTypeToConfirm("In PRODUCTION? "+title, body+"\n\nType production to do it.", "production")
	} else {
		f.dialog = uikit.NewDialog(title, body)
		f.dialog.Danger = a.Irreversible()
	}
	f.onConfirm = then
	return nil
}

// key handles what any state shares: Ctrl-C, a dialog, stopping a
// request. handled says whether the key was used.
func (f *frame) key(k tea.KeyPressMsg) (tea.Cmd, bool) {
	if key.Matches(k, f.keys.Quit) {
		if f.cancel != nil {
			f.cancel()
		}
		return func() tea.Msg { return uikit.QuitMsg{Aborted: true} }, true
	}
	if f.dialog != nil {
		f.dialog.Update(k)
		if f.dialog.Answered {
			yes, then := f.dialog.Confirmed, f.onConfirm
			f.dialog, f.onConfirm = nil, nil
			if yes && then != nil {
				return then(), true
			}
			f.say("Not done.", false)
		}
		return nil, true
	}
	if f.busy != "" {
		if key.Matches(k, f.keys.Back) && f.cancel != nil {
			f.cancel()
		}
		return nil, true
	}
	return nil, false
}

// change runs a decision, report or enable; the drafts that created what
// it changed record the status it found (a draft open in a window is left
// to it).
func (f *frame) change(a actions.Action, what string, call func(context.Context) (actions.Result, error)) tea.Cmd {
	store, env := f.deps.Store, f.deps.Env
	return f.run(string(a)+" of "+what, func(ctx context.Context) tea.Msg {
		r, err := call(ctx)
		if err == nil {
			_ = actions.Observe(store, env, r) // the answer is shown whatever the drafts say
		}
		return changedMsg{action: a, result: r, err: err}
	})
}

// changed ends a decision, report or enable: a failure is said, a
// success reloads with what was done.
func (f *frame) changed(msg changedMsg, reload func(done string) tea.Cmd) tea.Cmd {
	f.stop()
	if msg.err != nil {
		f.say(actions.Explain(msg.action, msg.err), true)
		return nil
	}
	return reload(uikit.Capitalize(msg.result.Done()))
}

// tick turns the spinner while a request runs.
func (f *frame) tick(msg tea.Msg) tea.Cmd {
	t, ok := msg.(spinner.TickMsg)
	if !ok || f.busy == "" {
		return nil
	}
	var cmd tea.Cmd
	f.spin, cmd = f.spin.Update(t)
	return cmd
}

// scroll moves the body.
func (f *frame) scroll(k tea.KeyPressMsg) tea.Cmd {
	var cmd tea.Cmd
	f.vp, cmd = f.vp.Update(k)
	return cmd
}

func (f *frame) setContent(s string) {
	f.content = s
	f.vp.SetContent(s)
}

// SetSize sizes the body.
func (f *frame) SetSize(w, h int) {
	f.width, f.height = w, h
	f.vp.SetWidth(w)
	f.vp.SetHeight(h)
}

// SetDark restyles.
func (f *frame) SetDark(dark bool) { f.st = theme.New(dark) }

// Status is the footer's right side.
func (f *frame) Status() string {
	if f.deps.Env == client.Local {
		return f.st.Faint.Render(strings.TrimPrefix(f.deps.Place(), "the "))
	}
	return ""
}

// statusLines are the spinner and the last outcome, as lines.
func (f *frame) statusLines() []string {
	var out []string
	if f.busy != "" {
		left := ""
		if !f.deadline.IsZero() {
			left = " " + f.deadline.Sub(f.deps.Now()).Round(time.Second).String() + " left ·"
		}
		out = append(out, f.spin.View()+" "+f.st.Muted.Render(f.busy+"…"+left+" esc stops waiting"))
	}
	if f.message != "" {
		style := f.st.OK
		if f.bad {
			style = f.st.Bad
		}
		out = append(out, lipgloss.NewStyle().Width(max(20, f.width-2)).Render(style.Render(f.message)))
	}
	return out
}

// statusText is statusLines under what a screen drew.
func (f *frame) statusText() string {
	if lines := f.statusLines(); len(lines) > 0 {
		return "\n" + strings.Join(lines, "\n")
	}
	return ""
}

// bodyView is the scrolling body with the spinner and the last outcome
// under it, always in sight.
func (f *frame) bodyView() string {
	lines := f.statusLines()
	n := 0
	for _, l := range lines {
		n += 1 + strings.Count(l, "\n")
	}
	f.vp.SetHeight(max(3, f.height-n))
	out := f.vp.View()
	if len(lines) > 0 {
		out += "\n" + strings.Join(lines, "\n")
	}
	return out
}

func (f *frame) dialogView() string {
	return lipgloss.Place(f.width, f.height, lipgloss.Center, lipgloss.Center, f.dialog.View(f.st, f.width-4))
}

// goHome goes back to the home screen.
func goHome() tea.Cmd {
	return func() tea.Msg { return uikit.GoHomeMsg{} }
}

func pad(s string, n int) string { return uikit.PadRight(s, n) }

// labelled is a label and its value wrapped beside it, the value's lines
// lined up under each other: nothing is cut at a narrow width.
func (f *frame) labelled(label string, labelWidth int, value string) string {
	return uikit.Labelled(f.st.Muted, label, labelWidth, f.st.Text.Render(value), f.width-2)
}
func truncate(s string, n int) string { return uikit.Truncate(s, n) }
