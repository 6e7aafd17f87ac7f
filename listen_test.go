package main

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/samples"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// started runs the binary and reads its stderr until a line matches,
// returning the match; the process is stopped when the test ends.
func started(t *testing.T, env []string, want *regexp.Regexp, args ...string) ([]string, io.Reader) {
	t.Helper()
	cmd := exec.Command(testbin.Path(t), args...)
	cmd.Env = env
	stderr, _ := cmd.StderrPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if m := want.FindStringSubmatch(lines.Text()); m != nil {
			go io.Copy(io.Discard, stderr)
			return m, stdout
		}
	}
	t.Fatalf("%v ended without saying %v", args, want)
	return nil, nil
}

// The README's demo: the emulator sends to listen, which verifies; a
// duplicate screening shows DUPLICATE_DETECTED, and clearing the duplicate
// USER_STATUS_UPDATED, both verified, one JSON line each.
func TestListenReceivesTheEmulatorsWebhooks(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	m, out := started(t, env, regexp.MustCompile(`Receiving webhooks on (http://[^/ ]+/)`),
		"listen", "--addr", "127.0.0.1:0", "--json", "--emulator", "")
	submitTwins(t, env, emulatorSendingTo(t, env, m[1]))
	seen := map[string]bool{}
	lines := bufio.NewScanner(out)
	for !(seen["USER_STATUS_UPDATED"] && seen["DUPLICATE_DETECTED"]) && lines.Scan() {
		var ev struct {
			Code     string          `json:"webhook_code"`
			Verified bool            `json:"verified"`
			Reason   string          `json:"reason"`
			Object   string          `json:"object_id"`
			Body     json.RawMessage `json:"body"`
		}
		if err := json.Unmarshal(lines.Bytes(), &ev); err != nil {
			t.Fatalf("not a JSON line: %q", lines.Text())
		}
		if !ev.Verified || ev.Object == "" || !strings.Contains(string(ev.Body), ev.Object) {
			t.Fatalf("webhook %s: verified %v (%s), object %q", ev.Code, ev.Verified, ev.Reason, ev.Object)
		}
		seen[ev.Code] = true
	}
	if !seen["DUPLICATE_DETECTED"] {
		t.Fatalf("listen ended before the duplicate: %v", seen)
	}
	// The emulator lists what it sent, delivered.
	o, _, code := runBin(t, env, "emulator", "webhooks", "--state", filepath.Join(envDir(env, "PLAID_ONBOARD_DATA_DIR"), "emulator.db"))
	if code != 0 || !strings.Contains(o, "DUPLICATE_DETECTED") || !strings.Contains(o, "HTTP 200") {
		t.Fatalf("emulator webhooks (exit %d):\n%s", code, o)
	}
}

// emulatorSendingTo serves the emulator, sending its webhooks to hook, and
// returns its URL. It keeps the local store, so listen's own local
// emulator knows its signing key.
func emulatorSendingTo(t *testing.T, env []string, hook string) string {
	t.Helper()
	state := filepath.Join(envDir(env, "PLAID_ONBOARD_DATA_DIR"), "emulator.db")
	m, out := started(t, env, regexp.MustCompile(`emulator ready at (http://\S+)`),
		"emulator", "--addr", "127.0.0.1:0", "--state", state, "--webhook", hook)
	go io.Copy(io.Discard, out)
	return m[1]
}

// submitTwins screens two people sharing an email through the emulator at
// url — the second is a duplicate of the first (DUPLICATE_DETECTED) — then
// clears the second by hand, a status change (USER_STATUS_UPDATED; a
// create's first status is none). It returns the second's id.
func submitTwins(t *testing.T, env []string, url string) string {
	t.Helper()
	env = append(env, "PLAID_ONBOARD_EMULATOR_URL="+url)
	first := samples.BeaconLocal()
	first.User.EmailAddress = "ann@example.com"
	twin := samples.BeaconLocal()
	twin.ClientUserID, twin.User.EmailAddress = "twin", "ANN@example.com"
	var id string
	for _, body := range []any{first, twin} {
		o, e, code := runBin(t, env, "submit", "beacon", "--json", "--file", writeJSONFile(t, body))
		if code != 0 {
			t.Fatalf("submit: exit %d\n%s\n%s", code, o, e)
		}
		var u struct{ ID string }
		if err := json.Unmarshal([]byte(o), &u); err != nil || u.ID == "" {
			t.Fatalf("submit --json: %v\n%s", err, o)
		}
		id = u.ID
	}
	if o, e, code := runBin(t, env, "beacon", "review", id, "--status", "cleared"); code != 0 {
		t.Fatalf("review: exit %d\n%s\n%s", code, o, e)
	}
	return id
}
