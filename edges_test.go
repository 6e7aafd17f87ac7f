package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// runIn runs the binary in dir.
func runIn(t *testing.T, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(testbin.Path(t), args...)
	cmd.Env, cmd.Dir = env, dir
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// The README's own example, `--state demo.db`, and a data directory given
// relative to the working directory, work as absolute ones do.
func TestRelativeStoreAndDataDirectory(t *testing.T) {
	dir := t.TempDir()
	env := testbin.Env(t)
	if _, stderr, code := runIn(t, dir, env, "emulator", "seed", "--users", "2", "--state", "demo.db"); code != 0 {
		t.Fatalf("--state demo.db: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "demo.db")); err != nil {
		t.Fatalf("the store is not where it was named: %v", err)
	}
	env = append(env, "PLAID_ONBOARD_DATA_DIR=rel-data")
	if _, stderr, code := runIn(t, dir, env, "emulator", "seed", "--users", "1"); code != 0 {
		t.Fatalf("a relative data directory: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "rel-data", "emulator.db")); err != nil {
		t.Fatalf("the local store is not in the relative data directory: %v", err)
	}
}
