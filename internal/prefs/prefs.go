// Package prefs remembers small things between runs: the Beacon program
// ids used in each environment, so the wizard can offer them again.
package prefs

import (
	"encoding/json"
	"os"
	"slices"

	"github.com/plaid-onboard/plaid-onboard/internal/atomicfile"
)

// Programs are the program ids remembered per environment, most recent
// first.
type Programs map[string][]string

// maxRemembered bounds each environment's list.
const maxRemembered = 20

// LoadPrograms reads the remembered programs; a missing or unreadable
// file is an empty list (it is only a convenience).
func LoadPrograms(path string) Programs {
	p := Programs{}
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &p)
	}
	return p
}

// RememberProgram puts id first in env's list and saves the file.
func RememberProgram(path, env, id string) error {
	p := LoadPrograms(path)
	list := slices.DeleteFunc(slices.Clone(p[env]), func(s string) bool { return s == id })
	list = append([]string{id}, list...)
	if len(list) > maxRemembered {
		list = list[:maxRemembered]
	}
	p[env] = list
	b, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o600)
}
