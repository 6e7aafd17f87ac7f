package main

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
	"github.com/plaid-onboard/plaid-onboard/internal/tuitest"
)

func runBin(t *testing.T, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(testbin.Path(t), args...)
	cmd.Env = env
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	code = exitCode(t, cmd.Run())
	return out.String(), errb.String(), code
}

func TestHelpExplainsTheProgram(t *testing.T) {
	out, _, code := runBin(t, testbin.Env(t), "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"customer", "beacon", "emulator", "version", "--env", "PLAID_CLIENT_ID", "Exit codes"} {
		if !strings.Contains(out, want) {
			t.Errorf("--help does not mention %q", want)
		}
	}
}

// TestInteractiveWithoutTerminalFailsFast: no terminal means no wizard, at
// once, with advice, never a hang.
func TestInteractiveWithoutTerminalFailsFast(t *testing.T) {
	for _, args := range [][]string{nil, {"customer"}, {"beacon"}} {
		// stdin is a pipe nobody writes to or closes: a program that
		// waited for input would never end.
		stdin, keepOpen, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(testbin.Path(t), args...)
		cmd.Env, cmd.Stdin = testbin.Env(t), stdin
		var errb strings.Builder
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(tuitest.Patience):
			cmd.Process.Kill()
			t.Fatalf("%v waits for input that cannot come", args)
		}
		stdin.Close()
		keepOpen.Close()
		stderr, code := errb.String(), cmd.ProcessState.ExitCode()
		if code != 2 || !strings.Contains(stderr, "needs a terminal") || !strings.Contains(stderr, "submit") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	for _, args := range [][]string{{"--nope"}, {"nope"}, {"--env", "staging", "customer"}, {"version", "extra"}} {
		if _, _, code := runBin(t, testbin.Env(t), args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	// A PLAID_ONBOARD_EMULATOR_URL that is not an http(s) URL is a setting
	// given wrong, not a problem of this machine.
	if _, stderr, code := runBin(t, testbin.Env(t, "PLAID_ONBOARD_EMULATOR_URL=ftp://x"), "beacon", "get", "becusr_1"); code != 2 ||
		!strings.Contains(stderr, "http://127.0.0.1:8686") {
		t.Errorf("PLAID_ONBOARD_EMULATOR_URL=ftp://x: exit %d, want 2\n%s", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := runBin(t, testbin.Env(t), "version")
	if code != 0 || !strings.Contains(out, "Plaid-Version 2020-09-14") {
		t.Errorf("exit %d: %q", code, out)
	}
}

// TestEmulatorServesAndStopsCleanly: the first line on stdout is the base
// URL; SIGINT and SIGTERM stop it with exit 0, the state in its database.
func TestEmulatorServesAndStopsCleanly(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		state := filepath.Join(t.TempDir(), "state.db")
		cmd := exec.Command(testbin.Path(t), "emulator", "--addr", "127.0.0.1:0", "--state", state)
		cmd.Env = testbin.Env(t)
		stdout, _ := cmd.StdoutPipe()
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		url := strings.TrimSpace(line)
		if !strings.HasPrefix(url, "http://127.0.0.1:") {
			t.Fatalf("first line %q is not the base URL", line)
		}
		req, _ := http.NewRequest("POST", url+"/beacon/user/get", strings.NewReader(`{"beacon_user_id":"x"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("PLAID-CLIENT-ID", "demo_client_id")
		req.Header.Set("PLAID-SECRET", "demo_secret")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var body map[string]any
		json.NewDecoder(resp.Body).Decode(&body)
		resp.Body.Close()
		if body["error_code"] != "INVALID_FIELD" {
			t.Errorf("emulator answered %v", body)
		}
		cmd.Process.Signal(sig)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("%v: exit %v; stderr %s", sig, err, stderr.String())
			}
		case <-time.After(tuitest.Patience):
			cmd.Process.Kill()
			t.Fatalf("%v: the emulator did not stop", sig)
		}
		if _, err := os.Stat(state); err != nil {
			t.Errorf("%v: no state: %v", sig, err)
		}
		if _, err := os.Stat(state + "-wal"); !os.IsNotExist(err) {
			t.Errorf("%v: the store was not closed (its journal is left): %v", sig, err)
		}
		if !strings.Contains(stderr.String(), "POST /beacon/user/get 400") {
			t.Errorf("no request log on stderr: %s", stderr.String())
		}
	}
}

// --accessible asks plain questions that answers can be piped into: a
// whole screening against the built-in emulator, no terminal at all.
func TestAccessibleScreeningFromAPipe(t *testing.T) {
	answers := strings.Join([]string{
		"1", "", "Ada", "Lovelace", "1990-01-31", "ada@example.com", "+14155550100",
		"US", "CA", "94103", "1 Main St", "", "San Francisco", "us_ssn", "512345678",
		"a", "021000021", "1234567890", "", "", "203.0.113.7", "s", "",
	}, "\n") + "\n"
	cmd := exec.Command(testbin.Path(t), "beacon", "--accessible")
	cmd.Env = testbin.Env(t)
	cmd.Stdin = strings.NewReader(answers)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v\n%s\n%s", err, out.String(), errb.String())
	}
	for _, want := range []string{"environment LOCAL", "Status: CLEARED", "Beacon user: becusr_"} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Fatalf("plain prompts carry escape sequences:\n%q", out.String())
	}
}

// `go install module@version`, the README's install command, refuses a
// module whose go.mod has replace or exclude directives: patched
// dependencies must live in the module as packages (third_party/fang).
func TestGoModKeepsGoInstallWorking(t *testing.T) {
	mod, err := os.ReadFile("go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(line)
		if len(f) > 0 && (f[0] == "replace" || f[0] == "exclude") {
			t.Errorf("go.mod:%d: %q: `go install …@latest` would refuse this module", i+1, line)
		}
	}
}

// TestLocalProblemsHaveTheirOwnExitCode: a damaged draft, an unusable data
// directory and a damaged emulator state are problems of this machine
// (exit 4), not Plaid's answer (1); a draft that does not exist is the
// user's input (2), as is an emulator URL that is not one
// (TestUsageErrorsExitTwo). Accessible mode says so too.
func TestLocalProblemsHaveTheirOwnExitCode(t *testing.T) {
	type setup func(t *testing.T, env []string, data string) []string
	dataOf := func(env []string) string {
		for _, kv := range env {
			if v, found := strings.CutPrefix(kv, "PLAID_ONBOARD_DATA_DIR="); found {
				return v
			}
		}
		t.Fatal("no data dir")
		return ""
	}
	damagedDraft := func(t *testing.T, env []string, data string) []string {
		os.MkdirAll(filepath.Join(data, "drafts"), 0o700)
		os.WriteFile(filepath.Join(data, "drafts", "brakn2.json"), []byte(`{"schema":1,"id":"brakn2","kind":"beacon_user"`), 0o600)
		return env
	}
	for _, tc := range []struct {
		name  string
		setup setup
		args  []string
		code  int
		says  string
	}{
		{"a damaged draft, shown", damagedDraft, []string{"drafts", "show", "brakn2"}, 4, "brakn2"},
		{"a damaged draft, sent", damagedDraft, []string{"submit", "beacon", "--draft", "brakn2"}, 4, "brakn2"},
		{"a damaged draft, accessible", damagedDraft, []string{"beacon", "--draft", "brakn2", "--accessible"}, 4, "cannot be opened"},
		{"no such draft, accessible", nil, []string{"beacon", "--draft", "nosuch", "--accessible"}, 2, "cannot be opened"},
		{"the data directory is a file", func(t *testing.T, env []string, data string) []string {
			os.WriteFile(data, []byte("not a directory"), 0o600)
			return env
		}, []string{"drafts", "list"}, 4, "drafts"},
		{"a damaged emulator state", func(t *testing.T, env []string, data string) []string {
			os.MkdirAll(data, 0o700)
			os.WriteFile(filepath.Join(data, "emulator.db"), []byte("SQLite format 3\x00 and then garbage"), 0o600)
			return env
		}, []string{"beacon", "get", "becusr_1"}, 4, "emulator reset"},
		{"an emulator state that is not one", func(t *testing.T, env []string, data string) []string {
			os.MkdirAll(data, 0o700)
			os.WriteFile(filepath.Join(data, "emulator.db"), []byte("hello"), 0o600)
			return env
		}, []string{"beacon", "get", "becusr_1"}, 4, "emulator reset"},
		{"a damaged old JSON state", func(t *testing.T, env []string, data string) []string {
			os.MkdirAll(data, 0o700)
			os.WriteFile(filepath.Join(data, "emulator.json"), []byte("{not json"), 0o600)
			return env
		}, []string{"beacon", "get", "becusr_1"}, 4, "emulator reset"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := testbin.Env(t)
			if tc.setup != nil {
				env = tc.setup(t, env, dataOf(env))
			}
			out, stderr, code := runBin(t, env, tc.args...)
			if code != tc.code || !strings.Contains(out+stderr, tc.says) {
				t.Fatalf("exit %d (want %d)\nstdout %s\nstderr %s", code, tc.code, out, stderr)
			}
		})
	}
}
