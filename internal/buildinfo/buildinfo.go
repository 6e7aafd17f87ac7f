// Package buildinfo says which build this is: the version, commit and date
// a release stamps in (goreleaser's -ldflags -X), or, for `go install
// …@vX` and `go build` in a checkout, what the Go toolchain recorded.
package buildinfo

import (
	"runtime"
	"runtime/debug"
)

// Info is a build's identity.
type Info struct {
	Version string `json:"version"`
	Commit  string `json:"commit"`
	Date    string `json:"date"`
	// Modified is set when the checkout had uncommitted changes.
	Modified bool   `json:"modified,omitempty"`
	Go       string `json:"go"`
	OS       string `json:"os"`
	Arch     string `json:"arch"`
}

// Read fills what the release did not stamp (empty, or "dev") from the
// toolchain's record of the build.
func Read(version, commit, date string) Info {
	i := Info{Version: version, Commit: commit, Date: date, Go: runtime.Version(), OS: runtime.GOOS, Arch: runtime.GOARCH}
	if bi, ok := debug.ReadBuildInfo(); ok {
		i = fromBuildInfo(i, bi)
	}
	if i.Version == "" {
		i.Version = "dev"
	}
	return i
}

func fromBuildInfo(i Info, bi *debug.BuildInfo) Info {
	if (i.Version == "" || i.Version == "dev") && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		i.Version = bi.Main.Version
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			if i.Commit == "" {
				i.Commit = s.Value
			}
		case "vcs.time":
			if i.Date == "" {
				i.Date = s.Value
			}
		case "vcs.modified":
			i.Modified = s.Value == "true"
		}
	}
	return i
}
