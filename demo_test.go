package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// demo from a fresh clone: it serves an emulator set up with the four
// Beacon outcomes and a customer waiting for its requirements, says what
// to show, and its webhooks reach listen beside it, verified.
func TestDemoSetsItselfUpBesideListen(t *testing.T) {
	env := testbin.Env(t, "PLAID_ONBOARD_KEYRING=off")
	// listen fetches keys from the demo's emulator: it needs its address
	// first, so one is picked free and handed to both.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	m, listened := started(t, env, regexp.MustCompile(`Receiving webhooks on (http://[^/ ]+/)`),
		"listen", "--addr", "127.0.0.1:0", "--json", "--emulator", "http://"+addr)
	cmd := exec.Command(testbin.Path(t), "demo", "--addr", addr, "--webhook", m[1])
	cmd.Env = env
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var guide strings.Builder
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		guide.WriteString(lines.Text() + "\n")
		if strings.Contains(lines.Text(), "Ctrl-C ends the demo.") {
			break
		}
	}
	for _, want := range []string{"1. Leslie Knope", "cleared", "2. L. Knope", "pending_review", "3. Mallory Mallard",
		"4. Ron Swanson", "rejected", "5. Pawnee Parks", "MORE_INFORMATION_NEEDED", "PLAID_ONBOARD_EMULATOR_URL=http://127.0.0.1:"} {
		if !strings.Contains(guide.String(), want) {
			t.Fatalf("the guide lacks %q:\n%s", want, guide.String())
		}
	}
	events := bufio.NewScanner(listened)
	for events.Scan() {
		var ev struct {
			Code     string `json:"webhook_code"`
			Verified bool   `json:"verified"`
		}
		if json.Unmarshal(events.Bytes(), &ev) == nil && ev.Code == "DUPLICATE_DETECTED" {
			if !ev.Verified {
				t.Fatalf("the demo's webhook was not verified: %s", events.Text())
			}
			break
		}
	}
	_ = cmd.Process.Signal(os.Interrupt)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("demo ended with %v", err)
	}
}

// demo never runs against Plaid.
func TestDemoRefusesPlaid(t *testing.T) {
	env := testbin.Env(t, "PLAID_ENV=sandbox", "PLAID_CLIENT_ID=x", "PLAID_SECRET=y")
	_, errOut, code := runBin(t, env, "demo")
	if code != 2 || !strings.Contains(errOut, "built-in emulator only") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
}
