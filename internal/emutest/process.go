package emutest

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/plaid-onboard/plaid-onboard/client"
	"github.com/plaid-onboard/plaid-onboard/internal/testbin"
)

// Served is `plaid-onboard emulator` running as its own process, on
// loopback, with its state in a file.
type Served struct {
	Cmd    *exec.Cmd
	URL    string
	Client *client.Client

	mu     sync.Mutex
	stderr strings.Builder
}

// Serve starts `plaid-onboard emulator --state state` (the binary as
// released) and waits for its first line, the base URL. It is stopped,
// killed if need be, when the test ends.
func Serve(tb testing.TB, state string) *Served {
	tb.Helper()
	s := &Served{Cmd: exec.Command(testbin.Path(tb), "emulator", "--addr", "127.0.0.1:0", "--state", state)}
	s.Cmd.Env = append(testbin.Env(tb), client.EnvEmulatorClientID+"="+ClientID, client.EnvEmulatorSecret+"="+Secret)
	stdout, err := s.Cmd.StdoutPipe()
	if err != nil {
		tb.Fatal(err)
	}
	s.Cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.stderr.Write(p)
	})
	if err := s.Cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Stop() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		tb.Fatalf("the emulator did not start: %v; stderr: %s", err, s.Stderr())
	}
	s.URL = strings.TrimSpace(line)
	s.Client, err = client.New(client.Config{Environment: client.Local, BaseURL: s.URL, ClientID: ClientID, Secret: Secret,
		Budget: 5 * time.Minute})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// Stderr is what the emulator wrote on stderr so far.
func (s *Served) Stderr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stderr.String()
}

// Kill ends the process at once (SIGKILL): no shutdown, no close.
func (s *Served) Kill() {
	_ = s.Cmd.Process.Kill()
	_ = s.Cmd.Wait()
}

// Stop asks the process to stop (SIGINT) and waits.
func (s *Served) Stop() {
	if s.Cmd.ProcessState != nil {
		return
	}
	_ = s.Cmd.Process.Signal(os.Interrupt)
	_ = s.Cmd.Wait()
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
