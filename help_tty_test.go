package main

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
	"github.com/plaid-onboard/plaid-onboard/internal/tmuxtest"
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

// Piped help is wrapped to 80 columns and carries no padding; every
// command's help lists only the global flags it takes notice of; submit's
// lists every exit code.
func TestHelpReadsWellPiped(t *testing.T) {
	env := testbin.Env(t)
	for _, args := range [][]string{{}, {"submit"}, {"beacon", "get"}, {"listen"}, {"version"}, {"emulator"}, {"drafts", "export"}} {
		out, _, code := runBin(t, env, append(args, "--help")...)
		if code != 0 {
			t.Fatalf("%v --help: exit %d", args, code)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasSuffix(line, " ") || ansi.StringWidth(line) > 80 {
				t.Errorf("%v --help: a line padded or wider than 80 columns: %q", args, line)
			}
		}
	}
	out, _, _ := runBin(t, env, "version", "--help")
	for _, flag := range []string{"--accessible", "--no-save-pii", "--env", "--debug"} {
		if strings.Contains(out, flag) {
			t.Errorf("version --help lists %s, which it takes no notice of", flag)
		}
	}
	out, _, _ = runBin(t, env, "submit", "--help")
	if !strings.Contains(out, "4 a problem on this machine") || strings.Contains(out, "--accessible") {
		t.Errorf("submit --help:\n%s", out)
	}
}

// In a terminal of 100 columns help is wrapped by the program, not split
// by the terminal: no line of it is wider than the terminal.
func TestHelpFitsTheTerminal(t *testing.T) {
	s := tmuxtest.Start(t, 100, 200, testbin.Env(t), testbin.Path(t), "submit", "--help")
	s.WaitFor("[exited 0]")
	if joined, plain := s.ScreenJoined(), s.Screen(); joined != plain {
		t.Fatalf("the terminal wrapped lines the program did not:\n%s", plain)
	}
}
