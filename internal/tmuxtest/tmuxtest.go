// Package tmuxtest drives a program in a real terminal: tmux runs it in a
// detached session on a private server, keys go in with send-keys, and the
// screen comes back with capture-pane.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Session is one program in one tmux window.
type Session struct {
	tb     testing.TB
	socket string
	target string
}

// Start runs argv in a width×height terminal with env. When the program
// exits, the window keeps its last screen and shows "[exited N]".
// Without tmux the test is skipped, except in CI (CI set), where it fails.
func Start(tb testing.TB, width, height int, env []string, argv ...string) *Session {
	tb.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			tb.Fatal("tmux is needed for the end-to-end tests (.ci/run installs it)")
		}
		tb.Skip("tmux is not installed")
	}
	// A short socket path: Unix sockets allow about 100 bytes.
	dir, err := os.MkdirTemp("", "tmx")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = os.RemoveAll(dir) })
	s := &Session{tb: tb, socket: filepath.Join(dir, "s"), target: "t"}
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = shellQuote(a)
	}
	script := strings.Join(quoted, " ") + `; echo "[exited $?]"; sleep 86400`
	cmd := exec.Command("tmux", "-S", s.socket, "-f", "/dev/null", "new-session", "-d", "-s", s.target,
		"-x", fmt.Sprint(width), "-y", fmt.Sprint(height), "sh", "-c", script)
	cmd.Env = append(env, "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("starting tmux: %v\n%s", err, out)
	}
	tb.Cleanup(func() { _ = exec.Command("tmux", "-S", s.socket, "kill-server").Run() })
	return s
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (s *Session) tmux(args ...string) string {
	s.tb.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		shown := strings.Join(args, " ")
		if len(shown) > 200 {
			shown = shown[:200] + "…"
		}
		s.tb.Fatalf("tmux %s: %v\n%s", shown, err, out)
	}
	return string(out)
}

// Keys sends keys by tmux name: "Enter", "Tab", "C-y", "Down", "Space".
func (s *Session) Keys(keys ...string) {
	s.tb.Helper()
	for _, k := range keys {
		s.tmux("send-keys", "-t", s.target, k)
	}
}

// Type sends text literally, a character at a time, as a person types.
func (s *Session) Type(text string) {
	s.tb.Helper()
	for _, r := range text {
		s.tmux("send-keys", "-t", s.target, "-l", string(r))
	}
}

// Paste pastes text as a terminal does (bracketed), through a tmux
// buffer: a megabyte does not fit on a command line.
func (s *Session) Paste(text string) {
	s.tb.Helper()
	f := filepath.Join(s.tb.TempDir(), "paste")
	if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
		s.tb.Fatal(err)
	}
	s.tmux("load-buffer", f)
	s.tmux("paste-buffer", "-p", "-d", "-t", s.target)
}

// Screen is the visible screen as text.
func (s *Session) Screen() string {
	s.tb.Helper()
	return s.tmux("capture-pane", "-p", "-t", s.target)
}

// ScreenJoined is the visible screen with lines the terminal wrapped
// joined again: equal to Screen when the program wrapped its own lines.
func (s *Session) ScreenJoined() string {
	s.tb.Helper()
	return s.tmux("capture-pane", "-p", "-J", "-t", s.target)
}

// ScreenANSI is the visible screen with its colour and style sequences.
func (s *Session) ScreenANSI() string {
	s.tb.Helper()
	return s.tmux("capture-pane", "-p", "-e", "-t", s.target)
}

// Resize changes the terminal's size.
func (s *Session) Resize(width, height int) {
	s.tb.Helper()
	s.tmux("resize-window", "-t", s.target, "-x", fmt.Sprint(width), "-y", fmt.Sprint(height))
}

// WaitFor waits until the screen shows every one of texts, and returns it.
func (s *Session) WaitFor(texts ...string) string {
	s.tb.Helper()
	return s.WaitUntil(func(screen string) bool {
		for _, t := range texts {
			if !strings.Contains(screen, t) {
				return false
			}
		}
		return true
	}, fmt.Sprintf("%q", texts))
}

// WaitGone waits until the screen no longer shows text.
func (s *Session) WaitGone(text string) string {
	s.tb.Helper()
	return s.WaitUntil(func(screen string) bool { return !strings.Contains(screen, text) }, fmt.Sprintf("%q gone", text))
}

// WaitUntil polls the screen until ok, failing after patience with the
// screen (a bound against hanging, not a claim about speed).
func (s *Session) WaitUntil(ok func(screen string) bool, what string) string {
	s.tb.Helper()
	deadline := time.Now().Add(patience)
	for {
		screen := s.Screen()
		if ok(screen) {
			return screen
		}
		if time.Now().After(deadline) {
			s.tb.Fatalf("waited for %s; the screen shows:\n%s", what, screen)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// patience bounds a wait for the screen: long enough for a busy machine.
const patience = 2 * time.Minute

var exited = regexp.MustCompile(`\[exited (\d+)\]`)

// WaitExit waits for the program to end and returns its exit code.
func (s *Session) WaitExit() int {
	s.tb.Helper()
	screen := s.WaitUntil(exited.MatchString, "the program to exit")
	var code int
	_, _ = fmt.Sscan(exited.FindStringSubmatch(screen)[1], &code) // digits, as the pattern says
	return code
}

// Style is the text attributes a cell is drawn with.
type Style struct{ Bold, Faint, Italic, Reverse bool }

// sgr is one Select Graphic Rendition sequence.
var sgr = regexp.MustCompile(`^\x1b\[([0-9;:]*)m`)

// StyleAt is the style in effect at the first character of text on a
// screen captured with ScreenANSI, found by reading every SGR sequence
// before it (tmux writes one only where the style changes, so the text
// may begin in the middle of a run). ok is false when text is not there.
func StyleAt(screenANSI, text string) (st Style, ok bool) {
	var plain strings.Builder
	var styles []Style
	cur := Style{}
	for i := 0; i < len(screenANSI); {
		if m := sgr.FindStringSubmatch(screenANSI[i:]); m != nil {
			cur = applySGR(cur, m[1])
			i += len(m[0])
			continue
		}
		plain.WriteByte(screenANSI[i])
		styles = append(styles, cur)
		i++
	}
	at := strings.Index(plain.String(), text)
	if at < 0 {
		return Style{}, false
	}
	return styles[at], true
}

func applySGR(st Style, params string) Style {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		switch ps[i] {
		case "", "0":
			st = Style{}
		case "1":
			st.Bold = true
		case "2":
			st.Faint = true
		case "3":
			st.Italic = true
		case "7":
			st.Reverse = true
		case "22":
			st.Bold, st.Faint = false, false
		case "23":
			st.Italic = false
		case "27":
			st.Reverse = false
		case "38", "48", "58": // a colour's own parameters follow
			if i+1 < len(ps) && ps[i+1] == "5" {
				i += 2
			} else if i+1 < len(ps) && ps[i+1] == "2" {
				i += 4
			}
		}
	}
	return st
}
