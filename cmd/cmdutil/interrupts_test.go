package cmdutil

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

func TestInterruptsCancelTheCommandsContext(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		var i Interrupts
		cmd := &cobra.Command{}
		cmd.SetContext(context.Background())
		i.Catch(cmd, nil)
		if err := syscall.Kill(syscall.Getpid(), sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-cmd.Context().Done():
		case <-time.After(2 * time.Minute):
			t.Fatalf("%v did not cancel the context", sig)
		}
		i.Stop()
	}
}
