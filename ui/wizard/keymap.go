package wizard

import (
	"charm.land/bubbles/v2/key"

	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
)

// keyMap holds the wizard's own keys. They avoid every key huh's fields
// use (tab, enter, arrows, /, x, space, and the editing keys ctrl+a, e, u,
// k, w, f, b, n, p).
type keyMap struct {
	NextStep key.Binding
	PrevStep key.Binding
	Steps    key.Binding
	Review   key.Binding
	Close    key.Binding
	Quit     key.Binding
	Fix      key.Binding
	// Fill puts a fictional person or company in the current step (not
	// in production): demos.
	Fill key.Binding

	// sidebar and lists
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding
	Back   key.Binding
	Add    key.Binding
	Edit   key.Binding
	Remove key.Binding

	// review and result
	Submit   key.Binding
	ScrollUp key.Binding
	ScrollDn key.Binding
	GoFix    key.Binding
	Update   key.Binding
	Refresh  key.Binding
	Enable   key.Binding
	Reveal   key.Binding
	Retry    key.Binding
	Lookup   key.Binding
	Report   key.Binding
	Status   key.Binding
	Rescreen key.Binding
	Why      key.Binding
}

func defaultKeys() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		NextStep: b([]string{"pgdown"}, "pgdn", "next step"),
		PrevStep: b([]string{"pgup"}, "pgup", "previous step"),
		Steps:    b([]string{"ctrl+g"}, "ctrl+g", "steps"),
		Review:   b([]string{"ctrl+r"}, "ctrl+r", "review"),
		Close:    b([]string{"ctrl+x"}, "ctrl+x", "close draft"),
		Quit:     b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		Fix:      widgets.FixKey,
		Fill:     b([]string{"ctrl+t"}, "ctrl+t", "fill with a fictional one"),

		Up:     b([]string{"up", "k"}, "↑/↓", "move"),
		Down:   b([]string{"down", "j"}, "", ""),
		Choose: b([]string{"enter"}, "enter", "open"),
		Back:   b([]string{"esc"}, "esc", "back"),
		Add:    b([]string{"a", "+"}, "a", "add"),
		Edit:   b([]string{"enter", "e"}, "enter", "edit"),
		Remove: b([]string{"d", "delete"}, "d", "remove"),

		Submit:   b([]string{"s"}, "s", "submit"),
		ScrollUp: b([]string{"pgup"}, "pgup/pgdn", "scroll"),
		ScrollDn: b([]string{"pgdown"}, "", ""),
		GoFix:    b([]string{"enter"}, "enter", "go fix it"),
		Update:   b([]string{"u"}, "u", "send update"),
		Refresh:  b([]string{"f"}, "f", "refresh"),
		Enable:   b([]string{"n"}, "n", "enable"),
		Reveal:   b([]string{"r"}, "r", "reveal"),
		Retry:    b([]string{"t"}, "t", "try again"),
		Lookup:   b([]string{"l"}, "l", "look it up"),
		Report:   b([]string{"p"}, "p", "report fraud"),
		Status:   b([]string{"v"}, "v", "review status"),
		Rescreen: b([]string{"e"}, "e", "edit & re-screen"),
		Why:      b([]string{"w"}, "w", "why? (open the person)"),
	}
}
