// Package testbin builds the plaid-onboard binary once per test process, for
// tests that run it as a user would (exit codes, signals, a real terminal).
package testbin

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// builds holds one build per package path, made on first use.
var builds sync.Map // package path → func() (string, error)

// build compiles pkg the way it is released (README, "Install"):
// CGO_ENABLED=0, a static binary with Go's own DNS resolver.
func build(pkg string) (string, error) {
	once, _ := builds.LoadOrStore(pkg, sync.OnceValues(func() (string, error) {
		dir, err := os.MkdirTemp("", "plaid-onboard-bin-")
		if err != nil {
			return "", err
		}
		bin := filepath.Join(dir, filepath.Base(filepath.Clean(pkg)))
		if pkg == "." {
			bin = filepath.Join(dir, "plaid-onboard")
		}
		if runtime.GOOS == "windows" {
			bin += ".exe"
		}
		root, err := moduleRoot()
		if err != nil {
			return "", err
		}
		cmd := exec.Command("go", "build", "-o", bin, pkg)
		cmd.Dir = root
		cmd.Stderr = os.Stderr
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		return bin, cmd.Run()
	}))
	return once.(func() (string, error))()
}

// Path returns the plaid-onboard binary as released, building it on first
// use.
func Path(tb testing.TB) string {
	tb.Helper()
	return Of(tb, ".")
}

// Of returns the binary of the package at pkg (relative to the module
// root, "./internal/benchapps/minimaltea") built as released, building it on
// first use.
func Of(tb testing.TB, pkg string) string {
	tb.Helper()
	bin, err := build(pkg)
	if err != nil {
		tb.Fatalf("building %s: %v", pkg, err)
	}
	return bin
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// Env is an environment for the binary that keeps it away from the user's
// own files and credentials: data and config in fresh directories, no
// PLAID_* variables, no colour.
func Env(tb testing.TB, extra ...string) []string {
	tb.Helper()
	var env []string
	for _, kv := range os.Environ() {
		if len(kv) >= 6 && kv[:6] == "PLAID_" {
			continue
		}
		env = append(env, kv)
	}
	env = append(env,
		"PLAID_ONBOARD_DATA_DIR="+filepath.Join(tb.TempDir(), "data"),
		"PLAID_ONBOARD_CONFIG_DIR="+filepath.Join(tb.TempDir(), "config"),
		"NO_COLOR=1",
	)
	return append(env, extra...)
}
