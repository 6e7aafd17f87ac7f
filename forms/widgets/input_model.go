package widgets

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/plaid-onboard/plaid-onboard/validate"
)

// InputSpec describes a text field.
type InputSpec struct {
	Key         string // the field's JSON path, e.g. "address.city"
	Title       string
	Description string
	Placeholder string
	Required    bool
	// CharLimit bounds the field (a 1 MB paste is cut to it); 256 if zero.
	CharLimit int
	// Check is the field's rule from package validate; nil for free text.
	Check validate.Check
	// Info, when set, adds a line under a valid value (a logo's size).
	Info func(value string) string
	// Suggestions, when set, offers completions of the typed value (file
	// paths). It runs on the caller's goroutine whenever the value changes:
	// huh's SuggestionsFunc would run it on another, racing with typing.
	Suggestions func(typed string) []string
	// Masked hides the value as it is typed (ID numbers, account numbers).
	Masked bool
	// EmptyFix, when set, is offered (ctrl+y) while the field is empty: a
	// generated client user id.
	EmptyFix string
}

// Input is a text field checked as the user types. huh validates only on
// blur and clears its error on every key, so the check is ours: on every
// change the field's rule runs and its verdict shows under the field —
// nothing while valid, a dim hint while incomplete, the rule in red while
// invalid, and the fix with the key that takes it. Leaving a field with an
// error is allowed (Error is always nil); the step shows ✗ and the review
// blocks the submit.
type Input struct {
	*huh.Input
	spec       InputSpec
	acc        huh.Accessor[string]
	result     validate.Result
	checked    string
	fresh      bool // result computed at least once
	focused    bool
	width      int
	dark       bool
	accessible bool
	theme      huh.Theme // the form's, for the blurred placeholder
	nav        navKeys
	// suggestions are the completions of the value now (Suggestions).
	suggestions []string
	// view caches the rendering while blurred: a group re-renders every
	// field on every key, and only the focused one (with its cursor) can
	// have changed.
	view    string
	viewKey viewKey
}

// NewInput builds a checked text field bound through acc.
func NewInput(spec InputSpec, acc huh.Accessor[string]) *Input {
	if spec.CharLimit == 0 {
		spec.CharLimit = 256
	}
	in := huh.NewInput().
		Key(spec.Key).
		Title(spec.Title).
		Description(spec.Description).
		Placeholder(example(spec.Placeholder)).
		CharLimit(spec.CharLimit).
		Accessor(acc)
	if spec.Masked {
		in = in.EchoMode(huh.EchoModePassword)
	}
	km := KeyMap().Input
	i := &Input{Input: in, spec: spec, acc: acc, dark: true, nav: newNavKeys(km.Prev, km.Next, km.Submit)}
	i.recheck()
	return i
}

// Accessible makes the field re-prompt until the value is valid when it
// runs as a plain prompt (screen readers), where no hint can be shown
// while typing.
func (i *Input) Accessible(on bool) *Input {
	i.accessible = on
	return i
}

// Result is the field's current verdict.
func (i *Input) Result() validate.Result { return i.result }

// Value is the field's current value.
func (i *Input) Value() string { return i.acc.Get() }

func (i *Input) recheck() {
	v := i.acc.Get()
	if i.fresh && v == i.checked {
		return
	}
	i.fresh, i.checked = true, v
	if i.spec.Suggestions != nil {
		i.suggestions = i.spec.Suggestions(v)
		i.Input.Suggestions(i.suggestions)
	}
	switch {
	case v == "":
		i.result = validate.Result{State: validate.Incomplete, Message: "required"}
		if !i.spec.Required {
			i.result = validate.Result{}
		}
		if i.spec.EmptyFix != "" {
			i.result = validate.Result{State: validate.Incomplete, Message: "type one, or use a generated one", Fix: i.spec.EmptyFix}
		}
	case i.spec.Check != nil:
		i.result = i.spec.Check(v)
	default:
		i.result = validate.Result{}
	}
}

