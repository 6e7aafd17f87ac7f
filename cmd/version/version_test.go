package version_test

import (
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
)

func TestVersionNamesTheAPIVersion(t *testing.T) {
	e := cmdtest.New(t)
	if code := e.Run(t, "version"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "plaid-onboard test", "Plaid-Version 2020-09-14")
}
