package buildinfo

import (
	"runtime/debug"
	"testing"
)

// A release's stamps win; what is missing comes from the build info, as
// `go install …@v1.2.3` and a build in a checkout record it.
func TestReadFillsWhatTheReleaseDidNotStamp(t *testing.T) {
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}
	if i := fromBuildInfo(Info{Version: "dev"}, installed); i.Version != "v1.2.3" || i.Commit != "" {
		t.Errorf("go install: %+v", i)
	}
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.time", Value: "2026-12-01T10:00:00Z"}, {Key: "vcs.modified", Value: "true"}}}
	if i := fromBuildInfo(Info{Version: "dev"}, checkout); i.Version != "dev" || i.Commit != "abc123" || i.Date != "2026-12-01T10:00:00Z" || !i.Modified {
		t.Errorf("checkout: %+v", i)
	}
	released := fromBuildInfo(Info{Version: "1.0.0", Commit: "fff", Date: "2026-12-03T00:00:00Z"}, checkout)
	if released.Version != "1.0.0" || released.Commit != "fff" || released.Date != "2026-12-03T00:00:00Z" {
		t.Errorf("release: %+v", released)
	}
	if i := Read("", "", ""); i.Version == "" || i.Go == "" {
		t.Errorf("read: %+v", i)
	}
}
