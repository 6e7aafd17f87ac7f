//go:build unix

// Package fulldisk runs part of a test as on a full disk: in a child
// process whose files cannot grow past a size (RLIMIT_FSIZE), so every
// write beyond it fails as it would with no space left. A real full disk
// would need a small file system of the test's own, which needs root.
package fulldisk

import (
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"strconv"
	"syscall"
	"testing"
)

const envLimit = "PLAID_ONBOARD_TEST_FSIZE"

// Child reports whether this is the child Run started, and if so makes
// its files unable to grow past the limit: the caller then does the part
// that meets the full disk, and t.Fatal's in the child fail the parent.
//
//	if fulldisk.Child() { …; return }
//	fulldisk.Run(t, 0)
func Child() bool {
	v := os.Getenv(envLimit)
	if v == "" {
		return false
	}
	limit, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		panic("fulldisk: bad limit " + v)
	}
	// A write past the limit raises SIGXFSZ, which would kill the
	// process; ignored, the write fails with EFBIG instead.
	signal.Ignore(syscall.SIGXFSZ)
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &syscall.Rlimit{Cur: limit, Max: limit}); err != nil {
		panic("fulldisk: " + err.Error())
	}
	return true
}

// Run runs the current test again in a child process where files cannot
// grow past limit bytes, with env added, and fails t if the child fails.
func Run(t *testing.T, limit uint64, env ...string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+regexp.QuoteMeta(t.Name())+"$", "-test.v") //nolint:gosec // this test binary, again
	cmd.Env = append(append(os.Environ(), envLimit+"="+strconv.FormatUint(limit, 10)), env...)
	// A pipe, not a file: the limit applies to files the child writes,
	// and its report must get through whole.
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("on a full disk: %v\n%s", err, out)
	}
}

// Command is cmd run as on a full disk: through sh, whose ulimit sets the
// limit (in 512-byte blocks) before it becomes the program. Go programs
// ignore SIGXFSZ, so a write past the limit fails with EFBIG.
func Command(blocks int, name string, args ...string) *exec.Cmd {
	script := "ulimit -f " + strconv.Itoa(blocks) + ` && exec "$0" "$@"`
	return exec.Command("sh", append([]string{"-c", script, name}, args...)...)
}
