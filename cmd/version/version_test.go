package version_test

import (
	"encoding/json"
	"testing"

	"github.com/plaid-onboard/plaid-onboard/internal/buildinfo"
	"github.com/plaid-onboard/plaid-onboard/internal/cmdtest"
)

func TestVersionNamesTheAPIVersion(t *testing.T) {
	e := cmdtest.New(t)
	if code := e.Run(t, "version"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "plaid-onboard test", "Plaid-Version 2020-09-14")
}

// --json names the commit and date a release stamped in.
func TestVersionJSONNamesTheCommit(t *testing.T) {
	e := cmdtest.New(t)
	e.F.Build = buildinfo.Info{Version: "1.4.0", Commit: "0123456789abcdef0123", Date: "2026-12-03T10:00:00Z", Go: "go1.26.8", OS: "linux", Arch: "amd64"}
	if code := e.Run(t, "version", "--json"); code != 0 {
		t.Fatalf("exit %d: %s", code, e.ErrOut)
	}
	var got map[string]any
	if err := json.Unmarshal(e.Out.Bytes(), &got); err != nil || got["commit"] != "0123456789abcdef0123" || got["version"] != "1.4.0" ||
		got["date"] != "2026-12-03T10:00:00Z" || got["go"] != "go1.26.8" || got["plaid_version"] != "2020-09-14" {
		t.Fatalf("%v: %s", err, e.Out)
	}
	if code := e.Run(t, "version"); code != 0 {
		t.Fatal(e.ErrOut)
	}
	cmdtest.Contains(t, "stdout", e.Out.String(), "plaid-onboard 1.4.0 (commit 0123456789ab, 2026-12-03T10:00:00Z;")
}
