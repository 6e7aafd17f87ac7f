package main

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
)

// TestHelpAndErrorsAskTheTerminalNothing runs help and a failing command in
// a pseudo-terminal that answers no queries. fang used to ask for the
// background colour (OSC 11 and DA1) and wait 2 s for each of stdin and
// stdout; the program must print at once without asking.
func TestHelpAndErrorsAskTheTerminalNothing(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--help"}, "walks you through"},
		{[]string{"drafts", "show", "nosuchdraft"}, "ERROR"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			cmd := exec.Command(testbin.Path(t), tc.args...)
			cmd.Env = testbin.Env(t, "TERM=xterm-256color")
			ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
			if err != nil {
				t.Fatal(err)
			}
			defer ptmx.Close()
			// Reading ends when the program exits and the pty closes; a
			// program stuck waiting for an answer is killed after a while
			// (tuitest.Patience) so the test fails instead of hanging.
			timer := time.AfterFunc(tuitest.Patience, func() { cmd.Process.Kill() })
			defer timer.Stop()
			var out bytes.Buffer
			io.Copy(&out, ptmx) // ends with EIO when the program exits
			cmd.Wait()
			got := out.String()
			for _, query := range []string{"\x1b]11;?", "\x1b[c"} {
				if strings.Contains(got, query) {
					t.Errorf("asked the terminal %q:\n%q", query, got)
				}
			}
			if !strings.Contains(got, tc.want) {
				t.Errorf("output lacks %q:\n%q", tc.want, got)
			}
		})
	}
}
