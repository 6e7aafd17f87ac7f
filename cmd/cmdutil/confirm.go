package cmdutil

import (
	"errors"
	"fmt"
	"strings"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/forms/widgets"
	"github.com/plaid-onboard/plaid-onboard/internal/actions"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
)

// ConfirmIrreversible asks before an action that cannot be undone, when
// --yes was not given: y in sandbox and on the emulator, the word
// production typed out in production. Without a terminal to ask on it
// refuses, so a script never does it by accident.
func ConfirmIrreversible(f *app.Factory, env client.Environment, a actions.Action, what string, yes bool) error {
	if yes {
		return nil
	}
	doing := actions.Describe(a, what)
	if !f.IO.Interactive() {
		return exitcode.Invalid(fmt.Errorf("this would %s; nothing was sent", doing),
			"it cannot be undone: add --yes to do it without being asked")
	}
	question, want := fmt.Sprintf("This will %s (%s). %s Do it? (y/N): ", doing, env.Label(), actions.Consequence(a)), "y"
	if env == client.Production {
		question, want = fmt.Sprintf("This will %s at Plaid, in production. %s Type production to do it: ", doing, actions.Consequence(a)), "production"
	}
	return Ask(f, question, want)
}

// Ask asks question on the terminal and returns nil when the answer is
// want (y also takes yes), else the refusal: nothing was sent.
func Ask(f *app.Factory, question, want string) error {
	fmt.Fprint(f.IO.ErrOut, question)
	answer, err := widgets.NewLineReader(f.IO.In).ReadLine()
	answer = strings.TrimSpace(answer)
	if err != nil && !errors.Is(err, widgets.ErrInputEnded) {
		return err
	}
	if strings.EqualFold(answer, want) || (want == "y" && strings.EqualFold(answer, "yes")) {
		return nil
	}
	if err != nil {
		fmt.Fprintln(f.IO.ErrOut)
	}
	return exitcode.Invalid(fmt.Errorf("not confirmed (%q was needed); nothing was sent", want), "")
}
