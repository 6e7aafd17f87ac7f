// Command plaid-onboard walks a person through creating a Plaid partner end
// customer and screening a person with Beacon, against Plaid or its
// built-in emulator.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/plaid-onboard/plaid-onboard/cmd/cmdutil"
	"github.com/plaid-onboard/plaid-onboard/cmd/root"
	"github.com/plaid-onboard/plaid-onboard/internal/app"
	"github.com/plaid-onboard/plaid-onboard/internal/buildinfo"
	"github.com/plaid-onboard/plaid-onboard/internal/exitcode"
	"github.com/plaid-onboard/plaid-onboard/internal/termtext"
	"github.com/plaid-onboard/plaid-onboard/third_party/fang"
	"github.com/plaid-onboard/plaid-onboard/ui"
)

// version, commit and date are stamped by a release (goreleaser's
// -ldflags "-X main.version=…"); otherwise they come from the build info.
var (
	version = ""
	commit  = ""
	date    = ""
)

func main() {
	os.Exit(run())
}

func run() int {
	f := app.New(buildinfo.Read(version, commit, date))
	f.LaunchTUI = ui.Run
	var interrupts cmdutil.Interrupts
	defer interrupts.Stop()
	err := fang.Execute(context.Background(), root.NewCmd(f, &interrupts),
		fang.WithVersion(f.Build.Version),
		fang.WithErrorHandler(errorHandler),
		fang.WithoutBackgroundQuery(),
		fang.WithColorSchemeFunc(root.HelpColors),
	)
	return exitcode.Of(err)
}

// errorHandler prints an error as fang would, then the hint that says what
// to do instead; an interruption prints nothing but its exit code.
func errorHandler(w io.Writer, styles fang.Styles, err error) {
	if exitcode.Of(err) == exitcode.Aborted {
		return
	}
	fang.DefaultErrorHandler(w, styles, shownError{err})
	var ee *exitcode.Error
	if errors.As(err, &ee) && ee.Hint != "" {
		fmt.Fprintln(w, "  "+termtext.Text(ee.Hint))
		fmt.Fprintln(w)
	}
}

// shownError is an error as the terminal shows it: what it quotes (a
// message from Plaid, a file name) cannot act on the terminal.
type shownError struct{ error }

func (e shownError) Error() string { return termtext.Text(e.error.Error()) }
