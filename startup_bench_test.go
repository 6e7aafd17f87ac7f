package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"

	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// BenchmarkHelp: `plaid-onboard --help`, start to exit, against a Go hello
// world (the floor of process start here). Goal ≤ 3×, reported as "ratio".
// Each iteration runs every program below once, one after the other, so a
// machine that speeds up or slows down over the run (a shared VM does) moves
// them all alike; each is reported as its median in ms. Peak memory is not
// reported: os/exec starts children with vfork, so the child's maxrss counts
// this test process's pages too; BENCHMARKS.md measures it with
// /usr/bin/time, which forks.
func BenchmarkHelp(b *testing.B) {
	env := testbin.Env(b)
	programs := []startProgram{
		// As released (static, README "Install").
		{name: "plaid-onboard", bin: testbin.Path(b), args: []string{"--help"}},
		// The smallest program on the same cobra+fang stack.
		{name: "fang-hello", bin: testbin.Of(b, "./internal/benchapps/fanghello"), args: []string{"--help"}},
		// The floor of process start here.
		{name: "go-hello-world", bin: testbin.Of(b, "./internal/benchapps/hello")},
	}
	medians := interleave(b, programs, func(b *testing.B, p startProgram) time.Duration {
		cmd := exec.Command(p.bin, p.args...)
		cmd.Env = slices.Concat(env, p.env)
		start := time.Now()
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s: %v", p.name, err)
		}
		return time.Since(start)
	})
	b.ReportMetric(float64(medians[0])/float64(medians[len(medians)-1]), "ratio")
}

// BenchmarkFirstFrame: from start to the first frame on screen, in a
// pseudo-terminal (80×24) that answers none of the program's queries,
// against a minimal bubbletea v2 program run the same way, interleaved as
// in BenchmarkHelp: the home screen (its last menu item, which no other
// screen shows) and the partner wizard's own first frame (its first
// question). Goal ≤ 1.3× of the minimal program: reported as "ratio"
// (the home screen) and "wizard-ratio".
func BenchmarkFirstFrame(b *testing.B) {
	env := testbin.Env(b, "PLAID_ONBOARD_KEYRING=off", "TERM=xterm-256color")
	programs := []startProgram{
		{name: "home", bin: testbin.Path(b), marker: "Look up an end customer"},
		{name: "wizard", bin: testbin.Path(b), args: []string{"customer"}, marker: "Company name"},
		{name: "minimal-bubbletea", bin: testbin.Of(b, "./internal/benchapps/minimaltea"), marker: "minimal bubbletea frame"},
	}
	medians := interleave(b, programs, func(b *testing.B, p startProgram) time.Duration { return untilFrame(b, env, p) })
	b.ReportMetric(float64(medians[0])/float64(medians[2]), "ratio")
	b.ReportMetric(float64(medians[1])/float64(medians[2]), "wizard-ratio")
}

// untilFrame runs p in a pseudo-terminal until its first frame shows.
func untilFrame(b *testing.B, env []string, p startProgram) time.Duration {
	cmd := exec.Command(p.bin, p.args...)
	cmd.Env = slices.Concat(env, p.env)
	start := time.Now()
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 80, Rows: 24})
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Kill)
		cmd.Wait()
		ptmx.Close()
	}()
	var seen bytes.Buffer
	buf := make([]byte, 64<<10)
	for !strings.Contains(ansi.Strip(seen.String()), p.marker) {
		n, err := ptmx.Read(buf)
		if err != nil {
			b.Fatalf("%s: no frame showing %q after %v: %v\n%q", p.name, p.marker, time.Since(start), err, seen.String())
		}
		seen.Write(buf[:n])
	}
	return time.Since(start)
}

// BenchmarkLargeLocalStore: the Beacon wizard's first frame (its first
// question) and `beacon get`,
// with the local emulator's store holding 100,000 seeded people against
// an empty one, interleaved. The emulator opens its database and reads
// nothing more, so neither may grow with the store (goal ≤ 1.2×):
// reported as "frame-ratio" and "get-ratio".
func BenchmarkLargeLocalStore(b *testing.B) {
	env := testbin.Env(b, "PLAID_ONBOARD_KEYRING=off", "TERM=xterm-256color")
	bin := testbin.Path(b)
	stores := map[string][]string{}
	ids := map[string]string{}
	for _, size := range []struct {
		name  string
		users int
	}{{"empty", 1}, {"100k", 100_000}} {
		dataDir := "PLAID_ONBOARD_DATA_DIR=" + filepath.Join(b.TempDir(), "data")
		cmd := exec.Command(bin, "emulator", "seed", "--users", strconv.Itoa(size.users))
		cmd.Env = append(slices.Clone(env), dataDir)
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("seeding %s: %v", size.name, err)
		}
		// "the first is becusr_…: …"
		ids[size.name] = strings.TrimSuffix(strings.Fields(string(out))[3], ":")
		stores[size.name] = []string{dataDir}
	}
	var programs []startProgram
	for _, name := range []string{"empty", "100k"} {
		programs = append(programs,
			startProgram{name: "frame-" + name, bin: bin, env: stores[name], args: []string{"beacon"}, marker: "Beacon program"},
			startProgram{name: "get-" + name, bin: bin, env: stores[name], args: []string{"beacon", "get", ids[name]}})
	}
	medians := interleave(b, programs, func(b *testing.B, p startProgram) time.Duration {
		if p.marker != "" {
			return untilFrame(b, env, p)
		}
		cmd := exec.Command(p.bin, p.args...)
		cmd.Env = slices.Concat(env, p.env)
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", p.name, err, out)
		}
		return time.Since(start)
	})
	b.ReportMetric(float64(medians[2])/float64(medians[0]), "frame-ratio")
	b.ReportMetric(float64(medians[3])/float64(medians[1]), "get-ratio")
}

// startProgram is one program a start-up benchmark runs.
type startProgram struct {
	name, bin string
	args      []string
	env       []string // added to the benchmark's environment
	marker    string   // text that shows its first frame (BenchmarkFirstFrame)
}

// interleave runs every program once per iteration, in turn, and reports
// each one's median time in ms as "<name>-ms"; it returns the medians in
// the order of programs. The built-in ns/op (the sum of all of them) is
// suppressed: it measures nothing anyone asked about.
func interleave(b *testing.B, programs []startProgram, run func(*testing.B, startProgram) time.Duration) []time.Duration {
	times := make([][]time.Duration, len(programs))
	b.ResetTimer()
	for b.Loop() {
		for i, p := range programs {
			times[i] = append(times[i], run(b, p))
		}
	}
	b.StopTimer()
	medians := make([]time.Duration, len(programs))
	for i, p := range programs {
		medians[i] = median(times[i])
		b.ReportMetric(float64(medians[i])/float64(time.Millisecond), p.name+"-ms")
	}
	b.ReportMetric(0, "ns/op")
	return medians
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}