// Update passes the message to huh's input, then checks the value again
// if it changed. ctrl+y takes the suggested fix.
func (i *Input) Update(msg tea.Msg) (huh.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		i.dark = msg.IsDark()
	case tea.KeyPressMsg:
		if i.focused && i.result.Fix != "" && key.Matches(msg, FixKey) {
			i.acc.Set(i.result.Fix)
			i.Input.Accessor(i.acc) // puts the fixed value in the text box
			// The cursor goes to the end of the fixed value, where typing
			// goes on: left where it was, the next digit lands inside it.
			m, _ := i.Input.Update(tea.KeyPressMsg{Code: tea.KeyEnd})
			i.Input = m.(*huh.Input)
			i.recheck()
			return i, nil
		}
	}
	if k, isKey := msg.(tea.KeyPressMsg); isKey && i.focused && k.String() == "tab" && i.completes() {
		// Tab completes a path, as in a shell; with nothing to complete it
		// moves on as everywhere else.
		msg = tea.KeyPressMsg{Code: 'e', Mod: tea.ModCtrl}
	}
	if d := i.nav.of(msg); d != stay && i.focused {
		// huh's input would ask for the move by command; StepForm makes
		// it at once. The key still reaches it, for the value it keeps.
		m, _ := i.Input.Update(msg)
		i.Input = m.(*huh.Input)
		i.recheck()
		i.nav.pending = d
		return i, nil
	}
	// huh's input keeps its own copy of the text and writes it back to the
	// bound value on every message. When the value was changed elsewhere
	// (the time stamped by a "yes", a contact restored), load it into the
	// text box first, or huh would write the stale text over it.
	if v := i.acc.Get(); i.fresh && v != i.checked {
		i.Input.Accessor(i.acc)
	}
	m, cmd := i.Input.Update(msg)
	i.Input = m.(*huh.Input)
	i.recheck()
	return i, cmd
}

// completes reports whether a completion would change the value.
func (i *Input) completes() bool {
	return len(i.suggestions) > 0 && i.suggestions[0] != i.acc.Get()
}

// Focus and Blur track focus, which decides whether an empty required
// field says so.
func (i *Input) Focus() tea.Cmd {
	i.focused = true
	cmd := i.Input.Focus()
	// Back at the end, where typing goes on (Blur moved it to the start).
	i.moveCursor(tea.KeyEnd)
	return cmd
}

// Blur leaves the field; an error stays visible, and does not block. The
// cursor goes to the start, so a value wider than its box shows its head
// (the text box scrolls with the cursor; at the end it shows the tail).
func (i *Input) Blur() tea.Cmd {
	if i.focused {
		i.moveCursor(tea.KeyHome)
	}
	i.focused = false
	cmd := i.Input.Blur()
	i.recheck()
	return cmd
}

// moveCursor moves the text box's cursor with a key only it reads.
func (i *Input) moveCursor(code rune) {
	m, _ := i.Input.Update(tea.KeyPressMsg{Code: code})
	i.Input = m.(*huh.Input)
}

// Error is always nil: huh would otherwise block leaving the field (and,
// for the last field, going back a group — huh #540).
func (i *Input) Error() error { return nil }

// The With* methods return the wrapper, not huh's input, so the group keeps
// talking to the checked field.

// WithTheme sets the theme.
func (i *Input) WithTheme(t huh.Theme) huh.Field {
	i.theme = t
	i.Input.WithTheme(t)
	i.view = ""
	return i
}

// WithKeyMap sets the key map.
func (i *Input) WithKeyMap(k *huh.KeyMap) huh.Field {
	i.nav = newNavKeys(k.Input.Prev, k.Input.Next, k.Input.Submit)
	i.Input.WithKeyMap(k)
	return i
}

// WithWidth sets the width, also used to wrap the verdict.
func (i *Input) WithWidth(w int) huh.Field { i.width = w; i.Input.WithWidth(w); return i }

// WithHeight sets the height.
func (i *Input) WithHeight(h int) huh.Field { i.Input.WithHeight(h); i.view = ""; return i }

// WithPosition sets the position.
func (i *Input) WithPosition(p huh.FieldPosition) huh.Field {
	i.nav.position(p)
	i.Input.WithPosition(p)
	return i
}

func (i *Input) takeNav() int { return i.nav.takeNav() }

// Init initialises the field.
func (i *Input) Init() tea.Cmd { return i.Input.Init() }

// Run is not used: fields run inside a form.
func (i *Input) Run() error { return huh.Run(i) }
