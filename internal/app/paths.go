package app

import (
	"path/filepath"

	"github.com/adrg/xdg"
)

// Environment variables that move the program's files.
const (
	EnvDataDir   = "PLAID_ONBOARD_DATA_DIR"
	EnvConfigDir = "PLAID_ONBOARD_CONFIG_DIR"
)

// Paths are where the program keeps its files. Drafts and the local
// emulator's state hold personal data: their directory is 0700 and the
// files 0600.
type Paths struct {
	Data   string // drafts, local emulator state
	Config string // encryption key file, settings, emulator config
}

// ResolvePaths follows the XDG base directories (or the platform's
// equivalent), unless PLAID_ONBOARD_DATA_DIR / PLAID_ONBOARD_CONFIG_DIR
// say otherwise.
func ResolvePaths(getenv func(string) string) Paths {
	p := Paths{
		Data:   filepath.Join(xdg.DataHome, "plaid-onboard"),
		Config: filepath.Join(xdg.ConfigHome, "plaid-onboard"),
	}
	if d := getenv(EnvDataDir); d != "" {
		p.Data = absolute(d)
	}
	if d := getenv(EnvConfigDir); d != "" {
		p.Config = absolute(d)
	}
	return p
}

// absolute makes a directory given relative to the working directory
// absolute, so that it means the same to every part of the program (the
// emulator's store is opened by URL, where "demo.db" would be a host).
func absolute(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

// Drafts is the drafts directory.
func (p Paths) Drafts() string { return filepath.Join(p.Data, "drafts") }

// EmulatorState is the local emulator's store, an SQLite database.
func (p Paths) EmulatorState() string { return filepath.Join(p.Data, "emulator.db") }

// EmulatorLegacyState is where versions before the database kept the
// local emulator's state, as JSON: imported into EmulatorState once.
func (p Paths) EmulatorLegacyState() string { return filepath.Join(p.Data, "emulator.json") }

// EmulatorConfig is the optional emulator configuration (extra programs).
func (p Paths) EmulatorConfig() string { return filepath.Join(p.Config, "emulator.json") }

// Templates is the directory of customer templates (`drafts template`).
func (p Paths) Templates() string { return filepath.Join(p.Config, "templates") }

// KnownPrograms is where the Beacon program ids used before are kept.
func (p Paths) KnownPrograms() string { return filepath.Join(p.Config, "beacon-programs.json") }
