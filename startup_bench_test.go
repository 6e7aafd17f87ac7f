package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// BenchmarkHelp: `plaid-onboard --help`, start to exit. Goal ≤ 15 ms. A
// hello-world Go program run the same way is the floor of what process
// start costs here. Peak memory is not reported: os/exec starts children
// with vfork, so the child's maxrss counts this test process's pages too;
// BENCHMARKS.md measures it with /usr/bin/time, which forks.
func BenchmarkHelp(b *testing.B) {
	run := func(b *testing.B, bin string, args ...string) {
		env := testbin.Env(b)
		b.ResetTimer()
		for b.Loop() {
			cmd := exec.Command(bin, args...)
			cmd.Env = env
			if err := cmd.Run(); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("plaid-onboard", func(b *testing.B) { run(b, testbin.Path(b), "--help") })
	b.Run("go-hello-world", func(b *testing.B) { run(b, testbin.Of(b, "./internal/benchapps/hello")) })
}

// BenchmarkFirstFrame: from start to the first frame on screen, in a
// pseudo-terminal (80×24) that answers none of the program's queries,
// against a minimal bubbletea v2 program run the same way. Goal ≤ 1.2× of
// the minimal program.
func BenchmarkFirstFrame(b *testing.B) {
	run := func(b *testing.B, bin, marker string, args ...string) {
		env := testbin.Env(b, "PLAID_ONBOARD_KEYRING=off", "TERM=xterm-256color")
		b.ResetTimer()
		for b.Loop() {
			cmd := exec.Command(bin, args...)
			cmd.Env = env
			ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
			if err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			var seen bytes.Buffer
			buf := make([]byte, 64<<10)
			for !strings.Contains(ansi.Strip(seen.String()), marker) {
				n, err := ptmx.Read(buf)
				if err != nil {
					b.Fatalf("no frame showing %q after %v: %v\n%q", marker, time.Since(start), err, seen.String())
				}
				seen.Write(buf[:n])
			}
			b.StopTimer()
			cmd.Process.Signal(os.Kill)
			cmd.Wait()
			ptmx.Close()
			b.StartTimer()
		}
	}
	b.Run("plaid-onboard", func(b *testing.B) { run(b, testbin.Path(b), "New partner customer") })
	b.Run("minimal-bubbletea", func(b *testing.B) {
		run(b, testbin.Of(b, "./internal/benchapps/minimaltea"), "minimal bubbletea frame")
	})
}
